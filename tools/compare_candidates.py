"""Score candidate weights against the shipped default on the validation split and the real photos (how training cycles are chosen).

Usage: python tools/compare_candidates.py THREADS label=weights.pt [label=weights.pt ...] [gains=0.95,1,1.05,1.1]
(`shipped=restormer` first compares against another shipped model instead of the default. `gains=` scores every candidate
also at those residual gains, rows `label@g`: candidates then compare at equal sharpness on the real photos, not only at gain 1.)
Prints PSNR gain per preset, the blur-only mean, and per real photo gradient energy out/in (noise out/in, grid pattern out - in);
writes the table as CSV to runs/compare/valid.csv.
"""
import sys, time
from pathlib import Path
import torch
from deblur_nb.evaluate import REAL_COLS, compare_weights

def main(threads, *pairs):
    torch.set_num_threads(int(threads))
    t0 = time.time()
    w = {'shipped': 'default', **dict(p.split('=', 1) for p in pairs)}
    gains = tuple(float(g) for g in w.pop('gains').split(',')) if 'gains' in w else None
    t = compare_weights(w, per_photo=True, gains=gains)
    out = Path('runs/compare'); out.mkdir(parents=True, exist_ok=True); t.to_csv(out/'valid.csv')
    photo = [c for c in t.columns if c.endswith(' sharpness_ratio')]
    print(t[[c for c in t.columns if not c.endswith(REAL_COLS)]].round(3).to_string())
    for im in sorted(c.rsplit(' ', 1)[0] for c in photo):
        for m, x in t.iterrows():
            print(f"{m:>10} {im:<24} x{x[f'{im} sharpness_ratio']:.2f} (noise x{x[f'{im} noise_ratio']:.2f}, grid {x[f'{im} grid_excess']:+.1f})")
    print(f'{time.time() - t0:.0f} s')

if __name__ == '__main__': main(*sys.argv[1:])
