"""Score candidate weights against the shipped default on the validation split and the real photos (how training cycles are chosen).

Usage: python tools/compare_candidates.py THREADS label=weights.pt [label=weights.pt ...]
Prints PSNR gain per preset, the blur-only mean, and per real photo gradient energy out/in (noise out/in, grid pattern out - in);
writes both tables as CSV under runs/compare/.
"""
import sys, time
from pathlib import Path
import torch
from deblur_nb.evaluate import classical_methods, model_methods, summarize, evaluate, synthetic_cases, real_check, BLUR_ONLY

def main(threads, *pairs):
    torch.set_num_threads(int(threads))
    weights = {'shipped': 'default', **dict(p.split('=', 1) for p in pairs)}
    methods = {'input': classical_methods()['input'], **model_methods(weights)}
    t0 = time.time()
    t = summarize(evaluate(methods, synthetic_cases('valid', crop=384))).pivot(index='method', columns='preset', values='gain')
    t['blur_only'] = t[[p for p in BLUR_ONLY if p in t]].mean(axis=1)
    r = real_check(methods)
    out = Path('runs/compare'); out.mkdir(parents=True, exist_ok=True)
    t.loc[list(methods)].to_csv(out/'valid.csv'); r.to_csv(out/'real.csv', index=False)
    print(t.loc[list(methods)].round(3).to_string())
    for _, x in r.iterrows(): print(f'{x.method:>10} {x.image:<24} x{x.sharpness_ratio:.2f} (noise x{x.noise_ratio:.2f}, grid {x.grid_excess:+.1f})')
    print(f'{time.time() - t0:.0f} s')

if __name__ == '__main__': main(*sys.argv[1:])
