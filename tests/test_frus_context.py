"""FRUS context: the loader, the citation helper, the volume order, the emigration asks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import memo_utils as mu
from memo_utils.frus_context import (
    FRUS_VOLUMES,
    MEMO_CITATION,
    emigration_asks,
    frus_citation,
    load_frus_context,
    volume_order,
)
from tests.conftest import ROOT


def test_the_memo_is_cited_once_in_the_package() -> None:
    assert MEMO_CITATION == "FRUS 1981–1988, vol. XLI, Document 88"
    typed = [p for p in (ROOT / "src" / "memo_utils").rglob("*.py")
             if "vol. XLI, Doc" in p.read_text(encoding="utf-8") and p.name not in {"frus_context.py", "__init__.py"}]
    assert typed == []


@pytest.mark.parametrize(("volume", "document", "short", "expected"), [
    ("FRUS 1981–1988, vol. XLI", 88, False, "FRUS 1981–1988, vol. XLI, Document 88"),
    ("FRUS 1981–1988, vol. XLI", 102, True, "FRUS 1981–88, vol. XLI, Doc. 102"),
    ("FRUS 1969–1976, vol. XXXI", 223, True, "FRUS 1969–76, vol. XXXI, Doc. 223"),
])
def test_frus_citation(volume: str, document: int, short: bool, expected: str) -> None:
    assert frus_citation(volume, document, short=short) == expected


def test_an_unknown_volume_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown FRUS volume"):
        frus_citation("FRUS 1977–1980, vol. VI", 1)


def test_context_comes_in_volume_then_document_order() -> None:
    context = load_frus_context()
    keys = list(zip(volume_order(context["volume"]), context["doc_number"]))
    assert keys == sorted(keys)
    assert set(context["volume"]) <= set(FRUS_VOLUMES)


def test_the_old_import_paths_still_work() -> None:
    from memo_utils.argument import emigration_asks as old_asks
    from memo_utils.argument import load_frus_context as old_context
    from memo_utils.emigration import load_frus_rates as old_rates

    assert old_asks is emigration_asks and old_context is load_frus_context
    assert old_rates is mu.load_frus_rates


def test_asks_put_the_memo_beside_its_neighbours() -> None:
    asks = emigration_asks(load_frus_context(), mu.load_goals())
    assert asks["memo"].sum() == 2
    assert asks.loc[asks["memo"], "source"].str.startswith("This memo (d88)").all()
    assert asks.loc[~asks["memo"], "source"].str.contains(r"\(vol\. V, d17\), step \d|\(d106\)").all()


def test_frus_context_rejects_an_impossible_date(data_copy: Path) -> None:
    from tests.conftest import edit_csv

    def change(rows: list[list[str]]) -> None:
        column = rows[0].index("date_min")
        rows[1][column] = "1985-02-30"

    edit_csv(data_copy / "frus_context.csv", change)
    with pytest.raises(mu.MemoDataError, match=r"frus_context\.csv, row 2, field 'date_min'"):
        load_frus_context(data_copy)
    assert pd.Timestamp("1985-04-08") in set(load_frus_context()["start"])
