"Repository-level promises: README commands, credits travel with photos, clean notebooks, no import-time work."
import csv, json, re, subprocess, sys
from conftest import ROOT

def test_readme_opens_with_the_two_setup_commands():
    text = (ROOT/'README.md').read_text()
    block = re.search(r'```bash\n(.*?)```', text, re.S).group(1)
    cmds = [l.split('#')[0].strip() for l in block.splitlines() if l.strip()]
    assert cmds == ['make app', 'make test']
    assert text.index('```bash') < text.index('## ')           # before any section
    make = (ROOT/'Makefile').read_text()
    assert re.search(r'^app: \$\(STAMP\)', make, re.M) and re.search(r'^test: \$\(STAMP\)', make, re.M)
    assert 'make test' in (ROOT/'.ci'/'run').read_text()

def test_readme_is_generated_from_index_notebook():
    before = (ROOT/'README.md').read_text()
    subprocess.run([sys.executable, ROOT/'tools'/'readme.py'], check=True)
    assert (ROOT/'README.md').read_text() == before

def test_every_photo_is_credited_and_split():
    photos = {p.name for p in (ROOT/'data'/'photos').glob('*.jpg')}
    rows = list(csv.DictReader(open(ROOT/'data'/'photos'/'sources.csv')))
    assert photos == {r['file'] for r in rows} and len(photos) == 376
    assert all(r['license'] for r in rows) and sum(not r['author'] for r in rows) <= 1   # scipy-ascent: public domain, no author recorded
    md = (ROOT/'data'/'photos'/'SOURCES.md').read_text()
    assert all(p in md for p in photos)
    splits = {r['file']: r['split'] for r in csv.DictReader(open(ROOT/'data'/'photos'/'splits.csv'))}
    assert set(splits) == photos and set(splits.values()) == {'train', 'valid', 'test'}

def test_notebooks_are_clean_and_numbered():
    for nb in (ROOT/'nbs').glob('*.ipynb'):
        cells = json.loads(nb.read_text())['cells']
        assert all(c.get('execution_count') is None for c in cells if c['cell_type'] == 'code'), nb.name
        assert nb.name == 'index.ipynb' or re.match(r'\d\d[a-z]?_', nb.name), nb.name
        src = ''.join(''.join(c['source']) for c in cells)
        assert '/work/' not in src and 'shared/' not in src, f'{nb.name}: hard-coded machine path'

def test_no_import_time_work():
    code = ('import sys, deblur_nb.core, deblur_nb.degrade; '
            'print(sorted(m for m in ("torch", "matplotlib", "kaggle", "fastai") if m in sys.modules))')
    out = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == '[]', out
    code = 'import sys, deblur_nb.data; print("kaggle" in sys.modules)'
    out = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == 'False', out   # kaggle authenticates on import: it must stay lazy

def test_openmp_waits_passively_in_notebooks():
    "In a Jupyter kernel, importing deblur_nb before torch sets OMP_WAIT_POLICY=PASSIVE (a user's own setting stays): spinning OpenMP threads made network calls in a kernel's main thread 35x slower. Elsewhere nothing is set: passive waiting made deblur() and video 15% slower."
    import os
    env = {k: v for k, v in os.environ.items() if k != 'OMP_WAIT_POLICY'}
    run = lambda pre, e: subprocess.run([sys.executable, '-c', f'import os, {pre}deblur_nb; print(os.environ.get("OMP_WAIT_POLICY"))'],
                                        capture_output=True, text=True, check=True, env=e).stdout.strip()
    assert run('ipykernel, ', env) == 'PASSIVE' and run('ipykernel, ', {**env, 'OMP_WAIT_POLICY': 'ACTIVE'}) == 'ACTIVE'   # a kernel
    assert run('', env) == 'None' and run('', {**env, 'OMP_WAIT_POLICY': 'PASSIVE'}) == 'PASSIVE'   # a script or the command: libgomp's default, or the user's
    assert all('OMP_WAIT_POLICY=PASSIVE $(BIN)/' in l for l in (ROOT/'Makefile').read_text().splitlines() if '/voila ' in l or '/jupyter lab' in l)
    late = lambda pre: subprocess.run([sys.executable, '-c', f'import {pre}torch, deblur_nb'], capture_output=True, text=True, check=True, env=env).stderr
    assert 'import deblur_nb first' in late('ipykernel, ') and late('') == '' and late('deblur_nb, ipykernel, ') == ''   # torch first in a kernel: said; in a script, or deblur_nb first: nothing

def test_package_works_without_shared_folder():
    "Nothing in the package or notebooks reads ../shared at run time."
    for f in list((ROOT/'deblur_nb').glob('*.py')) + list((ROOT/'nbs').glob('*.ipynb')):
        assert '../shared' not in f.read_text(), f

def test_shipped_weights_are_small_recorded_and_load():
    "Issue 4's bounds: default at most 8 MB, every committed weight file at most 20 MB, each with its JSON record."
    from deblur_nb.models import load_model, model_record
    files = subprocess.run(['git', 'ls-files', 'deblur_nb/weights/*.pt'], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert 'deblur_nb/weights/default.pt' in files
    assert (ROOT/'deblur_nb'/'weights'/'default.pt').stat().st_size <= 8e6
    for f in files:
        p = ROOT/f; assert p.stat().st_size <= 20e6, f
        r = model_record(p)
        for k in ('arch', 'kwargs', 'params', 'data', 'presets', 'train_seconds', 'machine', 'valid_psnr', 'valid_ssim', 'valid_input_psnr'):
            assert k in r, (f, k)
        m = load_model(p)
        assert sum(q.numel() for q in m.parameters()) == r['params'] and not m.training

def _module_imports(path) -> set:
    "The package modules a source file imports, at top level or inside functions."
    import ast
    mods = set()
    for n in ast.walk(ast.parse(path.read_text())):
        if isinstance(n, ast.ImportFrom):
            m = ('deblur_nb.' + (n.module or '')).rstrip('.') if n.level else (n.module or '')
            if m == 'deblur_nb': mods |= {f'deblur_nb.{a.name}' for a in n.names}
            elif m.startswith('deblur_nb.'): mods.add(m)
        elif isinstance(n, ast.Import): mods |= {a.name for a in n.names if a.name.startswith('deblur_nb')}
    return mods

def test_infer_imports_only_core_and_models():
    "What every user imports pulls in no training data, degradations or metrics (issue 31)."
    assert _module_imports(ROOT/'deblur_nb'/'infer.py') <= {'deblur_nb.core', 'deblur_nb.models'}
    code = ('import sys, numpy as np; from deblur_nb.infer import deblur; deblur(np.random.default_rng(0).random((40, 40, 3), np.float32)); '
            'print(sorted(m for m in sys.modules if m.startswith("deblur_nb.")))')
    out = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "['deblur_nb.core', 'deblur_nb.infer', 'deblur_nb.models']", out

def _readme_blocks(lang):
    return re.findall(rf'```{lang}\n(.*?)```', (ROOT/'README.md').read_text(), re.S)

def test_readme_names_only_existing_targets_scripts_and_functions():
    "Every make target, console script, option and function the README shows exists as written (issue 31)."
    import ast, importlib, inspect, tomllib
    text = (ROOT/'README.md').read_text()
    targets = set(re.findall(r'^([A-Za-z][\w-]*):', (ROOT/'Makefile').read_text(), re.M))
    scripts = set(tomllib.loads((ROOT/'pyproject.toml').read_text())['project']['scripts'])
    for t in re.findall(r'\bmake ([a-z][\w-]*)', text): assert t in targets, f'README names make target {t!r}, which the Makefile lacks'
    for s in re.findall(r'\.venv/bin/([\w-]+)', text): assert s in scripts, f'README names console script {s!r}, which pyproject lacks'
    for block in _readme_blocks('bash'):
        for line in (l.split('#')[0].split() for l in block.splitlines()):
            if not line: continue
            if line[0] == 'make': assert len(line) == 1 or '=' in line[1] or line[1] in targets, line; continue
            if line[0] == 'curl': continue   # talks to `make serve`, whose routes the service tests check
            assert line[0].startswith('.venv/bin/'), f'a README command runs {line[0]!r}, not a make target or a console script'
            helptext = subprocess.run([str(ROOT/line[0])] + ['--help'], capture_output=True, text=True).stdout
            for opt in (a.split('=')[0] for a in line[1:] if a.startswith('-')): assert opt in helptext, f'{line[0]} has no option {opt}'
    for block in _readme_blocks('python'):
        tree, names = ast.parse(block), {}
        for n in ast.walk(tree):
            if isinstance(n, ast.ImportFrom) and n.module.startswith('deblur_nb'):
                mod = importlib.import_module(n.module)
                for a in n.names: assert hasattr(mod, a.name), f'{n.module} has no {a.name}'; names[a.asname or a.name] = getattr(mod, a.name)
        for n in ast.walk(tree):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in names:
                params = inspect.signature(names[n.func.id]).parameters
                for k in n.keywords: assert k.arg in params, f'{n.func.id}() has no argument {k.arg}'

def test_every_weight_record_has_its_current_model_card():
    "A card per weight record, as its generator writes it from the record and the committed results (issue 31)."
    from deblur_nb.train import model_card
    from deblur_nb.models import weights_dir
    names = sorted(f.stem for f in weights_dir().glob('*.json'))
    assert {'default', 'gan'} <= set(names)
    for n in names:
        card = weights_dir()/f'{n}.md'
        assert card.exists(), f'{card} missing: run make eval'
        assert card.read_text() == model_card(n), f'{card} is out of date: run make eval'
    assert all(f'deblur_nb/weights/{n}.md' in (ROOT/'README.md').read_text() for n in names)
