"Console scripts, run as a user would."
import os, subprocess
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

def test_deblur_nb_takes_videos_beside_photos(run, tmp_path):
    "A folder of two photos, a clip, random bytes named .mp4 and a text file named .mov: one command, two one-line failures."
    import numpy as np, torch
    from PIL import Image
    from deblur_nb.core import load_image, data_dir
    from deblur_nb.models import NAFNetLite, save_model
    from deblur_nb.video import probe_video, write_video
    torch.manual_seed(0)
    weights = save_model(NAFNetLite(width=8, enc_blocks=(1,), middle_blocks=1, dec_blocks=(1,)), tmp_path/'weights'/'tiny.pt', half=False)
    d = tmp_path/'in'; d.mkdir()
    for i in range(2): Image.fromarray((np.random.default_rng(i).random((40, 56, 3))*255).astype(np.uint8)).save(d/f'photo{i}.jpg')
    astro = load_image(data_dir()/'photos'/'skimage-astronaut.jpg')
    clip = write_video([np.ascontiguousarray(astro[:, 100:148, 100 + 2*i:164 + 2*i]) for i in range(5)], d/'holiday_1987.mp4', fps=15)
    (d/'corrupt.mp4').write_bytes(np.random.default_rng(0).bytes(5000))
    (d/'notes.mov').write_text('shopping list, not a video\n')
    inputs = {f.name: f.read_bytes() for f in d.iterdir()}
    cmd = [BIN/'deblur-nb', d, '-o', tmp_path/'out', '--model', weights]
    r = run(*cmd, timeout=120)
    assert r.returncode == 1, r.stderr
    out = tmp_path/'out'
    assert sorted(p.name for p in out.iterdir()) == ['holiday_1987_deblurred.mp4', 'manifest.csv', 'photo0_deblurred.jpg', 'photo1_deblurred.jpg']
    assert r.stdout.split() == [str(out/n) for n in ('photo0_deblurred.jpg', 'photo1_deblurred.jpg', 'holiday_1987_deblurred.mp4')]
    failed = [l for l in r.stderr.splitlines() if l.startswith('failed: ')]
    assert [l.split(': ')[1] for l in failed] == [str(d/'corrupt.mp4'), str(d/'notes.mov')], r.stderr
    assert all('not a readable video' in l for l in failed) and 'Traceback' not in r.stderr
    i, o = probe_video(clip), probe_video(out/'holiday_1987_deblurred.mp4')
    assert (o.width, o.height, o.fps, o.frames, o.codec) == (i.width, i.height, i.fps, i.frames, 'h264') == (64, 48, 15, 5, 'h264')
    assert {f.name: f.read_bytes() for f in d.iterdir()} == inputs                     # inputs untouched
    made = {p.name: p.read_bytes() for p in out.iterdir()}
    r = run(*cmd, timeout=120)                                                        # a rerun goes on from the manifest: nothing made again
    assert r.stdout.split() == [str(out/n) for n in ('photo0_deblurred.jpg', 'photo1_deblurred.jpg', 'holiday_1987_deblurred.mp4')], r.stdout   # every result, done before
    assert r.stderr.endswith(f"0 done, 0 failed, 3 already done, 2 failed before (--retry-failed redoes them); manifest: {out/'manifest.csv'}\n"), r.stderr
    assert r.returncode == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == made
    (out/'photo1_deblurred.jpg').write_bytes(b'edited by hand')                     # a result changed since: never written over
    r = run(*cmd, '--strength', '0.5', timeout=120)                                   # other settings: made again, but nothing replaced
    assert r.stdout == '' and r.stderr.count('exists') == 3 and r.returncode == 1, r.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name != 'manifest.csv'} == {**{k: v for k, v in made.items() if k != 'manifest.csv'}, 'photo1_deblurred.jpg': b'edited by hand'}

def test_large_blur_option_on_the_real_clock(run, tmp_path):
    "`--large-blur on` adds the half-resolution pass (what `deblur(large_blur='on')` gives, not one pass); a bad value is one line."
    import numpy as np
    from deblur_nb.core import load_image
    from deblur_nb.infer import deblur
    from deblur_nb.metrics import gradient_energy
    clock = ROOT/'data'/'real'/'clock_motion.png'
    out = {}
    for mode in ('off', 'on'):
        r = run(BIN/'deblur-nb', clock, '-o', tmp_path/mode, '--large-blur', mode)
        assert r.returncode == 0, r.stderr
        out[mode] = load_image(tmp_path/mode/'clock_motion_deblurred.png')
        assert gradient_energy(out[mode]) > 1.1*gradient_energy(load_image(clock))   # both sharpen the clock
    lib = np.asarray(deblur(load_image(clock), large_blur='on'), dtype=np.float32).transpose(2, 0, 1)/255
    assert np.abs(out['on'] - lib).mean() < 0.25*np.abs(out['on'] - out['off']).mean()   # the library's two-pass result, not one pass
    r = run(BIN/'deblur-nb', clock, '-o', tmp_path/'x', '--large-blur', 'maybe')
    assert r.returncode != 0 and 'auto, on or off' in r.stderr and 'Traceback' not in r.stderr
    assert not (tmp_path/'x').exists()

def test_an_interlaced_tape_transfer_comes_out_without_combs(run, tmp_path):
    "A video whose frames are flagged interlaced is deinterlaced before deblurring (`--deinterlace off` keeps the combs); a bad value is one line."
    import av, numpy as np
    from deblur_nb.video import read_frames
    def scene(t): a = np.full((48, 64, 3), 40, np.uint8); a[8:40, 6 + 4*t:18 + 4*t] = 220; return a   # a bar moving 4 px per field
    with av.open(str(tmp_path/'tape.mkv'), 'w') as c:
        v = c.add_stream('libx264', rate=25, options={'x264-params': 'interlaced=1:tff=1', 'crf': '10'}); v.width, v.height, v.pix_fmt = 64, 48, 'yuv420p'
        for k in range(6):
            a = scene(2*k); a[1::2] = scene(2*k + 1)[1::2]   # two fields woven
            f = av.VideoFrame.from_ndarray(a, format='rgb24'); f.pts = k; c.mux(v.encode(f))
        c.mux(v.encode())
    comb = lambda p: float(np.mean([np.abs(f[:, 1:-1] - (f[:, :-2] + f[:, 2:])/2).mean() for f in read_frames(p, deinterlace=False)]))
    for mode in ('auto', 'off'):
        r = run(BIN/'deblur-nb', tmp_path/'tape.mkv', '-o', tmp_path/mode, '--deinterlace', mode)
        assert r.returncode == 0, r.stderr
    src, auto, off = comb(tmp_path/'tape.mkv'), comb(tmp_path/'auto'/'tape_deblurred.mp4'), comb(tmp_path/'off'/'tape_deblurred.mp4')
    assert auto < src/4 and off > src/2, (src, auto, off)
    r = run(BIN/'deblur-nb', tmp_path/'tape.mkv', '-o', tmp_path/'x', '--deinterlace', 'maybe')
    assert r.returncode != 0 and 'auto, on or off' in r.stderr and 'Traceback' not in r.stderr and len(r.stderr.strip().splitlines()) == 1

def test_a_format_we_read_but_do_not_write_comes_out_as_png(run, tmp_path):
    "A GIF scan given by name is deblurred to a PNG beside its name (writing a .gif would fail), and the GIF is untouched."
    import numpy as np, torch
    from PIL import Image
    from deblur_nb.models import NAFNetLite, save_model
    torch.manual_seed(0)
    weights = save_model(NAFNetLite(width=8, enc_blocks=(1,), middle_blocks=1, dec_blocks=(1,)), tmp_path/'tiny.pt', half=False)
    gif = tmp_path/'scan.gif'
    Image.fromarray((np.random.default_rng(0).random((40, 56, 3))*255).astype(np.uint8)).convert('P').save(gif)
    before = gif.read_bytes()
    r = run(BIN/'deblur-nb', gif, '-o', tmp_path/'out', '--model', weights)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == [str(tmp_path/'out'/'scan_deblurred.png')] and Image.open(tmp_path/'out'/'scan_deblurred.png').size == (56, 40)
    assert gif.read_bytes() == before

def test_a_run_waits_for_no_other_run(run, tmp_path):
    import numpy as np
    from PIL import Image
    from deblur_nb.batch import Manifest, MANIFEST
    Image.fromarray((np.random.default_rng(0).random((40, 60, 3))*255).astype(np.uint8)).save(tmp_path/'a.png')
    with Manifest(tmp_path/'out'/MANIFEST):   # a batch run holds the folder
        r = run(BIN/'deblur-nb', tmp_path/'a.png', '-o', tmp_path/'out')
    assert r.returncode == 1 and r.stderr.strip() == f"{tmp_path/'out'}: another deblur-nb run is writing to this folder; wait for it to end, or choose another -o", r.stderr
    assert not (tmp_path/'out'/'a_deblurred.png').exists()
    assert run(BIN/'deblur-nb', tmp_path/'a.png', '-o', tmp_path/'out').returncode == 0   # once it has ended

def test_a_video_cut_off_resumes_where_it_stopped(run, tmp_path):
    "`kill -9`, then Ctrl-C, in the middle of a video: each time the same command goes on from the frames the journal holds; no hidden file is left."
    import signal, time, numpy as np, torch
    from deblur_nb.core import load_image, data_dir
    from deblur_nb.models import NAFNetLite, save_model
    from deblur_nb.video import probe_video, write_video, _extent
    torch.manual_seed(0)
    weights = save_model(NAFNetLite(width=16, enc_blocks=(1, 1), middle_blocks=2, dec_blocks=(1, 1)), tmp_path/'tiny.pt', half=False)
    photo = load_image(data_dir()/'photos'/'skimage-astronaut.jpg')
    clip = write_video([np.ascontiguousarray(photo[:, i//2:i//2 + 384]) for i in range(149)], tmp_path/'home_movie.mp4', fps=25)   # 512x384 (short enough to run eager)
    cmd = [str(a) for a in (BIN/'deblur-nb', clip, '-o', tmp_path/'out', '--model', weights)]
    held = lambda: max([_extent(j)[0] for j in (tmp_path/'out').glob('.*.journal-*.mkv')] + [0])
    def cut_off(sig, at):   # run the command; send `sig` once the journal holds `at` frames
        p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        t0 = time.time()
        while p.poll() is None and time.time() - t0 < 120 and held() < at: time.sleep(0.05)
        assert p.poll() is None, ('the run ended before it could be cut off', held(), p.communicate()[1])
        os.kill(p.pid, sig); err = p.communicate()[1]
        return p.returncode, err
    cut_off(signal.SIGKILL, 20)                                                 # kill -9: what the journal holds is kept
    first = held(); assert first >= 20
    rc, err = cut_off(signal.SIGINT, first + 20)                                # then Ctrl-C: one line, and every frame done is kept
    assert rc == 130 and err.strip().splitlines()[-1] == f"interrupted: the same command goes on where it stopped, a video from its last frames kept ({tmp_path/'out'/'manifest.csv'})", err
    r = run(*cmd, timeout=300)
    assert r.returncode == 0, r.stderr
    k = int(r.stderr.split('resumed after frame ')[1].split(',')[0])
    assert k >= first + 20, r.stderr                                             # the frames the journal held were not deblurred again
    o = probe_video(tmp_path/'out'/'home_movie_deblurred.mp4')
    assert (o.width, o.height, o.frames) == (512, 384, 149)
    assert sorted(f.name for f in (tmp_path/'out').iterdir()) == ['home_movie_deblurred.mp4', 'manifest.csv']   # no journal, record or half output left

def test_ctrl_c_while_the_command_loads_is_one_line(tmp_path):
    "A Ctrl-C in the first second, while torch loads: one line and status 130, no traceback."
    import signal, time, numpy as np
    from PIL import Image
    Image.fromarray((np.random.default_rng(0).random((40, 60, 3))*255).astype(np.uint8)).save(tmp_path/'a.png')
    p = subprocess.Popen([str(BIN/'deblur-nb'), str(tmp_path/'a.png'), '-o', str(tmp_path/'out')], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.8); p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 130 and 'Traceback' not in err and err.strip().splitlines()[-1].startswith('interrupted'), err
