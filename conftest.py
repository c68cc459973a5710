"""Make a relative PYTHONPATH absolute before any test starts a subprocess.

A checkout other than the installed one runs the suite with ``PYTHONPATH=src``. nbval starts
notebook kernels in ``notebooks/`` and tests/test_paths.py starts Python in a temporary folder;
from there a relative ``src`` names nothing, and the environment's installed ``memo_utils``
(another checkout's code and data) would be imported instead of this one.
"""

from __future__ import annotations

import os
from pathlib import Path

_entries = [entry for entry in os.environ.get("PYTHONPATH", "").split(os.pathsep) if entry]
if _entries:
    os.environ["PYTHONPATH"] = os.pathsep.join(str(Path(entry).resolve()) for entry in _entries)

# matplotlib from its defaults in a private folder for every kernel nbval starts, whatever
# the user's matplotlibrc or HOME (jupyter/reproducible.py says why).
import sys as _sys

_sys.path.insert(0, str(Path(__file__).resolve().parent / "jupyter"))
from reproducible import matplotlib_defaults as _matplotlib_defaults  # noqa: E402

_clean = _matplotlib_defaults(os.environ)
os.environ.pop("MATPLOTLIBRC", None)
os.environ.update(_clean)
