"""Keep what a machine writes out of the stored notebooks.

Two things differ from machine to machine and must not reach a stored notebook:

- the user's matplotlib settings (a ``matplotlibrc`` in their config folder, or
  ``MATPLOTLIBRC``), which change every stored image, and, with a read-only HOME,
  matplotlib's warning naming a random temporary folder; :func:`matplotlib_defaults`
  gives kernels a private, empty config folder instead;
- the kernel's metadata, below.

A kernel reports its exact Python version in ``metadata.language_info.version``, and
JupyterLab can record per-cell execution timestamps. Neither says anything about the
notebook, and both differ between machines, so a notebook opened, run and saved on
Python 3.12 would show as changed in git although nothing but execution happened. The
collection's convention: ``language_info`` is stored without ``version``, and cells carry
no ``execution`` timing. The server's pre-save hook and ``make notebooks`` both apply it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MPL_CONFIG = ROOT / ".cache" / "matplotlib"


def matplotlib_defaults(environ: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``environ`` in which matplotlib starts from its defaults, in a private folder."""
    MPL_CONFIG.mkdir(parents=True, exist_ok=True)
    clean = {key: value for key, value in environ.items() if key != "MATPLOTLIBRC"}
    clean["MPLCONFIGDIR"] = str(MPL_CONFIG)
    return clean


#: The kernelspec ipykernel reports on every machine; JupyterLab writes it on save.
PYTHON3_KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def strip_machine_metadata(nb: Any) -> Any:
    """Drop the kernel's Python version and cell execution timestamps from a notebook, and
    write the python3 kernelspec as ipykernel names it."""
    metadata = nb.setdefault("metadata", {})
    if metadata.get("kernelspec", {}).get("name") == "python3":
        metadata["kernelspec"] = dict(PYTHON3_KERNELSPEC)
    language_info = metadata.get("language_info")
    if isinstance(language_info, dict):
        language_info.pop("version", None)
    for cell in nb.get("cells", []):
        cell.get("metadata", {}).pop("execution", None)
    return nb


def keep_stored_metadata(model: dict[str, Any], **_: Any) -> None:
    """Jupyter Server pre-save hook: apply :func:`strip_machine_metadata` to notebooks."""
    if model.get("type") == "notebook" and isinstance(model.get("content"), dict):
        strip_machine_metadata(model["content"])
