"""Timeline of the memo's goals, 1986–1991: evidence as marks, derived status as shading."""

from __future__ import annotations

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .. import finish_chart, new_chart

STATUS_SHADES = {"not begun": "white", "partial": "0.85", "met": "0.55", "set back": "0.3"}
EFFECT_MARKERS = {"advances": ">", "partly meets": "D", "meets": "s", "sets back": "x", "no change": "|"}
MEMO_RANGE = ("1987-01-06", "1987-04-15")


def goal_order(goals: pd.DataFrame) -> list[str]:
    """Goals top to bottom, grouped by tier in the memo's order."""
    return list(goals.sort_values("tier", kind="stable")["goal_id"])


def outcome_timeline(goals: pd.DataFrame, outcomes: pd.DataFrame, status: pd.DataFrame,
                     source: str) -> Figure:
    """One row per goal (grouped by tier), a band per year shaded by derived status,
    each piece of evidence a mark at its start date, the memo's dates shaded."""
    order = goal_order(goals)
    fig, ax = new_chart((10, 6.5))
    ypos = {g: len(order) - 1 - i for i, g in enumerate(order)}
    for goal in order:
        for year, state in status.loc[goal].items():
            bars = ax.barh(ypos[goal], pd.Timestamp(int(year) + 1, 1, 1) - pd.Timestamp(int(year), 1, 1),
                    left=pd.Timestamp(int(year), 1, 1), height=0.8, color=STATUS_SHADES[state],
                    edgecolor="0.7", linewidth=0.3)
            bars.patches[0].set_gid(f"status:{state}")
    marks = outcomes[outcomes["effect"].isin(EFFECT_MARKERS)]
    for effect, marker in EFFECT_MARKERS.items():
        rows = marks[marks["effect"] == effect]
        ax.scatter(rows["start"], rows["goal_id"].map(ypos), marker=marker, color="black",
                   s=30, zorder=3, label=effect)
    ax.axvspan(pd.Timestamp(MEMO_RANGE[0]), pd.Timestamp(MEMO_RANGE[1]), fill=False, hatch="///",
               edgecolor="black", zorder=2, label="memo's date range")
    labels = goals.set_index("goal_id")["tier"].astype(str)
    ax.set_yticks([ypos[g] for g in order], [f"{g} ({labels[g]})" for g in order])
    ax.set_xlim(pd.Timestamp(1986, 1, 1), pd.Timestamp(1992, 1, 1))
    handles: list[Artist] = [Patch(facecolor=c, edgecolor="0.5", label=s) for s, c in STATUS_SHADES.items()]
    handles += ax.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7, framealpha=1)
    return finish_chart(ax, title="What became of each goal, 1986–1991", xlabel="Date (year)",
                        ylabel="Goal (tier)", source=source)
