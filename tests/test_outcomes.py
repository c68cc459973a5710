"""Outcome evidence per goal, derived statuses, and the timeline chart."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from memo_utils import MemoDataError, load_goals
from memo_utils import outcomes as oc
from memo_utils.charts.outcomes import STATUS_SHADES, goal_order, outcome_timeline
from tests.conftest import edit_csv


@pytest.fixture(scope="module")
def bundle() -> tuple[pd.DataFrame, pd.DataFrame]:
    return oc.outcomes_bundle()


def test_every_goal_has_evidence_or_a_no_evidence_row(bundle) -> None:
    goals, outcomes = bundle
    assert set(goals["goal_id"]) <= set(outcomes["goal_id"])
    empty = outcomes[outcomes["effect"] == "no evidence found"]
    assert empty["searched"].notna().all() and empty["event_id"].isna().all()


def test_every_linked_row_has_a_dated_source_with_a_snippet(bundle) -> None:
    _, outcomes = bundle
    linked = outcomes[outcomes["effect"] != "no evidence found"]
    assert linked["start"].notna().all()
    assert linked["snippet"].str.strip().str.len().gt(0).all()
    assert linked["url"].str.match(r"https?://[^\s/]+\.[^\s]+").all()
    assert linked.apply(oc.snippet_states_date, axis=1).all()


def test_key_dates(bundle) -> None:
    goals, outcomes = bundle
    card = oc.scorecard(outcomes, goals).set_index("goal_id")
    assert card.loc["int-vii", "met"] == "1991-05-20"
    assert card.loc["imm-iii", "met"] == "1988-11-29"
    assert card.loc["int-i", "met"] == "1990-06-12"
    assert card.loc["int-ii", "met"] == "1990-10-01"
    assert card.loc["int-viii", "met"] == "1991-10-11"
    dated = outcomes.groupby("goal_id")["date"].agg(set)
    assert {"1989-04-08", "1989-04-11"} <= dated["int-i"]  # the April 1989 decree and its entry into force
    assert "1989-10-17/1989-10-18" in dated["int-iii"]  # WPA readmission at Athens
    assert {"1991-08-23", "1991-08-29", "1991-10-11", "1991-12-03"} <= dated["int-viii"]  # Bakatin to the KGB's end
    assert {"1989-01-18", "1989-08-31", "1989-10-28"} <= dated["int-vi"]  # Estonian, Moldavian, Ukrainian laws
    assert {"1990-06-29", "1991-09-10", "1991-10-04", "1991-12-25"} <= dated["long"]  # Copenhagen, Moscow, the end
    assert {"1988-10-26", "1988-11-18", "1992-02-07"} <= dated["imm-i"]  # pledge, Soviet count, last Perm-35 releases
    assert "1990-08-01" in dated["int-iv"]  # press law in force, Glavlit renamed


def test_statuses_follow_the_rule_from_the_rows(bundle) -> None:
    goals, outcomes = bundle
    status = oc.status_by_year(outcomes, goals)
    usable = outcomes[(outcomes["effect"] != "no evidence found")
                      & (outcomes["claimant_kind"] != "Soviet government")]
    for goal, years in status.iterrows():
        rows = usable[usable["goal_id"] == goal]
        for year, state in years.items():
            before = rows[rows["start"] <= pd.Timestamp(year, 12, 31)].sort_values("start")
            if before.empty:
                assert state == "not begun"
            elif before["effect"].iloc[-1] == "meets":
                assert state == "met"
            elif before["effect"].iloc[-1] == "sets back":
                assert state == "set back"
            if "meets" not in set(before["effect"]):
                assert state != "met"


def test_soviet_claims_alone_do_not_move_a_status(data_copy: Path) -> None:
    def only_soviet(rows: list[list[str]]) -> None:
        for row in rows[1:]:
            if row[2] == "int-i" and row[4] != "Soviet government":
                row[4] = "Soviet government"
    edit_csv(data_copy / "goal_outcomes.csv", only_soviet)
    goals, outcomes = oc.outcomes_bundle(data_copy)
    assert set(oc.status_by_year(outcomes, goals).loc["int-i"]) == {"not begun"}


def test_goal_without_any_row_is_named(data_copy: Path) -> None:
    edit_csv(data_copy / "goal_outcomes.csv", lambda rows: rows.__setitem__(
        slice(1, None), [r for r in rows[1:] if r[2] != "int-v"]))
    with pytest.raises(MemoDataError, match="int-v") as caught:
        oc.outcomes_bundle(data_copy)
    assert caught.value.field == "goal_id"


def test_unknown_effect_names_file_row_field(data_copy: Path) -> None:
    edit_csv(data_copy / "goal_outcomes.csv", lambda rows: rows[3].__setitem__(3, "triumphs"))
    with pytest.raises(MemoDataError) as caught:
        oc.load_outcomes(data_copy)
    err = caught.value
    assert (err.file.name, err.row, err.field) == ("goal_outcomes.csv", 4, "effect")


def test_dangling_source_is_refused(data_copy: Path) -> None:
    edit_csv(data_copy / "goal_outcomes.csv", lambda rows: rows[2].__setitem__(1, "https://example.org/none"))
    with pytest.raises(MemoDataError) as caught:
        oc.load_outcomes(data_copy)
    assert caught.value.file.name == "goal_outcomes.csv" and caught.value.row == 3


def test_no_evidence_row_must_say_what_was_searched(data_copy: Path) -> None:
    def blank(rows: list[list[str]]) -> int:
        for row in rows[1:]:
            if row[3] == "no evidence found":
                row[6] = ""
                return 0
        return 1
    edit_csv(data_copy / "goal_outcomes.csv", blank)
    with pytest.raises(MemoDataError) as caught:
        oc.load_outcomes(data_copy)
    assert caught.value.field == "searched"


def test_snippet_without_date_is_refused(data_copy: Path) -> None:
    def undated(rows: list[list[str]]) -> None:
        for row in rows[1:]:
            if row[0] == "kgb_abolished_1991" and "orlandosentinel" in row[7]:
                row[8] = "The ruling State Council tumbled a pillar of Communist power"
                row[6] = "1992-05-01"
    edit_csv(data_copy / "events.csv", undated)
    with pytest.raises(MemoDataError, match="kgb_abolished_1991") as caught:
        oc.outcomes_bundle(data_copy)
    assert caught.value.field == "url"


def test_benefits_are_dated_and_conditioned() -> None:
    benefits = oc.load_benefits()
    assert benefits["start"].notna().all() and benefits["stated_condition"].str.len().gt(0).all()
    assert {"1990-06-01", "1990-12-12", "1991-06-03", "1991-08-02"} <= set(benefits["date"])


def test_timeline_plots_status_shading_and_marks(bundle) -> None:
    goals, outcomes = bundle
    status = oc.status_by_year(outcomes, goals)
    fig = outcome_timeline(goals, outcomes, status, "test source")
    ax = fig.axes[0]
    order = goal_order(goals)
    assert [t.get_text().split(" ")[0] for t in ax.get_yticklabels()] == order
    assert list(ax.get_yticks()) == list(range(len(order) - 1, -1, -1))
    bars = [p for p in ax.patches if (p.get_gid() or "").startswith("status:")]
    assert len(bars) == len(order) * len(oc.YEARS)
    shades = {p.get_gid()[7:]: matplotlib.colors.to_hex(p.get_facecolor()) for p in bars}
    for state in set(status.values.ravel()):
        assert shades[state] == matplotlib.colors.to_hex(STATUS_SHADES[state])
    top = order[0]
    shown = [matplotlib.colors.to_hex(p.get_facecolor()) for p in bars if p.get_y() + 0.4 == len(order) - 1]
    assert shown == [matplotlib.colors.to_hex(STATUS_SHADES[s]) for s in status.loc[top]]
    marked = sum(len(c.get_offsets()) for c in ax.collections if c.get_label() in
                 ("advances", "partly meets", "meets", "sets back", "no change"))
    assert marked == (outcomes["effect"] != "no evidence found").sum()
    plt.close(fig)


def test_date_disagreements_keep_both_datings() -> None:
    from memo_utils import load_events
    clash = oc.date_disagreements(load_events())
    voa = clash[clash["event_id"] == "voa_jamming_ends_1987"]
    assert set(voa["date"]) == {"1986-05", "1987-05-25"}
    assert "washington_summit" not in set(clash["event_id"])  # a day inside a range agrees


def test_date_disagreement_found_in_edited_data(data_copy: Path) -> None:
    from memo_utils import load_events
    def move(rows: list[list[str]]) -> None:
        for row in rows[1:]:
            if row[0] == "press_law_1990" and "latimes" in row[7]:
                row[1] = "1990-07-12"
    edit_csv(data_copy / "events.csv", move)
    clash = oc.date_disagreements(load_events(data_copy))
    assert set(clash.loc[clash["event_id"] == "press_law_1990", "date"]) == {"1990-06-12", "1990-07-12"}
