"Console scripts, run as a user would."
import os
from pathlib import Path
from conftest import BIN, ROOT

def test_main_job_writes_figure_and_never_overwrites(run, tmp_path):
    r = run(BIN/'deblur-nb-degrade', '--out', tmp_path/'o', '--n', '1')
    assert r.returncode == 0, r.stderr
    fig = Path(r.stdout.strip().splitlines()[-1])
    assert fig.exists() and fig.stat().st_size > 10_000
    pngs = sorted(p.name for p in (tmp_path/'o').glob('*_*.png') if p.name != 'before_after.png')
    assert len(pngs) == 4 and all(n.endswith(('_motion.png', '_defocus.png', '_gaussian.png', '_old_photo.png')) for n in pngs)
    mine = tmp_path/'o'/pngs[0]; mine.write_bytes(b'user file')   # a file the user put there is kept
    assert run(BIN/'deblur-nb-degrade', '--out', tmp_path/'o', '--n', '1').returncode == 0
    assert mine.read_bytes() == b'user file'

def test_kaggle_download_without_credentials_is_one_clear_line(run, tmp_path):
    r = run(BIN/'deblur-nb-download-kaggle', '--dest', tmp_path/'k', env={'HOME': str(tmp_path)})
    assert r.returncode == 1
    err = r.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith('error: no Kaggle credentials found'), r.stderr
    assert 'Traceback' not in r.stderr and r.stdout == ''
    assert not (tmp_path/'k').exists()

def test_demo_uses_shipped_weights(run, tmp_path):
    r = run(BIN/'deblur-nb-demo', '--out', tmp_path/'d', '--n', '1')
    assert r.returncode == 0, r.stderr
    assert Path(r.stdout.strip().splitlines()[-1]).exists()
    real = [f for f in (ROOT/'data'/'real').iterdir() if f.suffix in ('.png', '.jpg')]
    assert len(list((tmp_path/'d').glob('*_deblurred.png'))) == 1 + len(real) >= 3   # one test photo + every real photo (the clock, the old print)

def test_public_deblur_with_the_shipped_model():
    import numpy as np
    from PIL import Image
    from deblur_nb.infer import deblur
    im = Image.fromarray((np.random.default_rng(0).random((50, 70, 3))*255).astype(np.uint8))
    out = deblur(im)
    assert out.size == im.size and out.mode == 'RGB'
    assert deblur(im.convert('L')).mode == 'L'
