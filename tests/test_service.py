"The HTTP service end to end: the installed `deblur-nb-serve` in a subprocess, driven over real HTTP."
import asyncio, io, socket, subprocess, tempfile, threading, time
import httpx
import numpy as np
import pytest
from PIL import Image
from conftest import ROOT, BIN
from deblur_nb.core import load_image, read_image, save_image
from deblur_nb.data import photos
from deblur_nb.degrade import degrade
from deblur_nb.metrics import gradient_energy
from deblur_nb.service import _png_header

def _free_port():
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

@pytest.fixture(scope='module')
def url():
    "One real server: one worker and no wait queue, so a second concurrent photo is refused with 503."
    port, log = _free_port(), tempfile.TemporaryFile()
    p = subprocess.Popen([str(BIN/'deblur-nb-serve'), '--port', str(port), '--workers', '1', '--queue', '0',
                          '--log-level', 'warning'], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f'http://127.0.0.1:{port}'
    try:
        for _ in range(240):
            assert p.poll() is None, f'server exited: {log.seek(0) or log.read().decode()[-2000:]}'
            try:
                if httpx.get(f'{url}/health', timeout=2).status_code == 200: break
            except httpx.HTTPError: time.sleep(0.25)
        else: pytest.fail('server did not answer /health within 60 s')
        yield url
    finally:
        p.terminate(); p.wait(15)
        log.seek(0); out = log.read().decode()
        assert 'Traceback' not in out, out[-3000:]          # no request made the server fail

@pytest.fixture(scope='module')
def photo(tmp_path_factory):
    "A blurred 0.3 MP JPEG made from a test photo."
    sharp = load_image(photos('test')[0].path)[:, :480, :640]
    return save_image(degrade(sharp, 'defocus', 0.6, rng=0).img, tmp_path_factory.mktemp('svc')/'blurred.jpg', quality=95).read_bytes()

def test_health_models_docs(url):
    h = httpx.get(f'{url}/health').json()
    assert h['status'] == 'ok' and (h['workers'], h['queue']) == (1, 0)
    m = httpx.get(f'{url}/models').json()
    assert m['default'] == 'default' and 'default' in m['models']
    assert httpx.get(f'{url}/docs').status_code == 200
    assert '/deblur' in httpx.get(f'{url}/openapi.json').json()['paths']

def test_photo_round_trip(url, photo, tmp_path):
    r = httpx.post(f'{url}/deblur', files={'file': ('blurred.jpg', photo, 'image/jpeg')}, timeout=120)
    assert r.status_code == 200 and r.headers['content-type'] == 'image/jpeg'
    out, inp = read_image(r.content), read_image(photo)
    assert (out.info.format, out.info.size) == ('JPEG', inp.info.size)
    assert np.abs(out.img - inp.img).mean() > 1e-3                               # different pixels
    assert gradient_energy(out.img) > gradient_energy(inp.img)                   # and sharper
    deep = (np.random.default_rng(0).random((48, 64, 3))*65535).astype(np.uint16)
    src16 = save_image(deep.transpose(2, 0, 1)/65535., tmp_path/'scan16.png', bits=16).read_bytes()  # a 16-bit scan
    r = httpx.post(f'{url}/deblur', files={'file': ('scan16.png', src16)}, data={'strength': '0.5'}, timeout=60)
    out = read_image(r.content)
    assert r.status_code == 200 and (out.info.format, out.info.bits, out.info.size) == ('PNG', 16, (64, 48))

def test_oversize_is_413_before_decoding(url):
    big = b'\xff\xd8' + b'\0' * 101_000_000                                      # over 100 MB, by Content-Length
    r = httpx.post(f'{url}/deblur', files={'file': ('huge.jpg', big)}, timeout=60)
    assert r.status_code == 413 and r.json()['error'] == 'upload of 101 MB is over the 100 MB upload limit'
    def chunks():                                                                # no Content-Length: counted as it streams
        yield b'--x\r\nContent-Disposition: form-data; name="file"; filename="huge.jpg"\r\n\r\n'
        for _ in range(105): yield b'\0' * 1_000_000
        yield b'\r\n--x--\r\n'
    r = httpx.post(f'{url}/deblur', content=chunks(), headers={'Content-Type': 'multipart/form-data; boundary=x'}, timeout=60)
    assert r.status_code == 413 and 'over the 100 MB upload limit' in r.json()['error']
    async def three():                                                           # clients that keep sending get the 413 too
        async with httpx.AsyncClient(timeout=60) as c:
            return await asyncio.gather(*[c.post(f'{url}/deblur', files={'file': ('huge.jpg', big)}) for _ in range(3)])
    assert [r.status_code for r in asyncio.run(three())] == [413]*3
    t = time.perf_counter()                                                      # a 200 MP header: refused without decoding
    r = httpx.post(f'{url}/deblur', files={'file': ('bomb.png', _png_header(20000, 10000))}, timeout=60)
    assert r.status_code == 413 and r.json()['error'].startswith('bomb.png: ') and time.perf_counter() - t < 2

@pytest.mark.parametrize('name,data', [('notes.jpg', b'these are not pixels'), ('empty.png', b''), ('tiny.png', None),
                                       ('cut.jpg', 'cut')])
def test_bad_files_are_4xx_json_with_core_message(url, photo, name, data):
    if data is None: b = io.BytesIO(); Image.new('RGB', (8, 8)).save(b, 'PNG'); data = b.getvalue()
    if data == 'cut': data = photo[:len(photo)//3]
    r = httpx.post(f'{url}/deblur', files={'file': (name, data)}, timeout=60)
    assert r.status_code == 400 and r.headers['content-type'] == 'application/json'
    src = io.BytesIO(data); src.name = name
    with pytest.raises(ValueError) as e: read_image(src)
    assert r.json() == {'error': str(e.value)} and '\n' not in str(e.value)

def test_unknown_model_and_bad_strength(url, photo):
    r = httpx.post(f'{url}/deblur', files={'file': ('a.jpg', photo)}, data={'model': 'nope'})
    assert r.status_code == 404 and "unknown model 'nope'" in r.json()['error']
    r = httpx.post(f'{url}/deblur?strength=9', files={'file': ('a.jpg', photo)})
    assert r.status_code == 422 and r.json()['error'].startswith('strength')

def test_full_queue_answers_503_fast_and_recovers(url, photo):
    go, res = threading.Barrier(6), []
    def post():
        go.wait(); t = time.perf_counter()
        r = httpx.post(f'{url}/deblur', files={'file': ('a.jpg', photo)}, timeout=120)
        res.append((r.status_code, time.perf_counter() - t, r.json() if r.status_code != 200 else None))
    ts = [threading.Thread(target=post) for _ in range(6)]
    for t in ts: t.start()
    for t in ts: t.join()
    codes = sorted(c for c, *_ in res)
    assert set(codes) <= {200, 503} and codes.count(200) >= 1 and codes.count(503) >= 1, res
    busy = [(s, j) for c, s, j in res if c == 503]
    assert all(s < 1 and j['error'].startswith('server busy') for s, j in busy), busy   # refused at once, not queued
    assert httpx.post(f'{url}/deblur', files={'file': ('a.jpg', photo)}, timeout=120).status_code == 200
    assert httpx.get(f'{url}/health').json()['refused'] >= 1
