"""Run the default model twice: its second pass on the first pass's output, blended in at strength s2. Does it add PSNR on validation?

Usage: python tools/second_pass.py N   # the first N validation photos, 384-px centre crops, strengths 0.25/0.5/0.75, one thread
"""
import sys, time, numpy as np, pandas as pd, torch
from deblur_nb.evaluate import synthetic_cases
from deblur_nb.infer import restore_array, blend
from deblur_nb.metrics import psnr
torch.set_num_threads(1); t0=time.time(); rows=[]
for c in synthetic_cases('valid', n=int(sys.argv[1]), crop=384):
    o1 = restore_array(c.blurred, 'default'); o2 = restore_array(o1, 'default'); b = psnr(c.blurred, c.target)
    r = dict(preset=c.preset, strength=c.strength, one=psnr(o1, c.target)-b)
    for s in (0.1, 0.2, 0.35, 0.5, 1.0): r[f'two_{s}'] = psnr(blend(o1, o2, s), c.target)-b
    rows.append(r)
d=pd.DataFrame(rows); print(d.groupby('preset').mean().drop(columns='strength').round(3).to_string()); print(d.drop(columns=['preset','strength']).mean().round(3).to_string()); print(f'{time.time()-t0:.0f} s')
