"""The data package stays valid for the standard Frictionless tools, so outside users can check it.

memo_utils checks the tables with its own code (memo_utils.schema); Frictionless is a test
dependency only. This test runs Frictionless over the whole package and, on one damaged copy,
shows that both checkers refuse the same bad value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from memo_utils import MemoDataError
from memo_utils.tables import check_schema
from tests.conftest import set_cell

frictionless = pytest.importorskip("frictionless")


def _errors(report: object) -> list[str]:
    found = [f"{e.type}: {e.message}" for e in getattr(report, "errors", [])]
    for task in getattr(report, "tasks", []):
        found += [f"{task.name}: {e.type}: {e.message}" for e in task.errors]
    return found


def test_frictionless_validates_the_whole_package(data: Path) -> None:
    report = frictionless.Package(str(data / "datapackage.json")).validate()
    assert _errors(report) == []
    assert report.valid


def test_frictionless_and_memo_utils_refuse_the_same_broken_value(data_copy: Path) -> None:
    row = set_cell(data_copy / "emigration.csv", "jews-1968-01", "year", "1900")
    report = frictionless.Package(str(data_copy / "datapackage.json")).validate()
    assert not report.valid
    assert any("emigration" in line and "constraint" in line for line in _errors(report))
    with pytest.raises(MemoDataError) as caught:
        check_schema("emigration", data_copy)
    assert (caught.value.row, caught.value.field) == (row, "year")
