"""Jupyter Server settings for this collection (read through JUPYTER_CONFIG_PATH by `make lab`).

The server's root is the repository, so data/, docs/ and the READMEs are one click away,
and the landing view is notebooks/. It listens on 127.0.0.1 only and always asks for a token.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "jupyter"))

from reproducible import keep_stored_metadata  # noqa: E402

c = get_config()  # type: ignore[name-defined]  # noqa: F821

c.ServerApp.ip = "127.0.0.1"
c.ServerApp.open_browser = False
c.ServerApp.root_dir = str(ROOT)
c.LabApp.default_url = "/lab/tree/notebooks"
# Jupyter Server applies this file's settings to the contents manager twice and warns that
# the hook overrides itself; the hook is the same function both times.
warnings.filterwarnings("ignore", message="Overriding existing pre_save_hook")
c.FileContentsManager.pre_save_hook = keep_stored_metadata
