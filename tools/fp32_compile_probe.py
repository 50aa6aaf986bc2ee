"""Eager float32 against the compiled path without bfloat16 (`FastNet` on a CPU that has none) for the default network.

Prints s/MP for both paths at three input sizes and the largest difference between their outputs.
Run: `.venv/bin/python tools/fp32_compile_probe.py [THREADS]` (default 2) with no other CPU work; compiling takes about 2 minutes
on 2 cores. On a CPU with native bfloat16 `FastNet` autocasts, so this measures the bfloat16 path there instead."""
import sys, time, torch
from deblur_nb.infer import get_model, FastNet
from deblur_nb.models import cpu_speed

if __name__ == '__main__':
    torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
    net = get_model('default'); fast = FastNet(net)
    print('bfloat16 autocast in FastNet:', fast.bf16, flush=True)
    sizes = [(512, 512), (1024, 1024), (768, 1024)]
    with torch.inference_mode():
        t0 = time.time()
        for h, w in sizes: fast(torch.rand(1, 3, h, w))
        print(f'compile + first calls: {time.time()-t0:.1f} s', flush=True)
        for h, w in sizes:
            e, c = cpu_speed(net, h, w), cpu_speed(fast, h, w)
            print(f'{h}x{w}: eager {e:.3f} s/MP, compiled {c:.3f} s/MP, speed-up {e/c:.2f}x', flush=True)
        x = torch.rand(1, 3, 512, 512)
        print('max |eager - compiled|:', (net(x) - fast(x)).abs().max().item())
