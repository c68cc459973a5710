"""Timeline of Soviet moves against American asks and what Moscow sought, 1986–1991."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from memo_utils import finish_chart, new_chart
from memo_utils.soviet import LANES

#: One marker and fill per lane, so the lanes survive greyscale printing.
LANE_MARKS = {
    LANES[0]: ("s", "0.1"),
    LANES[1]: ("o", "white"),
    LANES[2]: ("P", "0.65"),
    LANES[3]: ("^", "0.45"),
    LANES[4]: ("D", "0.85"),
}

SOURCE = ("data/soviet_records.csv (Wilson Center Digital Archive; Bukovsky archive; National Security Archive; "
          "JTA, LA Times, AP, Chicago Tribune, New York Times, Baltimore Sun), "
          "data/advocacy_actions.csv (JTA, LA Times, NCSJ), data/events.csv. "
          "Month- or year-dated items are placed at the first day of the month or year.")


def plot_soviet_timeline(items: pd.DataFrame, *, marks: pd.DataFrame | None = None) -> Figure:
    """One lane per kind of item (rows of :func:`memo_utils.soviet.timeline`), each item a
    marker at its date. ``marks`` (columns ``date`` and ``label``) adds dashed vertical lines,
    e.g. the memo's earliest date."""
    fig, ax = new_chart(figsize=(9.0, 4.6))
    lanes = list(LANES)
    for position, lane in enumerate(lanes):
        subset = items[items["lane"] == lane]
        marker, fill = LANE_MARKS[lane]
        ax.scatter(subset["date"], [position] * len(subset), marker=marker, s=55, facecolor=fill,
                   edgecolor="0.1", linewidth=0.8, zorder=3, gid=lane, label=f"{lane} ({len(subset)})")
    if marks is not None:
        for mark in marks.itertuples():
            ax.axvline(pd.Timestamp(mark.date), color="0.3", linestyle="--", linewidth=1.0,
                       gid=f"mark:{mark.label}")
            ax.annotate(str(mark.label), (pd.Timestamp(mark.date), len(lanes) - 0.55), fontsize=8,
                        xytext=(3, 0), textcoords="offset points", va="center")
    ax.set_yticks(range(len(lanes)), lanes)
    ax.set_ylim(len(lanes) - 0.4, -0.6)
    ax.set_xlim(pd.Timestamp("1985-12-01"), pd.Timestamp("1992-01-31"))
    ax.grid(axis="y", visible=False)
    return finish_chart(
        ax,
        title="Soviet records and statements beside the advocates' asks, 1986–1991",
        xlabel="date (year)",
        ylabel="kind of item",
        source=SOURCE,
    )
