"""The argument diagram, tested through what it draws."""

from __future__ import annotations

from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from memo_utils import source_line  # noqa: E402
from memo_utils.charts.argument import (  # noqa: E402
    KIND_BOX,
    RELATION_LINE,
    argument_chart,
    argument_layers,
    claim_boxes,
    layout_cost,
    ordered_layers,
    relation_arrows,
    wrap_label,
)


@pytest.fixture(scope="module")
def fig(graph: nx.DiGraph) -> Iterator[Figure]:
    figure = argument_chart(graph)
    figure.canvas.draw()
    yield figure
    plt.close(figure)


def test_every_claim_is_drawn_with_its_wrapped_label(fig: Figure, graph: nx.DiGraph) -> None:
    boxes = claim_boxes(fig)
    assert set(boxes) == set(graph)
    for node, box in boxes.items():
        assert box.get_text() == wrap_label(graph.nodes[node]["label"])
        assert all(len(line) <= 13 or " " not in line for line in box.get_text().splitlines()), node


def test_rows_follow_the_generations(fig: Figure, graph: nx.DiGraph) -> None:
    """Claims of one layer share a row; a later layer is lower on the page."""
    layers = argument_layers(graph)
    ys = {node: box.get_position()[1] for node, box in claim_boxes(fig).items()}
    by_layer = {layer: {round(ys[n], 9) for n in graph if layers[n] == layer} for layer in set(layers.values())}
    assert all(len(row) == 1 for row in by_layer.values())
    heights = [by_layer[layer].pop() for layer in sorted(by_layer)]
    assert heights == sorted(heights, reverse=True)


def test_every_relation_points_down_the_page(fig: Figure, graph: nx.DiGraph) -> None:
    boxes = claim_boxes(fig)
    for source, target in graph.edges():
        assert boxes[source].get_position()[1] > boxes[target].get_position()[1], (source, target)


def test_every_relation_is_drawn_between_its_two_boxes(fig: Figure, graph: nx.DiGraph) -> None:
    arrows = relation_arrows(fig)
    boxes = claim_boxes(fig)
    assert set(arrows) == set(graph.edges())
    for (source, target), arrow in arrows.items():
        assert arrow.patchA is boxes[source].get_bbox_patch()
        assert arrow.patchB is boxes[target].get_bbox_patch()


def test_relations_differ_by_line_style_not_colour(fig: Figure, graph: nx.DiGraph) -> None:
    arrows = relation_arrows(fig)
    for (source, target), arrow in arrows.items():
        relation = graph.edges[source, target]["relation"]
        assert arrow.get_linestyle() == RELATION_LINE[relation]["linestyle"]
    assert len({tuple(arrow.get_edgecolor()) for arrow in arrows.values()}) == 1
    styles = {(line["linestyle"], line["arrowstyle"]) for line in RELATION_LINE.values()}
    assert len(styles) == len(RELATION_LINE)


def test_kinds_differ_by_shape_border_or_fill(fig: Figure, graph: nx.DiGraph) -> None:
    looks = {kind: (box["boxstyle"].split(",")[0], box["linestyle"], box["facecolor"], box["linewidth"])
             for kind, box in KIND_BOX.items()}
    assert len(set(looks.values())) == len(looks)
    for node, box in claim_boxes(fig).items():
        drawn = type(box.get_bbox_patch().get_boxstyle()).__name__.lower()
        assert drawn == KIND_BOX[graph.nodes[node]["kind"]]["boxstyle"].split(",")[0], node


def test_cautions_are_visible_as_saw_toothed_boxes(fig: Figure, graph: nx.DiGraph) -> None:
    cautions = [n for n, kind in graph.nodes(data="kind") if kind == "caution"]
    boxes = claim_boxes(fig)
    assert cautions
    assert {type(boxes[n].get_bbox_patch().get_boxstyle()).__name__ for n in cautions} == {"Sawtooth"}


def test_arrows_stop_at_the_edge_of_their_boxes(fig: Figure) -> None:
    """After drawing, no arrow starts or ends inside the text of its boxes."""
    renderer = fig.canvas.get_renderer()
    boxes = claim_boxes(fig)
    for (source, target), arrow in relation_arrows(fig).items():
        path = arrow.get_path().transformed(arrow.axes.transData)
        first, last = path.vertices[0], path.vertices[-1]
        assert not boxes[source].get_window_extent(renderer).contains(*first), (source, target)
        assert not boxes[target].get_window_extent(renderer).contains(*last), (source, target)


def test_fits_a4_and_carries_title_key_and_source(fig: Figure) -> None:
    width, height = fig.get_size_inches()
    assert width <= 8.27 and height <= 11.69
    assert fig.axes[0].get_title(loc="left") == "How the memo argues from Soviet needs to U.S. leverage"
    key = {t.get_gid() for t in fig.axes[1].texts} | {p.get_gid() for p in fig.axes[1].patches}
    assert {f"key:{kind}" for kind in KIND_BOX} | {f"key:{relation}" for relation in RELATION_LINE} <= key
    assert "Document 88" in (source_line(fig) or "")


def test_rosenthals_claims_are_set_in_italics(fig: Figure, graph: nx.DiGraph) -> None:
    for node, box in claim_boxes(fig).items():
        expected = "italic" if graph.nodes[node]["voice"] == "Rosenthal" else "normal"
        assert box.get_fontstyle() == expected, node


def test_layout_cost_counts_a_crossing_and_a_line_behind_a_box() -> None:
    cross = nx.DiGraph([("a", "d"), ("b", "c")])
    assert layout_cost(cross, {"a": (0, 0), "b": (1, 0), "c": (0, -1), "d": (1, -1)}) == 1
    behind = nx.DiGraph([("a", "c"), ("b", "c")])
    assert layout_cost(behind, {"a": (0, 0), "b": (0, -1), "c": (0, -2)}) == 2


def test_ordering_does_not_worsen_the_memos_order(graph: nx.DiGraph) -> None:
    layers = argument_layers(graph)
    memo_order = {row: [n for n in graph if layers[n] == row] for row in set(layers.values())}

    def positions(rows: dict[int, list[str]]) -> dict[str, tuple[float, float]]:
        return {n: (i - (len(m) - 1) / 2, -float(r)) for r, m in rows.items() for i, n in enumerate(m)}

    ordered = ordered_layers(graph, layers)
    assert {r: sorted(m) for r, m in ordered.items()} == {r: sorted(m) for r, m in memo_order.items()}
    assert layout_cost(graph, positions(ordered)) <= layout_cost(graph, positions(memo_order))


def test_a_row_limit_moves_premises_up_not_down(graph: nx.DiGraph) -> None:
    free, capped = argument_layers(graph), argument_layers(graph, max_per_row=5)
    for source, target in graph.edges():
        assert capped[source] < capped[target]
    for row in set(capped.values()):
        members = [n for n in graph if capped[n] == row]
        fixed = [n for n in members if graph.in_degree(n) > 0]
        assert len(members) <= max(5, len(fixed)), row
    assert max(capped.values()) > max(free.values())


def test_emigration_asks_chart_draws_each_figure_on_its_row() -> None:
    from memo_utils import load_frus_context, load_goals
    from memo_utils.argument import emigration_asks
    from memo_utils.charts.argument import emigration_asks_chart

    asks = emigration_asks(load_frus_context(), load_goals())
    fig = emigration_asks_chart(asks)
    ax = fig.axes[0]
    lines = {line.get_gid(): line for line in ax.lines if (line.get_gid() or "").startswith("ask:")}
    assert len(lines) == len(asks)
    for row, ask in asks.iterrows():
        xs = list(lines[f"ask:{row}"].get_xdata())
        expected = [ask["low"]] if pd.isna(ask["high"]) else [ask["low"], ask["high"]]
        assert xs == expected
        assert set(lines[f"ask:{row}"].get_ydata()) == {len(asks) - 1 - row}
        assert lines[f"ask:{row}"].get_marker() == ("s" if ask["memo"] else "o")
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks == asks["source"].iloc[::-1].tolist()
    from memo_utils.charts.argument import point_targets
    minimums = {t.get_gid() for t in ax.texts if (t.get_gid() or "").startswith("minimum:")}
    points = point_targets(asks)
    assert any("15,000" in asks.loc[row, "words"] for row in points)
    assert minimums == {f"minimum:{row}" for row in asks.index[asks["high"].isna()] if row not in points}
    assert ax.get_xlabel() == "Emigration named (persons per year)"
    assert "Document 17" in (source_line(fig) or "")
    plt.close(fig)
