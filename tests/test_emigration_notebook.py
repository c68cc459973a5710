"""Every figure typed into the emigration notebook's prose is one the data holds."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import memo_utils as mu
from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "02_emigration_figures.ipynb"

#: A figure: four or more digits, or digits grouped by thousands separators; not part of a
#: word, an identifier or a URL (frus1981-88v41, d102).
FIGURE = re.compile(r"(?<![\w/.\-])(\d{1,3}(?:,\d{3})+|\d{4,})(?![\w/]|[.,]\d)")


def figures_in(text: str) -> list[str]:
    """The figure-like numbers written in ``text``, as written."""
    return FIGURE.findall(text)


def held_by_data() -> tuple[set[int], set[int]]:
    """(numbers the data holds, years the data holds)."""
    emigration = mu.load_emigration()
    goals = mu.load_goals()
    rates = mu.load_frus_rates()
    events = mu.load_events()
    numbers = set(emigration["count"].astype(int))
    numbers |= set(rates["low"].astype(int)) | set(rates["high"].astype(int))
    numbers |= {int(v) for v in pd.concat([goals["target_min"], goals["target_max"]]).dropna()}
    years = set(emigration["year"].astype(int))
    years |= {int(str(d)[:4]) for d in pd.concat([emigration["published"], events["date"], events["published"],
                                                 rates["said_from"], rates["said_to"]]).dropna()}
    return numbers, years


def unheld(text: str, numbers: set[int], years: set[int]) -> list[str]:
    """The figures in ``text`` the data does not hold. A bare four-digit number from 1900
    to 2099 is read as a year and must be a year the data holds."""
    missing = []
    for written in figures_in(text):
        value = int(written.replace(",", ""))
        is_year = "," not in written and len(written) == 4 and 1900 <= value <= 2099
        if not (value in years if is_year else value in numbers):
            missing.append(written)
    return missing


def _markdown() -> list[str]:
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]


def test_the_check_finds_figures_and_flags_those_the_data_lacks() -> None:
    numbers, years = held_by_data()
    text = "NCSJ counted 8,155 in 1987 and 71196 in 1989; the memo asked for 10,000; see frus1981-88v41/d88."
    assert figures_in(text) == ["8,155", "1987", "71196", "1989", "10,000"]
    assert unheld(text, numbers, years) == []
    assert unheld("some 12,345 left in 1987, or 2,051,999 in 2150", numbers, years) == ["12,345", "2,051,999", "2150"]
    assert unheld("the year 1957", numbers, years) == ["1957"]


def test_every_figure_in_the_notebooks_prose_is_held_by_the_data() -> None:
    if not NOTEBOOK.exists():
        pytest.fail(f"{NOTEBOOK.name} is missing")
    numbers, years = held_by_data()
    problems = {i: unheld(text, numbers, years) for i, text in enumerate(_markdown())}
    assert {i: p for i, p in problems.items() if p} == {}
    assert sum(len(figures_in(text)) for text in _markdown()) > 10  # the prose does quote figures
