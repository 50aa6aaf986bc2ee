"""Regenerates README.md from nbs/index.ipynb (Quarto, which nbdev-readme needs, cannot be installed here). Run: `make readme`
(`make test` fails when README.md is out of date).

A markdown line `<!-- include PATH -->` is replaced by the file at PATH (relative to the repo root), so generated
tables such as results/summary.md appear in the README exactly as `make eval` wrote them."""
import json, re
from pathlib import Path

root = Path(__file__).resolve().parent.parent
nb = json.loads((root/'nbs'/'index.ipynb').read_text())
parts = []
for c in nb['cells']:
    src = ''.join(c['source']).strip()
    if not src or src.startswith('#| hide'): continue
    if c['cell_type'] == 'markdown':
        # figures are linked relative to nbs/ in the notebook, relative to the root in the README
        src = re.sub(r'<!-- include (\S+) -->', lambda m: (root/m.group(1)).read_text().strip() if (root/m.group(1)).exists()
                     else f'({m.group(1)} not generated yet: run `make eval`)', src)
        parts.append(re.sub(r'\]\(\.\./', '](', src))
    elif c['cell_type'] == 'code':
        parts.append('```python\n' + '\n'.join(l for l in src.splitlines() if not l.startswith('#|')) + '\n```')
text = '<!-- generated from nbs/index.ipynb by tools/readme.py: edit the notebook, not this file -->\n\n' + '\n\n'.join(parts) + '\n'
out = root/'README.md'
if not out.exists() or out.read_text() != text: out.write_text(text)
