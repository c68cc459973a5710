"""Collation of the TEI edition with the witness, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from memo_utils import (
    MemoDataError,
    check_edition,
    collate,
    validate,
)
from memo_utils.edition import witness_tokens
from tests.conftest import edition_file, replace_once

# --- Collation with the witness ----------------------------------------------------------------


def test_edition_agrees_with_the_witness_word_for_word() -> None:
    assert collate() == []


def test_witness_markers_become_tokens() -> None:
    tokens = witness_tokens("88. To Shultz1\n\n[Page 263]\n\nin 1958–65 the Act.2 and 10,000\n\n  1. Source: X.\n  2. Y.")
    assert tokens == ["88.", "To", "Shultz", "⟨fn:1⟩", "⟨pb:263⟩", "in", "1958–65", "the", "Act.", "⟨fn:2⟩",
                      "and", "10,000", "⟨note:1⟩", "Source:", "X.", "⟨note:2⟩", "Y."]


def test_collation_covers_every_marker_of_the_witness(data: Path) -> None:
    tokens = witness_tokens((data / "source" / "frus1981-88v41-d88.txt").read_text(encoding="utf-8"))
    assert [t for t in tokens if t.startswith("⟨pb")] == [f"⟨pb:{n}⟩" for n in range(263, 268)]
    assert [t for t in tokens if t.startswith("⟨fn")] == [f"⟨fn:{n}⟩" for n in range(1, 8)]
    assert [t for t in tokens if t.startswith("⟨note")] == [f"⟨note:{n}⟩" for n in range(1, 8)]


def test_collation_finds_a_lost_word(data_copy: Path) -> None:
    line = replace_once(edition_file(data_copy), "an end to jamming;", "an end jamming;")
    [difference] = collate(data_copy)
    assert (difference.kind, difference.witness, difference.edition) == ("lost", "to", "")
    assert difference.line == line


def test_collation_finds_an_added_word(data_copy: Path) -> None:
    replace_once(edition_file(data_copy), "an end to the abuse of psychiatry;", "an end to the grave abuse of psychiatry;")
    [difference] = collate(data_copy)
    assert (difference.kind, difference.edition) == ("added", "grave")


def test_collation_finds_reordered_words(data_copy: Path) -> None:
    replace_once(edition_file(data_copy), "shrewd and rational", "rational and shrewd")
    differences = collate(data_copy)
    assert differences
    assert {d.kind for d in differences} <= {"lost", "added", "changed"}
    assert "shrewd" in " ".join(d.witness for d in differences)


def test_collation_finds_a_footnote_out_of_place(data_copy: Path) -> None:
    path = edition_file(data_copy)
    replace_once(path, 'lines.<note n="6" xml:id="d88fn6">Not further identified.</note></p>', "lines.</p>")
    replace_once(path, "agreed-upon memorandum", 'agreed-upon<note n="6" xml:id="d88fn6">Not further identified.</note> memorandum')
    assert [d.kind for d in collate(data_copy)] == ["added", "lost"]


def test_collation_finds_a_page_break_out_of_place(data_copy: Path) -> None:
    path = edition_file(data_copy)
    replace_once(path, '<pb n="266" xml:id="pg_266"/> Union’s', "Union’s")
    replace_once(path, "clearly recognized the Soviet", '<pb n="266" xml:id="pg_266"/> clearly recognized the Soviet')
    assert {d.kind for d in collate(data_copy)} == {"added", "lost"}


def test_check_edition_reports_every_difference(data_copy: Path) -> None:
    replace_once(edition_file(data_copy), "an end to jamming;", "an end jamming;")
    replace_once(edition_file(data_copy), "an end to the abuse", "an end of the abuse")
    with pytest.raises(MemoDataError, match=r"edition/d88\.xml, line \d+: differs from the witness: lost") as caught:
        check_edition(data_copy)
    assert len(caught.value.problems) == 2


def test_validate_checks_the_edition(data_copy: Path) -> None:
    replace_once(edition_file(data_copy), "an end to jamming;", "an end jamming;")
    with pytest.raises(MemoDataError, match=r"d88\.xml.*differs from the witness"):
        validate(data_copy)
