"""Large photos: does `two_scale`'s 'auto' decide the same on the centred 1024-px window of the half-size copy as on all of it?

Usage: python tools/two_scale_probe.py > results/training/experiments/two_scale_probe.txt
Two mosaics of six 1024-px validation photos (3072 x 2048, 6.3 MP; they share three photos), five cases each, restored by the shipped default.
"""
import numpy as np, time
from deblur_nb.core import load_image
from deblur_nb.data import photos
from deblur_nb.degrade import degrade
from deblur_nb.infer import restore_ensemble, two_scale
from deblur_nb.metrics import psnr
v = [p.path for p in photos('valid') if (p.width, p.height) == (1024, 1024)]
print(len(v), 'valid photos at 1024 px')
for mi in range(2):
    tiles = [load_image(p) for p in v[3*mi:3*mi+6]]
    mosaic = np.concatenate([np.concatenate(tiles[3*r:3*r+3], 2) for r in range(2)], 1)   # 3 x 2 photos: 2048 x 3072, 6.3 MP
    for preset, s in [('motion', .5), ('defocus', .5), ('old_photo', .5), ('long_motion', .75), ('camera', .75)]:
        d = degrade(mosaic, preset, s, rng=[7, mi, int(s*100)])
        t0 = time.time(); out = restore_ensemble(d.img); t1 = time.time()
        rw = two_scale(d.img, out, restore_ensemble, 'auto', probe=10**6)
        t2 = time.time(); rp = two_scale(d.img, out, restore_ensemble, 'auto'); t3 = time.time()
        gain = lambda o, p0=psnr(d.img, d.target): psnr(o, d.target) - p0
        print('mosaic %d %-11s %.2f  r whole %.2f  r probe %.2f  one pass %+.2f  whole-decided %+.2f  probe-decided %+.2f  s: pass %.1f whole %.1f probe %.1f'
              % (mi, preset, s, rw[1], rp[1], gain(out), gain(rw[0]), gain(rp[0]), t1-t0, t2-t1, t3-t2), flush=True)
