"""Shared fixtures: the real data folder and broken copies of it."""

from __future__ import annotations

import csv
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import memo_utils as mu
from memo_utils import data_dir
from memo_utils.edition import TEI_NS, parse_xml

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def data() -> Path:
    return data_dir()


@pytest.fixture(scope="session")
def emigration() -> pd.DataFrame:
    """All emigration figures, loaded once."""
    return mu.load_emigration()


@pytest.fixture(scope="session")
def targets() -> pd.DataFrame:
    """The memo's emigration targets from the goals table."""
    return mu.emigration_targets(mu.load_goals())


@pytest.fixture(scope="session")
def graph() -> nx.DiGraph:
    """The memo's argument map as a graph, built once."""
    return mu.argument_graph()


@pytest.fixture
def data_copy(tmp_path: Path, data: Path) -> Path:
    """A private copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(data, target)
    return target


T = f"{{{TEI_NS}}}"


def edition_file(data: Path) -> Path:
    """The TEI edition inside a data folder."""
    return data / "edition" / "d88.xml"


def tei_document(data: Path) -> ET.Element:
    """The edition's document ``div``, parsed as memo_utils parses it."""
    root, _ = parse_xml(edition_file(data))
    document = root.find(f".//{T}div[@type='document']")
    assert document is not None
    return document


def edit_csv(path: Path, change: Callable[[list[list[str]]], None]) -> None:
    """Rewrite a CSV after ``change`` has edited its rows (row 0 is the header)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(path: Path, key: str, column: str, value: str) -> int:
    """Set one cell, found by the row's first column and the header; return its row number."""
    found = {}

    def change(rows: list[list[str]]) -> None:
        col = rows[0].index(column)
        for number, row in enumerate(rows[1:], start=2):
            if row[0] == key:
                row[col] = value
                found["row"] = number
                return
        raise KeyError(key)

    edit_csv(path, change)
    return found["row"]


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace text that occurs exactly once in a file; return the line the new text starts on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"expected exactly one {old!r} in {path.name}"
    at = text.index(old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text.count("\n", 0, at) + 1
