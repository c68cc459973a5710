"""The register of the memo's FRUS neighbours: its checks, its look-ups and its charts."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from memo_utils import MemoDataError, load_goals
from memo_utils.charts.register import MEMO_ID, plot_register_timeline, plot_topic_matrix, timeline_rows
from memo_utils.frus_register import (
    CHANNELS,
    agenda_by_year,
    document_channel,
    documents_on,
    documents_per_year,
    figure_in_snippet,
    ideas_in_their_words,
    load_goal_areas,
    load_register,
    load_register_ideas,
    load_register_topics,
    load_reported_figures,
    topic_matrix,
    untagged_documents,
    volume_span,
)

from .conftest import set_cell

URL = re.compile(r"https://history\.state\.gov/historicaldocuments/frus(\d{4})-(\d{2})v(\d+)/d(\d+)")


@pytest.fixture(scope="module")
def register() -> pd.DataFrame:
    return load_register()


@pytest.fixture(scope="module")
def topics() -> pd.DataFrame:
    return load_register_topics()


def test_register_covers_documents_77_to_111(register: pd.DataFrame) -> None:
    xli = register[register["volume"] == "FRUS 1981–1988, vol. XLI"]
    assert set(range(77, 112)) <= set(xli["number"])


def test_every_url_is_the_office_of_the_historians_and_names_its_document(register: pd.DataFrame) -> None:
    for row in register.itertuples():
        match = URL.fullmatch(row.url)
        assert match, row.url
        assert int(match.group(4)) == row.number
        assert match.group(1) == str(volume_span(row.volume)[0])


def test_dates_are_ordered_and_inside_the_volumes_span(register: pd.DataFrame) -> None:
    dated = register[register["date_min"].notna()]
    assert (dated["date_min"] <= dated["date_max"]).all()
    for row in dated.itertuples():
        first, last = volume_span(row.volume)
        assert first <= row.date_min.year and row.date_max.year <= last + 1


def test_inferred_ranges_respect_the_volumes_date_order(register: pd.DataFrame) -> None:
    """A document printed later cannot have to be older than every date an earlier one may have."""
    for _, volume in register[register["date_min"].notna()].groupby("volume"):
        ordered = volume.sort_values("number")
        latest_so_far = ordered["date_min"].cummax()
        assert (latest_so_far <= ordered["date_max"]).all(), ordered.loc[latest_so_far > ordered["date_max"], "doc_id"].tolist()


def test_unread_documents_carry_no_date_or_heading(register: pd.DataFrame) -> None:
    unread = register[register["readable"] == "no"]
    assert len(unread) > 0
    assert unread["date_min"].isna().all() and unread["heading"].isna().all()
    assert (unread["date_basis"] == "unread").all()


def test_memo_row_keeps_the_projects_dating(register: pd.DataFrame) -> None:
    memo = register.set_index("doc_id").loc[MEMO_ID]
    assert (memo["date_min"], memo["date_max"]) == (pd.Timestamp("1987-01-06"), pd.Timestamp("1987-04-15"))


def test_every_tag_has_evidence_and_a_read_document(register: pd.DataFrame, topics: pd.DataFrame) -> None:
    assert (topics["snippet"].str.strip().str.len() > 0).all()
    read = set(register.loc[register["readable"] == "yes", "doc_id"])
    assert set(topics["doc_id"]) <= read


def test_every_goal_has_an_area(data: Path) -> None:
    assert set(load_goal_areas()["goal_id"]) == set(load_goals()["goal_id"])


def test_documents_on_divided_spouses() -> None:
    found = documents_on("imm-ii")
    tagged = load_register_topics().query("goal_area == 'family reunification'")["doc_id"]
    assert sorted(found["doc_id"]) == sorted(tagged)
    assert {"v41-d88", "v41-d92", "v41-d100", "v05-d156", "v05-d168"} <= set(found["doc_id"])
    assert found["date_min"].is_monotonic_increasing
    assert found["snippet"].str.contains("spouse|divided famil|bilateral cases|dual national").all()


def test_documents_on_shares_an_area_between_goals() -> None:
    assert list(documents_on("imm-iv")["doc_id"]) == list(documents_on("int-vii")["doc_id"])


def test_documents_on_unknown_goal_names_the_mapping() -> None:
    with pytest.raises(MemoDataError, match=r"frus_goal_areas\.csv.*no goal 'imm-ix'"):
        documents_on("imm-ix")


def test_reported_figures_keep_both_sides_of_a_disputed_count() -> None:
    figures = load_reported_figures().set_index("figure_id")
    assert figures.loc["d106-prisoners-us", "high"] == 300
    assert pd.isna(figures.loc["d106-prisoners-soviet", "low"]) and figures.loc["d106-prisoners-soviet", "kind"] == "claim"


@pytest.mark.parametrize(("low", "high", "snippet", "expected"), [
    (700, 900, "a plateau of 700–900 per month", True),
    (9000, 10000, "at the rate of 9,000–10,000 a year", True),
    (pd.NA, 99, "the Soviets say under 100.", True),
    (4, 4, "four dual nationals", True),
    (300, 300, "about 3000 of them", False),
    (10, 10, "only ten people had not been permitted to emigrate", True),
    (10, 10, "they have often been refused", False),
    (1, 1, "someone left", False),
])
def test_figure_in_snippet(low: object, high: int, snippet: str, expected: bool) -> None:
    assert figure_in_snippet(low, high, snippet) is expected


def test_psychiatry_enters_the_agenda_only_after_1986(register: pd.DataFrame, topics: pd.DataFrame) -> None:
    agenda = agenda_by_year(register, topics)
    assert (agenda.loc[[1985, 1986], "psychiatry"] == 0).all() and agenda.loc[1988, "psychiatry"] > 0


def test_religion_was_raised_across_the_table_in_1985(register: pd.DataFrame, topics: pd.DataFrame) -> None:
    across = agenda_by_year(register, topics, channel="across the table")
    assert across.loc[1985, "religion"] > 0
    religion_1985 = topics[(topics["goal_area"] == "religion")]["doc_id"]
    channel = document_channel(register)
    dated = register.set_index("doc_id")["date_min"]
    assert any(channel[d] == "across the table" and dated[d].year == 1985 for d in religion_1985)


def test_channels_split_the_documents(register: pd.DataFrame, topics: pd.DataFrame) -> None:
    whole = documents_per_year(register, topics)
    parts = sum(documents_per_year(register, topics, channel=c).reindex(whole.index, fill_value=0) for c in CHANNELS)
    assert (parts == whole).all().all()
    offices = register["author_office"].fillna("")
    kinds = ("(memorandum of conversation)", "(letter to the Soviet side)", "(letter to the U.S. side, attached)")
    memcons = register[offices.map(lambda office: office.endswith(kinds))]
    assert set(document_channel(register).loc[lambda c: c == "across the table"].index) == set(memcons["doc_id"])
    assert {"v05-d168", "v05-d175"} <= set(memcons["doc_id"]) and "v41-d92" not in set(memcons["doc_id"])
    with pytest.raises(ValueError, match="channel"):
        agenda_by_year(register, topics, channel="press")


def test_documents_read_in_the_volume_v_tei_keep_its_datelines(register: pd.DataFrame) -> None:
    """The vol. V TEI prints every dateline, so no row read there may fall back on an inferred range."""
    from_tei = register[register["read_from"].str.contains("frus1981-88v05.xml", na=False)]
    assert len(from_tei) >= 5
    assert (from_tei["date_basis"] == "printed").all()
    assert from_tei["date_printed"].notna().all()
    assert (from_tei["date_min"] == from_tei["date_max"]).all()
    for row in from_tei.itertuples():
        assert str(row.date_min.year) in row.date_printed, row.doc_id


def test_ideas_come_from_read_documents_and_say_where_they_were_said(register: pd.DataFrame) -> None:
    ideas = load_register_ideas()
    read = register.set_index("doc_id")
    assert (ideas["doc_id"].map(read["readable"]) == "yes").all()
    across = ideas[ideas["setting"] == "with the Soviet side"]
    assert across["doc_id"].map(document_channel(register)).eq("across the table").all()
    assert (ideas["snippet"].str.strip().str.len() > 0).all()


def test_ideas_in_their_words_orders_by_date_and_keeps_the_replies() -> None:
    leverage = ideas_in_their_words("leverage through benefits")
    assert leverage["date_min"].is_monotonic_increasing
    assert set(leverage["setting"]) == {"with the Soviet side", "inside the U.S. government"}
    assert {"Reagan", "Gorbachev"} <= set(leverage["speaker"])
    assert leverage["url"].str.startswith("https://history.state.gov/historicaldocuments/").all()


def test_ideas_in_their_words_filters_by_setting() -> None:
    across = ideas_in_their_words(setting="with the Soviet side")
    assert (across["setting"] == "with the Soviet side").all() and across["idea"].nunique() > 1
    everything = ideas_in_their_words()
    assert len(across) + len(ideas_in_their_words(setting="inside the U.S. government")) == len(everything)
    assert len(everything) == len(load_register_ideas()) and everything["date_min"].is_monotonic_increasing
    both = ideas_in_their_words("quiet diplomacy", "with the Soviet side")
    assert set(both["idea"]) == {"quiet diplomacy"} and len(both) > 0


@pytest.mark.parametrize(("idea", "setting", "field"), [("trade war", None, "idea"), (None, "in the press", "setting")])
def test_ideas_in_their_words_unknown_choice_names_the_table(idea: str | None, setting: str | None, field: str) -> None:
    with pytest.raises(MemoDataError, match=rf"frus_register_ideas\.csv.*field '{field}'.*no passage with the {field}"):
        ideas_in_their_words(idea, setting)




def test_agenda_shares_count_only_documents_with_a_tag(register: pd.DataFrame, topics: pd.DataFrame) -> None:
    agenda = agenda_by_year(register, topics)
    counts = documents_per_year(register, topics)
    untagged = untagged_documents(register, topics)
    assert "v41-d91" in set(untagged["doc_id"]) and "v41-d88" not in set(untagged["doc_id"])
    assert (counts["read"] - counts["tagged"]).sum() == len(untagged)
    emigration_1988 = topics[topics["goal_area"] == "emigration"]["doc_id"]
    dated = register.set_index("doc_id")["date_min"]
    tagged_1988 = {d for d in topics["doc_id"] if dated[d].year == 1988}
    assert agenda.loc[1988, "emigration"] == pytest.approx(len(set(emigration_1988) & tagged_1988) / len(tagged_1988))


def test_the_1974_letters_carry_the_60000_benchmark(register: pd.DataFrame) -> None:
    letters = register.set_index("doc_id").loc[["v16-d60", "v16-d61"]]
    assert (letters["date_min"] == pd.Timestamp("1974-10-18")).all()
    figures = load_reported_figures().set_index("figure_id")
    assert figures.loc["v16-d61-benchmark", "high"] == 60000 and figures.loc["v16-d61-benchmark", "doc_id"] == "v16-d61"









#: One damaged cell per case: table, row key, column, new value, loader, and the error it must raise ({row} = the row).
BAD_CELLS = [
    ("frus_register", "v41-d94", "date_min", "1987-10-01", load_register, r"row {row}, field 'date_min': the earliest"),
    ("frus_register", "v41-d81", "date_min", "1979-11-01", load_register, r"row {row}, field 'date_min': the date falls before"),
    ("frus_register", "v41-d95", "date_basis", "inferred", load_register, r"row {row}, field 'date_basis'"),
    ("frus_register", "v41-d90", "url", "https://example.org/d90", load_register, r"url"),
    ("frus_register_topics", "v41-d79", "snippet", "", load_register_topics, r"snippet"),
    ("frus_register_topics", "v41-d79", "goal_area", "trade", load_register_topics, r"row {row}, field 'goal_area'"),
    ("frus_reported_figures", "d102-plateau", "high", "950", load_reported_figures,
     r"row {row}, field 'snippet': the snippet does not state"),
    ("frus_register_ideas", "v41-d92-bait", "setting", "with the Soviet side", load_register_ideas,
     r"row {row}, field 'setting': words exchanged with the Soviet side"),
    ("frus_register_ideas", "v41-d106-tiers", "doc_id", "v41-d95", load_register_ideas,
     r"row {row}, field 'doc_id': a passage must come"),
]


@pytest.mark.parametrize(("table", "key", "column", "value", "loader", "message"), BAD_CELLS,
                         ids=[f"{case[0]}-{case[2]}-{case[1]}" for case in BAD_CELLS])
def test_bad_cell_raises(data_copy: Path, table: str, key: str, column: str, value: str,
                         loader: Callable[[Path], pd.DataFrame], message: str) -> None:
    row = set_cell(data_copy / f"{table}.csv", key, column, value)
    with pytest.raises(MemoDataError, match=rf"{table}\.csv.*" + message.format(row=row)):
        loader(data_copy)


def test_timeline_draws_each_read_document_at_its_dates_and_marks_the_memo(register: pd.DataFrame) -> None:
    fig = plot_register_timeline(register)
    ax = fig.axes[0]
    rows = timeline_rows(register)
    ranges = {line.get_gid(): line for line in ax.get_lines() if str(line.get_gid()).startswith("range:")}
    assert len(ranges) == len(rows)
    memo = rows.set_index("doc_id").loc[MEMO_ID]
    xs = ranges[f"range:{MEMO_ID}"].get_xdata()
    assert list(xs) == [mdates.date2num(memo["date_min"]), mdates.date2num(memo["date_max"])]
    assert ranges[f"range:{MEMO_ID}"].get_linewidth() > ranges["range:v41-d94"].get_linewidth()
    starts = {line.get_gid(): line.get_marker() for line in ax.get_lines() if str(line.get_gid()).startswith("start:")}
    assert starts[f"start:{MEMO_ID}"] == "D" and starts["start:v41-d94"] == "o"
    memcons = rows.loc[rows["channel"] == "across the table", "doc_id"]
    assert len(memcons) > 0 and all(starts[f"start:{doc}"] == "s" for doc in memcons)
    offices = [tick.get_text().replace("\n", " ") for tick in ax.get_yticklabels()]
    assert "Bureau of Human Rights and Humanitarian Affairs" in offices
    assert "v31-d223" not in set(rows["doc_id"])
    joint = rows.set_index("doc_id").loc["v41-d89"]
    assert joint["lead_office"] == "Bureau of Human Rights and Humanitarian Affairs" and ";" in joint["author_office"]
    assert not any(";" in office for office in offices)
    plt.close(fig)


def test_matrix_plots_the_tags(register: pd.DataFrame, topics: pd.DataFrame) -> None:
    fig = plot_topic_matrix(register, topics)
    ax = fig.axes[0]
    shown = ax.get_images()[0].get_array()
    expected = topic_matrix(register, topics)
    assert (shown == expected.to_numpy()).all()
    assert [tick.get_text() for tick in ax.get_xticklabels()] == list(expected.columns)
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert labels[list(expected.index).index(MEMO_ID)] == "XLI 88"
    assert shown.sum() == len(topics[topics["doc_id"].isin(expected.index)])
    plt.close(fig)
