"""How far a model's deblurring reaches: PSNR gain on straight motion blur of growing length.

Usage: python tools/blur_length_sweep.py THREADS [label=weights.pt ...]   (no labels: the shipped default)
Blurs the centre 384-px crops of the first 8 validation photos with a horizontal linear kernel of 10..50 px (plus noise
sigma 1/255), restores them with each model and prints the mean PSNR gain and gradient energy out/in per length.
"""
import sys
import numpy as np, torch
from deblur_nb.core import load_image
from deblur_nb.data import photos
from deblur_nb.degrade import convolve, gaussian_noise, linear_motion_kernel
from deblur_nb.infer import restore_array
from deblur_nb.metrics import gradient_energy, psnr

def crops(n:int=8, side:int=384) -> list:
    "Centre crops of the first `n` validation photos."
    out = []
    for p in photos('valid')[:n]:
        a = load_image(p.path); y, x = (a.shape[1]-side)//2, (a.shape[2]-side)//2
        out.append(np.ascontiguousarray(a[:, y:y+side, x:x+side]))
    return out

def main(threads, *pairs):
    torch.set_num_threads(int(threads))
    weights, imgs = dict(p.split('=', 1) for p in pairs) or {'shipped': 'default'}, crops()
    print('length ' + ' '.join(f'{k:>18}' for k in weights))
    for length in (10, 20, 30, 40, 50):
        k, cells = linear_motion_kernel(length, 0.), []
        blurred = [np.clip(gaussian_noise(convolve(im, k), 1/255, np.random.default_rng(i)), 0, 1).astype(np.float32) for i, im in enumerate(imgs)]
        for w in weights.values():
            outs = [restore_array(b, w) for b in blurred]
            g = np.mean([psnr(o, im) - psnr(b, im) for o, b, im in zip(outs, blurred, imgs)])
            cells.append(f'{g:+.2f} dB x{np.mean([gradient_energy(o)/gradient_energy(b) for o, b in zip(outs, blurred)]):.2f}')
        print(f'{length:>6} ' + ' '.join(f'{c:>18}' for c in cells), flush=True)

if __name__ == '__main__': main(*sys.argv[1:])
