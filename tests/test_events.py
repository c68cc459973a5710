"""Dated events: every dating kept, each with its source."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from memo_utils.dates import span_text
from memo_utils import MemoDataError, key_events, load_events
from tests.conftest import edit_csv


def test_every_row_has_a_source_and_a_snippet() -> None:
    events = load_events()
    assert events[["publication", "url", "snippet"]].notna().all().all()


def test_spans_follow_the_precision_of_the_date() -> None:
    events = load_events().set_index("event_id")
    peak = events.loc["soviet_jewish_emigration_peak_1979"].iloc[0]
    assert (peak["start"], peak["end"]) == (pd.Timestamp("1979-01-01"), pd.Timestamp("1979-12-31"))


def test_disagreeing_dates_are_kept_and_spanned() -> None:
    events = load_events()
    rows = events[events["event_id"] == "washington_summit"]
    summit = key_events(events).set_index("event_id").loc["washington_summit"]
    assert summit["start"] == rows["start"].min()
    assert summit["end"] == rows["end"].max()
    assert summit["sources"] == rows["url"].nunique() >= 2


def test_the_washington_summit_spans_its_formal_meetings_not_the_arrival() -> None:
    """FRUS dates the meetings 8–10 December 1987; Gorbachev's arrival on the 7th is its own event."""
    summit = key_events(load_events()).set_index("event_id").loc["washington_summit"]
    assert span_text(summit["start"], summit["end"]) == "8–10 Dec 1987"


def test_key_events_are_in_date_order() -> None:
    assert key_events(load_events())["start"].is_monotonic_increasing


def _set_first(path: Path, column: str, value: str) -> None:
    edit_csv(path, lambda rows: rows[1].__setitem__(rows[0].index(column), value))


def test_precision_must_match_the_date(data_copy: Path) -> None:
    _set_first(data_copy / "events.csv", "date_precision", "year")
    with pytest.raises(MemoDataError, match=r"events\.csv, row 2, field 'date_precision'"):
        load_events(data_copy)


def test_malformed_date_is_refused(data_copy: Path) -> None:
    _set_first(data_copy / "events.csv", "date", "13 Dec 1974")
    with pytest.raises(MemoDataError, match=r"row 2, field 'date'"):
        load_events(data_copy)


def test_missing_url_is_refused(data_copy: Path) -> None:
    _set_first(data_copy / "events.csv", "url", "")
    with pytest.raises(MemoDataError, match=r"row 2, field 'url'"):
        load_events(data_copy)
