"""Partial dates and spans: one module, used by every loader that turns a date into a span."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from memo_utils import MemoDataError, chart_events, key_events, load_events, load_frus_context, load_frus_rates
from memo_utils.dates import earlier_than, parse_datetime_bound, precision_of, span, span_text, spans
from memo_utils.events import MONTHLY_CHART_EVENTS
from tests.conftest import edit_csv

T = pd.Timestamp

SPANS = [
    ("1987", "year", T("1987-01-01"), T("1987-12-31")),
    ("1988-02", "month", T("1988-02-01"), T("1988-02-29")),
    ("1987-12-08", "day", T("1987-12-08"), T("1987-12-08")),
    ("1987-12-08/1987-12-10", "range", T("1987-12-08"), T("1987-12-10")),
    ("1987-11/1988", "range", T("1987-11-01"), T("1988-12-31")),
]


@pytest.mark.parametrize(("text", "precision", "start", "end"), SPANS, ids=[s[0] for s in SPANS])
def test_a_partial_date_spans_its_first_to_its_last_day(text: str, precision: str, start: T, end: T) -> None:
    assert precision_of(text) == precision
    assert span(text) == (start, end)
    assert span(text, precision) == (start, end)


BAD = [
    ("1987-02-30", None, "not a date in the calendar"),
    ("1987-13", None, "not a date in the calendar"),
    ("87-12-08", None, "not a date of the form"),
    ("8 December 1987", None, "not a date of the form"),
    ("1987-12-10/1987-12-08", None, "ends before it starts"),
    ("1987-12-08", "month", "reads as a day, but its precision says month"),
]


@pytest.mark.parametrize(("text", "precision", "message"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_date_is_named(text: str, precision: str | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        span(text, precision)


def test_spans_names_file_row_and_field_of_every_bad_value(tmp_path: Path) -> None:
    values = pd.Series(["1987", "1987-02-30", None, "1987-13"])
    with pytest.raises(MemoDataError, match=r"t\.csv, row 3, field 'date': '1987-02-30' is not a date") as caught:
        spans(values, tmp_path / "t.csv", "date")
    assert len(caught.value.problems) == 2 and "row 5" in caught.value.problems[1]


def test_spans_keeps_missing_values_missing(tmp_path: Path) -> None:
    frame = spans(pd.Series(["1987-03", None]), tmp_path / "t.csv", "date")
    assert frame.loc[0, "start"] == T("1987-03-01") and frame.loc[0, "end"] == T("1987-03-31")
    assert pd.isna(frame.loc[1, "start"]) and pd.isna(frame.loc[1, "end"])


def test_earlier_than_compares_at_the_coarser_precision() -> None:
    assert earlier_than(["1986-12-31", "1987-03", "1987", None], ["1987", "1987", "1987-05", "1987"]) == [
        True, False, False, False]


def test_a_date_time_bound_needs_its_offset() -> None:
    assert parse_datetime_bound("1987-01-06T00:00:00-05:00").utcoffset() == pd.Timedelta(hours=-5)
    with pytest.raises(ValueError, match="has no UTC offset"):
        parse_datetime_bound("1987-01-06T00:00:00")
    with pytest.raises(ValueError, match="missing"):
        parse_datetime_bound(None)


TEXTS = [
    (T("1987-12-08"), T("1987-12-08"), "8 Dec 1987"),
    (T("1987-12-08"), T("1987-12-10"), "8–10 Dec 1987"),
    (T("1987-11-30"), T("1987-12-02"), "30 Nov–2 Dec 1987"),
    (T("1987-01-01"), T("1987-12-31"), "1987"),
    (T("1988-02-01"), T("1988-02-29"), "Feb 1988"),
    (T("1987-12-30"), T("1988-01-02"), "30 Dec 1987–2 Jan 1988"),
]


@pytest.mark.parametrize(("start", "end", "text"), TEXTS, ids=[t[2] for t in TEXTS])
def test_span_text_reads_both_bounds(start: T, end: T, text: str) -> None:
    assert span_text(start, end) == text


def _summit_rows(dates: list[tuple[str, str]]) -> pd.DataFrame:
    rows = [{"event_id": "washington_summit", "date": d, "date_precision": p, "label": "Washington summit",
             "url": f"https://example.org/{i}"} for i, (d, p) in enumerate(dates)]
    frame = pd.DataFrame(rows)
    bounds = [span(d, p) for d, p in dates]
    return frame.assign(start=[b[0] for b in bounds], end=[b[1] for b in bounds])


def test_a_summit_dated_as_a_range_spans_to_its_last_day() -> None:
    """The Washington summit ran 8–10 December 1987; start dates alone made it '7–8 Dec'."""
    starts_only = key_events(_summit_rows([("1987-12-07", "day"), ("1987-12-08", "day")])).iloc[0]
    assert span_text(starts_only["start"], starts_only["end"]) == "7–8 Dec 1987"
    ranged = key_events(_summit_rows([("1987-12-08/1987-12-10", "range"), ("1987-12-08/1987-12-10", "range")]))
    summit = chart_events(ranged, ["washington_summit"]).iloc[0]
    assert span_text(summit["start"], summit["end"]) == "8–10 Dec 1987"
    assert summit["when"] == T("1987-12-09")


def test_load_events_reads_a_range_once_the_schema_allows_it(data_copy: Path) -> None:
    """The events schema (another branch's file) must allow YYYY-MM-DD/YYYY-MM-DD and 'range'."""
    descriptor_path = data_copy / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    fields = {f["name"]: f for r in descriptor["resources"] if r["name"] == "events" for f in r["schema"]["fields"]}
    fields["date"]["constraints"]["pattern"] = r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?"
    fields["date_precision"]["constraints"]["enum"].append("range")
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")

    def to_range(rows: list[list[str]]) -> None:
        for row in rows[1:]:
            if row[0] == "washington_summit":
                row[1], row[2] = "1987-12-08/1987-12-10", "range"

    edit_csv(data_copy / "events.csv", to_range)
    summit = chart_events(key_events(load_events(data_copy)), MONTHLY_CHART_EVENTS).set_index("event_id")
    assert span_text(summit.loc["washington_summit", "start"], summit.loc["washington_summit", "end"]) == \
        "8–10 Dec 1987"


def test_an_impossible_event_date_is_a_data_error(data_copy: Path) -> None:
    edit_csv(data_copy / "events.csv", lambda rows: rows[1].__setitem__(1, "1974-02-30"))
    with pytest.raises(MemoDataError, match=r"events\.csv, row 2, field 'date'"):
        load_events(data_copy)


def test_frus_dates_span_through_the_shared_module() -> None:
    context = load_frus_context().dropna(subset=["date_min"])
    assert all(span(d)[0] == s for d, s in zip(context["date_min"], context["start"]))
    rates = load_frus_rates()
    assert (rates["end"] == [span(d)[1] for d in rates["said_to"]]).all()
