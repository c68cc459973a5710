"""The data package handle reads datapackage.json and the witness once per validate() call."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

import memo_utils as mu
from memo_utils.package import DataPackage


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    reads: Counter[str] = Counter()
    read_bytes, read_text = Path.read_bytes, Path.read_text

    def counted_bytes(self: Path) -> bytes:
        reads[self.name] += 1
        return read_bytes(self)

    def counted_text(self: Path, *args: object, **kwargs: object) -> str:
        reads[self.name] += 1
        return read_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_bytes", counted_bytes)
    monkeypatch.setattr(Path, "read_text", counted_text)
    return reads


def test_validate_reads_the_descriptor_once(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = _count_reads(monkeypatch)
    mu.validate(data_copy)
    assert reads["datapackage.json"] == 1
    assert all(reads[name] == 1 for name in os.listdir(data_copy) if name.endswith(".csv"))


def test_validate_reads_the_witness_once(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = _count_reads(monkeypatch)
    mu.validate(data_copy)
    assert reads["frus1981-88v41-d88.txt"] == 1


def test_a_second_validate_reads_nothing_unchanged(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mu.validate(data_copy)
    reads = _count_reads(monkeypatch)
    mu.validate(data_copy)
    assert reads["datapackage.json"] == 0
    assert reads["tiers.csv"] == 0


def test_a_changed_descriptor_is_read_afresh(data_copy: Path) -> None:
    package = DataPackage.open(data_copy)
    assert package.resource("tiers")["path"] == "tiers.csv"
    path = data_copy / "datapackage.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"tiers.csv"', '"tiers2.csv"'), encoding="utf-8")
    assert package.resource("tiers")["path"] == "tiers2.csv"
    with pytest.raises(mu.MemoDataError, match=r"tiers2\.csv: file not found"):
        package.path("tiers")


def test_the_handle_loads_a_table_and_the_witness(data: Path) -> None:
    package = DataPackage.open(data)
    assert package.table("tiers")["tier"].tolist() == ["immediate", "intermediate", "long-range"]
    assert package.witness == mu.witness_text(data)
    assert "Soviet" in package.witness


def test_loading_and_validating_never_imports_frictionless() -> None:
    import subprocess
    import sys

    code = "import sys, memo_utils; memo_utils.validate(); print('frictionless' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
