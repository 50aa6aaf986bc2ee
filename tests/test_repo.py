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
    assert photos == {r['file'] for r in rows} and len(photos) == 195
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
