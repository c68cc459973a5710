"""Dated events around the memo, each attested by one or more sources."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .tables import load_table, raise_at_first, resource_path

_LENGTH = {"year": 4, "month": 7, "day": 10}


def load_events(data: Path | str | None = None) -> pd.DataFrame:
    """Every dating of every event, one row per source, with ``start`` and ``end``
    timestamps spanning the period the date names (a year, a month or a day)."""
    events = load_table("events", data)
    mismatch = events["date"].str.len() != events["date_precision"].map(_LENGTH)
    path = resource_path("events", data)
    raise_at_first(mismatch, path, "date_precision", "precision does not match the form of the date")
    labels = events.groupby("event_id")["label"].transform("nunique")
    raise_at_first(labels > 1, path, "label", "rows of one event must share one label")
    period = {"year": "Y", "month": "M", "day": "D"}
    spans = [pd.Period(date, freq=period[p]) for date, p in zip(events["date"], events["date_precision"])]
    events["start"] = [span.start_time for span in spans]
    events["end"] = [span.end_time.normalize() for span in spans]
    return events


def key_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per event: its label, the earliest and latest date its sources give,
    and how many sources attest it."""
    grouped = events.sort_values("start").groupby("event_id", sort=False)
    return (
        grouped.agg(label=("label", "first"), start=("start", "min"), end=("end", "max"),
                    sources=("url", "nunique"))
        .sort_values("start")
        .reset_index()
    )
