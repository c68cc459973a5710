"""The historian's revision (issue 11): corrected rows, the bibliography, the plateau residual."""

from __future__ import annotations

import csv
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import pytest

import memo_utils as mu
from memo_utils.bibliography import citation, load_bibliography
from memo_utils.residuals import year_residual

from .conftest import set_cell

BLOCKED_HOSTS = ("kids.britannica.com", "simple.wikipedia.org", "quodid.com", "parrot.ru", "ebsco.com",
                 "iiab.live")
TERTIARY_HOSTS = ("wikiversity.org", "wikipedia.org", "antisem.eu")
BLOCKED_WORDS = ("Britannica Kids", "Simple English Wikipedia", "EBSCO Research Starters", "quiz")


def _rows(data: Path) -> list[tuple[str, int, dict[str, str]]]:
    found = []
    for path in sorted(data.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                found.append((path.name, number, row))
    return found


def _host(url: str) -> str:
    return (urlparse(url).hostname or "").lower()


def _blocked(data: Path) -> list[tuple[str, int, str]]:
    return [(name, number, row["url"]) for name, number, row in _rows(data)
            if "url" in row and any(_host(row["url"]).endswith(h) for h in BLOCKED_HOSTS)]


def test_no_row_cites_a_childrens_quiz_or_tertiary_site(data: Path) -> None:
    assert _blocked(data) == []


def test_a_tertiary_source_kept_says_no_better_one_was_found(data: Path) -> None:
    kept = [(name, number, row) for name, number, row in _rows(data)
            if "url" in row and any(_host(row["url"]).endswith(h) for h in TERTIARY_HOSTS)]
    unexplained = [(name, number) for name, number, row in kept
                   if "was found" not in (row.get("notes") or "")]
    assert unexplained == []


def test_no_row_names_a_childrens_or_quiz_publication(data: Path) -> None:
    bad = [(name, number) for name, number, row in _rows(data)
           if any(word.lower() in (row.get("publication") or "").lower() for word in BLOCKED_WORDS)]
    assert bad == []


def test_blocklist_catches_a_childrens_site(data_copy: Path) -> None:
    set_cell(data_copy / "events.csv", "shcharansky_freed", "url",
             "https://kids.britannica.com/students/article/Natan-Shcharansky/336329")
    assert [name for name, _, _ in _blocked(data_copy)] == ["events.csv"]


def test_sakharov_was_exiled_by_administrative_decision_not_sentenced() -> None:
    row = mu.load_people().set_index("person_id").loc["sakharov_andrei"]
    assert "sentenced to" not in row["role"] and "without trial" in row["role"]
    assert "administrative" in row["role"] and "administrative" in row["snippet"]


def test_brezhnev_general_secretary_from_1966() -> None:
    row = mu.load_people().set_index("person_id").loc["brezhnev_leonid"]
    assert "1966" in row["role_period"] and "1966" in row["snippet"]
    assert "general secretary" in row["snippet"]


def test_copy_list_holds_outgoing_and_incoming_counselor() -> None:
    people = mu.load_people().set_index("person_id")
    assert "Counselor" in people.loc["kampelman_max", "role"]
    assert "1987-07-15" in people.loc["kampelman_max", "role_period"]
    assert "1987-03-24" in people.loc["derwinski_edward", "role_period"]
    assert "1987-03-24" in people.loc["derwinski_edward", "snippet"]


def test_rosenthal_was_executive_editor() -> None:
    row = mu.load_people().set_index("person_id").loc["rosenthal_am"]
    assert "executive editor" in row["role"].lower() and "1977" in row["role_period"]


def test_washington_summit_row_keeps_both_bounds() -> None:
    events = mu.load_events()
    summit = events[(events["event_id"] == "washington_summit")
                    & events["url"].str.startswith("https://history.state.gov/")]
    assert list(summit["date"]) == ["1987-12-08/1987-12-10"]
    assert list(summit["date_precision"]) == ["range"]


def test_events_end_never_precedes_start() -> None:
    events = mu.load_events()
    assert (events["end"] >= events["start"]).all()


def test_no_event_points_to_a_missing_file(data: Path) -> None:
    assert "emigration_law.md" not in (data / "events.csv").read_text(encoding="utf-8")


def test_preliminary_1988_total_is_not_exact(emigration: pd.DataFrame) -> None:
    row = emigration.set_index("figure_id").loc["jews-1988-02"]
    assert row["qualifier"] != "exact" and "preliminary" in row["notes"]


def test_ovir_claim_is_its_own_lower_bound_figure(emigration: pd.DataFrame) -> None:
    row = emigration.set_index("figure_id").loc["total-1987-03"]
    assert (row["count"], row["qualifier"], row["counted_by"]) == (26000, "lower-bound", "soviet_officials")
    assert "total-1987-03" not in set(mu.preferred_series(emigration, "total")["figure_id"])


def test_d102_header_kept_as_printed_and_flagged() -> None:
    rate = mu.load_frus_rates().set_index("statement_id").loc["d102-plateau"]
    assert "European and Eurasian Affairs" in rate["said_by"] and "editors' slip" in rate["said_by"]


def test_helsinki_benchmark_dated_by_the_editors_footnote() -> None:
    row = mu.load_benchmarks().set_index("benchmark_id").loc["helsinki-1975"]
    assert "footnote 2" in row["dated_by"] and "editors" in row["dated_by"]


def test_every_bibliography_entry_resolves_to_a_checked_page() -> None:
    works = load_bibliography()
    assert works["work_id"].is_unique
    for _, work in works.iterrows():
        assert work["url"].startswith("http") and work["snippet"]
        if not pd.isna(work["publisher"]):
            assert work["publisher"] in work["snippet"]


def test_bibliography_rejects_a_publisher_the_page_does_not_show(data_copy: Path) -> None:
    row = set_cell(data_copy / "bibliography.csv", "matlock-2004", "publisher", "Simon & Schuster")
    with pytest.raises(mu.MemoDataError, match=f"row {row}.*publisher"):
        load_bibliography(data_copy)


def test_bibliography_rejects_a_year_the_page_does_not_show(data_copy: Path) -> None:
    row = set_cell(data_copy / "bibliography.csv", "thomas-2001", "year", "1999")
    with pytest.raises(mu.MemoDataError, match=f"row {row}.*year"):
        load_bibliography(data_copy)


def test_citation_leaves_out_what_the_page_does_not_show() -> None:
    works = load_bibliography()
    assert citation(works, "kampelman-1991").endswith("(HarperCollins Publishers)")
    assert "(Princeton University Press, 2001)" in citation(works, "thomas-2001")
    with pytest.raises(KeyError):
        citation(works, "salitan-1992")


def _frame(rows: list[tuple[int, int | None, int, str]]) -> pd.DataFrame:
    return pd.DataFrame({
        "year": [r[0] for r in rows], "month": pd.array([r[1] for r in rows], dtype="Int64"),
        "group": "jews", "count": [r[2] for r in rows], "measure": "departures",
        "counted_by": [r[3] for r in rows], "qualifier": "exact", "publication": "p",
        "published": pd.NA, "url": [f"u{i}" for i in range(len(rows))],
        "figure_id": [f"f{i}" for i in range(len(rows))]})


def test_residual_arithmetic_on_a_made_up_year() -> None:
    frame = _frame([(1987, None, 1000, "ncsj"), (1987, 1, 100, "ncsj"), (1987, 2, 200, "icm")])
    r = year_residual(frame, 1987)
    assert (r.total, r.residual, r.missing) == (1000, 700, tuple(range(3, 13)))
    assert r.per_month == pytest.approx(70.0)
    assert r.counters == ("icm", "ncsj")


def test_residual_refuses_a_year_without_a_total() -> None:
    with pytest.raises(KeyError):
        year_residual(_frame([(1987, 1, 100, "ncsj")]), 1987)


def test_1987_residual_read_against_document_102(emigration: pd.DataFrame) -> None:
    r = year_residual(emigration, 1987)
    months = emigration[(emigration["group"] == "jews") & (emigration["year"] == 1987)
                        & emigration["month"].notna()]
    assert set(r.missing) == set(range(1, 13)) - set(months["month"].astype(int))
    rate = mu.load_frus_rates().set_index("statement_id").loc["d102-plateau"]
    assert r.within(int(rate["low"]), int(rate["high"]))
    assert len(r.counters) > 1


def test_asks_chart_draws_jacksons_benchmark_as_a_reference() -> None:
    import matplotlib.pyplot as plt

    from memo_utils.argument import emigration_asks
    from memo_utils.charts.argument import emigration_asks_chart

    asks = emigration_asks(mu.load_frus_context(), mu.load_goals())
    fig = emigration_asks_chart(asks, reference=("Jackson's 1974 benchmark", 60000))
    ax = fig.axes[0]
    [line] = [line for line in ax.lines if line.get_gid() == "reference"]
    assert list(line.get_xdata()) == [60000, 60000]
    assert ax.get_xlim()[1] > 60000
    plt.close(fig)


def test_words_chart_sets_rosenthal_apart() -> None:
    import matplotlib.pyplot as plt

    from memo_utils.charts.edition import section_lengths_chart
    from memo_utils.reading_text import sections_with_quotation

    sections = sections_with_quotation()
    leverage = sections[sections["label"] == "Our Leverage"].iloc[0]
    assert 0 < leverage["quoted_words"] < leverage["words"]
    fig = section_lengths_chart(sections)
    ax = fig.axes[0]
    quoted = [c for c in ax.containers if c.get_label().startswith("quoted")][0]
    row = int(sections.index[sections["label"] == "Our Leverage"][0])
    bar = quoted.patches[row]
    assert bar.get_width() == leverage["quoted_words"]
    assert bar.get_x() == leverage["own_words"]
    plt.close(fig)


def test_reading_text_numbers_every_paragraph_once() -> None:
    from memo_utils.reading_text import reading_text

    memo = mu.load_memo()
    text = reading_text(memo)
    shown = [p for p in memo.paragraphs["paragraph"] if f"¶{p} " in text]
    assert len(shown) >= len(memo.paragraphs) - (memo.paragraphs["kind"] == "heading").sum() - 1
    assert "> ¶" in text and "time enough then to clap and sing" in text


def test_long_series_marks_the_doubtful_1985_point(emigration: pd.DataFrame) -> None:
    import matplotlib.pyplot as plt

    from memo_utils.charts.emigration import long_series_chart

    groups = ("jews", "germans", "armenians", "total")
    series = {g: mu.preferred_series(emigration, g) for g in groups}
    events = mu.load_events()
    fig = long_series_chart(series, mu.emigration_targets(mu.load_goals()), mu.chart_events(events),
                            mu.memo_earliest_date(events), doubtful={"total": [1985]})
    ax = fig.axes[0]
    lines = {line.get_gid(): line for line in ax.lines}
    assert list(lines["doubtful-total"].get_ydata()) == [float(series["total"].loc[1985, "count"])]
    total_line = lines["series-total"].get_ydata()
    assert pd.isna(total_line[1985 - 1968])
    assert "gaps-germans" in lines or "gaps-armenians" in lines
    plt.close(fig)


NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
REVISED = ["00_reading_the_memo", "01_goal_tiers", "02_emigration_figures", "03_leverage_argument"]
LAYERS = {"narrative", "hermeneutics", "data", "hidden"}


def _cells(stem: str) -> list[dict]:
    import nbformat

    return list(nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4).cells)


def _prose(stem: str) -> str:
    return "\n".join(c["source"] for c in _cells(stem) if c["cell_type"] == "markdown")


@pytest.mark.parametrize("stem", REVISED)
def test_every_cell_has_one_layer_and_every_chart_a_figure_tag_alt_and_caption(stem: str) -> None:
    cells = _cells(stem)
    number = stem[:2]
    figures = 0
    for i, cell in enumerate(cells):
        tags = cell["metadata"].get("tags", [])
        assert len(LAYERS.intersection(tags)) == 1, (stem, i, tags)
        if cell["cell_type"] == "code" and "plt.show()" in cell["source"]:
            figures += 1
            assert f"figure-{number}-{figures}" in tags
            assert len(cell["metadata"].get("alt", "")) > 40
            caption = cells[i + 1]
            assert set(caption["metadata"]["tags"]) == {"narrative", "caption"}
            assert caption["source"].startswith(f"**Figure {figures}.**")
    assert figures > 0


def test_notebook_00_quotes_the_quotation_share_it_computes() -> None:
    from memo_utils.reading_text import sections_with_quotation

    row = sections_with_quotation().set_index("label").loc["Our Leverage"]
    prose = _prose("00_reading_the_memo")
    share = round(100 * int(row["quoted_words"]) / int(row["words"]))
    assert f"Of its {int(row['words'])} words, {int(row['quoted_words'])} ({share} per cent)" in prose
    assert f"{int(row['own_words'])} words" in prose
    assert "sentenced" not in prose.replace("tried or sentenced", "")


def test_notebook_00_shows_the_memo_in_full_before_taking_it_apart() -> None:
    cells = _cells("00_reading_the_memo")
    first_section = next(i for i, c in enumerate(cells) if c["source"].startswith("## "))
    assert cells[first_section]["source"].startswith("## 1. The memo in full")
    shown = cells[first_section + 1]
    text = "".join(o.get("data", {}).get("text/markdown", "") for o in shown.get("outputs", []))
    assert "¶37" in text and "Dick Solomon has made the very wise suggestion" in text


def test_notebook_01_all_groups_ratio_matches_the_data(emigration: pd.DataFrame) -> None:
    level = int(mu.all_groups(emigration).loc[1986, "groups_sum"])
    ratio = 10000 / level
    assert 4.5 <= ratio <= 5.5
    assert "about five times" in _prose("01_goal_tiers")
    assert "which contains all the" not in _prose("01_goal_tiers")


def test_notebook_02_plateau_prose_matches_the_residual(emigration: pd.DataFrame) -> None:
    r = year_residual(emigration, 1987)
    prose = _prose("02_emigration_figures")
    assert 800 < r.per_month < 850 and "a little over 800" in prose and "about 830 a month" in prose
    assert "Doc. 110)" not in prose
    assert "from the independent counts collected here" in prose


def test_notebook_03_counts_three_numeric_goals() -> None:
    numeric = mu.numeric_targets(mu.load_goals())
    assert len(numeric) == 3
    prose = _prose("03_leverage_argument")
    assert "three with numbers" in prose and "two with numbers" not in prose
    assert "Less than 700 new applicants left in 1987" in prose and "about 11,500" in prose


def test_reading_text_keeps_the_memos_own_list_labels() -> None:
    from memo_utils.reading_text import reading_text

    text = reading_text(mu.load_memo())
    assert "- ¶16 (vii) modification of the 1986 Emigration Law" in text
    assert "¶4 (a) immediate:" in text
