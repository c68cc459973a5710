"""Dated events around the memo, each attested by one or more sources, and the events the
charts mark."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ._compat import data_keyword
from .dates import precision_of, spans
from .tables import load_table, raise_at_first, resource_path

#: The dated events the long chart of emigration marks.
LONG_CHART_EVENTS = (
    "trade_act_1974_signed",
    "soviet_jewish_emigration_peak_1979",
    "soviet_emigration_decree_in_force",
    "washington_summit",
    "soviet_jewish_emigration_record_1989",
)
#: The dated events the monthly chart of 1986–1988 marks.
MONTHLY_CHART_EVENTS = (
    "soviet_emigration_decree_in_force",
    "washington_summit",
    "soviet_emigration_rules_tightened_1988",
)


def _form(date: str) -> str | None:
    try:
        return precision_of(date)
    except ValueError:
        return None


@data_keyword
def load_events(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Every dating of every event, one row per source, with ``start`` and ``end``
    timestamps spanning the period the date names: a year, a month, a day, or a range
    (``1987-12-08/1987-12-10``, precision ``range``) from its first bound to its last."""
    events = load_table("events", data_dir)
    path = resource_path("events", data_dir)
    forms = events["date"].map(_form)
    mismatch = forms.notna() & (forms != events["date_precision"].astype(str))
    raise_at_first(mismatch, path, "date_precision", "precision does not match the form of the date")
    labels = events.groupby("event_id")["label"].transform("nunique")
    raise_at_first(labels > 1, path, "label", "rows of one event must share one label")
    bounds = spans(events["date"], path, "date")
    events["start"] = bounds["start"]
    events["end"] = bounds["end"]
    return events


def key_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per event: its label, the first day any source gives it (``start``), the last
    day any source gives it (``end``, from each dating's own last bound, so a multi-day event
    dated as a range ends where the range does), and how many sources attest it."""
    grouped = events.sort_values(["start", "event_id"], kind="stable").groupby("event_id", sort=False)
    return (
        grouped.agg(label=("label", "first"), start=("start", "min"), end=("end", "max"),
                    sources=("url", "nunique"))
        .sort_values(["start", "event_id"], kind="stable")
        .reset_index()
    )


def chart_events(events: pd.DataFrame, ids: Iterable[str] = LONG_CHART_EVENTS) -> pd.DataFrame:
    """The events to mark on a chart (from :func:`key_events`), in date order, with
    ``when``: the midpoint of the span from the first to the last day their sources give."""
    wanted = list(ids)
    chosen = events[events["event_id"].isin(wanted)].copy()
    absent = sorted(set(wanted) - set(chosen["event_id"]))
    if absent:
        raise ValueError(f"events not in data/events.csv: {', '.join(absent)}")
    chosen["when"] = chosen["start"] + (chosen["end"] - chosen["start"]) / 2
    return chosen.sort_values("when").reset_index(drop=True)
