"""Training speed of the engines (float32 eager, bf16 autocast, bf16 autocast + torch.compile) in patches per second.

Regenerates the tables of results/training/experiments/engine.md:
    .venv/bin/python tools/engine_bench.py --threads 1      # speed (run two at once to time twin 1-thread runs)
    .venv/bin/python tools/engine_bench.py --equal-steps    # accuracy at equal steps, float32 eager vs fast
One training step = forward, restoration loss, backward and an Adam step on a batch of 2 patches of 256 px, as `train` does.
"""
import argparse, json, time
import torch
from deblur_nb.models import build_model, model_record, bf16_supported
from deblur_nb.train import RestorationLoss, DEFAULT_MODEL

def steps_per_s(arch, kw, engine, threads, bs=2, size=256, warm=3, n=12):
    torch.set_num_threads(threads); torch.manual_seed(0)
    m = build_model(arch, **kw).train()
    if 'compile' in engine: m.compile()
    opt = torch.optim.Adam(m.parameters(), 1e-4); loss_f = RestorationLoss(4.0, 0.3)
    x, y = torch.rand(bs, 3, size, size), torch.rand(bs, 3, size, size)
    def step():
        with torch.autocast('cpu', dtype=torch.bfloat16, enabled='bf16' in engine): p = m(x)
        loss = loss_f(p.float(), y); opt.zero_grad(); loss.backward(); opt.step()
    t = time.perf_counter()
    for _ in range(warm): step()
    first = time.perf_counter() - t
    t = time.perf_counter()
    for _ in range(n): step()
    return bs*n/(time.perf_counter() - t), first

def equal_steps(epochs=12, batches=40, bs=4, size=96, n_valid=8):
    "Train the same small default-style network twice on the same patches, float32 eager and fast; validation PSNR of each."
    import shutil
    from pathlib import Path
    from deblur_nb.train import train
    root = Path('runs/engine_eq'); shutil.rmtree(root, ignore_errors=True)
    out = {}
    for fast in (False, True):
        name = 'fast' if fast else 'fp32'
        w = train(name, model_kwargs=dict(width=32, enc_blocks=(1, 2, 2), middle_blocks=2, dec_blocks=(1, 1, 1), unshuffle=4),
                  epochs=epochs, bs=bs, size=size, batches_per_epoch=batches, n_valid=n_valid, runs=root, out=root/'out',
                  threads=1, seed=0, fast=fast, progress=False)
        r = json.loads(w.with_suffix('.json').read_text())
        out[name] = dict(engine=r['engine'], valid_psnr=r['valid_psnr'], valid_psnr_gain=r['valid_psnr_gain'], seconds=r['train_seconds'])
        print(name, out[name], flush=True)
    return out

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--threads', type=int, default=1); ap.add_argument('--archs', default='nafnet,restormer')
    ap.add_argument('--engines', default='float32 eager,bf16 autocast,bf16 autocast + compile')
    ap.add_argument('--equal-steps', action='store_true', help='also train twice at equal steps, float32 eager and fast')
    a = ap.parse_args()
    if a.equal_steps: equal_steps(); raise SystemExit
    models = dict(nafnet=('nafnet', model_record('default')['kwargs']), restormer=('restormer', {}))
    print(f'\n| network | engine | threads | patches/s | × float32 eager | first 3 steps (s, incl. compile) |\n|---|---|---|---|---|---|')
    for name in a.archs.split(','):
        arch, kw = models[name]; base = None
        for eng in a.engines.split(','):
            if 'bf16' in eng and not bf16_supported(): continue
            r, first = steps_per_s(arch, kw, eng, a.threads)
            base = base or r
            print(f'| {name} | {eng} | {a.threads} | {r:.2f} | {r/base:.2f} | {first:.0f} |', flush=True)   # × column: against the first engine listed
