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
