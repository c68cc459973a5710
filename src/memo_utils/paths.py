"""Where the data folder is."""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable that points memo_utils at another data folder.
DATA_ENV = "MEMO_UTILS_DATA"

_SOURCE_TREE_DATA = Path(__file__).resolve().parents[2] / "data"


def data_dir(override: Path | str | None = None) -> Path:
    """Return the data folder: ``override``, else ``$MEMO_UTILS_DATA``, else the
    ``data/`` folder of the source tree this package was installed from.

    It never depends on the working directory, so a kernel started in
    ``notebooks/`` finds the same data as one started anywhere else.
    """
    chosen = override if override is not None else os.environ.get(DATA_ENV)
    path = Path(chosen) if chosen else _SOURCE_TREE_DATA
    if not (path / "datapackage.json").is_file():
        raise FileNotFoundError(
            f"No data package at {path}: expected {path / 'datapackage.json'}. "
            f"Install memo_utils from the project checkout (pip install -e .) "
            f"or set {DATA_ENV} to the project's data/ folder."
        )
    return path
