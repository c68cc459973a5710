"""Emigration figures: validation on broken copies, the preferred-series rule, ranges, answers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import memo_utils as mu
from memo_utils import MemoDataError
from memo_utils.emigration import (
    FULL_PERIOD,
    OUTFLOW_MEASURES,
    number_pattern,
    snippet_hedges_number,
    whole_outflow,
)
from tests.conftest import edit_csv, set_cell


def _row(path: Path, figure_id: str) -> int:
    """The spreadsheet row number of a figure (header = row 1)."""
    return set_cell(path, figure_id, "figure_id", figure_id)


def _figure_id(emigration: pd.DataFrame, **where: object) -> str:
    mask = pd.Series(True, index=emigration.index)
    for column, value in where.items():
        mask &= emigration[column] == value
    assert mask.sum() >= 1, where
    return str(emigration.loc[mask, "figure_id"].iloc[0])


# --- the snippet check ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("snippet", "number"),
    [
        ("8,155 Jews left the Soviet Union in 1987", 8155),
        ("Árið 1988 fluttu 20.082 gyðingar", 20082),
        ("sowjetischer bereich 14 488 (753)", 14488),
        ("Of those who arrived in Vienna, 17, 200 proceeded to Israel", 17200),
        ("UP FORM 455 IN 1975 TO 1782 IN 1976", 1782),
        ("December's emigration of 4197 was also the highest", 4197),
        ("a total of 1,140 were permitted to leave.", 1140),
    ],
)
def test_snippet_contains_the_number_with_or_without_separators(snippet: str, number: int) -> None:
    assert mu.snippet_has_number(snippet, number)


@pytest.mark.parametrize(
    ("snippet", "number"),
    [
        ("the 1988 total of 18,965", 1896),  # a prefix of a longer number
        ("a total of 1,140 were permitted", 140),  # the tail of a longer number
        ("the 1988 total of 18,965", 8965),
        ("51,320 Jews left", 5132),
        ("8,149 Jews left the Soviet Union in 1987", 8155),
    ],
)
def test_snippet_without_the_number_is_caught(snippet: str, number: int) -> None:
    assert not mu.snippet_has_number(snippet, number)


def test_number_pattern_never_matches_inside_a_longer_number() -> None:
    assert number_pattern(914).search("in 1986 only 914 Jews")
    assert not number_pattern(914).search("1,914 Jews")
    assert not number_pattern(914).search("9140 Jews")


def test_hedges_are_recognised_only_straight_before_the_number() -> None:
    assert snippet_hedges_number("approximately 9,400 Jews, Armenians and ethnic Germans", 9400)
    assert snippet_hedges_number("1988 waren es fast 50.000 Aussiedler", 50000)
    assert not snippet_hedges_number("33,500 Soviet Jews arrived in Israel and about 2,700 went elsewhere", 33500)


# --- the data as shipped ----------------------------------------------------------------

def test_every_row_carries_source_url_and_a_snippet_holding_its_figure(emigration: pd.DataFrame) -> None:
    assert emigration[["counted_by_as_printed", "publication", "url", "snippet"]].notna().all().all()
    assert all(mu.snippet_has_number(s, int(c)) for s, c in zip(emigration["snippet"], emigration["count"]))


def test_disagreeing_figures_for_1987_are_all_kept(emigration: pd.DataFrame) -> None:
    figures = set(mu.emigration_by_year(emigration, "jews").query("year == 1987")["count"])
    assert {8155, 8149, 8011} <= figures


def test_no_source_row_is_entered_twice(emigration: pd.DataFrame) -> None:
    assert not emigration.duplicated(["year", "month", "group", "count", "url"]).any()


def test_monthly_figures_cover_1986_to_1988_and_gaps_are_named(emigration: pd.DataFrame) -> None:
    months = mu.monthly(emigration)
    window = months[(months["date"] >= "1986-01-01") & (months["date"] <= "1988-12-31")]
    assert window["count"].notna().all()
    missing = mu.missing_months(emigration)
    have = set(mu.preferred_monthly(emigration).index.strftime("%Y-%m"))
    assert not set(missing) & have
    assert len(missing) + len([m for m in have if "1986" <= m[:4] <= "1988"]) == 36


def test_emigration_by_year_filters_by_counter(emigration: pd.DataFrame) -> None:
    icm = mu.emigration_by_year(emigration, "jews", counted_by="icm")
    assert set(icm["counted_by"]) == {"icm"}
    assert icm["year"].is_monotonic_increasing
    both = mu.emigration_by_year(emigration, "jews", counted_by=["icm", "ncsj"])
    assert set(both["counted_by"]) == {"icm", "ncsj"}
    with pytest.raises(ValueError, match="unknown group"):
        mu.emigration_by_year(emigration, "poles")


# --- one test per class of bad input, each on a broken copy -----------------------------

@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("count", "-8155", r"not allowed here: constraint \"minimum"),
        ("count", "8155.5", r"is not a valid integer"),
        ("count", "about 8,000", r"is not a valid integer"),
        ("group", "poles", r"'poles' is not allowed here: constraint \"enum\""),
        ("counted_by", "knesset", r"'knesset' is not allowed here: constraint \"enum\""),
        ("measure", "tourists", r"'tourists' is not allowed here"),
        ("qualifier", "guessed", r"'guessed' is not allowed here"),
        ("month", "13", r"constraint \"maximum"),
        ("month", "0", r"constraint \"minimum"),
        ("url", "", r"constraint \"required\""),
        ("snippet", "", r"constraint \"required\""),
        ("url", "www.jta.org/1988", r"constraint \"pattern\""),
    ],
)
def test_bad_cell_is_refused_naming_file_row_and_field(
    data_copy: Path, emigration: pd.DataFrame, column: str, value: str, message: str
) -> None:
    figure_id = _figure_id(emigration, year=1987, counted_by="ncsj", count=8155)
    row = set_cell(data_copy / "emigration.csv", figure_id, column, value)
    with pytest.raises(MemoDataError, match=message) as caught:
        mu.load_emigration(data_copy)
    assert caught.value.file.name == "emigration.csv"
    assert (caught.value.row, caught.value.field) == (row, column)


def test_snippet_that_does_not_hold_its_figure_is_refused(data_copy: Path, emigration: pd.DataFrame) -> None:
    figure_id = _figure_id(emigration, year=1987, counted_by="ucsj", count=8149)
    row = set_cell(data_copy / "emigration.csv", figure_id, "count", "8155")
    with pytest.raises(MemoDataError, match=r"does not contain the figure") as caught:
        mu.load_emigration(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "snippet")


def test_hedged_figure_marked_exact_is_refused(data_copy: Path, emigration: pd.DataFrame) -> None:
    figure_id = _figure_id(emigration, group="germans", year=1980, count=7000)
    row = set_cell(data_copy / "emigration.csv", figure_id, "qualifier", "exact")
    with pytest.raises(MemoDataError, match=r"hedges this figure") as caught:
        mu.load_emigration(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "qualifier")


def test_source_published_before_its_period_is_refused(data_copy: Path, emigration: pd.DataFrame) -> None:
    figure_id = _figure_id(emigration, year=1987, counted_by="ncsj", count=8155)
    row = set_cell(data_copy / "emigration.csv", figure_id, "published", "1986-12-30")
    with pytest.raises(MemoDataError, match=r"published before the period") as caught:
        mu.load_emigration(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "published")


def test_same_source_row_entered_twice_is_refused(data_copy: Path) -> None:
    def duplicate_first(rows: list[list[str]]) -> None:
        copy = list(rows[1])
        copy[0] = copy[0][:-2] + "99"
        rows.insert(2, copy)

    edit_csv(data_copy / "emigration.csv", duplicate_first)
    with pytest.raises(MemoDataError, match=r"entered twice") as caught:
        mu.load_emigration(data_copy)
    assert (caught.value.row, caught.value.field) == (3, "url")


def test_duplicate_figure_id_is_refused(data_copy: Path) -> None:
    def clash(rows: list[list[str]]) -> None:
        rows[2][0] = rows[1][0]

    edit_csv(data_copy / "emigration.csv", clash)
    with pytest.raises(MemoDataError, match=r"duplicate key|unique") as caught:
        mu.load_emigration(data_copy)
    assert caught.value.row == 3


def test_frus_rate_with_low_above_high_is_refused(data_copy: Path) -> None:
    row = set_cell(data_copy / "frus_emigration_rates.csv", "d102-plateau", "low", "950")
    with pytest.raises(MemoDataError, match=r"low exceeds high") as caught:
        mu.load_frus_rates(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "low")


def test_frus_rate_snippet_must_hold_both_ends(data_copy: Path) -> None:
    row = set_cell(data_copy / "frus_emigration_rates.csv", "d102-plateau", "high", "800")
    with pytest.raises(MemoDataError, match=r"does not contain the figure in 'high'") as caught:
        mu.load_frus_rates(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "snippet")


def test_validate_loads_the_emigration_tables_with_their_own_checks(data_copy: Path, emigration: pd.DataFrame) -> None:
    counts = mu.validate(data_copy)
    assert counts["emigration"] == len(emigration)
    set_cell(data_copy / "emigration.csv", _figure_id(emigration, year=1987, counted_by="ucsj"), "count", "8150")
    with pytest.raises(MemoDataError, match=r"emigration\.csv.*does not contain"):
        mu.validate(data_copy)


# --- the preferred-series rule ----------------------------------------------------------

def _frame(*rows: tuple) -> pd.DataFrame:
    """A small emigration frame: (year, count, counted_by, measure, qualifier, published)."""
    records = [
        {"figure_id": f"jews-{y}-{i:02d}", "year": y, "month": pd.NA, "group": "jews", "count": c,
         "measure": m, "counted_by": by, "qualifier": q, "published": p, "url": f"https://example.org/{i}"}
        for i, (y, c, by, m, q, p) in enumerate(rows, start=1)
    ]
    frame = pd.DataFrame(records)
    return frame.astype({"year": "Int64", "month": "Int64", "count": "Int64"})


def test_named_counter_wins_where_it_reports_and_others_give_the_range(emigration: pd.DataFrame) -> None:
    jews = mu.preferred_series(emigration, "jews")
    year = jews.loc[1987]
    assert (year["count"], year["counted_by"]) == (8155, "ncsj")
    assert (year["low"], year["high"]) == (8011, 8155)


def test_most_often_given_figure_of_the_counter_wins() -> None:
    frame = _frame((1988, 19286, "ncsj", "departures", "exact", "1989-01-03"),
                   (1988, 18965, "ncsj", "departures", "exact", "1989-04-04"),
                   (1988, 18965, "ncsj", "departures", "exact", "1990-01-03"),
                   (1988, 20082, "icm", "arrivals_vienna", "exact", "1989-07-05"))
    row = mu.preferred_series(frame, "jews").loc[1988]
    assert (row["count"], row["low"], row["high"], row["sources"]) == (18965, 18965, 20082, 4)


def test_a_tie_goes_to_the_latest_publication() -> None:
    frame = _frame((1973, 34933, "ncsj", "departures", "exact", "1979-01-09"),
                   (1973, 34733, "ncsj", "departures", "exact", "1980-01-08"))
    assert mu.preferred_series(frame, "jews").loc[1973, "count"] == 34733


def test_exact_figure_before_a_rounded_one_of_the_same_counter() -> None:
    frame = _frame((1979, 51300, "ncsj", "arrivals_vienna", "rounded", "1980-01-08"),
                   (1979, 51300, "ncsj", "arrivals_vienna", "rounded", "1980-01-09"),
                   (1979, 51320, "ncsj", "departures", "exact", "1980-04-25"))
    assert mu.preferred_series(frame, "jews").loc[1979, "count"] == 51320


def test_fallback_follows_the_order_of_preference() -> None:
    frame = _frame((1972, 31681, "hias", "departures", "exact", pd.NA),
                   (1972, 31500, "icm", "arrivals_vienna", "exact", "1975-12"),
                   (1975, 13000, "icm", "arrivals_vienna", "exact", "1976"),
                   (1975, 12000, "not_stated", "departures", "exact", "1976"),
                   (1976, 14000, "not_stated", "departures", "exact", "1977"))
    jews = mu.preferred_series(frame, "jews")
    assert list(jews["counted_by"]) == ["hias", "icm", "not_stated"]
    assert list(jews["count"]) == [31681, 13000, 14000]


def test_partial_projected_superseded_and_destination_figures_never_count() -> None:
    frame = _frame((1983, 1307, "ncsj", "departures", "projected", "1983-12-28"),
                   (1983, 1284, "ncsj", "exit_visas", "partial-year", "1983-12-28"),
                   (1983, 1698, "ncsj", "departures", "superseded", "1984"),
                   (1983, 861, "ncsj", "immigrants_israel", "exact", "1984"),
                   (1983, 1315, "hias", "departures", "exact", pd.NA))
    row = mu.preferred_series(frame, "jews").loc[1983]
    assert (row["count"], row["counted_by"], row["low"], row["high"], row["figures"]) == (1315, "hias", 1315, 1315, 1)


def test_a_year_without_a_full_year_figure_has_no_row() -> None:
    frame = _frame((1983, 1307, "ncsj", "departures", "projected", "1983-12-28"),
                   (1984, 896, "ncsj", "departures", "exact", "1985"))
    assert list(mu.preferred_series(frame, "jews").index) == [1984]


def test_every_preferred_figure_is_a_sourced_row_of_its_year(emigration: pd.DataFrame) -> None:
    rows = emigration.set_index("figure_id")
    for group in ("jews", "germans", "armenians", "total"):
        series = mu.preferred_series(emigration, group)
        chosen = rows.loc[series["figure_id"]]
        assert list(chosen["year"]) == list(series.index)
        assert list(chosen["count"]) == list(series["count"])
        assert chosen["measure"].isin(OUTFLOW_MEASURES).all()
        assert chosen["qualifier"].isin(FULL_PERIOD).all()
        assert ((series["low"] <= series["count"]) & (series["count"] <= series["high"])).all()


def test_preferred_monthly_uses_the_same_rule(emigration: pd.DataFrame) -> None:
    june = mu.preferred_monthly(emigration).loc[pd.Timestamp("1988-06-01")]
    assert (june["count"], june["counted_by"], june["low"]) == (1493, "ncsj", 1470)
    july = mu.preferred_monthly(emigration).loc[pd.Timestamp("1988-07-01")]
    assert july["count"] == 1378  # the superseded 1,698 never counts


# --- ranges -------------------------------------------------------------------------------

def test_source_range_is_min_and_max_of_the_whole_year_figures(emigration: pd.DataFrame) -> None:
    ranges = mu.source_range(emigration, "jews")
    candidates = whole_outflow(emigration[(emigration["group"] == "jews") & emigration["month"].isna()])
    expected = candidates.groupby("year")["count"].agg(["min", "max"])
    assert list(ranges["low"]) == list(expected["min"])
    assert list(ranges["high"]) == list(expected["max"])
    row = ranges.loc[1987]
    assert (row["low"], row["high"], row["spread"]) == (8011, 8155, 144)
    assert row["low_by"] == "icm (arrivals_vienna)"
    assert row["spread_pct"] == pytest.approx(100 * 144 / 8011, abs=0.05)


def test_largest_disagreements_are_ordered_by_relative_spread(emigration: pd.DataFrame) -> None:
    table = mu.largest_disagreements(emigration, "jews", n=5)
    assert len(table) == 5
    assert table["spread_pct"].is_monotonic_decreasing
    assert (table["spread"] > 0).all()
    assert table.index[0] == mu.source_range(emigration, "jews")["spread_pct"].idxmax()


def test_deviations_are_relative_to_the_preferred_figure(emigration: pd.DataFrame) -> None:
    table = mu.deviations(emigration, "jews")
    icm_1987 = table[(table["year"] == 1987) & (table["counted_by"] == "icm")].iloc[0]
    assert icm_1987["pct_from_preferred"] == pytest.approx(100 * (8011 - 8155) / 8155)


# --- targets as questions -----------------------------------------------------------------

def test_targets_come_from_the_goals_table(targets: pd.DataFrame) -> None:
    goals = mu.load_goals()
    emigration_goals = goals[goals["target_unit"] == "emigrants"]
    assert list(targets["goal_id"]) == list(emigration_goals["goal_id"])
    assert list(targets["low"]) == list(emigration_goals["target_min"])
    assert list(targets["strict"]) == list(emigration_goals["target_max"].isna())
    assert list(targets["per_month_low"]) == [round(v / 12) for v in emigration_goals["target_min"]]


def test_answers_to_the_targets(emigration: pd.DataFrame, targets: pd.DataFrame) -> None:
    since = mu.memo_earliest_date(mu.key_events(mu.load_events())).year
    answers = mu.target_answers(emigration, targets, since).set_index(["series", "goal_id"])
    assert answers.loc[("Soviet Jews", "imm-iv"), "first_year"] == 1988
    assert answers.loc[("Soviet Jews", "int-vii"), "first_year"] == 1989
    assert answers.loc[("Soviet Jews", "imm-iv"), "last_year_before"] == 1980
    assert answers.loc[("all groups", "imm-iv"), "first_year"] == 1987
    assert answers.loc[("all groups", "int-vii"), "first_year"] == 1988
    assert answers.loc[("all groups", "int-vii"), "undecided_years"] == "1987"


def test_in_excess_of_is_strict_and_a_range_is_reached_at_its_floor(targets: pd.DataFrame) -> None:
    frame = _frame((1987, int(targets.loc[1, "low"]), "ncsj", "departures", "exact", "1988"),
                   (1988, int(targets.loc[1, "low"]) + 1, "ncsj", "departures", "exact", "1989"))
    answers = mu.target_answers(frame, targets, since=1987).set_index(["series", "goal_id"])
    assert answers.loc[("Soviet Jews", "int-vii"), "first_year"] == 1988
    assert answers.loc[("Soviet Jews", "imm-iv"), "first_year"] == 1987


def test_all_groups_bounds(emigration: pd.DataFrame) -> None:
    table = mu.all_groups(emigration)
    lows = {g: mu.preferred_series(emigration, g)["low"] for g in ("jews", "germans", "armenians")}
    assert table.loc[1987, "lower_bound"] == lows["jews"][1987] + lows["germans"][1987]
    assert pd.isna(table.loc[1987, "upper_bound"])
    assert table.loc[1987, "groups_missing"] == "armenians"
    assert table.loc[1988, "upper_bound"] == mu.preferred_series(emigration, "total").loc[1988, "high"]


def test_level_against_targets(targets: pd.DataFrame) -> None:
    table = mu.level_against_targets({"Soviet Jews": 914}, targets)
    assert list(table["share_of_target"]) == [round(914 / t, 3) for t in targets["low"]]


def test_memo_date_comes_from_the_column_it_quotes() -> None:
    events = mu.load_events()
    column = events.loc[events["event_id"] == "rosenthal_column", "start"].min()
    assert mu.memo_earliest_date(events) == column
    with pytest.raises(ValueError, match="rosenthal_column"):
        mu.memo_earliest_date(events[events["event_id"] != "rosenthal_column"])


def test_chart_events_are_sourced_and_refuse_unknown_ids() -> None:
    events = mu.key_events(mu.load_events())
    chosen = mu.chart_events(events)
    assert chosen["when"].is_monotonic_increasing
    assert (chosen["sources"] >= 1).all()
    with pytest.raises(ValueError, match="not in data/events.csv"):
        mu.chart_events(events, ["moon_landing"])


def test_coverage_reports_gaps(emigration: pd.DataFrame) -> None:
    table = mu.coverage(emigration)
    assert table.loc["jews", "years_without"] == ""
    years = set(mu.preferred_series(emigration, "armenians").index)
    expected = mu.year_spans(y for y in range(1968, 1992) if y not in years)
    assert table.loc["armenians", "years_without"] == expected
    assert mu.year_spans([1968, 1969, 1970, 1974]) == "1968–1970, 1974"
