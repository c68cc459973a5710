"""One test per class of bad argument data, each on a broken copy of data/."""

from __future__ import annotations

from pathlib import Path

import pytest

from memo_utils import (
    MemoDataError,
    argument_graph,
    load_claims,
    load_frus_context,
    load_leverage_terms,
    load_relations,
    validate,
)
from tests.conftest import edit_csv, set_cell


def _add_relation(data: Path, source: str, target: str, relation: str) -> int:
    """Append a relation; return its row number (the header is row 1)."""
    rows_seen = {}

    def change(rows: list[list[str]]) -> None:
        rows.append([source, target, relation, ""])
        rows_seen["row"] = len(rows)

    edit_csv(data / "argument_relations.csv", change)
    return rows_seen["row"]


def _relation_row(data: Path, source: str, target: str) -> int:
    lines = (data / "argument_relations.csv").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(f"{source},{target},"))


def test_relation_to_an_unknown_claim(data_copy: Path) -> None:
    row = _relation_row(data_copy, "G8", "G9")
    edit_csv(data_copy / "argument_relations.csv", lambda rows: rows[row - 1].__setitem__(1, "G99"))
    with pytest.raises(MemoDataError, match=r"argument_relations\.csv, row \d+, field 'target': refers to a row") as caught:
        load_relations(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "target")


def test_relation_from_an_unknown_claim(data_copy: Path) -> None:
    row = _relation_row(data_copy, "G8", "G9")
    edit_csv(data_copy / "argument_relations.csv", lambda rows: rows[row - 1].__setitem__(0, "X1"))
    with pytest.raises(MemoDataError, match=r"field 'source'") as caught:
        argument_graph(data_copy)
    assert caught.value.row == row


def test_cycle_in_supports_is_refused(data_copy: Path) -> None:
    row = _add_relation(data_copy, "L5", "M3", "supports")
    with pytest.raises(MemoDataError, match=r"'supports' relations form a cycle \(.*\); the schema forbids one") as caught:
        load_relations(data_copy)
    assert caught.value.file.name == "argument_relations.csv"
    assert (caught.value.row, caught.value.field) == (row, "target")


def test_cycle_through_a_qualification_is_allowed(data_copy: Path) -> None:
    """Only 'supports' must be acyclic: a caution may qualify a claim upstream of it."""
    _add_relation(data_copy, "L5", "M3", "qualifies")
    assert len(load_relations(data_copy)) == len(load_relations()) + 1


def test_claim_bearing_on_itself(data_copy: Path) -> None:
    row = _add_relation(data_copy, "L1", "L1", "qualifies")
    with pytest.raises(MemoDataError, match=r"a claim cannot bear on itself") as caught:
        load_relations(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "target")


def test_unknown_kind_of_claim(data_copy: Path) -> None:
    row = set_cell(data_copy / "argument_claims.csv", "M2", "kind", "assumption")
    with pytest.raises(MemoDataError, match=r"argument_claims\.csv, row \d+, field 'kind': 'assumption' is not allowed") as caught:
        load_claims(data_copy)
    assert caught.value.row == row


def test_unknown_kind_of_relation(data_copy: Path) -> None:
    row = _relation_row(data_copy, "L1", "L5")
    edit_csv(data_copy / "argument_relations.csv", lambda rows: rows[row - 1].__setitem__(2, "undermines"))
    with pytest.raises(MemoDataError, match=r"field 'relation': 'undermines' is not allowed") as caught:
        load_relations(data_copy)
    assert caught.value.row == row


def test_recommendation_without_a_premise_behind_it(data_copy: Path) -> None:
    """M6 rests on one premise only (M5); turn M5 into evidence and M6 is ungrounded."""
    set_cell(data_copy / "argument_claims.csv", "M5", "kind", "evidence")
    lines = (data_copy / "argument_claims.csv").read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines, start=1) if line.startswith("M6,"))
    with pytest.raises(MemoDataError, match=r"recommendation not reachable from any premise") as caught:
        load_relations(data_copy)
    assert caught.value.file.name == "argument_claims.csv"
    assert (caught.value.row, caught.value.field) == (row, "claim_id")


def test_claim_not_quoted_verbatim(data_copy: Path) -> None:
    row = set_cell(data_copy / "argument_claims.csv", "L1", "memo_words", "We must not overestimate our leverage.")
    with pytest.raises(MemoDataError, match=r"not found verbatim") as caught:
        load_claims(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "memo_words")


def test_claim_in_the_wrong_section(data_copy: Path) -> None:
    row = set_cell(data_copy / "argument_claims.csv", "G8", "section", "Our Leverage")
    with pytest.raises(MemoDataError, match=r"not in this section") as caught:
        load_claims(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "section")


def test_duplicate_relation(data_copy: Path) -> None:
    row = _add_relation(data_copy, "L1", "L5", "supports")
    with pytest.raises(MemoDataError, match=r"duplicate key") as caught:
        load_relations(data_copy)
    assert caught.value.row == row


def test_benefit_without_a_channel(data_copy: Path) -> None:
    row = set_cell(data_copy / "leverage_terms.csv", "b-signal", "channel", "")
    with pytest.raises(MemoDataError, match=r"a benefit must be 'direct' or 'indirect'") as caught:
        load_leverage_terms(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "channel")


def test_concession_words_not_from_its_goal(data_copy: Path) -> None:
    row = set_cell(data_copy / "leverage_terms.csv", "c-imm-iii", "goal_id", "imm-iv")
    with pytest.raises(MemoDataError, match=r"not part of the goal named in goal_id") as caught:
        load_leverage_terms(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "memo_words")


def test_concession_of_an_unknown_goal(data_copy: Path) -> None:
    row = set_cell(data_copy / "leverage_terms.csv", "c-imm-iii", "goal_id", "imm-ix")
    with pytest.raises(MemoDataError, match=r"field 'goal_id': refers to a row that does not exist") as caught:
        load_leverage_terms(data_copy)
    assert caught.value.row == row


def test_context_url_not_the_documents_page(data_copy: Path) -> None:
    url = "https://history.state.gov/historicaldocuments/frus1981-88v41/d93"
    row = set_cell(data_copy / "frus_context.csv", "v41-d92", "url", url)
    with pytest.raises(MemoDataError, match=r"url must be the Office of the Historian page") as caught:
        load_frus_context(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "url")


def test_context_rows_of_one_document_disagree(data_copy: Path) -> None:
    set_cell(data_copy / "frus_context.csv", "v05-d17-tier2", "date_min", "1985-04-09")
    with pytest.raises(MemoDataError, match=r"rows of one document must agree") as caught:
        load_frus_context(data_copy)
    assert caught.value.field == "date_min"


def test_context_date_range_inverted(data_copy: Path) -> None:
    row = set_cell(data_copy / "frus_context.csv", "v41-d92", "date_max", "1987-02")
    with pytest.raises(MemoDataError, match=r"date_max is before date_min") as caught:
        load_frus_context(data_copy)
    assert (caught.value.row, caught.value.field) == (row, "date_max")


def test_context_bearing_on_an_unknown_claim(data_copy: Path) -> None:
    row = set_cell(data_copy / "frus_context.csv", "v41-d92", "claim_id", "L9")
    with pytest.raises(MemoDataError, match=r"field 'claim_id': refers to a row that does not exist") as caught:
        load_frus_context(data_copy)
    assert caught.value.row == row


def test_validate_runs_the_argument_checks(data_copy: Path) -> None:
    _add_relation(data_copy, "L5", "M3", "supports")
    with pytest.raises(MemoDataError, match=r"form a cycle"):
        validate(data_copy)
