"""Charts of the memo's goals: where each sits on the scale of change, and its numbers."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from ..frus_context import MEMO_CITATION
from ..goals import goal_kind
from ..style import GREYS, finish_chart, new_chart

MEMO_SOURCE = f"{MEMO_CITATION} (Schifter to Shultz, early 1987)."

__all__ = ["GOAL_MARKERS", "MEMO_SOURCE", "goal_kind", "plot_goals_on_scale", "plot_numeric_targets",
           "scale_positions"]

#: Marker per kind of goal: what distinguishes them must survive greyscale printing.
GOAL_MARKERS = {"numeric target": "s", "historical benchmark": "^", "neither": "o"}


def scale_positions(goals: pd.DataFrame, tiers: pd.DataFrame) -> pd.DataFrame:
    """Where each goal sits: x is its tier's rank on the memo's scale of change,
    y the position of its subject area (subjects ordered by first appearance)."""
    subjects = list(dict.fromkeys(goals["subject"]))
    rank = tiers.set_index("tier")["rank"]
    return pd.DataFrame({
        "goal_id": goals["goal_id"],
        "numeral": goals["numeral"].fillna(""),
        "subject": goals["subject"],
        "x": goals["tier"].astype(str).map(rank).astype(int),
        "y": goals["subject"].map({s: i for i, s in enumerate(subjects)}),
        "kind": goal_kind(goals),
    })


def plot_goals_on_scale(goals: pd.DataFrame, tiers: pd.DataFrame) -> Figure:
    """Each goal placed by subject area on the memo's three-step scale of change required."""
    points = scale_positions(goals, tiers)
    fig, ax = new_chart(figsize=(8.0, 5.0))
    for kind, marker in GOAL_MARKERS.items():
        subset = points[points["kind"] == kind]
        ax.scatter(subset["x"], subset["y"], marker=marker, s=70, color=GREYS[0],
                   facecolor="white" if kind == "neither" else GREYS[0], label=kind, gid=kind, zorder=3)
    for row in points.itertuples():
        ax.annotate(row.numeral or "—", (row.x, row.y), xytext=(9, -3), textcoords="offset points", fontsize=8)
    subjects = points.drop_duplicates("y").sort_values("y")["subject"]
    ax.set_yticks(range(len(subjects)), subjects)
    ax.invert_yaxis()
    ordered = tiers.sort_values("rank")
    ax.set_xticks(ordered["rank"], [f"{t}\n" + textwrap.fill(f"({c})", 24) for t, c in zip(ordered["tier"], ordered["change_required"])])
    ax.set_xlim(0.5, len(ordered) + 0.7)
    ax.legend(loc="upper right", title="goal carries", fontsize=8, title_fontsize=8)
    return finish_chart(
        ax,
        title="Where the goals sit on the memo's scale of change",
        xlabel="Tier, and the change in the Soviet system it requires (memo's ordinal scale, least to most)",
        ylabel="Subject area",
        source=MEMO_SOURCE + " Labels are the memo's roman numerals within each tier.",
    )


def plot_numeric_targets(targets: pd.DataFrame, levels: pd.DataFrame | None = None,
                         level_source: str = "") -> Figure:
    """The memo's numeric targets as bars from their lower bound (to the upper bound,
    or with an arrow for 'in excess of'), with observed levels as markers where given.

    ``levels`` has columns ``goal_id``, ``count`` and ``label`` (e.g. "1986 level").
    """
    fig, ax = new_chart(figsize=(9.0, 3.6))
    rows = targets.reset_index(drop=True)
    for y, row in rows.iterrows():
        low = int(row["target_min"])
        if pd.notna(row["target_max"]):
            ax.barh(y, int(row["target_max"]) - low, left=low, height=0.36, color=GREYS[2],
                    edgecolor=GREYS[0], hatch="///", gid=f"target-{row['goal_id']}")
        else:
            ax.annotate("", xy=(low * 1.35, y), xytext=(low, y), gid=f"target-{row['goal_id']}",
                        arrowprops={"arrowstyle": "-|>", "color": GREYS[0], "lw": 2})
        ax.plot([low], [y], marker="|", markersize=18, color=GREYS[0])
        ax.annotate(row["target_words"], (low, y), xytext=(0, 15), textcoords="offset points", fontsize=8)
    if levels is not None and not levels.empty:
        position = {goal: y for y, goal in enumerate(rows["goal_id"])}
        for row in levels.itertuples():
            ax.plot([row.count], [position[row.goal_id]], marker="o", markersize=7, color=GREYS[0],
                    linestyle="none", gid=f"level-{row.goal_id}")
            ax.annotate(f"{row.label}: {row.count:,}", (row.count, position[row.goal_id]),
                        xytext=(6, -14), textcoords="offset points", fontsize=8, ha="left", va="top")
    ax.set_yticks(range(len(rows)), [f"{g} · {label}" for g, label in zip(rows["goal_id"], rows["label"])])
    ax.invert_yaxis()
    ax.set_xlim(0, rows["target_min"].max() * 1.45)
    ax.set_ylim(len(rows) - 0.4, -0.8)
    ax.xaxis.set_major_formatter("{x:,.0f}")
    source = MEMO_SOURCE + (f" Observed levels: {level_source}" if level_source else "")
    return finish_chart(ax, title="The memo's numeric targets", xlabel="Persons per year",
                        ylabel="Goal", source=source)
