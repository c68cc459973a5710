"""One handle on the data package: the descriptor and the witness, each read once per file.

Every loader asks for ``datapackage.json`` and for the memo's text; reading them again each
time cost one ``validate()`` call 188 reads of the descriptor and 46 of the witness. Both
are memoised here by the file's identity (path, inode, size, modification time in
nanoseconds), so a changed file is read afresh and an unchanged one never twice.
The returned objects are shared: callers must not change them.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import MemoDataError
from .paths import data_dir

Identity = tuple[str, int, int, int]


def identity(path: Path) -> Identity:
    """What makes a file the same file for caching: path, inode, size, mtime in ns."""
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise MemoDataError(path, f"file not found ({exc.strerror})") from exc
    return (str(path), stat.st_ino, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=32)
def _descriptor(key: Identity) -> dict[str, Any]:
    path = Path(key[0])
    raw = path.read_bytes()
    try:
        result = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise MemoDataError(path, f"the file is not UTF-8: byte 0x{raw[exc.start]:02X}") from exc
    except json.JSONDecodeError as exc:
        raise MemoDataError(path, f"not valid JSON: {exc.msg}", line=exc.lineno) from exc
    if not isinstance(result, dict) or not isinstance(result.get("resources"), list):
        raise MemoDataError(path, "not a data package: no list of resources", field="resources")
    return result


def descriptor(root: Path) -> dict[str, Any]:
    """The descriptor of the package in ``root`` (read once while the file is unchanged)."""
    return _descriptor(identity(root / "datapackage.json"))


def normalise_space(text: str) -> str:
    """Collapse every run of white space to one space, so line breaks never matter."""
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=32)
def _raw_witness(key: Identity) -> str:
    path = Path(key[0])
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise MemoDataError(
            path, f"the file is not UTF-8: byte 0x{raw[exc.start]:02X} at line {line}", line=line
        ) from exc


@lru_cache(maxsize=32)
def _witness(key: Identity) -> str:
    return normalise_space(_raw_witness(key))


def raw_witness(path: Path) -> str:
    """The witness text at ``path`` exactly as stored, line breaks kept (read once while unchanged)."""
    return _raw_witness(identity(path))


def witness(path: Path) -> str:
    """The witness text at ``path``, white space normalised (read once while unchanged)."""
    return _witness(identity(path))


@dataclass(frozen=True)
class DataPackage:
    """The data folder, its descriptor and (lazily) its witness, for passing down one handle."""

    root: Path

    @classmethod
    def open(cls, data: Path | str | None = None) -> DataPackage:
        return cls(data_dir(data))

    @property
    def descriptor(self) -> dict[str, Any]:
        return descriptor(self.root)

    def resource(self, name: str) -> dict[str, Any]:
        """The descriptor of one resource, by name."""
        for resource in self.descriptor["resources"]:
            if resource.get("name") == name:
                return dict(resource)
        raise MemoDataError(self.root / "datapackage.json", f"no resource named '{name}'", field="resources")

    def path(self, name: str) -> Path:
        """The file of one resource, checked to exist."""
        path = self.root / self.resource(name)["path"]
        if not path.is_file():
            raise MemoDataError(path, f"file not found (resource '{name}' in datapackage.json)")
        return path

    @property
    def witness(self) -> str:
        return witness(self.path("witness"))

    def table(self, name: str) -> Any:
        """One table, loaded and checked against its schema (see :func:`memo_utils.load_table`)."""
        from .tables import load_table

        return load_table(name, self.root)
