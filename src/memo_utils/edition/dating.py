"""When the memo was written: the evidence for its date range, and its earliest date."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .._compat import data_keyword
from ..errors import MemoDataError
from ..tables import load_table, raise_at_first, resource_path
from .views import load_memo

#: The event the memo quotes (its footnote 7): the memo cannot be older than it.
MEMO_TERMINUS_EVENT = "rosenthal_column"


@data_keyword
def load_dating(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The evidence for the memo's date range; its 'min' and 'max' rows must be the bounds the
    edition encodes."""
    dating = load_table("dating", data_dir)
    path = resource_path("dating", data_dir)
    for bound in ("min", "max"):
        count = int((dating["bound"] == bound).sum())
        if count != 1:
            raise MemoDataError(path, f"expected exactly one '{bound}' row, found {count}", field="bound")
    undated = dating["bound"].isin(["min", "max"]) & dating["date"].isna()
    raise_at_first(undated, path, "date", "a bound needs its date")
    memo = load_memo(data_dir)
    encoded = {"min": memo.date_min.tz_localize(None).normalize(), "max": memo.date_max.tz_localize(None).normalize()}
    mismatch = dating["bound"].isin(["min", "max"]) & (dating["date"] != dating["bound"].map(encoded))
    raise_at_first(mismatch, path, "date", "differs from the bound encoded in the edition (frus:doc-dateTime-min/max)")
    return dating


def memo_earliest_date(events: pd.DataFrame) -> pd.Timestamp:
    """The earliest date the memo can bear: that of the column it quotes (footnote 7), from
    the events frame (:func:`memo_utils.load_events`)."""
    rows = events.loc[events["event_id"] == MEMO_TERMINUS_EVENT, "start"]
    if rows.empty:
        raise ValueError(f"no event '{MEMO_TERMINUS_EVENT}' among the events given")
    return pd.Timestamp(rows.min())
