# deblur_nb — every target creates the virtual environment it needs (.venv) on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

PORT ?= 8866
SERVE_PORT ?= 8000
.PHONY: app serve loadtest browser install demo test sync nbtest pytest test-slow lab readme train train-cycle train-unet train-gan train-restormer train-ddp bench batch-bench eval clean-venv
HOURS ?=
ARGS  ?=
MINUTES := $(if $(HOURS),$(shell $(PYTHON) -c "print(round($(HOURS)*60))"),100)

# The stamp holds pyproject.toml's checksum: nbdev-export rewrites the file unchanged, which must not mean a new install.
$(STAMP): pyproject.toml
	@sum=$$($(PYTHON) -c "import hashlib; print(hashlib.sha256(open('pyproject.toml', 'rb').read()).hexdigest())") && [ -n "$$sum" ] || exit 1; \
	if [ -x $(BIN)/python ] && [ "$$(cat $(STAMP) 2>/dev/null)" = "$$sum" ]; then touch $(STAMP); else \
	  { test -x $(BIN)/python || $(PYTHON) -m venv $(VENV); } && \
	  echo "installing deblur_nb and its dependencies into $(VENV)" && \
	  $(BIN)/pip install --disable-pip-version-check -q -e '.[dev]' && echo "$$sum" > $(STAMP); fi

install: $(STAMP)

## Degrade test photos, deblur them and a real blurred photo with the shipped model, write a before/after figure.
demo: $(STAMP)
	$(BIN)/deblur-nb-demo --out outputs/demo

## The web app: the upload-and-compare panel served by Voila on localhost only. A page closed or reloaded frees its kernel
## (about 0.6 GB) once that has been idle 5 minutes (culling: the page's own shutdown request is refused without an XSRF token).
app: $(STAMP)
	@echo "deblur_nb app: open http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	OMP_WAIT_POLICY=PASSIVE $(BIN)/voila apps/deblur.ipynb --port=$(PORT) --no-browser --Voila.ip=127.0.0.1 \
	  --Voila.config_file_paths=apps \
	  --MappingKernelManager.cull_interval=60 --MappingKernelManager.cull_idle_timeout=300 --MappingKernelManager.cull_connected=False

## The HTTP API on localhost only: POST /deblur, GET /health, GET /models, docs at /docs; ARGS passes more options,
## e.g. ARGS='--workers 2 --queue 32'.
serve: $(STAMP)
	$(BIN)/deblur-nb-serve --port $(SERVE_PORT) $(ARGS)

## Load test of the HTTP API (starts its own server on a free local port): 200 requests, 8 concurrent clients, mostly
## 1-megapixel photos; prints throughput, latency percentiles, status counts, peak memory and writes results/scale/loadtest.txt.
loadtest: $(STAMP)
	$(BIN)/deblur-nb-loadtest --out results/scale/loadtest.txt $(ARGS)

## Debian's Chromium for the browser test (Playwright cannot download its own browser here).
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && (apt-get update -q && apt-get install -y -q chromium) >/dev/null; } \
	  || echo "note: no chromium; the browser test will be skipped (install Debian's chromium to run it)"

## Everything CI checks: generated code/README in sync, clean notebooks, notebook tests, pytest.
test: $(STAMP) browser sync nbtest pytest

sync: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" bash tools/check_sync.sh

## Two notebooks at once on two cores: their OpenMP threads wait passively rather than spin for each other's cores
nbtest: $(STAMP)
	OMP_WAIT_POLICY=PASSIVE $(BIN)/nbdev-test --n-workers 2

pytest: $(STAMP)
	$(BIN)/python -m pytest -q tests

## The notebooks with their cells flagged slow too (parameter table, compiled-vs-eager check, a small load test), which
## `make test` skips; 11_video's slow cell times the video paths for minutes (the committed table is `make eval`'s), so not here
test-slow: $(STAMP)
	$(BIN)/nbdev-test --n-workers 1 --flags slow --skip-file-re '^11_'

## Default model: 100 minutes on this CPU (or HOURS=...); resumes an interrupted run, a larger HOURS extends it.
train: $(STAMP)
	$(BIN)/deblur-nb-train --name default --minutes $(MINUTES) $(ARGS)

## Another one-cycle of the default model from its finished run, or from the shipped weights where runs/default is absent
## (peak lr 5e-4, fresh patches), 115 minutes or HOURS=...; ARGS passes more options, e.g. ARGS='--threads 1 --eps 1e-5'
train-cycle: $(STAMP)
	$(BIN)/deblur-nb-train --name default --extend --lr 5e-4 --minutes $(if $(HOURS),$(MINUTES),115) $(ARGS)

## The comparison model: fastai DynamicUnet over a quarter-width xresnet18 (2.1 M parameters), from scratch, on the
## default's loss (16 x FFT-L1, 0.3 x grid, 0.08 x PSNR), 256 px x 2 patches; 95 minutes or HOURS=...
train-unet: $(STAMP)
	$(BIN)/deblur-nb-train --name unet --arch unet --size 256 --bs 2 --fft 16.0 --grid 0.3 --psnr 0.08 --minutes $(if $(HOURS),$(MINUTES),95) $(ARGS)

## The transformer (RestormerLite: transposed attention + gated-Dconv feed-forward), from scratch, same data and engine; 95 minutes or HOURS=...
train-restormer: $(STAMP)
	$(BIN)/deblur-nb-train --name restormer --arch restormer --lr 5e-4 --bs 4 --size 128 --grid 0.1 --minutes $(if $(HOURS),$(MINUTES),95) $(ARGS)

## The shipped gan's recipe (adversarial 0.3, FFT 4, grid 1.0, 256 px x 2, old-photo-heavy mix, int8), 20 minutes or HOURS=...
train-gan: $(STAMP)
	$(BIN)/deblur-nb-train --name gan --init default --gan 0.3 --lr 2e-4 --fft 4.0 --grid 1.0 --size 256 --bs 2 --int8 \
	  --presets old_photo,old_photo,old_photo,old_photo,motion,motion,defocus,gaussian --minutes $(if $(HOURS),$(MINUTES),20) $(ARGS)

## The default model trained data-parallel by NPROC processes (torchrun; gloo on CPUs, NCCL with one GPU each), run `ddp`;
## --bs is per process (global batch NPROC x bs). Rerunning the same command resumes a killed job.
NPROC ?= 2
train-ddp: $(STAMP)
	$(BIN)/torchrun --standalone --nproc_per_node $(NPROC) $(BIN)/deblur-nb-train --name ddp --minutes $(MINUTES) $(ARGS)

## Speed per model and path (eager float32, fast = compiled, bfloat16 where the CPU has it): deblur() s/MP at 1, 4 and 24 MP, the network alone at
## 1 MP, first call (load, compile), peak memory; then video frames/s at 1280x720. Writes results/bench.md and results/bench.jsonl.
bench: $(STAMP)
	$(BIN)/deblur-nb-bench --md results/bench.md.tmp > results/bench.jsonl.tmp && mv results/bench.jsonl.tmp results/bench.jsonl
	$(BIN)/python -c 'from deblur_nb.video import video_speed, video_speed_markdown; print(chr(10) + video_speed_markdown(video_speed()))' >> results/bench.md.tmp
	mv results/bench.md.tmp results/bench.md && cat results/bench.md
	$(BIN)/python -c 'from deblur_nb.train import write_model_card; from deblur_nb.models import weights_dir; [write_model_card(f.stem) for f in sorted(weights_dir().glob("*.json"))]'   # the cards quote these speeds

## Batch on Dask: photos/s of deblur-nb in one process vs --workers 2 on 50 photos, plus a kill -9 fault run (results/scale/batch_bench.txt).
batch-bench: $(STAMP)
	$(BIN)/python -c 'from deblur_nb.batch import batch_bench; batch_bench()' > results/scale/batch_bench.txt.tmp \
	  && mv results/scale/batch_bench.txt.tmp results/scale/batch_bench.txt && cat results/scale/batch_bench.txt

## FOLDER=path/to/GoPro_Large (or a Kaggle DBlur / pair folder) also evaluates its test pairs, at most FOLDER_N, into outputs/eval/.
FOLDER_N ?= 20
eval: $(STAMP)
	$(BIN)/deblur-nb-eval $(if $(FOLDER),--folder $(FOLDER) --folder-n $(FOLDER_N))

readme: $(STAMP)
	$(BIN)/python tools/readme.py

lab: $(STAMP)
	OMP_WAIT_POLICY=PASSIVE $(BIN)/jupyter lab --ip=127.0.0.1 --notebook-dir=nbs $$([ "$$(id -u)" = 0 ] && echo --allow-root)

clean-venv:
	rm -rf $(VENV)
