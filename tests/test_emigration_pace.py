"""The pace functions that replace notebook 01 In [9] and notebook 02 In [18] and In [21]."""

from __future__ import annotations

import pandas as pd

import memo_utils as mu


def test_times_level_is_the_target_over_the_level(emigration: pd.DataFrame) -> None:
    targets = mu.numeric_targets(mu.load_goals())
    level = int(mu.preferred_series(emigration, "jews").loc[1986, "count"])
    table = mu.times_level(targets, level, 1986)
    assert list(table.columns) == ["goal_id", "label", "target_min", "target_max", "level_1986", "times_1986_level"]
    assert table["goal_id"].tolist() == ["imm-iv", "int-vii"]
    assert table["times_1986_level"].tolist() == [round(10000 / level, 1), round(25000 / level, 1)]
    levels = mu.target_levels(targets, level, "Jewish emigration, 1986")
    assert levels["goal_id"].tolist() == ["imm-iv", "int-vii"] and (levels["count"] == level).all()


def test_year_levels_names_the_groups_it_sums(emigration: pd.DataFrame) -> None:
    levels = mu.year_levels(emigration, 1986)
    groups = mu.all_groups(emigration).loc[1986]
    assert levels == {"Soviet Jews (preferred figure)": 914, "sum of jews, germans, armenians": int(groups["groups_sum"])}
    assert list(mu.year_levels(emigration, 1987)) == ["Soviet Jews (preferred figure)", "sum of jews, germans"]


def test_first_month_at_pace_honours_in_excess_of(emigration: pd.DataFrame) -> None:
    targets = mu.emigration_targets(mu.load_goals())
    months = mu.preferred_monthly(emigration)["count"]
    first = mu.first_month_at_pace(months, targets).set_index("goal_id")
    for target in targets.itertuples():
        row = first.loc[target.goal_id]
        earlier = months[months.index < row["month"]]
        assert (earlier <= target.per_month_low).all() if target.strict else (earlier < target.per_month_low).all()
        assert row["count"] == months.loc[row["month"]]
    exact = pd.Series([833, 834], index=pd.to_datetime(["1987-01-01", "1987-02-01"]))
    strict = targets.assign(per_month_low=833, strict=True).iloc[:1]
    assert mu.first_month_at_pace(exact, strict)["month"].iloc[0] == pd.Timestamp("1987-02-01")


def test_months_within_is_inclusive() -> None:
    months = pd.Series([699, 700, 900, 901], index=pd.date_range("1987-01-01", periods=4, freq="MS"))
    assert mu.months_within(months, 700, 900).tolist() == [700, 900]


def test_the_report_reads_the_monthly_figures(emigration: pd.DataFrame) -> None:
    targets = mu.emigration_targets(mu.load_goals())
    report = mu.monthly_pace_report(emigration, targets, mu.load_frus_rates()).splitlines()
    months = mu.preferred_monthly(emigration)["count"]
    in_1986 = months.loc["1986"]
    assert report[0] == (f"1986: {len(in_1986)} months with a figure, from {in_1986.min()} to {in_1986.max()}, "
                         f"on average {in_1986.mean():.0f} a month.")
    assert len(report) == 2 + len(targets)
    assert report[-1].startswith("Months whose figure lies within Doc. 102's plateau: ")
