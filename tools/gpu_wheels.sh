#!/usr/bin/env bash
# Prepares a GPU training step (issue 28): downloads the pure-Python packages that the lent GPU machine lacks (its image
# has torch, torchvision, numpy, pandas, scipy, scikit-image, opencv, matplotlib, but no fastai) into .whl/, which
# .git/info/exclude ignores. Run here once, before `tools/gpu_cycle.sh` runs there.
set -euo pipefail
grep -qx '/.whl/' .git/info/exclude 2>/dev/null || echo '/.whl/' >> .git/info/exclude
mkdir -p .whl
python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
  --platform manylinux_2_28_x86_64 --platform manylinux2014_x86_64 --platform any -d .whl \
  fastai fastcore fastprogress fastdownload fasttransform plum-dispatch beartype python-fasthtml
ls -la .whl
