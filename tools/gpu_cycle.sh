#!/usr/bin/env bash
# One step of at most MINUTES (default 8) of a GPU training run of EPOCHS epochs (default 20), resumable across calls
# (issue 28, item 6).
# Here:   bash tools/gpu_wheels.sh            (once; fastai and friends as wheels in .whl/)
# There:  the device tool's run with command 'bash tools/gpu_cycle.sh restormer restormer' and carry ['.whl', 'runs/gpu'],
#         timeout_s 600. The run has a fixed number of epochs, so its one-cycle schedule follows epochs and a run cut
#         at a call's limit resumes exactly: each call trains on CUDA (bf16 autocast + torch.compile, the same engine as
#         on CPUs) until the run is done or MINUTES are up (it then stops at once; the last finished epoch's checkpoint
#         is kept), and copies the run folder, plus the weights with their JSON record once the run is done (its
#         `machine` field names the GPU), to $OUT/gpu/. Back here, put last.pth, plan.json and log.csv into
#         runs/gpu/<name>/ (and the .pt/.json into runs/gpu/weights/) before the next call; compare on validation before
#         shipping.
# Rehearsed on this CPU (DEVICE and EXTRA, more deblur-nb-train options, make it small):
#   PATH=$PWD/.venv/bin:$PATH OUT=/tmp/gpuout DEVICE=cpu EPOCHS=4 MINUTES=0.5 \
#     EXTRA='--batches-per-epoch 2 --n-valid 2 --threads 1 --bs 2 --size 64 --eager' bash tools/gpu_cycle.sh
# Not yet run on a GPU: none has been lent to this project's sessions.
set -euo pipefail
name=${1:-restormer}; arch=${2:-restormer}; minutes=${MINUTES:-8}; epochs=${EPOCHS:-20}; device=${DEVICE:-cuda}
python3 -c 'import fastai' 2>/dev/null ||   # the GPU image lacks fastai; a CPU rehearsal in the venv has it
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
export PYTHONPATH=/tmp/site:$PWD PYTHONUNBUFFERED=1
mkdir -p runs/gpu
# The console script's body as a file: fastcore's call_parse reads sys.argv only when called from a script's top level,
# so `python3 -c '...train_cli()' ARGS` would silently train the defaults (a 100-minute default model in runs/default).
printf 'import sys\nfrom deblur_nb.train import train_cli\nsys.argv[0] = "deblur-nb-train"   # as the record'"'"'s command\ntrain_cli()\n' > /tmp/deblur-nb-train.py
set +e
timeout "$(python3 -c "print(max(1, round($minutes*60)))")" python3 /tmp/deblur-nb-train.py \
  --name "$name" --arch "$arch" --device "$device" --bs 16 --size 256 --lr 5e-4 --grid 0.1 --epochs "$epochs" \
  --runs runs/gpu --out runs/gpu/weights ${EXTRA:-} > /tmp/train.log 2>&1
rc=$?
set -e
tail -40 /tmp/train.log
[ -f runs/gpu/"$name"/plan.json ] || { echo "no runs/gpu/$name/plan.json: the training command did not take its arguments" >&2; exit 1; }
if [ "$rc" = 124 ]; then echo "paused after $minutes min: call again to continue from the last finished epoch"
elif [ "$rc" != 0 ]; then echo "training failed (exit $rc)" >&2; exit "$rc"; fi
mkdir -p "$OUT/gpu"
for f in runs/gpu/"$name"/last.pth runs/gpu/"$name"/plan.json runs/gpu/"$name"/log.csv runs/gpu/weights/"$name".pt runs/gpu/weights/"$name".json; do
  if [ -f "$f" ]; then cp "$f" "$OUT/gpu/"; fi
done
ls -la "$OUT/gpu"
