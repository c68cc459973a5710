"""When the memo was written: the dating table against the encoded bounds."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from memo_utils import (
    MemoDataError,
    load_dating,
)
from tests.conftest import edit_csv

# --- Dating ------------------------------------------------------------------------------------


def test_dating_bounds_are_the_encoded_range() -> None:
    dating = load_dating().set_index("bound")
    assert dating.loc["min", "date"] == pd.Timestamp("1987-01-06")
    assert dating.loc["max", "date"] == pd.Timestamp("1987-04-15")


def test_dating_that_disagrees_with_the_edition_is_refused(data_copy: Path) -> None:
    def change(rows: list[list[str]]) -> None:
        for row in rows:
            if row[1] == "max":
                row[2] = "1987-05-01"

    edit_csv(data_copy / "dating.csv", change)
    with pytest.raises(MemoDataError, match=r"dating\.csv, row 3, field 'date': differs from the bound"):
        load_dating(data_copy)


def test_dating_needs_exactly_one_of_each_bound(data_copy: Path) -> None:
    edit_csv(data_copy / "dating.csv", lambda rows: rows[2].__setitem__(1, "context"))
    with pytest.raises(MemoDataError, match=r"exactly one 'max' row, found 0"):
        load_dating(data_copy)
