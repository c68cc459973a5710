"""Re-execute notebooks top to bottom in fresh kernels and store their outputs.

Run with `make notebooks` after any change to code or data. Cells are run in a kernel
started in notebooks/, as nbval does, with matplotlib's defaults (no user rc, a private
config folder) and no execution timestamps or kernel version recorded, so a re-run that
changes nothing leaves the files byte for byte the same on any machine.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
sys.path.insert(0, str(ROOT / "jupyter"))

from reproducible import matplotlib_defaults, strip_machine_metadata  # noqa: E402


def run(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, kernel_name="python3", record_timing=False, timeout=600,
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    nbformat.write(strip_machine_metadata(nb), path)


def main(names: list[str]) -> None:
    environ = matplotlib_defaults(os.environ)
    os.environ.clear()
    os.environ.update(environ)
    paths = [NOTEBOOKS / name for name in names] or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        print(f"running {path.name}", flush=True)
        run(path)


if __name__ == "__main__":
    main(sys.argv[1:])
