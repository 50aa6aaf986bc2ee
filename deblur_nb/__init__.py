__version__ = "0.0.1"

import os as _os
# Before torch loads libgomp: OpenMP threads that spin while they wait made every network call in a Jupyter kernel's
# main thread 35x slower on 2 cores (5.0 s against 0.13 s for a 0.2 MP photo); elsewhere passive waiting costs nothing.
_os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')

def _deblur_nb() -> int:
    "The `deblur-nb` command (`deblur_nb.batch.deblur_main`): a Ctrl-C while it loads (torch takes seconds) is one line, not a traceback."
    import sys
    try:
        from .batch import deblur_main
        return deblur_main()
    except KeyboardInterrupt:
        print('interrupted', file=sys.stderr); return 130
