"""How much of a training step the grid-pattern penalty takes: per training patch, the gradient norm (over the network's
weights) of the pixel + frequency loss against that of the grid penalty, with the penalty's old floor (1e-7) and with
`--grid-floor 1e-4`. Patches from the default's training mix (256 px, train split, a fixed seed); weights: the shipped
default unless named. Run: `.venv/bin/python tools/grid_gradients.py [weights] [patches]` (about 2 minutes for 64 on one thread)."""
import sys
import numpy as np, torch
from deblur_nb.data import SynthPairs, photos
from deblur_nb.models import load_model
from deblur_nb.train import charbonnier, fft_l1, grid_loss

W = sys.argv[1] if len(sys.argv) > 1 else 'default'
N = int(sys.argv[2]) if len(sys.argv) > 2 else 64
FFT, GRID = 16., 0.3   # the shipped default's loss weights
torch.set_num_threads(1); torch.manual_seed(0)
ds = SynthPairs([p.path for p in photos('train')], size=256, preset=('old_photo',)*4 + ('motion',)*2 + ('defocus', 'gaussian'), seed=7, repeats=2)
m = load_model(W).float().train()

def grad_norm(loss, x, y) -> float:
    "Norm of the gradient of `loss(m(x), y)` over all weights."
    m.zero_grad(); loss(m(x), y).backward()
    return float(torch.sqrt(sum((p.grad**2).sum() for p in m.parameters() if p.grad is not None)))

terms = dict(pixel_fft=lambda p, t: charbonnier(p, t) + FFT*fft_l1(p, t), grid=lambda p, t: GRID*grid_loss(p, t),
             grid_floored=lambda p, t: GRID*grid_loss(p, t, floor=1e-4))
r = np.array([[grad_norm(f, *(torch.as_tensor(a)[None] for a in ds[i])) for f in terms.values()] for i in range(0, 2*N, 2)])
print(f'{W}: {N} training patches of 256 px; gradient norms, median: ' + ', '.join(f'{k} {v:.3f}' for k, v in zip(terms, np.median(r, 0))))
for j, k in ((1, 'floor 1e-7'), (2, 'floor 1e-4')):
    q = r[:, j]/r[:, 0]
    print(f'grid penalty, {k}: larger than pixel + frequency on {(q > 1).mean():.0%} of patches, 10x larger on {(q > 10).mean():.0%}, at most {q.max():.1f}x')
