"""Bad argument data, as one table of damage × loader; each case runs on a broken copy of data/.

The schema-level damages of these tables (types, enums, keys, references, padding, encodings)
are generated for every table by tests/test_damage_matrix.py; the rows here are the checks the
argument loaders add beyond the schema (cycles, sections, grounding, goals, FRUS pages), plus
a few schema damages through the loaders, to show the loaders pass them on unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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

Loader = Callable[[Path], object]


def _add_relation(data: Path, source: str, target: str, relation: str) -> int:
    """Append a relation; return its row number (the header is row 1)."""
    rows_seen = {}

    def change(rows: list[list[str]]) -> None:
        rows.append([source, target, relation, ""])
        rows_seen["row"] = len(rows)

    edit_csv(data / "argument_relations.csv", change)
    return rows_seen["row"]


def _row_of(data: Path, file: str, prefix: str) -> int:
    lines = (data / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(prefix))


def _set_relation(source: str, target: str, column: int, value: str) -> Callable[[Path], int]:
    def damage(data: Path) -> int:
        row = _row_of(data, "argument_relations.csv", f"{source},{target},")
        edit_csv(data / "argument_relations.csv", lambda rows: rows[row - 1].__setitem__(column, value))
        return row

    return damage


def _cell(file: str, key: str, column: str, value: str) -> Callable[[Path], int]:
    return lambda data: set_cell(data / file, key, column, value)


def _ungrounded(data: Path) -> int:
    """M6 rests on one premise only (M5); turn M5 into evidence and M6 is ungrounded."""
    set_cell(data / "argument_claims.csv", "M5", "kind", "evidence")
    return _row_of(data, "argument_claims.csv", "M6,")


def _context_disagrees(data: Path) -> None:
    set_cell(data / "frus_context.csv", "v05-d17-tier2", "date_min", "1985-04-09")


@dataclass(frozen=True)
class Damage:
    id: str
    damage: Callable[[Path], int | None]
    loader: Loader
    file: str
    match: str
    field: str | None


_HSG = "https://history.state.gov/historicaldocuments/frus1981-88v41/d93"

DAMAGES = [
    Damage("relation-to-unknown-claim", _set_relation("G8", "G9", 1, "G99"), load_relations,
           "argument_relations.csv", r"refers to a row", "target"),
    Damage("relation-from-unknown-claim", _set_relation("G8", "G9", 0, "X1"), argument_graph,
           "argument_relations.csv", r"refers to a row", "source"),
    Damage("supports-cycle", lambda d: _add_relation(d, "L5", "M3", "supports"), load_relations,
           "argument_relations.csv", r"'supports' relations form a cycle \(.*\); the schema forbids one", "target"),
    Damage("supports-cycle-in-validate", lambda d: _add_relation(d, "L5", "M3", "supports"), validate,
           "argument_relations.csv", r"form a cycle", "target"),
    Damage("claim-bears-on-itself", lambda d: _add_relation(d, "L1", "L1", "qualifies"), load_relations,
           "argument_relations.csv", r"a claim cannot bear on itself", "target"),
    Damage("unknown-claim-kind", _cell("argument_claims.csv", "M2", "kind", "assumption"), load_claims,
           "argument_claims.csv", r"'assumption' is not allowed", "kind"),
    Damage("unknown-relation", _set_relation("L1", "L5", 2, "undermines"), load_relations,
           "argument_relations.csv", r"'undermines' is not allowed", "relation"),
    Damage("recommendation-ungrounded", _ungrounded, load_relations,
           "argument_claims.csv", r"recommendation not reachable from any premise", "claim_id"),
    Damage("claim-not-verbatim",
           _cell("argument_claims.csv", "L1", "memo_words", "We must not overestimate our leverage."),
           load_claims, "argument_claims.csv", r"not found verbatim", "memo_words"),
    Damage("claim-in-wrong-section", _cell("argument_claims.csv", "G8", "section", "Our Leverage"), load_claims,
           "argument_claims.csv", r"not in this section", "section"),
    Damage("duplicate-relation", lambda d: _add_relation(d, "L1", "L5", "supports"), load_relations,
           "argument_relations.csv", r"duplicate key", "source, target"),
    Damage("benefit-without-channel", _cell("leverage_terms.csv", "b-signal", "channel", ""), load_leverage_terms,
           "leverage_terms.csv", r"a benefit must be 'direct' or 'indirect'", "channel"),
    Damage("concession-words-not-from-goal", _cell("leverage_terms.csv", "c-imm-iii", "goal_id", "imm-iv"),
           load_leverage_terms, "leverage_terms.csv", r"not part of the goal named in goal_id", "memo_words"),
    Damage("concession-unknown-goal", _cell("leverage_terms.csv", "c-imm-iii", "goal_id", "imm-ix"),
           load_leverage_terms, "leverage_terms.csv", r"refers to a row that does not exist", "goal_id"),
    Damage("context-url-not-its-page", _cell("frus_context.csv", "v41-d92", "url", _HSG), load_frus_context,
           "frus_context.csv", r"url must be the Office of the Historian page", "url"),
    Damage("context-rows-disagree", _context_disagrees, load_frus_context,
           "frus_context.csv", r"rows of one document must agree", "date_min"),
    Damage("context-range-inverted", _cell("frus_context.csv", "v41-d92", "date_max", "1987-02"),
           load_frus_context, "frus_context.csv", r"date_max is before date_min", "date_max"),
    Damage("context-unknown-claim", _cell("frus_context.csv", "v41-d92", "claim_id", "L9"), load_frus_context,
           "frus_context.csv", r"refers to a row that does not exist", "claim_id"),
    Damage("context-impossible-date", _cell("frus_context.csv", "v41-d92", "date_min", "1987-02-30"),
           load_frus_context, "frus_context.csv", r"no such date on the calendar", "date_min"),
    Damage("claim-quote-cut-mid-word", lambda d: _chop_claim(d, "L1"), load_claims,
           "argument_claims.csv", r"not found verbatim", "memo_words"),
]


def _chop_claim(data: Path, claim: str) -> int:
    """Delete the last letter of a claim's quotation (keeping its final punctuation)."""
    found = {}

    def change(rows: list[list[str]]) -> None:
        column = rows[0].index("memo_words")
        for number, row in enumerate(rows[1:], start=2):
            if row[0] == claim:
                words = row[column].rstrip(".;:,")
                row[column] = words[:-1] + row[column][len(words):]
                found["row"] = number

    edit_csv(data / "argument_claims.csv", change)
    return found["row"]


@pytest.mark.parametrize("case", DAMAGES, ids=[case.id for case in DAMAGES])
def test_bad_argument_data_is_named(case: Damage, data_copy: Path) -> None:
    row = case.damage(data_copy)
    with pytest.raises(MemoDataError, match=case.match) as caught:
        case.loader(data_copy)
    error = caught.value
    assert error.file.name == case.file, str(error)
    assert error.field == case.field, str(error)
    if row is not None:
        assert error.row == row, str(error)


def test_cycle_through_a_qualification_is_allowed(data_copy: Path) -> None:
    """Only 'supports' must be acyclic: a caution may qualify a claim upstream of it."""
    _add_relation(data_copy, "L5", "M3", "qualifies")
    assert len(load_relations(data_copy)) == len(load_relations()) + 1
