"Bad and unusual image files on disk, as users hand them over (the notebook tests cover in-memory inputs)."
import io, os
import numpy as np
import pytest
from PIL import Image
from deblur_nb.core import ImageError, load_image, read_image, save_image

def _photo(w=64, h=48):
    y, x = np.mgrid[0:h, 0:w]
    return np.stack([x*255//(w-1), y*255//(h-1), np.full_like(x, 128)], -1).astype(np.uint8)

@pytest.mark.parametrize('name,data,msg', [
    ('empty.jpg', b'', 'empty file'),
    ('notes.png', b'hello, I am text', 'not an image'),
    ('half.jpg', None, 'truncated'),
])
def test_bad_files_give_one_line_errors(tmp_path, name, data, msg):
    if data is None:
        b = io.BytesIO(); Image.fromarray(_photo(400, 300)).save(b, 'JPEG'); data = b.getvalue()[:2000]
    (tmp_path/name).write_bytes(data)
    with pytest.raises(ImageError) as e: load_image(tmp_path/name)
    assert msg in str(e.value) and '\n' not in str(e.value) and name in str(e.value)

@pytest.mark.parametrize('mode', ['L', 'P', 'RGBA', 'LA', 'CMYK', 'I;16', '1'])
def test_modes_load_as_rgb(tmp_path, mode):
    im = Image.fromarray(_photo())
    im = im.convert(mode) if mode != 'I;16' else Image.fromarray((_photo()[..., 0].astype(np.uint16) * 257))
    f = tmp_path/('x.tif' if mode == 'CMYK' else 'x.png'); im.save(f)
    r = read_image(f)
    assert r.img.shape == (3, 48, 64) and r.img.dtype == np.float32 and 0 <= r.img.min() <= r.img.max() <= 1
    assert r.info.gray == (mode in ('L', 'LA', 'I;16', '1'))
    assert r.info.bits == (16 if mode == 'I;16' else 8)

def test_exif_rotated_jpeg_from_disk(tmp_path):
    ex = Image.Exif(); ex[0x0112] = 8                        # rotate 90 degrees counter-clockwise
    Image.fromarray(_photo()).save(tmp_path/'r.jpg', exif=ex)
    assert load_image(tmp_path/'r.jpg').shape == (3, 64, 48)

def test_save_keeps_user_files(tmp_path):
    f = tmp_path/'photo.jpg'; f.write_bytes(b'precious')
    with pytest.raises(FileExistsError): save_image(np.zeros((3, 20, 20), np.float32), f)
    assert f.read_bytes() == b'precious' and os.listdir(tmp_path) == ['photo.jpg']
