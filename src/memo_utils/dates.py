"""Partial dates and the spans they name, in one place.

A source gives a date as precisely as it can: a year (``1987``), a month (``1987-12``), a
day (``1987-12-08``), or a range of two such dates (``1987-12-08/1987-12-10``, ISO 8601's
interval form). Each names a span of days: its ``start`` is the first day (at midnight),
its ``end`` the last day (at midnight too, so that a one-day span has ``start == end``).
Every loader that turns a partial date into a span does it here, and a chart that writes
a span out in words uses :func:`span_text`, so a span is read and printed from both bounds.

Date-times with a time and offset (the edition's ``frus:doc-dateTime-min/max``) are read by
:func:`parse_datetime_bound`, which refuses one without a UTC offset by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Literal

import pandas as pd

from .errors import MemoDataError

Precision = Literal["year", "month", "day", "range"]

#: The form of each single precision; a range joins two single dates with ``/``.
FORMS: dict[str, re.Pattern[str]] = {
    "year": re.compile(r"\d{4}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
}
_FREQ = {"year": "Y", "month": "M", "day": "D"}


def precision_of(text: str) -> Precision:
    """The precision a partial date's form shows: year, month, day or range.

    Raises :class:`ValueError` for anything else, naming what was expected."""
    if "/" in text:
        first, _, last = text.partition("/")
        _single_precision(first)
        _single_precision(last)
        return "range"
    return _single_precision(text)


def _single_precision(text: str) -> Literal["year", "month", "day"]:
    for name in ("day", "month", "year"):
        if FORMS[name].fullmatch(text):
            return name
    raise ValueError(f"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")


def _period(text: str) -> pd.Period:
    precision = _single_precision(text)
    try:
        return pd.Period(text, freq=_FREQ[precision])
    except (ValueError, pd.errors.ParserError) as exc:
        raise ValueError(f"'{text}' is not a date in the calendar") from exc


def span(text: str, precision: str | None = None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day a partial date names.

    ``precision``, when given, must agree with the date's form (``'range'`` for
    ``start/end``). A range must not end before it starts. Raises :class:`ValueError`.
    """
    found = precision_of(text)
    if precision is not None and precision != found:
        raise ValueError(f"'{text}' reads as a {found}, but its precision says {precision}")
    first, _, last = text.partition("/") if found == "range" else (text, "", text)
    start = _period(first).start_time
    end = _period(last).end_time.normalize()
    if end < start:
        raise ValueError(f"the range '{text}' ends before it starts")
    return start, end


def span_start(text: str) -> pd.Timestamp:
    """The first day a partial date names."""
    return span(text)[0]


def span_end(text: str) -> pd.Timestamp:
    """The last day a partial date names."""
    return span(text)[1]


def spans(values: pd.Series, path: Path, field: str, precisions: pd.Series | None = None) -> pd.DataFrame:
    """``start`` and ``end`` of each partial date in a table column, missing where the value is.

    The first bad value raises :class:`MemoDataError` naming ``path``, the row (as a
    spreadsheet numbers it) and ``field``; every bad row is listed in ``problems``.
    """
    starts: list[pd.Timestamp | None] = []
    ends: list[pd.Timestamp | None] = []
    problems: list[MemoDataError] = []
    wanted = precisions if precisions is not None else pd.Series([None] * len(values), index=values.index)
    for index, value, precision in zip(values.index, values, wanted):
        if pd.isna(value):
            starts.append(None)
            ends.append(None)
            continue
        try:
            start, end = span(str(value), None if pd.isna(precision) else str(precision))
        except ValueError as exc:
            problems.append(MemoDataError(path, str(exc), row=int(index) + 2, field=field))
            starts.append(None)
            ends.append(None)
            continue
        starts.append(start)
        ends.append(end)
    if problems:
        first = problems[0]
        raise MemoDataError(path, first.message, row=first.row, field=field, problems=[str(p) for p in problems])
    return pd.DataFrame({"start": pd.to_datetime(pd.Series(starts, index=values.index, dtype=object)),
                         "end": pd.to_datetime(pd.Series(ends, index=values.index, dtype=object))})


def earlier_than(dates: Iterable[object], others: Iterable[str]) -> list[bool]:
    """Whether each partial date lies wholly before the other, compared at the precision of
    the coarser of the two (``1987-03`` is not before ``1987``); a missing date is not."""
    result = []
    for date, other in zip(dates, others):
        if date is None or pd.isna(date):
            result.append(False)
            continue
        size = min(len(str(date)), len(other))
        result.append(str(date)[:size] < other[:size])
    return result


def parse_datetime_bound(text: str | None) -> datetime:
    """An ISO date-time with its UTC offset (``1987-01-20T00:00:00-05:00``).

    Raises :class:`ValueError` naming what is wrong: missing, not ISO, or without offset."""
    if not text:
        raise ValueError("missing")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not an ISO date-time") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"'{text}' has no UTC offset (write it as e.g. {text}-05:00)")
    return moment


def span_text(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """A span in words, from both its bounds: '8 Dec 1987', '8–10 Dec 1987',
    '30 Nov–2 Dec 1987', '1987', 'Dec 1987'."""
    if start == end:
        return f"{start:%-d %b %Y}"
    whole_months = start.day == 1 and (end + pd.Timedelta(days=1)).day == 1
    if whole_months and start.month == 1 and end.month == 12 and start.year == end.year:
        return f"{start:%Y}"
    if whole_months and (start.year, start.month) == (end.year, end.month):
        return f"{start:%b %Y}"
    if start.year != end.year:
        return f"{start:%-d %b %Y}–{end:%-d %b %Y}"
    if start.month == end.month:
        return f"{start:%-d}–{end:%-d %b %Y}"
    return f"{start:%-d %b}–{end:%-d %b %Y}"
