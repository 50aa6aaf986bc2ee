__version__ = "0.0.1"

import os as _os
# Before torch loads libgomp. In a Jupyter kernel's main thread, OpenMP threads that spin while they wait made every
# network call 35x slower on 2 cores (5.0 s against 0.13 s for a 0.2 MP photo), so in a kernel they wait passively.
# Elsewhere (the command, scripts, the service) libgomp's default, a short spin, is kept: on an AVX2-only 2-core host,
# passive waiting made deblur() 15% slower at 4 and 24 MP (1.04 against 0.86-0.90 s/MP) and video 15% slower.
import sys as _sys
if 'ipykernel' in _sys.modules:
    if 'torch' in _sys.modules and 'OMP_WAIT_POLICY' not in _os.environ:   # too late: libgomp read its settings when torch loaded
        import warnings as _w   # (in a kernel, calls stayed 7-25x slower for the first seconds to minutes)
        _w.warn('torch was imported before deblur_nb, so its threads spin while they wait, which makes every network call in a Jupyter kernel '
                'up to 35x slower: restart the kernel and import deblur_nb first, or start Jupyter with OMP_WAIT_POLICY=PASSIVE', stacklevel=2)
    _os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')

def _deblur_nb() -> int:
    "The `deblur-nb` command (`deblur_nb.batch.deblur_main`): a Ctrl-C while it loads (torch takes seconds) is one line, not a traceback."
    import sys
    try:
        from .batch import deblur_main
        return deblur_main()
    except KeyboardInterrupt:
        print('interrupted', file=sys.stderr); return 130
