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
