"""When should `two_scale`'s 'auto' blend in the half-size pass? Per-case measurements and a table of decision rules.

Usage:
  python tools/two_scale_rules.py collect SPLIT SEED OUT.csv   # every photo of an embedded split, the six presets, strengths 0.25/0.5/0.75
  python tools/two_scale_rules.py table CSV [CSV ...]           # PSNR gain per preset under each rule
Per case (384-px centre crop, the shipped default, one thread): gradient energy of the input, the one-pass output, the half-size copy,
the one-pass output shrunk (`low`) and the half-size pass (`half`); mean absolute change of the full pass (|out - img|) and of the
half-size pass against `low` (|half - low|); PSNR gain over the input of one pass (w0) and of the blend (w1).
The rule `two_scale` uses: ratio = ge_half / ge_low above LARGE_BLUR_THRESHOLD and change = d_half_low / d_out_img above LARGE_BLUR_CHANGE.
"""
import sys, time
import numpy as np, pandas as pd, torch

BENCH, LARGE = ['motion', 'defocus', 'gaussian', 'old_photo'], ['long_motion', 'camera']

def collect(split, seed, out_f):
    from deblur_nb.core import gradient_energy as ge
    from deblur_nb.degrade import PRESETS, EXTRA_PRESETS
    from deblur_nb.evaluate import synthetic_cases
    from deblur_nb.infer import restore_array, swap_low_band, _resize
    from deblur_nb.metrics import psnr
    torch.set_num_threads(1); t0, rows = time.time(), []
    f = lambda x: restore_array(x, 'default')
    for c in synthetic_cases(split, presets=PRESETS + EXTRA_PRESETS, crop=384, seed=int(seed)):
        img = c.blurred; hs = (img.shape[1]//2, img.shape[2]//2)
        out = f(img); small = np.clip(_resize(img, hs), 0, 1); low = np.clip(_resize(out, hs), 0, 1); half = f(small)
        b = swap_low_band(out, low, half)   # what two_scale returns when it blends
        base = psnr(img, c.target)
        rows.append(dict(image=c.image, preset=c.preset, strength=c.strength, ge_img=ge(img), ge_out=ge(out), ge_small=ge(small), ge_low=ge(low),
                         ge_half=ge(half), d_half_low=float(np.abs(half - low).mean()), d_out_img=float(np.abs(out - img).mean()),
                         w0=psnr(out, c.target) - base, w1=psnr(b, c.target) - base))
    pd.DataFrame(rows).round(5).to_csv(out_f, index=False)
    print(len(rows), 'cases', f'{time.time() - t0:.0f} s')

def table(*files):
    from deblur_nb.infer import LARGE_BLUR_THRESHOLD as T, LARGE_BLUR_CHANGE as C
    for f in files:
        d = pd.read_csv(f); r, ch = d.ge_half/d.ge_low.clip(1e-4), d.d_half_low/d.d_out_img.clip(1e-4)
        rules = {'one pass': r < 0, 'ratio > 1.25 (until 2026-12-03)': r > 1.25, 'ratio > 1.3': r > 1.3, 'ratio > 1.4': r > 1.4, 'ratio > 1.5': r > 1.5,
                 'ratio > 1.2, change > 1.1': (r > 1.2) & (ch > 1.1), f'**ratio > {T}, change > {C}**': (r > T) & (ch > C),
                 'ratio > 1.3, change > 1.3': (r > 1.3) & (ch > 1.3), 'always': r >= 0, 'oracle (the better of the two per case)': d.w1 > d.w0}
        rows = []
        for k, m in rules.items():
            s = pd.Series(np.where(m, d.w1, d.w0)).groupby(d.preset).mean()
            rows.append([k, f'{m[d.preset.isin(BENCH)].mean():.1%}', f'{m[d.preset.isin(LARGE)].mean():.1%}', *(f'{s[p]:+.2f}' for p in BENCH + LARGE),
                         f'{s[BENCH].mean():+.3f}', f'{s[LARGE].mean():+.3f}'])
        print(f'{f}: {len(d)} cases, {d.image.nunique()} photos\n')
        head = ['rule', 'blended (benchmark presets)', 'blended (large)', *BENCH, *LARGE, 'benchmark mean', 'large mean']
        print('| ' + ' | '.join(head) + ' |\n|' + '---|'*len(head))
        for x in rows: print('| ' + ' | '.join(x) + ' |')
        print()

if __name__ == '__main__':
    {'collect': collect, 'table': table}[sys.argv[1]](*sys.argv[2:])
