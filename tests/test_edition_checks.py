"""The edition's structural checks: one test per class of bad XML, each naming file, line and element."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from memo_utils import (
    MemoDataError,
    load_footnotes,
    load_memo,
    load_pages,
    load_sections,
)
from tests.conftest import edition_file, replace_once

# --- One test per class of bad XML ---------------------------------------------------------------


def test_malformed_xml_names_the_line(data_copy: Path) -> None:
    line = replace_once(edition_file(data_copy), "<head>Targets</head>", "<head>Targets</hed>")
    with pytest.raises(MemoDataError, match=r"d88\.xml, line \d+: not well-formed XML \(mismatched tag\)") as caught:
        load_memo(data_copy)
    assert caught.value.line == line


def test_footnote_without_its_anchor(data_copy: Path) -> None:
    path = edition_file(data_copy)
    replace_once(path, 'lines.<note n="6" xml:id="d88fn6">Not further identified.</note></p>', "lines.</p>")
    line = replace_once(path, "<p>In addition, it is essential",
                        '<note n="6" xml:id="d88fn6">Not further identified.</note>\n<p>In addition, it is essential')
    with pytest.raises(MemoDataError, match=r'line \d+: <note n="6" xml:id="d88fn6">: footnote without its anchor') as caught:
        load_footnotes(data_copy)
    assert caught.value.line == line


def test_footnote_at_the_start_of_a_paragraph_has_no_anchor(data_copy: Path) -> None:
    path = edition_file(data_copy)
    replace_once(path, 'lines.<note n="6" xml:id="d88fn6">Not further identified.</note></p>', "lines.</p>")
    replace_once(path, "<p>In addition, it is essential",
                 '<p><note n="6" xml:id="d88fn6">Not further identified.</note>In addition, it is essential')
    with pytest.raises(MemoDataError, match=r"footnote without its anchor"):
        load_footnotes(data_copy)


def test_footnotes_out_of_sequence(data_copy: Path) -> None:
    line = replace_once(edition_file(data_copy), '<note n="4" xml:id="d88fn4">', '<note n="5" xml:id="d88fn4">')
    with pytest.raises(MemoDataError, match=r'<note n="5" xml:id="d88fn4">: expected footnote 4') as caught:
        load_memo(data_copy)
    assert caught.value.line == line


# One row per kind of damage the checks name: where the TEI is changed, the loader that reads it,
# the message, and whether the error must point at the changed line exactly.
NAMED_DAMAGE = [
    ("unknown-note-type", 'xml:id="d88fn5" type="original"', 'xml:id="d88fn5" type="authorial"',
     load_footnotes, r'<note n="5" type="authorial".*unknown note type', False),
    ("person-not-listed", 'corresp="#brezhnev_leonid"', 'corresp="#brezhnev"',
     load_memo, r"<persName corresp=\"#brezhnev\">: 'brezhnev' is not in the persons list", True),
    ("person-without-key", '<persName corresp="#brezhnev_leonid">', "<persName>",
     load_memo, r"<persName>: a person needs corresp", False),
    ("unknown-page-break", '<pb n="265" xml:id="pg_265"/>', '<pb n="CCLXV" xml:id="pg_265"/>',
     load_pages, r'<pb n="CCLXV" xml:id="pg_265">: unknown page break', True),
    ("page-break-out-of-sequence", '<pb n="265" xml:id="pg_265"/>', '<pb n="256" xml:id="pg_256"/>',
     load_pages, r"page break out of sequence: page 264 is followed by 256", False),
    ("pointer-to-nowhere", 'target="#d88fn5"', 'target="#d88fn9"',
     load_footnotes, r"<ref target=\"#d88fn9\">: target points to '#d88fn9'", False),
    ("duplicate-id", 'xml:id="d88fn7-bibl"', 'xml:id="d88fn6"', load_memo, r"duplicate xml:id", False),
    ("date-range-inverted", 'frus:doc-dateTime-min="1987-01-06T00:00:00-05:00"',
     'frus:doc-dateTime-min="1987-06-01T00:00:00-05:00"', load_memo, r"doc-dateTime-min is later than", False),
    ("text-outside-paragraph", "<head>Targets</head>", "<head>Targets</head> stray words",
     load_memo, r"<head>: text outside any paragraph after it: 'stray words'", False),
    ("source-note-outside-head", 'type="source" xml:id="d88fn1"', 'xml:id="d88fn1"', load_memo, r"source note", False),
    ("section-without-number", '<div type="section" n="3">', '<div type="section" n="III">',
     load_sections, r"<div n=\"III\" type=\"section\">: n must be a number, not 'III'", True),
    ("publication-date-missing", '<date when="2017">2017</date>', "2017",
     load_memo, r"line 24: <bibl>: has no date element", False),
    ("publication-year-without-when", '<date when="2017">', "<date>",
     load_memo, r"<date>: has no when attribute", True),
]


@pytest.mark.parametrize(("old", "new", "loader", "message", "exact_line"), [d[1:] for d in NAMED_DAMAGE],
                         ids=[d[0] for d in NAMED_DAMAGE])
def test_named_damage(data_copy: Path, old: str, new: str, loader: Callable[[Path], object], message: str,
                      exact_line: bool) -> None:
    line = replace_once(edition_file(data_copy), old, new)
    with pytest.raises(MemoDataError, match=message) as caught:
        loader(data_copy)
    if exact_line:
        assert caught.value.line == line


# --- Hardening: one table of damage, each refused by name with its line ---------------------------

DAMAGE = [
    ("duplicate-section", '<div type="section" n="3">', '<div type="section" n="2">',
     r'<div n="2" type="section">: duplicate section number 2'),
    ("negative-section", '<div type="section" n="3">', '<div type="section" n="-3">',
     r'<div n="-3" type="section">: negative section number -3'),
    ("section-out-of-sequence", '<div type="section" n="3">', '<div type="section" n="7">',
     r'<div n="7" type="section">: section number 7 out of sequence: expected 3'),
    ("missing-volume-title", '<title type="volume">Global Issues II</title>', "",
     r'<teiHeader>: has no <title type="volume">'),
    ("date-bound-without-offset", 'frus:doc-dateTime-min="1987-01-06T00:00:00-05:00"',
     'frus:doc-dateTime-min="1987-01-06T00:00:00"',
     r"frus:doc-dateTime-min must be an ISO date-time with UTC offset: '1987-01-06T00:00:00' has no UTC offset"),
    ("date-bound-not-a-date", 'frus:doc-dateTime-min="1987-01-06T00:00:00-05:00"',
     'frus:doc-dateTime-min="early 1987"', r"'early 1987' is not an ISO date-time"),
]


@pytest.mark.parametrize(("old", "new", "message"), [d[1:] for d in DAMAGE], ids=[d[0] for d in DAMAGE])
def test_damage_is_refused_by_name_with_its_line(data_copy: Path, old: str, new: str, message: str) -> None:
    line = replace_once(edition_file(data_copy), old, new)
    with pytest.raises(MemoDataError, match=message) as caught:
        load_memo(data_copy)
    assert re.match(r"edition/d88\.xml, line \d+: <", str(caught.value))
    assert caught.value.line is not None and abs(caught.value.line - line) <= 12


def test_a_duplicate_section_no_longer_drops_the_summary(data_copy: Path) -> None:
    """A duplicate number used to merge two sections silently, losing the Summary's heading."""
    replace_once(edition_file(data_copy), '<div type="section" n="2">', '<div type="section" n="1">')
    with pytest.raises(MemoDataError, match="duplicate section number 1"):
        load_sections(data_copy)
