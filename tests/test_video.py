"`deblur_nb.video` on generated clips: what the output keeps, what it refuses, and memory that does not grow with length."
import json, subprocess, sys
from pathlib import Path
import numpy as np
import av, pytest, torch
from deblur_nb.core import load_image, data_dir
from deblur_nb.models import NAFNetLite
from deblur_nb.video import VideoError, deblur_video, probe_video, read_frames, write_video

def _net():
    torch.manual_seed(0)
    return NAFNetLite(width=8, enc_blocks=(1,), middle_blocks=1, dec_blocks=(1,))

def _clip(n:int, w:int=64, h:int=48) -> list:
    photo = load_image(data_dir()/'photos'/'skimage-astronaut.jpg')
    return [np.ascontiguousarray(photo[:, 100:100 + h, 100 + 2*i:100 + 2*i + w]) for i in range(n)]

def _audio(p) -> list:
    with av.open(str(p)) as c: return [(k.pts, bytes(k)) for k in c.demux(c.streams.audio[0]) if k.dts is not None]

@pytest.fixture
def tiny(tmp_path) -> Path:
    return write_video(_clip(6), tmp_path/'tiny.mp4', fps=25, audio_hz=330, rotation=-90)

def test_keeps_frames_fps_size_rotation_and_audio(tiny, tmp_path):
    r = deblur_video(tiny, tmp_path/'out.mp4', _net())
    i, o = probe_video(tiny), probe_video(tmp_path/'out.mp4')
    assert (o.width, o.height, o.fps, o.frames, o.rotation, o.audio) == (64, 48, 25, 6, -90, 'aac') == \
           (i.width, i.height, i.fps, i.frames, i.rotation, i.audio)
    assert r['frames'] == 6 and len(list(read_frames(tmp_path/'out.mp4'))) == 6
    assert _audio(tmp_path/'out.mp4') == _audio(tiny)                   # remuxed, not re-encoded

def test_never_overwrites(tiny, tmp_path):
    dst = tmp_path/'out.mp4'; dst.write_bytes(b'keep me')
    with pytest.raises(FileExistsError): deblur_video(tiny, dst, _net())
    assert dst.read_bytes() == b'keep me'
    with pytest.raises(VideoError, match='refusing to overwrite the input'): deblur_video(tiny, tiny, _net(), overwrite=True)
    deblur_video(tiny, dst, _net(), overwrite=True)
    assert probe_video(dst).frames == 6 and sorted(p.name for p in tmp_path.iterdir()) == ['out.mp4', 'tiny.mp4']

@pytest.mark.parametrize('name,content,why', [
    ('noise.mp4', lambda t: np.random.default_rng(0).bytes(4000), 'not a readable video'),
    ('cut.mp4', lambda t: t.read_bytes()[:t.stat().st_size//2], 'cut.mp4'),
    ('notes.txt', lambda t: b'hello, not a video\n', 'not a readable video'),
    ('empty.mp4', lambda t: b'', 'empty file')])
def test_bad_inputs_are_one_line(tiny, tmp_path, name, content, why):
    bad = tmp_path/name; bad.write_bytes(content(tiny))
    with pytest.raises(VideoError) as e: deblur_video(bad, tmp_path/'out.mp4', _net())
    assert why in str(e.value) and '\n' not in str(e.value)
    assert not (tmp_path/'out.mp4').exists() and not list(tmp_path.glob('.*partial*'))

_PEAK = '''
import json, resource, sys, tracemalloc, torch
from deblur_nb.models import NAFNetLite
from deblur_nb.video import deblur_video
torch.manual_seed(0); torch.set_num_threads(1)
net = NAFNetLite(width=8, enc_blocks=(1,), middle_blocks=1, dec_blocks=(1,))
tracemalloc.start(); out = {}
for src, dst in zip(sys.argv[1::2], sys.argv[2::2]):           # the short clip first: peak RSS only goes up
    tracemalloc.reset_peak()
    deblur_video(src, dst, net)
    out[src] = dict(rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss*1024, traced=tracemalloc.get_traced_memory()[1])
print(json.dumps(out))
'''

def test_memory_does_not_grow_with_length(tmp_path):
    "10 and 60 frames of 320x240: holding 50 more frames would take 50 x 0.9 MB (float32) at least."
    photo = load_image(data_dir()/'photos'/'skimage-astronaut.jpg')
    frames = lambda n: (np.ascontiguousarray(photo[:, 50:290, 50 + i:370 + i]) for i in range(n))
    args = []
    for n in (10, 60): args += [write_video(frames(n), tmp_path/f'in{n}.mp4', fps=25, audio_hz=440), tmp_path/f'out{n}.mp4']
    r = subprocess.run([sys.executable, '-c', _PEAK, *args], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    short, long = json.loads(r.stdout.strip().splitlines()[-1]).values()
    assert probe_video(tmp_path/'out60.mp4').frames == 60 and probe_video(tmp_path/'out10.mp4').frames == 10
    assert long['traced'] - short['traced'] < 2e6, (short, long)      # Python/numpy allocations: no growth
    # resident memory: x264 keeps up to ~40 frames of look-ahead (yuv420p, ~5 MB here), a fixed bound, not a leak
    assert long['rss'] - short['rss'] < 30e6, (short, long)
