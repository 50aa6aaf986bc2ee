"`deblur-nb --workers`: a real two-process Dask cluster with the shipped model, and kill -9 in the middle of a run."
import os, signal, subprocess, time
from pathlib import Path
import numpy as np
import psutil
from PIL import Image
from conftest import BIN
from deblur_nb.batch import MANIFEST, manifest_rows, read_manifest, sha256_file, weights_path, worker_processes

def _photos(folder:Path, n:int, h:int, w:int):
    folder.mkdir(parents=True)
    for i in range(n):
        Image.fromarray((np.random.default_rng(i).random((h, w, 3))*255).astype(np.uint8)).save(folder/f'p{i:02d}.jpg', quality=90)

def test_workers_writes_outputs_and_manifest_and_resumes(run, tmp_path):
    _photos(tmp_path/'in', 4, 64, 64)
    (tmp_path/'in'/'corrupt.png').write_bytes(b'\x89PNG\r\n\x1a\n truncated')
    (tmp_path/'notes.txt').write_text('not a photo')
    cmd = [BIN/'deblur-nb', tmp_path/'in', tmp_path/'notes.txt', '-o', tmp_path/'out', '--workers', '2']
    r = run(*cmd)
    assert r.returncode == 1, r.stderr                          # two files failed, the others were done
    outs = sorted(p.name for p in (tmp_path/'out').iterdir())
    assert outs == [MANIFEST] + [f'p{i:02d}_deblurred.jpg' for i in range(4)]
    assert sorted(r.stdout.split()) == [str(tmp_path/'out'/f'p{i:02d}_deblurred.jpg') for i in range(4)]
    assert 'failed: ' in r.stderr and 'corrupt.png' in r.stderr and 'notes.txt: not an image' in r.stderr
    assert 'Traceback' not in r.stderr
    last = read_manifest(tmp_path/'out'/MANIFEST)
    assert sorted(v['status'] for v in last.values()) == ['done']*4 + ['failed']*2
    for k, v in last.items():
        assert v['model'] == 'default' and v['model_sha256'] == sha256_file(weights_path('default'))
        if v['status'] == 'done':
            assert v['sha256'] == sha256_file(k) and Path(v['output']).exists() and float(v['seconds']) > 0
    mtimes = {p: p.stat().st_mtime_ns for p in (tmp_path/'out').glob('*.jpg')}
    r2 = run(*cmd)                                                # resume: nothing to do, nothing rewritten
    assert r2.returncode == 1 and sorted(r2.stdout.split()) == sorted(map(str, mtimes)) and '0 done, 0 failed, 4 already done, 2 failed before' in r2.stderr   # (stdout: every result, done before too)
    assert {p: p.stat().st_mtime_ns for p in (tmp_path/'out').glob('*.jpg')} == mtimes

def _workers_of(pid:int) -> list:
    return worker_processes(pid)

def _done(man:Path) -> int:
    return sum(v['status'] == 'done' for v in read_manifest(man).values())

def test_kill_9_worker_then_client_mid_run_then_rerun(run, tmp_path):
    _photos(tmp_path/'in', 12, 288, 352)
    out, man = tmp_path/'out', tmp_path/'out'/MANIFEST
    cmd = [str(BIN/'deblur-nb'), str(tmp_path/'in'), '-o', str(out), '--workers', '2']
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t0, killed_worker, workers = time.time(), False, []
    while p.poll() is None and time.time() - t0 < 120:
        n = _done(man)
        if n >= 3 and not killed_worker:
            w = _workers_of(p.pid); os.kill(w[0].pid, signal.SIGKILL); killed_worker = True    # a worker dies mid-file
        if n >= 6:
            workers = _workers_of(p.pid); os.kill(p.pid, signal.SIGKILL); break              # then the client itself
        time.sleep(0.01)
    p.wait(30)
    assert killed_worker and p.returncode == -signal.SIGKILL, 'the run ended before it could be killed'
    finished = {r['output']: sha256_file(r['output']) for r in read_manifest(man).values() if r['status'] == 'done'}
    assert 6 <= len(finished) < 12
    psutil.wait_procs(workers, timeout=20)                            # the workers go with their client
    assert not [w for w in workers if w.is_running() and w.status() != psutil.STATUS_ZOMBIE]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert 'already done' in r.stderr and 'Traceback' not in r.stderr
    rows = manifest_rows(man)
    for i in range(12):
        src = str(tmp_path/'in'/f'p{i:02d}.jpg')
        assert sum(x['input'] == src and x['status'] == 'done' for x in rows) == 1, src   # done exactly once
        assert (out/f'p{i:02d}_deblurred.jpg').exists()
    assert {o: sha256_file(o) for o in finished} == finished          # finished before the kills: byte-identical
    assert not [f.name for f in out.iterdir() if f.name.endswith('.part')]   # no temporary file left
