"""Time each top-level layer of the shipped U-Net's fastai `DynamicUnet` on one image (where its seconds per megapixel go).

Usage: python tools/unet_layers.py [SIZE] [THREADS]   (defaults 512 and 1; float32, no gradients, one warm-up pass)
"""
import sys, time
import torch
from deblur_nb.models import load_model

def main(size=512, threads=1):
    torch.set_num_threads(int(threads)); size = int(size)
    unet = load_model('unet').eval()
    layers, times, shapes, starts = unet.unet.layers, {}, {}, {}
    for i, layer in enumerate(layers):
        name = f'{i}:{type(layer).__name__}'
        def begin(m, x, n=name): starts[n] = time.perf_counter()
        def end(m, x, y, n=name): times[n], shapes[n] = time.perf_counter() - starts[n], tuple(y.shape)
        layer.register_forward_pre_hook(begin); layer.register_forward_hook(end)
    x = torch.rand(1, 3, size, size)
    with torch.no_grad():
        unet(x); t0 = time.perf_counter(); unet(x); total = time.perf_counter() - t0
    print(f'total {total:.3f} s at {size}x{size} = {total / (size * size / 1e6):.2f} s/MP')
    for n, t in times.items(): print(f'{n:<24} {t:7.3f} s {100 * t / total:5.1f}%  {shapes[n]}')

if __name__ == '__main__': main(*sys.argv[1:])
