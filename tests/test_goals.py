"""The goals, tiers and objectives tables, read against the memo."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from memo_utils import load_goals, load_objectives, load_tiers, numeric_targets, witness_text


@pytest.fixture(scope="module")
def goals() -> pd.DataFrame:
    return load_goals()


def test_thirteen_goals_four_eight_one(goals: pd.DataFrame) -> None:
    counts = goals["tier"].value_counts(sort=False)
    assert counts.to_dict() == {"immediate": 4, "intermediate": 8, "long-range": 1}


def test_tier_is_ordered_in_the_memos_order(goals: pd.DataFrame) -> None:
    assert goals["tier"].cat.ordered
    assert list(goals["tier"].cat.categories) == ["immediate", "intermediate", "long-range"]
    assert goals["tier"].is_monotonic_increasing


def test_goal_id_is_the_first_column_and_unique(goals: pd.DataFrame) -> None:
    assert goals.columns[0] == "goal_id"
    assert goals["goal_id"].is_unique


def test_numerals_run_i_to_n_within_each_tier(goals: pd.DataFrame) -> None:
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]
    for tier, numerals in goals.groupby("tier", observed=True)["numeral"]:
        listed = numerals.dropna().tolist()
        assert listed == romans[: len(listed)], tier


def test_numeric_targets_are_integers_from_the_memo(goals: pd.DataFrame) -> None:
    targets = numeric_targets(goals).set_index("goal_id")
    assert str(targets["target_min"].dtype) == "Int64"
    assert targets.loc["imm-iv", ["target_min", "target_max"]].tolist() == [10_000, 12_000]
    assert targets.loc["int-v", "target_min"] == 15_000
    assert pd.isna(targets.loc["int-v", "target_max"])
    assert targets.loc["int-vii", "target_min"] == 25_000
    assert set(targets.index) == {"imm-iv", "int-v", "int-vii"}


def test_every_number_in_a_goal_is_captured_as_a_target(goals: pd.DataFrame) -> None:
    """A goal whose words hold a figure like 10,000 must carry it as a number."""
    for _, goal in goals.iterrows():
        figures = {int(f.replace(",", "")) for f in re.findall(r"\d{1,3}(?:,\d{3})+", goal["memo_text"])}
        captured = {int(v) for v in goal[["target_min", "target_max"]].dropna()}
        assert figures == captured, goal["goal_id"]


def test_every_quotation_appears_in_the_witness(goals: pd.DataFrame) -> None:
    text = witness_text()
    quoted = pd.concat([goals["memo_text"], goals["target_words"].dropna(), goals["benchmark_words"].dropna()])
    assert quoted.map(lambda q: " ".join(q.split()) in text).all()


def test_goal_texts_are_the_whole_goal_list_in_order(goals: pd.DataFrame) -> None:
    """Concatenated in order, the goal texts cover the memo's Goals section."""
    text = witness_text()
    positions = goals["memo_text"].map(text.find)
    assert (positions >= 0).all()
    assert positions.is_monotonic_increasing


def test_tiers_rank_in_the_memos_order() -> None:
    tiers = load_tiers()
    assert tiers["tier"].tolist() == ["immediate", "intermediate", "long-range"]
    assert tiers["rank"].tolist() == [1, 2, 3]


def test_objectives_map_to_audiences_as_the_memo_says() -> None:
    objectives = load_objectives().set_index("objective_id")
    assert objectives["audience"].to_dict() == {
        "a": "Politburo", "b": "Politburo", "c": "general public", "d": "general public",
    }


def test_booleans_load_in_every_spelling_frictionless_accepts() -> None:
    from memo_utils.tables import _typed

    column = pd.Series(["true", "True", "1", "false", "FALSE", "0", pd.NA])
    typed = _typed(column, {"name": "flag", "type": "boolean"})
    assert typed.tolist()[:6] == [True, True, True, False, False, False]
    assert pd.isna(typed.iloc[6])
