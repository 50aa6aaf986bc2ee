"""Does the default restore a photo's edges better when the photo is padded first (mirror or edge copies) and the padding cut off after?

Validation split (all photos, four presets, strengths 0.25/0.5/0.75, the 384 px crops of `make eval`): PSNR gain per preset
for each padding. Real photos in `data/real`: gradient energy out over in, in the 24-px band along the edges and inside it.
Numbers in results/training/experiments/border_padding.md. Run: `.venv/bin/python tools/border_padding.py THREADS [P:mode ...]`
(modes as `numpy.pad`: symmetric, reflect, edge; default `16:symmetric 32:symmetric`; 1 thread, about 2 minutes per padding)."""
import sys, time
import numpy as np, torch
from deblur_nb.evaluate import synthetic_cases, real_cases, evaluate, summarize, classical_methods, BLUR_ONLY
from deblur_nb.infer import restore_array

def padded(P:int, mode:str):
    "Restore `c.blurred` padded by `P` pixels on every side (`numpy.pad` mode), then cut the padding off."
    def f(c):
        x = c.blurred if hasattr(c, 'blurred') else c
        if not P: return restore_array(x, 'default')
        return restore_array(np.pad(x, ((0, 0), (P, P), (P, P)), mode=mode), 'default')[:, P:-P, P:-P]
    return f

def band_energy(img:np.ndarray, band:int=24) -> tuple:
    "Mean squared luminance gradient in the `band`-px frame along the edges, and inside it."
    g = img.mean(0); e = np.diff(g, axis=1)[:-1]**2 + np.diff(g, axis=0)[:, :-1]**2
    m = np.zeros(e.shape, bool); m[:band] = m[-band:] = True; m[:, :band] = m[:, -band:] = True
    return e[m].mean(), e[~m].mean()

def main(threads='1', *specs):
    torch.set_num_threads(int(threads)); t0 = time.time()
    pads = {'pad0': padded(0, '')}
    for s in specs or ('16:symmetric', '32:symmetric'):
        P, mode = s.split(':'); pads[f'pad{P}{mode[0]}'] = padded(int(P), mode)
    t = summarize(evaluate({'input': classical_methods()['input'], **pads}, synthetic_cases('valid'))).pivot(index='method', columns='preset', values='gain')
    t['blur_only'] = t[[p for p in BLUR_ONLY if p in t]].mean(axis=1)
    print(t.round(3).to_string(), flush=True)
    for c in real_cases():
        b0, i0 = band_energy(c.blurred)
        print(c.image, ' | '.join(f'{k}: edge x{b/b0:.2f} inside x{i/i0:.2f}' for k, f in pads.items() for b, i in [band_energy(f(c.blurred))]), flush=True)
    print(f'{time.time() - t0:.0f} s')

if __name__ == '__main__': main(*sys.argv[1:])
