#!/usr/bin/env bash
# Regenerates nothing it keeps: the check behind `make sync` (part of `make test`).
# Fail if nbdev-export, nbdev-clean or the README generator change anything: generated modules, cleaned
# notebooks and README.md must be committed in sync with the notebooks. Compares the tree before and after,
# so it also works on a working copy with uncommitted edits (on a clean clone this is `git diff --exit-code`).
set -euo pipefail
cd "$(dirname "$0")/.."
snap() { git status --porcelain --untracked-files=all -- deblur_nb nbs README.md; git diff -- deblur_nb nbs README.md | sha1sum;
         find deblur_nb nbs README.md -type f \( -name '*.py' -o -name '*.ipynb' -o -name '*.md' \) -not -path '*/.ipynb_checkpoints/*' -print0 | sort -z | xargs -0 sha1sum; }
before=$(snap)
nbdev-export
nbdev-clean
python tools/readme.py
after=$(snap)
if [ "$before" != "$after" ]; then
  echo "FAIL: nbdev-export / nbdev-clean / tools/readme.py changed files; commit the regenerated files:" >&2
  diff <(echo "$before") <(echo "$after") >&2 || true
  git --no-pager diff --stat -- deblur_nb nbs README.md >&2
  exit 1
fi
echo "sync: nbdev-export, nbdev-clean and README generation leave no diff"
