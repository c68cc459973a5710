"""Soviet records, the Soviet Jewry movement's groups and actions, and the 1986–1991 timeline."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from memo_utils import MemoDataError, load_emigration, load_events, load_goals, source_line  # noqa: E402
from memo_utils import soviet  # noqa: E402
from memo_utils.charts.soviet import plot_soviet_timeline  # noqa: E402
from tests.conftest import set_cell  # noqa: E402

CYRILLIC = re.compile("[а-яА-Я]")
SOVIET_EVENTS = ["sakharov_release_announced", "soviet_emigration_decree_in_force", "soviet_entry_exit_law_1991"]
SOUGHT_EVENTS = ["reykjavik_summit", "washington_summit", "inf_treaty_signed"]


@pytest.fixture(scope="module")
def records() -> pd.DataFrame:
    return soviet.load_soviet_records()


@pytest.fixture(scope="module")
def actions() -> pd.DataFrame:
    return soviet.load_advocacy_actions()


@pytest.fixture(scope="module")
def groups() -> pd.DataFrame:
    return soviet.load_advocacy_groups()


# --- what the tables must hold -------------------------------------------------------------

def test_the_records_the_issue_names_are_there(records: pd.DataFrame) -> None:
    by_id = records.set_index("record_id")
    jamming = by_id.loc["sr-1986-09-25-jamming-memo"]
    assert jamming["date"] == "1986-09-25" and "digitalarchive.wilsoncenter.org" in jamming["url"]
    pardons = by_id.loc["sr-1986-12-26-kgb-pardons"]
    assert pardons["date"] == "1986-12-26" and "bukovsky" in pardons["url"]
    sakharov = records[records["summary"].str.contains("Sakharov") & (records["kind"] == "internal record")]
    assert set(sakharov["date"].str[:4]) >= {"1985", "1986"}
    for speaker in ("Gerasimov", "Shevardnadze", "Kashlev", "OVIR"):
        spoken = records[records["body_or_speaker"].str.contains(speaker)]
        assert (spoken["kind"] == "public statement").any(), speaker


def test_every_kind_of_record_is_present(records: pd.DataFrame) -> None:
    assert set(records["kind"]) == {"internal record", "public statement", "memoir"}


def test_the_five_groups_and_the_named_actions(groups: pd.DataFrame, actions: pd.DataFrame) -> None:
    assert set(groups["group_id"]) == {"ncsj", "ucsj", "sssj", "wjc", "cop"}
    dated = dict(zip(actions["action_id"], actions["date"]))
    assert dated["aa-1987-12-06-freedom-sunday-jta"] == "1987-12-06"
    assert dated["aa-1988-08-04-ncsj-correction"] == "1988-08-04"
    moscow = actions[actions["group_ids"].str.contains("wjc") & actions["date"].str.startswith("1987-03")]
    assert len(moscow) >= 2
    assert (actions["kind"] == "dispute").any() and (actions["kind"] == "count correction").any()


def test_disagreeing_crowd_figures_are_both_kept(actions: pd.DataFrame) -> None:
    rally = actions[actions["action_id"].str.startswith("aa-1987-12-06-freedom-sunday")]
    figures = {int(n.replace(",", "")) for s in rally["snippet"] for n in re.findall(r"\d{3},\d{3}", s)}
    assert figures == {200_000, 250_000}


# --- sources, snippets, translations ---------------------------------------------------------

@pytest.mark.parametrize("loader", [soviet.load_soviet_records, soviet.load_advocacy_groups,
                                    soviet.load_advocacy_actions])
def test_every_row_has_a_source_and_a_short_verbatim_snippet(loader: object) -> None:
    frame = loader()  # type: ignore[operator]
    assert frame["url"].str.match(r"https?://").all()
    assert frame["publication"].str.len().gt(5).all()
    assert frame["snippet"].str.len().between(15, 260).all()
    summary = "summary" if "summary" in frame else "who"
    assert not (frame["snippet"] == frame[summary]).any()


def test_russian_snippets_carry_a_gloss_and_english_ones_name_the_translation(records: pd.DataFrame) -> None:
    russian = records["snippet"].str.contains(CYRILLIC)
    assert russian.sum() >= 2
    assert records.loc[russian, "translation"].str.startswith("none: Russian").all()
    assert records.loc[russian, "translation"].str.contains("gloss").all()
    assert not records.loc[~russian, "translation"].str.contains(CYRILLIC).any()


def test_a_book_read_from_a_copy_is_cited_as_the_book(records: pd.DataFrame) -> None:
    copies = records[records["publication"].str.contains("online copy")]
    assert len(copies) >= 2
    assert copies["publication"].str.contains(r"\(book").all()


# --- dates and precision ---------------------------------------------------------------------

def test_spans_follow_the_precision(records: pd.DataFrame, actions: pd.DataFrame) -> None:
    for frame in (records, actions):
        length = frame["date"].str.len().map({4: "year", 7: "month", 10: "day"})
        assert (length == frame["date_precision"].astype(str)).all()
        assert (frame["start"] <= frame["end"]).all()
        days = (frame["end"] - frame["start"]).dt.days
        assert (days[frame["date_precision"] == "day"] == 0).all()
        assert days[frame["date_precision"] == "month"].between(27, 30).all()


def test_before_counts_a_month_dated_row_only_when_all_of_it_is_earlier(actions: pd.DataFrame) -> None:
    april = actions[actions["action_id"] == "aa-1987-04-nine-points"]
    assert soviet.before(april, "1987-04-15").empty
    assert len(soviet.before(april, "1987-05-01")) == 1


# --- joins -----------------------------------------------------------------------------------

def test_goal_links_resolve_to_goal_labels(records: pd.DataFrame) -> None:
    links = soviet.goal_links(records, "record_id", load_goals())
    assert links["label"].notna().all()
    assert len(links) == records["goal_ids"].map(soviet.split_ids).map(len).sum()
    jamming = links[links["record_id"] == "sr-1986-09-25-jamming-memo"]
    assert list(jamming["label"]) == ["End to jamming"]


def test_event_links_resolve(records: pd.DataFrame, actions: pd.DataFrame) -> None:
    known = set(load_events()["event_id"])
    linked = pd.concat([records["event_id"], actions["event_id"]]).dropna()
    assert len(linked) >= 5 and set(linked) <= known


def test_the_withdrawn_count_is_paired_with_its_replacement(groups: pd.DataFrame) -> None:
    paired = soviet.superseded_counts(load_emigration(), groups)
    july = paired[(paired["year"] == 1988) & (paired["month"] == 7)].iloc[0]
    assert (july["count_withdrawn"], july["count_replacement"]) == (1698, 1378)
    assert july["counted_by"] == "ncsj"


# --- bad rows are named ----------------------------------------------------------------------

def test_unknown_goal_id_is_named(data_copy: Path) -> None:
    row = set_cell(data_copy / "soviet_records.csv", "sr-1986-09-25-jamming-memo", "goal_ids", "imm-iii;imm-ix")
    with pytest.raises(MemoDataError, match=r"soviet_records\.csv, row \d+, field 'goal_ids': no goal .*'imm-ix'") as caught:
        soviet.load_soviet_records(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "goal_ids")


def test_unknown_group_id_is_named(data_copy: Path) -> None:
    row = set_cell(data_copy / "advocacy_actions.csv", "aa-1987-12-09-sssj-loans", "group_ids", "sssj;jdl")
    with pytest.raises(MemoDataError, match=r"no group in advocacy_groups\.csv with id 'jdl'") as caught:
        soviet.load_advocacy_actions(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "group_ids")


def test_unknown_event_id_is_named(data_copy: Path) -> None:
    row = set_cell(data_copy / "soviet_records.csv", "sr-1987-12-09-gerasimov-linkage", "event_id", "moscow_summit")
    with pytest.raises(MemoDataError, match=r"event_id") as caught:
        soviet.load_soviet_records(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "event_id")


def test_precision_that_contradicts_the_date_is_named(data_copy: Path) -> None:
    row = set_cell(data_copy / "advocacy_actions.csv", "aa-1988-09-israeli-visa-counts", "date_precision", "day")
    with pytest.raises(MemoDataError, match=r"precision does not match") as caught:
        soviet.load_advocacy_actions(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "date_precision")


def test_unknown_kind_is_refused(data_copy: Path) -> None:
    row = set_cell(data_copy / "soviet_records.csv", "sr-1986-12-26-kgb-pardons", "kind", "rumour")
    with pytest.raises(MemoDataError, match=r"'rumour' is not allowed here") as caught:
        soviet.load_soviet_records(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "kind")


def test_missing_snippet_is_refused(data_copy: Path) -> None:
    row = set_cell(data_copy / "advocacy_groups.csv", "ucsj", "snippet", "")
    with pytest.raises(MemoDataError) as caught:
        soviet.load_advocacy_groups(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "snippet")


def test_timeline_refuses_an_unknown_event() -> None:
    with pytest.raises(MemoDataError, match=r"no event with id 'malta_summit'"):
        soviet.timeline(sought_events=["washington_summit", "malta_summit"])


# --- the timeline and its chart --------------------------------------------------------------

@pytest.fixture(scope="module")
def items() -> pd.DataFrame:
    return soviet.timeline(soviet_events=SOVIET_EVENTS, sought_events=SOUGHT_EVENTS)


def test_timeline_holds_every_dated_row_in_range_once(items: pd.DataFrame, records: pd.DataFrame,
                                                      actions: pd.DataFrame) -> None:
    in_range = records[(records["kind"] != "memoir") & records["start"].between("1986-01-01", "1991-12-31")]
    assert set(in_range["record_id"]) <= set(items["item_id"])
    assert "sr-1985-08-29-politburo-sakharov-buk" not in set(items["item_id"])
    assert "sr-2009-adamishin-memoir" not in set(items["item_id"])
    assert items["item_id"].is_unique
    assert set(items.loc[items["lane"] == soviet.LANES[4], "item_id"]) == set(SOUGHT_EVENTS)
    assert set(items.loc[items["lane"] == soviet.LANES[3], "item_id"]) == set(actions["action_id"]) - {"aa-1974-06-ncsj-no-numbers"}


def test_chart_plots_each_lane_at_its_dates(items: pd.DataFrame) -> None:
    marks = pd.DataFrame({"date": ["1987-01-06"], "label": ["memo's earliest date"]})
    fig = plot_soviet_timeline(items, marks=marks)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(soviet.LANES)
    for position, lane in enumerate(soviet.LANES):
        (points,) = [c for c in ax.collections if c.get_gid() == lane]
        offsets = points.get_offsets()
        expected = items.loc[items["lane"] == lane, "date"]
        assert len(offsets) == len(expected) > 0
        assert sorted(offsets[:, 0]) == pytest.approx(sorted(mdates.date2num(expected)))
        assert set(offsets[:, 1]) == {position}
    (line,) = [ln for ln in ax.lines if ln.get_gid() == "mark:memo's earliest date"]
    assert mdates.date2num(line.get_xdata()[0]) == pytest.approx(mdates.date2num(pd.Timestamp("1987-01-06")))
    assert "soviet_records.csv" in (source_line(fig) or "")
    assert ax.get_xlabel() and ax.get_ylabel()
    plt.close(fig)


def test_the_years_after_1988_and_adamishin_are_represented(records: pd.DataFrame) -> None:
    later = records[(records["kind"] == "internal record") & (records["start"] >= pd.Timestamp("1989-02-01"))]
    assert len(later) >= 2
    adamishin = records[records["body_or_speaker"].str.contains("Adamishin")]
    assert len(adamishin) >= 3 and (adamishin["kind"] == "memoir").all()
    in_his_words = adamishin[adamishin["snippet"].str.contains("in Adamishin’s words")]
    assert len(in_his_words) == 1
    summary_only = records.set_index("record_id").loc["sr-1989-12-02-malta-chernyaev"]
    assert "not read" in summary_only["publication"] and "not read" in summary_only["summary"]


def test_a_year_dated_statement_spans_its_whole_year(records: pd.DataFrame) -> None:
    row = records.set_index("record_id").loc["sr-1990-gorbachev-congress-sovereignty"]
    assert (row["start"], row["end"]) == (pd.Timestamp("1990-01-01"), pd.Timestamp("1990-12-31"))
    assert soviet.before(records, "1990-12-31")["record_id"].eq("sr-1990-gorbachev-congress-sovereignty").sum() == 0
