"""The memo's goals, the tiers that order them, and its objectives."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ._compat import data_keyword
from .tables import load_table, raise_at_first, resource_path


@data_keyword
def load_tiers(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The three tiers with the memo's words on the change each requires, by rank."""
    return load_table("tiers", data_dir).sort_values("rank", ignore_index=True)


@data_keyword
def load_goals(data_dir: Path | str | None = None) -> pd.DataFrame:
    """All thirteen goals in the memo's order, ``tier`` an ordered categorical.

    Numeric targets are nullable integers (``target_min``, ``target_max``); a goal
    with ``target_min`` but no ``target_max`` asks for "in excess of" that number.
    """
    goals = load_table("goals", data_dir)
    path = resource_path("goals", data_dir)
    inverted = (goals["target_min"] > goals["target_max"]).fillna(False)
    raise_at_first(inverted, path, "target_min", "target_min exceeds target_max")
    unworded = goals["target_min"].notna() != goals["target_words"].notna()
    raise_at_first(unworded, path, "target_words", "a numeric target needs the memo's words for it, and vice versa")
    return goals


@data_keyword
def load_benchmarks(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The historical periods the goals reach for, with years, who dates them, and sources."""
    benchmarks = load_table("benchmarks", data_dir)
    inverted = (benchmarks["year_from"] > benchmarks["year_to"]).fillna(False)
    raise_at_first(inverted, resource_path("benchmarks", data_dir), "year_from", "year_from is after year_to")
    return benchmarks


@data_keyword
def load_objectives(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Objectives (a)–(d) with the audience the memo aims each at."""
    return load_table("objectives", data_dir)


def numeric_targets(goals: pd.DataFrame) -> pd.DataFrame:
    """The goals that carry a number: id, label, bounds, unit and the memo's words."""
    columns = ["goal_id", "tier", "label", "target_min", "target_max", "target_unit", "target_words"]
    return goals.loc[goals["target_min"].notna(), columns].reset_index(drop=True)


def goal_kind(goals: pd.DataFrame) -> pd.Series:
    """Whether each goal carries a numeric target, a historical benchmark, or neither."""
    kind = pd.Series("neither", index=goals.index)
    kind[goals["benchmark_words"].notna()] = "historical benchmark"
    kind[goals["target_min"].notna()] = "numeric target"
    return kind
