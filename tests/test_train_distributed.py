"`deblur-nb-train` under `torchrun --nproc_per_node 2` on CPU (gloo): only process 0 writes, and a kill -9 of the job resumes."
import json, os, signal, subprocess, time
import pandas as pd
import psutil, torch
from PIL import Image
from conftest import BIN, ROOT

def _cmd(tmp_path) -> list:
    "A tiny two-process run: width-8 network, 32 px patches, two validation photos, 2 epochs."
    return [str(BIN/'torchrun'), '--standalone', '--nproc_per_node', '2', str(BIN/'deblur-nb-train'), '--name', 'ddp',
            '--model-kwargs', 'width=8;middle_blocks=1', '--epochs', '2', '--bs', '2', '--size', '32', '--batches-per-epoch', '3',
            '--n-valid', '2', '--presets', 'gaussian', '--eager', '--runs', str(tmp_path/'runs'), '--out', str(tmp_path/'out')]

def _kill_job(p:subprocess.Popen):
    "kill -9 the torchrun launcher and its workers (torchrun starts each worker in its own session)."
    procs = [psutil.Process(p.pid)] + psutil.Process(p.pid).children(recursive=True)
    for q in procs:
        try: q.kill()
        except psutil.NoSuchProcess: pass
    psutil.wait_procs(procs, timeout=10)

def test_two_processes_write_once_and_resume_after_kill(tmp_path):
    env = {**os.environ, 'OMP_NUM_THREADS': '1'}
    run = tmp_path/'runs'/'ddp'
    p = subprocess.Popen(_cmd(tmp_path), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    t0 = time.time()
    while not (run/'last.pth').exists():   # the first epoch's checkpoint
        assert p.poll() is None, p.stdout.read()
        assert time.time() - t0 < 120, 'no checkpoint after 120 s'
        time.sleep(0.05)
    _kill_job(p)
    assert torch.load(run/'last.pth', weights_only=False)['epoch'] == 0 and not (tmp_path/'out'/'ddp.pt').exists()      # killed during epoch 1
    r = subprocess.run(_cmd(tmp_path), cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)   # the same command again
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert sorted(f.name for f in run.iterdir()) == ['last.pth', 'log.csv', 'plan.json']   # no per-process files
    assert sorted(f.name for f in (tmp_path/'out').iterdir()) == ['ddp.json', 'ddp.pt']
    assert list(tmp_path.rglob('*.csv')) == [run/'log.csv']
    log = pd.read_csv(run/'log.csv')
    assert log.epoch.tolist() == [0, 1], log                       # one row per epoch, written once, epoch 0 not redone
    assert torch.load(run/'last.pth', weights_only=False)['epoch'] == 1
    assert r.stdout.count('"run": "ddp"') == 1                    # only process 0 prints the record
    rec = json.loads((tmp_path/'out'/'ddp.json').read_text())
    assert rec['epochs'] == 2 and '2 processes' in rec['machine'] and rec['command'].startswith('torchrun --nproc_per_node 2')
    from deblur_nb.models import load_model
    from deblur_nb.infer import deblur
    m = load_model(tmp_path/'out'/'ddp.pt')
    x = torch.rand(1, 3, 40, 48)
    with torch.no_grad(): assert m(x).shape == x.shape
    im = Image.fromarray((x[0].permute(1, 2, 0).numpy()*255).astype('uint8'))
    assert deblur(im, model=tmp_path/'out'/'ddp.pt').size == (48, 40)   # the checkpoint's weights serve `deblur`
