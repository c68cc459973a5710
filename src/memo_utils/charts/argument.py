"""The memo's argument as a diagram, legible printed in greyscale on A4.

Rows are the graph's topological generations and positions come from networkx's
multipartite layout (:func:`argument_positions`); within a row the claims are ordered so
that few lines cross or pass behind a box. Kinds of claim differ by box shape, border and
fill; relations by line style and arrow head, so nothing depends on colour.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from itertools import combinations
from typing import Any, cast

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import ConnectionStyle, FancyArrowPatch
from matplotlib.text import Text
from matplotlib.ticker import StrMethodFormatter

from ..argument import RELATIONS
from ..frus_context import MEMO_CITATION
from ..style import GREYS, STYLE, finish_chart, new_chart
from .box_arrows import StraightBetweenBoxes

#: A4 portrait is 8.27 x 11.69 in; this leaves a margin for the printer.
A4_FIGSIZE = (8.0, 11.0)

#: Box of each kind of claim: shape, border and fill, all distinct without colour.
KIND_BOX: dict[str, dict[str, Any]] = {
    "premise": {"boxstyle": "square,pad=0.4", "facecolor": GREYS[3], "edgecolor": GREYS[0], "linewidth": 0.9, "linestyle": "-"},
    "evidence": {"boxstyle": "square,pad=0.4", "facecolor": "white", "edgecolor": GREYS[0], "linewidth": 0.9, "linestyle": "--"},
    "inference": {"boxstyle": "round,pad=0.4,rounding_size=0.8", "facecolor": "white", "edgecolor": GREYS[0], "linewidth": 0.9, "linestyle": "-"},
    "caution": {"boxstyle": "sawtooth,pad=0.6,tooth_size=0.35", "facecolor": "white", "edgecolor": GREYS[0], "linewidth": 0.9, "linestyle": "-"},
    "recommendation": {"boxstyle": "round4,pad=0.45", "facecolor": GREYS[0], "edgecolor": "black", "linewidth": 1.8, "linestyle": "-"},
}
#: Text inside each kind of box.
KIND_TEXT: dict[str, dict[str, Any]] = {
    kind: {"color": "white" if kind == "recommendation" else "black",
           "fontweight": "bold" if kind == "recommendation" else "normal"}
    for kind in KIND_BOX
}
#: Line of each relation: style and head, distinct without colour.
RELATION_LINE: dict[str, dict[str, Any]] = {
    "supports": {"linestyle": "-", "arrowstyle": "-|>", "linewidth": 1.0},
    "qualifies": {"linestyle": "--", "arrowstyle": "-|>", "linewidth": 1.0},
    "opposes": {"linestyle": ":", "arrowstyle": "-[", "linewidth": 1.4},
}
#: Type size of the claim boxes, in points: legible on paper, small enough for eight in a row.
FONT_SIZE = 7.0

#: Opacity of the copy of each box drawn over the arrows (see ``_cover``).
COVER_ALPHA = 0.8

#: What the key calls each kind, in the order it lists them.
KIND_NAMES = {"premise": "Premise", "evidence": "Evidence", "inference": "Inference",
              "caution": "Caution", "recommendation": "Recommendation"}


def argument_layers(graph: nx.DiGraph, max_per_row: int | None = None) -> dict[str, int]:
    """The row of each claim in a diagram read from top (0) to bottom.

    Rows are topological generations, so every relation points down the page. A claim
    that nothing bears on (a source) then moves down to the row just above the first
    claim it bears on, so that a premise sits beside the step it feeds; with
    ``max_per_row``, a source finding that row full takes the nearest row above with
    room, new rows being opened at the top if need be. Claims caught in a cycle of
    qualifications share a row (the generations are those of the condensation).
    """
    dag = nx.condensation(graph)
    component = dag.graph["mapping"]
    generation = {c: i for i, members in enumerate(nx.topological_generations(dag)) for c in members}
    layer = {node: generation[component[node]] for node in graph}
    sources = [node for node in graph if graph.in_degree(node) == 0]
    latest = {s: min((layer[t] for t in graph.successors(s)), default=1) - 1 for s in sources}
    taken = Counter(layer[node] for node in graph if node not in latest)
    for source in sorted(sources, key=lambda s: -latest[s]):
        row = latest[source]
        while max_per_row is not None and taken[row] >= max_per_row:
            row -= 1
        layer[source] = row
        taken[row] += 1
    dense = {row: rank for rank, row in enumerate(sorted(set(layer.values())))}
    return {node: dense[row] for node, row in layer.items()}


def ordered_layers(graph: nx.DiGraph, layers: dict[str, int], sweeps: int = 4,
                   box: tuple[float, float] = (0.42, 0.22)) -> dict[int, list[str]]:
    """Claims of each row, ordered so that few lines cross or pass behind a box.

    Starting from the memo's order, each row is sorted by the mean position of its
    neighbours in the rows above, then below (the barycentre heuristic), ``sweeps``
    times; then two claims of a row swap places wherever that lowers :func:`layout_cost`
    (``box`` is a box's half width and half height, in units of the spacing of claims
    in a row and of rows).
    """
    rows = {row: [n for n in graph if layers[n] == row] for row in sorted(set(layers.values()))}

    def resort(row: int, neighbours: str) -> None:
        where = _row_positions(rows)
        key = {node: pd.Series([where[m][0] for m in getattr(graph, neighbours)(node)], dtype=float).mean()
               for node in rows[row]}
        rows[row] = sorted(rows[row], key=lambda n: where[n][0] if pd.isna(key[n]) else key[n])

    for _ in range(sweeps):
        for row in list(rows)[1:]:
            resort(row, "predecessors")
        for row in list(rows)[-2::-1]:
            resort(row, "successors")
    best = layout_cost(graph, _row_positions(rows), box)
    improved = True
    while improved:
        improved = False
        for row in list(rows):
            for i, j in combinations(range(len(rows[row])), 2):
                trial = {**rows, row: _swapped(rows[row], i, j)}
                cost = layout_cost(graph, _row_positions(trial), box)
                if cost < best:
                    rows, best, improved = trial, cost, True
    return rows


def layout_cost(graph: nx.DiGraph, positions: dict[str, tuple[float, float]],
                box: tuple[float, float] = (0.42, 0.22)) -> int:
    """Twice the number of lines passing behind a box that is not their end, plus the
    number of pairs of lines that cross, with straight lines between box centres."""
    nodes = list(graph)
    centre = np.array([positions[n] for n in nodes])
    index = {n: i for i, n in enumerate(nodes)}
    ends = np.array([(index[s], index[t]) for s, t in graph.edges()]).reshape(-1, 2)
    start, stop = centre[ends[:, 0]], centre[ends[:, 1]]
    behind = _segments_through_boxes(start, stop, centre, np.array(box))
    behind[np.arange(len(ends)), ends[:, 0]] = False
    behind[np.arange(len(ends)), ends[:, 1]] = False
    return 2 * int(behind.sum()) + _crossings(start, stop, ends)


def _row_positions(rows: dict[int, list[str]]) -> dict[str, tuple[float, float]]:
    return {node: (i - (len(members) - 1) / 2, -float(row))
            for row, members in rows.items() for i, node in enumerate(members)}


def _swapped(members: list[str], i: int, j: int) -> list[str]:
    swapped = list(members)
    swapped[i], swapped[j] = swapped[j], swapped[i]
    return swapped


def _segments_through_boxes(start: np.ndarray, stop: np.ndarray, centre: np.ndarray, half: np.ndarray) -> np.ndarray:
    """For each segment and each box, whether the segment enters the box (slab clipping)."""
    direction = (stop - start)[:, None, :]
    low = centre[None, :, :] - half - start[:, None, :]
    high = centre[None, :, :] + half - start[:, None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        t1, t2 = low / direction, high / direction
    parallel = direction == 0
    inside = (low <= 0) & (high >= 0)
    t_in = np.where(parallel, np.where(inside, -np.inf, np.inf), np.minimum(t1, t2)).max(axis=2)
    t_out = np.where(parallel, np.where(inside, np.inf, -np.inf), np.maximum(t1, t2)).min(axis=2)
    return np.maximum(t_in, 0) < np.minimum(t_out, 1)


def _crossings(start: np.ndarray, stop: np.ndarray, ends: np.ndarray) -> int:
    """Pairs of segments that cross, not counting pairs that share an end."""
    def side(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
        return np.sign((b[..., 0] - a[..., 0]) * (c[..., 1] - a[..., 1]) - (b[..., 1] - a[..., 1]) * (c[..., 0] - a[..., 0]))
    p, q = start[:, None, :], stop[:, None, :]
    r, s = start[None, :, :], stop[None, :, :]
    crossing = (side(p, q, r) * side(p, q, s) < 0) & (side(r, s, p) * side(r, s, q) < 0)
    shared = (ends[:, None, :, None] == ends[None, :, None, :]).any(axis=(2, 3))
    return int(np.triu(crossing & ~shared, k=1).sum())


def argument_positions(graph: nx.DiGraph, max_per_row: int | None = None) -> dict[str, tuple[float, float]]:
    """Diagram positions from :func:`networkx.multipartite_layout`: one horizontal row per
    layer of :func:`argument_layers`, the first row at the top (largest y)."""
    rows = ordered_layers(graph, argument_layers(graph, max_per_row))
    layout = nx.multipartite_layout(graph, subset_key=rows, align="horizontal")
    return {node: (float(x), -float(y)) for node, (x, y) in layout.items()}


def wrap_label(label: str, width: int = 13) -> str:
    """A claim's label broken into lines of at most ``width`` characters."""
    return textwrap.fill(label, width=width, break_long_words=False)


def argument_chart(graph: nx.DiGraph, *, figsize: tuple[float, float] = A4_FIGSIZE, wrap: int = 13,
                   max_per_row: int | None = None,
                   source: str = f"{MEMO_CITATION}; argument map by this project "
                                 "(data/argument_claims.csv, data/argument_relations.csv).") -> Figure:
    """Draw the argument from premises (top) to recommendations (bottom), with a key.

    Each claim is a text box (gid ``claim:<id>``) holding its label wrapped at ``wrap``
    characters, each relation an arrow clipped to its two boxes (gid
    ``relation:<source>-><target>``); Rosenthal's words are in italics. ``max_per_row``
    caps how many claims a row takes (see :func:`argument_layers`); the default leaves
    rows as the generations make them, which for this memo fits eight to a row on A4.
    """
    with plt.rc_context(STYLE):
        fig, (ax, key) = plt.subplots(2, 1, figsize=figsize, height_ratios=[11, 1], layout="constrained")
    positions = argument_positions(graph, max_per_row)
    boxes = {node: _draw_claim(ax, node, graph.nodes[node], positions[node], wrap) for node in graph}
    for source_id, target_id, relation in graph.edges(data="relation"):
        _draw_relation(ax, boxes[source_id], boxes[target_id], relation, gid=f"relation:{source_id}->{target_id}")
    for node, box in boxes.items():
        _cover(ax, box, node, graph.nodes[node]["kind"])
    _frame(ax, positions)
    # The diagram's axes measure nothing: no axis labels, the key says how to read it.
    finish_chart(ax, title="How the memo argues from Soviet needs to U.S. leverage", xlabel="", ylabel="",
                 source=source)
    _draw_key(key)
    return fig


def claim_boxes(fig: Figure) -> dict[str, Text]:
    """The claim boxes of a chart drawn by :func:`argument_chart`, by claim id."""
    return {_gid(t).split(":", 1)[1]: t for ax in fig.axes for t in ax.texts if _gid(t).startswith("claim:")}


def relation_arrows(fig: Figure) -> dict[tuple[str, str], FancyArrowPatch]:
    """The relation arrows of a chart drawn by :func:`argument_chart`, by (source, target)."""
    found = {}
    for ax in fig.axes:
        for patch in ax.patches:
            gid = _gid(patch)
            if isinstance(patch, FancyArrowPatch) and gid.startswith("relation:"):
                source, target = gid.split(":", 1)[1].split("->")
                found[(source, target)] = patch
    return found


def _gid(artist: Artist) -> str:
    """An artist's gid, or ``""`` when it has none."""
    return artist.get_gid() or ""


def _draw_claim(ax: Axes, node: str, attrs: dict[str, Any], xy: tuple[float, float], wrap: int) -> Text:
    kind = attrs["kind"]
    style = "italic" if attrs.get("voice") == "Rosenthal" else "normal"
    return ax.text(*xy, wrap_label(attrs["label"], wrap), ha="center", va="center", fontsize=FONT_SIZE,
                   fontstyle=style, bbox=dict(KIND_BOX[kind]), zorder=2, gid=f"claim:{node}", **KIND_TEXT[kind])


#: Matplotlib takes any callable as a connection style (``set_connectionstyle``); its type
#: stubs name only ConnectionStyle, hence the cast.
_STRAIGHT = cast(ConnectionStyle, StraightBetweenBoxes())


def _draw_relation(ax: Axes, source: Text, target: Text, relation: str, gid: str) -> FancyArrowPatch:
    line = RELATION_LINE[relation]
    # Straight lines, as the ordering of each row assumed when it kept them clear of boxes.
    arrow = FancyArrowPatch(source.get_position(), target.get_position(), patchA=source.get_bbox_patch(),
                            patchB=target.get_bbox_patch(), arrowstyle=line["arrowstyle"], mutation_scale=9,
                            linestyle=line["linestyle"], linewidth=line["linewidth"], color=GREYS[0],
                            connectionstyle=_STRAIGHT, shrinkA=1.5, shrinkB=1.5, zorder=3, gid=gid)
    ax.add_patch(arrow)
    return arrow


def _cover(ax: Axes, box: Text, node: str, kind: str) -> Text:
    """The same box again, above the arrows, dimming any line that passes behind it.

    Matplotlib clips an arrow to its boxes as they stand when the arrow is drawn, so the
    boxes the arrows clip to are drawn first (below) and this copy last (above). The copy's
    box is slightly translucent: a line passing behind shows faintly through it, so it
    cannot be mistaken for a line that starts or ends at the box."""
    return ax.text(*box.get_position(), box.get_text(), ha="center", va="center", fontsize=box.get_fontsize(),
                   fontstyle=box.get_fontstyle(), fontweight=box.get_fontweight(), color=box.get_color(),
                   bbox={**KIND_BOX[kind], "alpha": COVER_ALPHA}, zorder=4, gid=f"cover:{node}")


def _frame(ax: Axes, positions: dict[str, tuple[float, float]]) -> None:
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    pad_x = 0.07 * (max(xs) - min(xs) or 1)
    pad_y = 0.06 * (max(ys) - min(ys) or 1)
    ax.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
    ax.set_ylim(min(ys) - pad_y, max(ys) + pad_y)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _draw_key(key: Axes) -> None:
    key.set_axis_off()
    key.set_xlim(0, 1)
    key.set_ylim(0, 1)
    for i, (kind, name) in enumerate(KIND_NAMES.items()):
        key.text(0.1 + i * 0.2, 0.6, name, ha="center", va="center", fontsize=7.5, bbox=dict(KIND_BOX[kind]),
                 gid=f"key:{kind}", **KIND_TEXT[kind])
    for i, relation in enumerate(RELATIONS):
        x = 0.1 + i * 0.3
        line = RELATION_LINE[relation]
        key.add_patch(FancyArrowPatch((x, 0.2), (x + 0.09, 0.2), arrowstyle=line["arrowstyle"], mutation_scale=9,
                                      linestyle=line["linestyle"], linewidth=line["linewidth"], color=GREYS[0],
                                      gid=f"key:{relation}"))
        key.text(x + 0.11, 0.2, relation, ha="left", va="center", fontsize=7.5, gid=f"key-label:{relation}")
    key.text(0.0, 0.2, "Relations:", ha="left", va="center", fontsize=7.5, fontweight="bold")
    key.text(0.0, 0.98, "Read from the top down: the claims an argument starts from sit above the claims they bear on.",
             ha="left", va="top", fontsize=7.5, fontstyle="italic", gid="key:reading")


def point_targets(asks: pd.DataFrame) -> list[int]:
    """Rows of ``asks`` whose words name a single total to reach ("a 1988 end-of-year total
    of 15,000"): a point target, not a minimum."""
    return [int(row) for row in asks.index[asks["words"].str.contains(r"total of", regex=True)]]


def emigration_asks_chart(asks: pd.DataFrame, *, source: str = "FRUS 1981–1988, vol. V, Document 17; vol. XLI, "
                          "Documents 88 and 106 (data/frus_context.csv, data/goals.csv).",
                          points: list[int] | None = None,
                          reference: tuple[str, int] | None = None) -> Figure:
    """Each annual emigration figure of :func:`memo_utils.argument.emigration_asks` on one
    row, first document at the top: a range as a bar between its ends, a minimum as a
    point with an arrow to the right, a point target (rows in ``points``, by default
    :func:`point_targets`) as a point alone. The memo's own goals are black squares, other
    documents' figures open circles. ``reference`` (label, persons a year) adds a dashed
    vertical line, gid ``reference``. Lines have gid ``ask:<row>``."""
    points = point_targets(asks) if points is None else points
    fig, ax = new_chart(figsize=(8.0, 0.4 * len(asks) + 2.0))
    reach = float(asks[["low", "high"]].max().max())
    if reference is not None:
        reach = max(reach, float(reference[1]))
        ax.axvline(reference[1], color=GREYS[0], linestyle="--", linewidth=1.0, gid="reference",
                   label=reference[0])
    for row, ask in asks.iterrows():
        y = len(asks) - 1 - row
        marker, face = ("s", GREYS[0]) if ask["memo"] else ("o", "white")
        ends = [ask["low"]] if pd.isna(ask["high"]) else [ask["low"], ask["high"]]
        ax.plot(ends, [y] * len(ends), linestyle="-", linewidth=2.5, color=GREYS[0], markeredgecolor=GREYS[0],
                markersize=7, gid=f"ask:{row}", marker=marker, markerfacecolor=face)
        if pd.isna(ask["high"]) and row not in points:
            ax.annotate("", xy=(ask["low"] + 0.08 * reach, y), xytext=(ask["low"], y), gid=f"minimum:{row}",
                        arrowprops={"arrowstyle": "-|>", "linestyle": ":", "color": GREYS[0], "linewidth": 1.2})
    ax.set_yticks(range(len(asks)), asks["source"].iloc[::-1].tolist())
    ax.set_xlim(0, reach * 1.15)
    ax.set_ylim(-0.7, len(asks) - 0.3)
    ax.xaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.grid(axis="y", visible=False)
    handles = [
        Line2D([], [], marker="s", markerfacecolor=GREYS[0], color=GREYS[0], linestyle="", label="the memo’s goals"),
        Line2D([], [], marker="o", markerfacecolor="white", color=GREYS[0], linestyle="",
               label="other documents’ conditions and asks"),
        Line2D([], [], color=GREYS[0], linestyle=":", marker=">", label="a minimum: that many or more"),
    ]
    if points:
        handles.append(Line2D([], [], marker="o", markerfacecolor="white", color=GREYS[0], linestyle="",
                              label="a point target: a year's total"))
    if reference is not None:
        handles.append(Line2D([], [], color=GREYS[0], linestyle="--", label=reference[0]))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.4, -0.22), ncol=2 if len(handles) > 3 else 3,
              fontsize=8)
    return finish_chart(ax, title="Emigration figures tied to leverage",
                        xlabel="Emigration named (persons per year)", ylabel="", source=source)
