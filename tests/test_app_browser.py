"End to end in a real browser: the Voila app in Debian's Chromium, driven by Playwright."
import base64, os, re, shutil, socket, subprocess, sys, time, urllib.request
from pathlib import Path
import numpy as np
import pytest
from conftest import ROOT, BIN
from deblur_nb.core import load_image, save_image
from deblur_nb.data import photos
from deblur_nb.degrade import degrade
from deblur_nb.metrics import gradient_energy

CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
pytestmark = pytest.mark.skipif(CHROMIUM is None and not os.environ.get('CI'), reason="Debian's chromium is not installed (`make browser`)")

def _free_port():
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

@pytest.fixture(scope='module')
def app_url():
    port = _free_port()
    p = subprocess.Popen([str(BIN/'voila'), str(ROOT/'apps'/'deblur.ipynb'), f'--port={port}', '--no-browser',
                          '--Voila.ip=127.0.0.1'], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f'http://127.0.0.1:{port}/'
    for _ in range(120):
        try: urllib.request.urlopen(url, timeout=2); break
        except Exception: time.sleep(0.5)
    yield url
    p.terminate(); p.wait(10)

def _open_app(pw, app_url:str) -> tuple:
    "Chromium on the app's page, once its upload button is there: (browser, page, upload button)."
    browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                 args=['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                                       '--disable-background-networking', '--disable-component-update', '--disable-sync'])
    page = browser.new_page(viewport={'width': 1200, 'height': 1000})
    page.goto(app_url)
    upload = page.get_by_text('Upload photos')
    upload.wait_for(timeout=120_000)
    return browser, page, upload

def test_upload_deblur_compare_and_friendly_error(app_url, tmp_path):
    assert CHROMIUM, "Debian's chromium is required in CI"
    from playwright.sync_api import sync_playwright
    sharp = load_image(photos('test', showcase=True)[0].path)[:, :384, :512]
    blurred = degrade(sharp, 'defocus', 0.6, rng=0).img   # an out-of-focus snapshot (motion: see issue notes)
    src = save_image(blurred, tmp_path/'blurred_photo.jpg', quality=95)
    (tmp_path/'notes.jpg').write_text('these are not pixels')
    t0 = time.time()
    with sync_playwright() as pw:
        browser, page, upload = _open_app(pw, app_url)
        t_panel = time.time() - t0
        with page.expect_file_chooser() as fc: upload.click()
        fc.value.set_files(str(src))
        link = page.locator('a.deblur-download')
        link.wait_for(timeout=120_000)
        t_result = time.time() - t0
        assert link.get_attribute('download') == 'blurred_photo_deblurred.jpg'
        data = base64.b64decode(link.get_attribute('href').split(',', 1)[1])
        out = load_image(data)
        inp = load_image(src)
        assert out.shape == inp.shape and np.abs(out - inp).mean() > 1e-3        # the result differs from the input
        assert gradient_energy(out) > gradient_energy(inp)                         # and is sharper
        shot = os.environ.get('DEBLUR_NB_SCREENSHOT')
        page.screenshot(path=shot or str(tmp_path/'app.png'), full_page=True)
        with page.expect_file_chooser() as fc: upload.click()
        fc.value.set_files(str(tmp_path/'notes.jpg'))
        page.get_by_text('notes.jpg could not be used').wait_for(timeout=60_000)
        assert 'Traceback' not in page.content()
        browser.close()
    print(f'\nbrowser test: panel after {t_panel:.1f} s, result after {t_result:.1f} s, total {time.time() - t0:.1f} s')

_WATCH_BARS = '''() => {
  window.__bars = [];
  const rec = () => { for (const w of document.querySelectorAll('.widget-hprogress')) {
    const l = w.querySelector('.widget-label'), b = w.querySelector('.progress-bar');
    window.__bars.push([l ? l.textContent : '', b ? b.style.width : '']); } };
  new MutationObserver(rec).observe(document.body, {subtree: true, attributes: true, childList: true, characterData: true});
}'''

def test_video_upload_counts_frames_compares_a_frame_and_offers_the_mp4(app_url, tmp_path):
    assert CHROMIUM, "Debian's chromium is required in CI"
    from playwright.sync_api import sync_playwright
    from deblur_nb.video import probe_video, write_video
    sharp = load_image(photos('test', showcase=True)[0].path)
    src = write_video([np.ascontiguousarray(sharp[:, 100:164, 100 + 3*i:196 + 3*i]) for i in range(12)], tmp_path/'clip.mp4', fps=24)
    (tmp_path/'broken.mp4').write_bytes(np.random.default_rng(0).bytes(5000))
    t0 = time.time()
    with sync_playwright() as pw:
        browser, page, upload = _open_app(pw, app_url)
        page.evaluate(_WATCH_BARS)                                  # record the progress bar as it changes
        with page.expect_file_chooser() as fc: upload.click()
        fc.value.set_files(str(src))
        link = page.locator('a.deblur-download')
        link.wait_for(timeout=120_000)
        t_result = time.time() - t0
        assert link.get_attribute('download') == 'clip_deblurred.mp4'
        href = link.get_attribute('href')
        assert href.startswith('data:video/mp4;base64,')
        (tmp_path/'out.mp4').write_bytes(base64.b64decode(href.split(',', 1)[1]))
        i, o = probe_video(src), probe_video(tmp_path/'out.mp4')
        assert (o.width, o.height, o.fps, o.frames) == (i.width, i.height, i.fps, i.frames) == (96, 64, 24, 12)
        bars = page.evaluate('window.__bars')
        frames = [w for label, w in bars if label == 'Frames']
        assert '100%' in frames and len(set(frames)) > 2, bars[-20:]  # the bar counted frames up to the last one
        page.get_by_text('12 frames at 24 fps').wait_for(timeout=10_000)
        img = page.locator('img.widget-image')                      # the before/after of the middle frame
        assert img.get_attribute('width') == '96'
        page.wait_for_function('document.querySelector("img.widget-image").naturalWidth == 96', timeout=10_000)
        with page.expect_file_chooser() as fc: upload.click()
        fc.value.set_files(str(tmp_path/'broken.mp4'))
        page.get_by_text('broken.mp4 could not be used').wait_for(timeout=60_000)
        assert 'Traceback' not in page.content()
        browser.close()
    print(f'\nbrowser video test: result after {t_result:.1f} s, total {time.time() - t0:.1f} s')

def test_cancel_stops_a_video_at_its_next_frame(app_url, tmp_path):
    assert CHROMIUM, "Debian's chromium is required in CI"
    from playwright.sync_api import sync_playwright
    from deblur_nb.video import write_video
    sharp = load_image(photos('test', showcase=True)[0].path)
    src = write_video([np.ascontiguousarray(sharp[:, 100:164, 100 + i:196 + i]) for i in range(600)], tmp_path/'long.mp4', fps=24)
    with sync_playwright() as pw:
        browser, page, upload = _open_app(pw, app_url)
        with page.expect_file_chooser() as fc: upload.click()
        fc.value.set_files(str(src))
        page.get_by_text(re.compile(r'frame \d+ of 600')).wait_for(timeout=120_000)   # working: the kernel is in a thread, free to hear Cancel
        page.get_by_role('button', name='Cancel').click()
        page.get_by_text('Cancelled:').wait_for(timeout=60_000)
        done = int(page.get_by_text('long.mp4 stopped after').text_content().split('stopped after ')[1].split(' of')[0])
        assert done < 600 and page.locator('a.deblur-download').count() == 0
        assert page.get_by_role('button', name='Cancel').is_hidden() and not page.get_by_role('button', name='Deblur again').is_enabled()
        browser.close()
