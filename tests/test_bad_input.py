"""One test per class of bad input, each on a broken copy of data/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from memo_utils import MemoDataError, load_goals, load_objectives, validate
from tests.conftest import edit_csv, set_cell


def test_missing_file(data_copy: Path) -> None:
    (data_copy / "goals.csv").unlink()
    with pytest.raises(MemoDataError, match=r"goals\.csv: file not found") as caught:
        load_goals(data_copy)
    assert caught.value.file.name == "goals.csv"


def test_missing_column(data_copy: Path) -> None:
    def drop_subject(rows: list[list[str]]) -> None:
        col = rows[0].index("subject")
        for row in rows:
            del row[col]

    edit_csv(data_copy / "goals.csv", drop_subject)
    with pytest.raises(MemoDataError, match=r"goals\.csv, row 1, field 'subject': missing column") as caught:
        load_goals(data_copy)
    assert (caught.value.row, caught.value.field) == (1, "subject")


def test_misnamed_column(data_copy: Path) -> None:
    edit_csv(data_copy / "goals.csv", lambda rows: rows[0].__setitem__(rows[0].index("tier"), "Tier"))
    with pytest.raises(MemoDataError, match=r"field 'tier': missing column; found instead: Tier"):
        load_goals(data_copy)


def test_duplicate_id(data_copy: Path) -> None:
    row = set_cell(data_copy / "goals.csv", "imm-ii", "goal_id", "imm-i")
    with pytest.raises(MemoDataError, match=r"duplicate key") as caught:
        load_goals(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "goal_id")


def test_unknown_tier(data_copy: Path) -> None:
    row = set_cell(data_copy / "goals.csv", "int-iii", "tier", "medium-term")
    with pytest.raises(MemoDataError, match=r"'medium-term' is not allowed here: constraint \"enum\"") as caught:
        load_goals(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "tier")


def test_non_numeric_target(data_copy: Path) -> None:
    row = set_cell(data_copy / "goals.csv", "imm-iv", "target_min", "ten thousand")
    with pytest.raises(MemoDataError, match=r"'ten thousand' is not a valid integer") as caught:
        load_goals(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "target_min")


def test_inverted_target_range(data_copy: Path) -> None:
    row = set_cell(data_copy / "goals.csv", "imm-iv", "target_min", "20000")
    with pytest.raises(MemoDataError, match=r"target_min exceeds target_max") as caught:
        load_goals(data_copy)
    assert caught.value.row == row


def test_quotation_not_in_the_memo(data_copy: Path) -> None:
    row = set_cell(data_copy / "goals.csv", "int-iii", "memo_text", "an end to the use of psychiatry")
    with pytest.raises(MemoDataError, match=r"not found verbatim") as caught:
        load_goals(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "memo_text")


def test_unknown_audience(data_copy: Path) -> None:
    row = set_cell(data_copy / "objectives.csv", "c", "audience", "Central Committee")
    with pytest.raises(MemoDataError, match=r"objectives\.csv, row \d+, field 'audience'") as caught:
        load_objectives(data_copy)
    assert caught.value.row == row


def test_every_problem_is_reported_not_just_the_first(data_copy: Path) -> None:
    set_cell(data_copy / "goals.csv", "imm-i", "tier", "soon")
    set_cell(data_copy / "goals.csv", "imm-ii", "tier", "later")
    with pytest.raises(MemoDataError) as caught:
        load_goals(data_copy)
    assert len(caught.value.problems) == 2
    assert "1 more problem" in str(caught.value)


def test_validate_reaches_every_table(data_copy: Path) -> None:
    descriptor = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    tables = {r["name"] for r in descriptor["resources"] if "schema" in r}
    # The TEI edition has no table schema but is checked too: parsed, checked and collated.
    assert set(validate(data_copy)) == tables | {"edition"}


def test_validate_fails_on_a_broken_table(data_copy: Path) -> None:
    set_cell(data_copy / "objectives.csv", "a", "memo_text", "We help.")
    with pytest.raises(MemoDataError, match=r"objectives\.csv"):
        validate(data_copy)


def test_benchmark_with_unknown_goal(data_copy: Path) -> None:
    row = set_cell(data_copy / "benchmarks.csv", "police-1953", "goal_id", "int-ix")
    with pytest.raises(MemoDataError, match=r"benchmarks\.csv, row \d+, field 'goal_id': refers to a row") as caught:
        validate(data_copy)
    assert caught.value.row == row


def test_benchmark_years_inverted(data_copy: Path) -> None:
    row = set_cell(data_copy / "benchmarks.csv", "speech-1958-65", "year_from", "1966")
    with pytest.raises(MemoDataError, match=r"year_from is after year_to") as caught:
        validate(data_copy)
    assert caught.value.row == row


def test_a_row_citing_the_memo_must_quote_it(data_copy: Path) -> None:
    row = set_cell(data_copy / "benchmarks.csv", "speech-1958-65", "snippet", "the period 1958-1965")
    with pytest.raises(MemoDataError, match=r"field 'snippet': not found verbatim") as caught:
        validate(data_copy)
    assert caught.value.row == row


_TABLES = [r["name"] for r in json.loads((Path(__file__).resolve().parents[1] / "data" / "datapackage.json")
                                         .read_text(encoding="utf-8"))["resources"] if "schema" in r]


def _path_of(data: Path, name: str) -> Path:
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    return data / next(r["path"] for r in descriptor["resources"] if r["name"] == name)


@pytest.mark.parametrize("name", _TABLES)
def test_validate_refuses_a_header_only_table(name: str, data_copy: Path) -> None:
    path = _path_of(data_copy, name)
    path.write_bytes(path.read_bytes().split(b"\n")[0] + b"\n")
    with pytest.raises(MemoDataError, match=r"has a header but no rows") as caught:
        validate(data_copy)
    assert caught.value.file.name == path.name


@pytest.mark.parametrize("name", _TABLES)
def test_validate_refuses_latin1_bytes_by_line(name: str, data_copy: Path) -> None:
    path = _path_of(data_copy, name)
    lines = path.read_bytes().split(b"\n")
    lines[-2] += b" caf\xe9"
    path.write_bytes(b"\n".join(lines))
    line = len(lines) - 1
    with pytest.raises(MemoDataError, match=rf"the file is not UTF-8: byte 0xE9 at line {line}") as caught:
        validate(data_copy)
    assert (caught.value.file.name, caught.value.line) == (path.name, line)


def test_a_byte_order_mark_is_refused_by_name(data_copy: Path) -> None:
    path = data_copy / "goals.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with pytest.raises(MemoDataError, match=r"goals\.csv, line 1: the file starts with a byte-order mark"):
        load_goals(data_copy)


def test_an_impossible_event_date_is_named(data_copy: Path) -> None:
    from memo_utils import load_events

    rows = (data_copy / "events.csv").read_text(encoding="utf-8").splitlines()
    event = rows[1].split(",")[0]
    row = set_cell(data_copy / "events.csv", event, "date", "1987-02-30")
    with pytest.raises(MemoDataError, match=r"no such date on the calendar") as caught:
        load_events(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "date")


@pytest.mark.parametrize("value", ["1987-02-30", "2187", "3000-01-01"])
def test_an_impossible_or_out_of_range_published_date_is_named(value: str, data_copy: Path) -> None:
    row = set_cell(data_copy / "emigration.csv", "jews-1968-01", "published", value)
    with pytest.raises(MemoDataError, match=r"not allowed here") as caught:
        validate(data_copy)
    assert (caught.value.file.name, caught.value.row, caught.value.field) == ("emigration.csv", row, "published")


@pytest.mark.parametrize("value", [" 1968 ", "1968\t", "+1968", "01968", "1,968", "1.968e3"])
def test_oddly_written_years_are_not_coerced(value: str, data_copy: Path) -> None:
    row = set_cell(data_copy / "emigration.csv", "jews-1968-01", "year", value)
    with pytest.raises(MemoDataError) as caught:
        validate(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "year")


def test_a_malformed_url_is_named(data_copy: Path) -> None:
    row = set_cell(data_copy / "people.csv", _first_key(data_copy / "people.csv"), "url", "https:// not a url at all")
    with pytest.raises(MemoDataError, match=r"constraint \"pattern\"") as caught:
        validate(data_copy)
    assert (caught.value.file.name, caught.value.row, caught.value.field) == ("people.csv", row, "url")


def _first_key(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[1].split(",")[0]


@pytest.mark.parametrize(("dating", "message"), [
    ("1987-12-10/1987-12-08", "ends before it starts"),
    ("1987-02-30/1987-03-01", "no such date"),
    ("1987-12-08/1987-12-09/1987-12-10", "pattern"),
    ("1987-12-08/3000-01-01", "outside this column's range"),
])
def test_a_bad_date_range_is_named(data_copy: Path, dating: str, message: str) -> None:
    row = set_cell(data_copy / "events.csv", "reykjavik_summit", "date", dating)
    with pytest.raises(MemoDataError, match=message) as caught:
        validate(data_copy)
    assert caught.value.row == row and caught.value.field == "date"
