#!/usr/bin/env bash
# One training step of at most MINUTES (default 8) on a lent GPU machine, resumable across calls (issue 28, item 6).
# Here:   bash tools/gpu_wheels.sh            (once; fastai and friends as wheels in .whl/)
# There:  the device tool's run with command 'bash tools/gpu_cycle.sh restormer restormer' and carry ['.whl', 'runs/gpu'],
#         timeout_s 600. Each call resumes runs/gpu/<name> (carried back in from the last call's $OUT, see below),
#         trains on CUDA (bf16 autocast + torch.compile, the same engine as on CPUs), and copies the run folder and the
#         weights with their JSON record (its `machine` field names the GPU) to $OUT/gpu/. Back here, put last.pth, plan.json and
#         log.csv into runs/gpu/<name>/ and the .pt/.json into runs/gpu/weights/ before the next call; compare on
#         validation before shipping. Untested so far: no GPU machine has been lent to this project's sessions yet.
set -euo pipefail
name=${1:-restormer}; arch=${2:-restormer}; minutes=${MINUTES:-8}
python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
export PYTHONPATH=/tmp/site:$PWD PYTHONUNBUFFERED=1
mkdir -p runs/gpu
python3 -c 'import sys; from deblur_nb.train import train_cli; sys.argv[0] = "deblur-nb-train"; train_cli()' \
  --name "$name" --arch "$arch" --device cuda --bs 16 --size 256 --lr 5e-4 --grid 0.1 --minutes "$minutes" \
  --runs runs/gpu --out runs/gpu/weights 2>&1 | tail -40
mkdir -p "$OUT/gpu"
for f in runs/gpu/"$name"/last.pth runs/gpu/"$name"/plan.json runs/gpu/"$name"/log.csv runs/gpu/weights/"$name".pt runs/gpu/weights/"$name".json; do
  [ -f "$f" ] && cp "$f" "$OUT/gpu/"
done
ls -la "$OUT/gpu"
