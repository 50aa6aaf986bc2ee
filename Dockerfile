# The deblur_nb web app (CPU). Build and serve:
#   docker build -t deblur-nb .
#   docker run --rm -p 127.0.0.1:8866:8866 deblur-nb      # then open http://127.0.0.1:8866/
# Inside the container Voila listens on all interfaces so the port mapping can reach it; the mapping above keeps it
# on the host's localhost. Pass --build-arg PIP_ARGS="--index-url <a CPU-only PyTorch wheel index>" for a smaller image.
FROM python:3.11-slim
ARG PIP_ARGS=""
ENV PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 OMP_WAIT_POLICY=PASSIVE
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends libgl1 libglib2.0-0 && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY deblur_nb ./deblur_nb
RUN pip install $PIP_ARGS torch torchvision && pip install .
COPY apps ./apps
COPY data ./data
EXPOSE 8866
CMD ["voila", "apps/deblur.ipynb", "--port=8866", "--no-browser", "--Voila.ip=0.0.0.0", \
     "--Voila.config_file_paths=apps", \
     "--MappingKernelManager.cull_interval=60", "--MappingKernelManager.cull_idle_timeout=300", "--MappingKernelManager.cull_connected=False"]
