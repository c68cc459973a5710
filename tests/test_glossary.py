"""The glossary table: every term the issue lists that has a source, loaded and validated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import memo_utils as mu
from memo_utils import MemoDataError
from tests.conftest import ROOT

REQUIRED = ["HA", "information memorandum", "source note", "Central Foreign Policy File", "Politburo",
            "General Secretary", "KGB", "internal exile", "refusenik", "exit visa", "vyzov", "dropout", "CSCE",
            "Helsinki Final Act", "Vienna follow-up meeting", "MFN", "Jackson–Vanik", "jamming", "Aussiedler", "OVIR"]


def test_glossary_defines_the_listed_terms() -> None:
    glossary = mu.load_glossary()
    assert set(REQUIRED) <= set(glossary["term"])
    assert list(glossary["term"]) == sorted(glossary["term"], key=str.lower)
    assert glossary["url"].str.match(r"https?://").all()
    assert mu.glossary_term("politburo")["term"] == "Politburo"


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def _edit(data: Path, old: str, new: str) -> None:
    path = data / "glossary.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_misquoted_memo_snippet_is_refused(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    _edit(data, "an end to jamming", "an end to all jamming")
    with pytest.raises(MemoDataError, match="glossary.csv"):
        mu.load_glossary(data)


def test_a_duplicate_term_is_refused(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    _edit(data, "\nKGB,", "\nPolitburo,")
    with pytest.raises(MemoDataError, match="glossary.csv"):
        mu.load_glossary(data)


def test_a_definition_that_copies_its_snippet_is_refused(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    path = data / "glossary.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append('probe,"same words",Somewhere,https://example.org/,"same words"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(MemoDataError, match=f"row {len(lines)}, field 'definition'"):
        mu.load_glossary(data)


def test_an_unknown_term_is_named() -> None:
    with pytest.raises(MemoDataError, match="no such term"):
        mu.glossary_term("no such term")
