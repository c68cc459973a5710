"""The goal charts, read back through what they draw."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from memo_utils import load_benchmarks, load_goals, load_tiers, numeric_targets, source_line
from memo_utils.charts.goals import goal_kind, plot_goals_on_scale, plot_numeric_targets, scale_positions


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_every_goal_is_drawn_at_its_tier_and_subject() -> None:
    goals, tiers = load_goals(), load_tiers()
    fig = plot_goals_on_scale(goals, tiers)
    ax = fig.axes[0]
    drawn = sorted(
        (int(x), int(y)) for collection in ax.collections for x, y in collection.get_offsets()
    )
    points = scale_positions(goals, tiers)
    assert drawn == sorted(zip(points["x"], points["y"]))
    assert len(drawn) == 13


def test_scale_runs_immediate_to_long_range_and_subjects_are_labelled() -> None:
    goals, tiers = load_goals(), load_tiers()
    ax = plot_goals_on_scale(goals, tiers).axes[0]
    ticks = [t.get_text().split("\n")[0] for t in ax.get_xticklabels()]
    assert ticks == ["immediate", "intermediate", "long-range"]
    labels = {t.get_text() for t in ax.get_yticklabels()}
    assert labels == set(goals["subject"])


def test_marker_kinds_follow_the_data() -> None:
    goals = load_goals()
    kinds = goal_kind(goals).set_axis(goals["goal_id"])
    assert set(kinds[kinds == "numeric target"].index) == {"imm-iv", "int-v", "int-vii"}
    assert set(kinds[kinds == "historical benchmark"].index) == {"int-i", "int-viii", "long"}
    ax = plot_goals_on_scale(goals, load_tiers()).axes[0]
    sizes = {c.get_gid(): len(c.get_offsets()) for c in ax.collections}
    assert sizes == kinds.value_counts().to_dict()


def test_target_bars_span_the_memos_numbers_and_levels_are_placed() -> None:
    targets = numeric_targets(load_goals())
    levels = pd.DataFrame({"goal_id": ["imm-iv"], "count": [914], "label": ["1986"]})
    fig = plot_numeric_targets(targets, levels, level_source="test source")
    ax = fig.axes[0]
    bar = next(p for p in ax.patches if p.get_gid() == "target-imm-iv")
    assert (bar.get_x(), bar.get_x() + bar.get_width()) == (10_000, 12_000)
    arrows = {a.get_gid(): a.xyann[0] for a in ax.texts if (a.get_gid() or "").startswith("target-")}
    assert arrows == {"target-int-v": 15_000, "target-int-vii": 25_000}
    level = next(line for line in ax.lines if line.get_gid() == "level-imm-iv")
    assert list(level.get_xdata()) == [914]
    assert "test source" in source_line(fig)


def test_every_chart_has_axis_labels_and_a_source_line() -> None:
    goals, tiers = load_goals(), load_tiers()
    for fig in (plot_goals_on_scale(goals, tiers), plot_numeric_targets(numeric_targets(goals))):
        ax = fig.axes[0]
        assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title(loc="left")
        assert source_line(fig).startswith("Source: FRUS")


def test_benchmarks_are_dated_and_tied_to_goals() -> None:
    benchmarks = load_benchmarks().set_index("benchmark_id")
    assert benchmarks.loc["speech-1958-65", ["year_from", "year_to"]].tolist() == [1958, 1965]
    assert benchmarks.loc["police-1953", "goal_id"] == "int-viii"
    assert set(benchmarks["goal_id"]) <= set(load_goals()["goal_id"])
