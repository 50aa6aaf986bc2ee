import os, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

@pytest.fixture
def run():
    "Run a command from the repo root with a clean Kaggle-free environment; returns CompletedProcess."
    def _run(*args, env=None, cwd=ROOT, timeout=300):
        e = {k: v for k, v in os.environ.items() if not k.startswith('KAGGLE')}
        e.update(env or {})
        return subprocess.run([str(a) for a in args], cwd=cwd, env=e, capture_output=True, text=True, timeout=timeout)
    return _run
