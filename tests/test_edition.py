"""The TEI edition: collated with the witness, parsed safely, checked, read into tables."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from memo_utils import (
    MemoDataError,
    check_edition,
    collate,
    load_dating,
    load_footnotes,
    load_goals,
    load_memo,
    load_pages,
    load_people,
    load_sections,
    person_mentions,
    validate,
    witness_text,
)
from memo_utils.edition import TEI_NS, parse_xml, witness_tokens
from tests.conftest import edit_csv, replace_once

T = f"{{{TEI_NS}}}"


def _edition(data: Path) -> Path:
    return data / "edition" / "d88.xml"


def _document(data: Path) -> ET.Element:
    root, _ = parse_xml(_edition(data))
    return root.find(f".//{T}div[@type='document']")


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
    line = replace_once(_edition(data_copy), "an end to jamming;", "an end jamming;")
    [difference] = collate(data_copy)
    assert (difference.kind, difference.witness, difference.edition) == ("lost", "to", "")
    assert difference.line == line


def test_collation_finds_an_added_word(data_copy: Path) -> None:
    replace_once(_edition(data_copy), "an end to the abuse of psychiatry;", "an end to the grave abuse of psychiatry;")
    [difference] = collate(data_copy)
    assert (difference.kind, difference.edition) == ("added", "grave")


def test_collation_finds_reordered_words(data_copy: Path) -> None:
    replace_once(_edition(data_copy), "shrewd and rational", "rational and shrewd")
    differences = collate(data_copy)
    assert differences
    assert {d.kind for d in differences} <= {"lost", "added", "changed"}
    assert "shrewd" in " ".join(d.witness for d in differences)


def test_collation_finds_a_footnote_out_of_place(data_copy: Path) -> None:
    path = _edition(data_copy)
    replace_once(path, 'lines.<note n="6" xml:id="d88fn6">Not further identified.</note></p>', "lines.</p>")
    replace_once(path, "agreed-upon memorandum", 'agreed-upon<note n="6" xml:id="d88fn6">Not further identified.</note> memorandum')
    assert [d.kind for d in collate(data_copy)] == ["added", "lost"]


def test_collation_finds_a_page_break_out_of_place(data_copy: Path) -> None:
    path = _edition(data_copy)
    replace_once(path, '<pb n="266" xml:id="pg_266"/> Union’s', "Union’s")
    replace_once(path, "clearly recognized the Soviet", '<pb n="266" xml:id="pg_266"/> clearly recognized the Soviet')
    assert {d.kind for d in collate(data_copy)} == {"added", "lost"}


def test_check_edition_reports_every_difference(data_copy: Path) -> None:
    replace_once(_edition(data_copy), "an end to jamming;", "an end jamming;")
    replace_once(_edition(data_copy), "an end to the abuse", "an end of the abuse")
    with pytest.raises(MemoDataError, match=r"edition/d88\.xml, line \d+: differs from the witness: lost") as caught:
        check_edition(data_copy)
    assert len(caught.value.problems) == 2


def test_validate_checks_the_edition(data_copy: Path) -> None:
    replace_once(_edition(data_copy), "an end to jamming;", "an end jamming;")
    with pytest.raises(MemoDataError, match=r"d88\.xml.*differs from the witness"):
        validate(data_copy)


# --- Safe parsing ------------------------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE TEI [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol9;</p></body></text></TEI>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE TEI [
  <!ENTITY secret SYSTEM "file:///etc/passwd">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&secret;</p></body></text></TEI>
"""

EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE TEI SYSTEM "http://example.invalid/tei.dtd">
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>text</p></body></text></TEI>
"""


@pytest.mark.parametrize("attack", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD],
                         ids=["billion-laughs", "external-entity", "external-dtd"])
def test_unsafe_xml_is_refused(data_copy: Path, attack: str) -> None:
    _edition(data_copy).write_text(attack, encoding="utf-8")
    with pytest.raises(MemoDataError, match=r"d88\.xml, line 2: refused as unsafe \(DTDForbidden\)") as caught:
        load_memo(data_copy)
    assert "root:" not in str(caught.value) and "lollol" not in str(caught.value)


# --- One test per class of bad XML ---------------------------------------------------------------


def test_malformed_xml_names_the_line(data_copy: Path) -> None:
    line = replace_once(_edition(data_copy), "<head>Targets</head>", "<head>Targets</hed>")
    with pytest.raises(MemoDataError, match=r"d88\.xml, line \d+: not well-formed XML \(mismatched tag\)") as caught:
        load_memo(data_copy)
    assert caught.value.line == line


def test_footnote_without_its_anchor(data_copy: Path) -> None:
    path = _edition(data_copy)
    replace_once(path, 'lines.<note n="6" xml:id="d88fn6">Not further identified.</note></p>', "lines.</p>")
    line = replace_once(path, "<p>In addition, it is essential",
                        '<note n="6" xml:id="d88fn6">Not further identified.</note>\n<p>In addition, it is essential')
    with pytest.raises(MemoDataError, match=r'line \d+: <note n="6" xml:id="d88fn6">: footnote without its anchor') as caught:
        load_footnotes(data_copy)
    assert caught.value.line == line


def test_footnote_at_the_start_of_a_paragraph_has_no_anchor(data_copy: Path) -> None:
    path = _edition(data_copy)
    replace_once(path, 'lines.<note n="6" xml:id="d88fn6">Not further identified.</note></p>', "lines.</p>")
    replace_once(path, "<p>In addition, it is essential",
                 '<p><note n="6" xml:id="d88fn6">Not further identified.</note>In addition, it is essential')
    with pytest.raises(MemoDataError, match=r"footnote without its anchor"):
        load_footnotes(data_copy)


def test_footnotes_out_of_sequence(data_copy: Path) -> None:
    line = replace_once(_edition(data_copy), '<note n="4" xml:id="d88fn4">', '<note n="5" xml:id="d88fn4">')
    with pytest.raises(MemoDataError, match=r'<note n="5" xml:id="d88fn4">: expected footnote 4') as caught:
        load_memo(data_copy)
    assert caught.value.line == line


def test_unknown_note_type(data_copy: Path) -> None:
    replace_once(_edition(data_copy), 'xml:id="d88fn5" type="original"', 'xml:id="d88fn5" type="authorial"')
    with pytest.raises(MemoDataError, match=r'<note n="5" type="authorial".*unknown note type'):
        load_footnotes(data_copy)


def test_person_not_in_the_persons_list(data_copy: Path) -> None:
    line = replace_once(_edition(data_copy), 'corresp="#brezhnev_leonid"', 'corresp="#brezhnev"')
    with pytest.raises(MemoDataError, match=r"<persName corresp=\"#brezhnev\">: 'brezhnev' is not in the persons list") as caught:
        load_memo(data_copy)
    assert caught.value.line == line


def test_person_without_a_key(data_copy: Path) -> None:
    replace_once(_edition(data_copy), '<persName corresp="#brezhnev_leonid">', "<persName>")
    with pytest.raises(MemoDataError, match=r"<persName>: a person needs corresp"):
        load_memo(data_copy)


def test_unknown_page_break(data_copy: Path) -> None:
    line = replace_once(_edition(data_copy), '<pb n="265" xml:id="pg_265"/>', '<pb n="CCLXV" xml:id="pg_265"/>')
    with pytest.raises(MemoDataError, match=r'<pb n="CCLXV" xml:id="pg_265">: unknown page break') as caught:
        load_pages(data_copy)
    assert caught.value.line == line


def test_page_break_out_of_sequence(data_copy: Path) -> None:
    replace_once(_edition(data_copy), '<pb n="265" xml:id="pg_265"/>', '<pb n="256" xml:id="pg_256"/>')
    with pytest.raises(MemoDataError, match=r"page break out of sequence: page 264 is followed by 256"):
        load_pages(data_copy)


def test_pointer_to_nowhere(data_copy: Path) -> None:
    replace_once(_edition(data_copy), 'target="#d88fn5"', 'target="#d88fn9"')
    with pytest.raises(MemoDataError, match=r"<ref target=\"#d88fn9\">: target points to '#d88fn9'"):
        load_footnotes(data_copy)


def test_duplicate_id(data_copy: Path) -> None:
    replace_once(_edition(data_copy), 'xml:id="d88fn7-bibl"', 'xml:id="d88fn6"')
    with pytest.raises(MemoDataError, match=r"duplicate xml:id"):
        load_memo(data_copy)


def test_date_range_inverted(data_copy: Path) -> None:
    replace_once(_edition(data_copy), 'frus:doc-dateTime-min="1987-01-06T00:00:00-05:00"',
                 'frus:doc-dateTime-min="1987-06-01T00:00:00-05:00"')
    with pytest.raises(MemoDataError, match=r"doc-dateTime-min is later than"):
        load_memo(data_copy)


def test_text_outside_any_paragraph(data_copy: Path) -> None:
    replace_once(_edition(data_copy), "<head>Targets</head>", "<head>Targets</head> stray words")
    with pytest.raises(MemoDataError, match=r"<head>: text outside any paragraph after it: 'stray words'"):
        load_memo(data_copy)


def test_source_note_must_be_in_the_head(data_copy: Path) -> None:
    replace_once(_edition(data_copy), 'type="source" xml:id="d88fn1"', 'xml:id="d88fn1"')
    with pytest.raises(MemoDataError, match=r"source note"):
        load_memo(data_copy)


def test_section_without_a_number(data_copy: Path) -> None:
    line = replace_once(_edition(data_copy), '<div type="section" n="3">', '<div type="section" n="III">')
    with pytest.raises(MemoDataError, match=r"<div n=\"III\" type=\"section\">: n must be a number, not 'III'") as caught:
        load_sections(data_copy)
    assert caught.value.line == line


def test_publication_date_missing(data_copy: Path) -> None:
    replace_once(_edition(data_copy), '<date when="2017">2017</date>', "2017")
    with pytest.raises(MemoDataError, match=r"line 24: <bibl>: has no date element"):
        load_memo(data_copy)


def test_publication_year_without_when(data_copy: Path) -> None:
    line = replace_once(_edition(data_copy), '<date when="2017">', "<date>")
    with pytest.raises(MemoDataError, match=r"<date>: has no when attribute") as caught:
        load_memo(data_copy)
    assert caught.value.line == line


# --- People ------------------------------------------------------------------------------------


def test_every_person_key_resolves_and_every_row_is_used() -> None:
    people = set(load_people()["person_id"])
    named = set(person_mentions()["person_id"])
    assert named == people


def test_the_people_the_issue_names_are_all_there() -> None:
    surnames = {"Schifter", "Shultz", "Solomon", "Gorbachev", "Brezhnev", "Stalin", "Beria", "Khrushchev",
                "Rosenthal", "Shcharansky", "Sakharov", "Ridgway", "Derwinski", "Kampelman", "Abramowitz"}
    names = " ".join(load_people()["name"])
    assert {s for s in surnames if s not in names} == set()


def test_every_surname_in_the_witness_is_encoded(data: Path) -> None:
    text = witness_text(data)
    mentions = person_mentions()
    for name in load_people()["name"]:
        surname = name.split()[-1]
        encoded = mentions["words"].str.contains(surname, regex=False).sum()
        assert text.count(surname) == encoded, surname


def test_an_unused_person_is_refused(data_copy: Path) -> None:
    edit_csv(data_copy / "people.csv", lambda rows: rows.append(
        ["lenin_vladimir", "Vladimir Lenin", "founder", "1917 to 1924", "x", "https://example.org", "y"]))
    with pytest.raises(MemoDataError, match=r"people\.csv, row 17, field 'person_id': named nowhere in the edition"):
        load_people(data_copy)


def test_people_counts_follow_the_text() -> None:
    people = load_people().set_index("person_id")
    assert people.loc["gorbachev_mikhail", ["in_text", "in_notes"]].tolist() == [8, 0]
    assert people.loc["beria_lavrentiy", ["in_text", "in_notes"]].tolist() == [0, 1]


# --- Footnotes, pages, sections, metadata ------------------------------------------------------


def test_footnote_5_is_the_memos_own() -> None:
    notes = load_footnotes().set_index("footnote")
    assert notes.loc[5, "kind"] == "original"
    assert notes.loc[5, "text"].endswith("[Footnote is in the original.]")
    assert notes["kind"].tolist() == ["source", "editorial", "editorial", "editorial", "original", "editorial", "editorial"]


def test_footnotes_annotate_their_sentences() -> None:
    notes = load_footnotes().set_index("footnote")["annotates"]
    assert notes[2].startswith("Goals can be divided") and notes[2].endswith("Helsinki Final Act.")
    assert notes[3] == ("(iv) a modest step-up in emigration, to perhaps 10,000 to 12,000 annually "
                        "(which would not require an immediate change in the 1986 Emigration Law);")
    assert notes[6] == "I hope we shall be able to furnish you with an agreed-upon memorandum along these lines."
    assert notes[7] == ("On this point we ought to go with A.M. Rosenthal, who in his column in The New York "
                        "Times had this to say:")


def test_pages_263_to_267_are_encoded_in_order(data: Path) -> None:
    breaks = [pb.get("n") for pb in _document(data).iter(f"{T}pb")]
    assert breaks == ["263", "264", "265", "266", "267"]
    pages = load_pages()
    assert pages["page"].tolist() == [262, 263, 264, 265, 266, 267]
    assert pages["marked_in_witness"].tolist() == [False, True, True, True, True, True]


def test_a_paragraph_keeps_the_page_it_starts_and_ends_on() -> None:
    paragraphs = load_memo().paragraphs
    targets = paragraphs[paragraphs["heading"] == "Targets"].iloc[0]
    assert (targets["page"], targets["page_end"]) == (264, 265)


def test_metadata() -> None:
    memo = load_memo()
    assert (memo.number, memo.classification, memo.doc_type) == (88, "Secret", "Information Memorandum")
    assert memo.title == "Our Approach to the Soviet Union Concerning Human Rights"
    assert (memo.sender_id, memo.recipient_id) == ("schifter_richard", "shultz_george")
    assert memo.distribution == ("ridgway_rozanne", "solomon_richard", "derwinski_edward", "kampelman_max",
                                 "abramowitz_morton")
    assert memo.marginal_comment_by == "shultz_george"
    assert memo.marginal_comment.startswith("“Dick—An excellent")
    assert memo.date_min == pd.Timestamp("1987-01-06T00:00:00-05:00")
    assert memo.date_max == pd.Timestamp("1987-04-15T23:59:59-05:00")
    assert (memo.first_page, memo.last_page) == (262, 267)
    assert memo.url == "https://history.state.gov/historicaldocuments/frus1981-88v41/d88"
    assert "Document 88" in memo.citation()


def test_sections_in_the_memos_order() -> None:
    sections = load_sections()
    assert sections["heading"].fillna("-").tolist() == [
        "Summary", "-", "Goals", "Objectives", "Possibilities of Attaining Goals", "Targets",
        "Methods of Persuasion", "Gorbachev’s Outlook", "Our Leverage"]
    assert sections["words"].sum() == load_memo().paragraphs["words"].sum()
    assert sections.set_index("heading").loc["Methods of Persuasion", "original_note_words"] == len(
        load_footnotes().set_index("footnote").loc[5, "text"].split())


def test_goal_lists_are_lists_matching_the_goals_table(data: Path) -> None:
    document = _document(data)
    goals = document.find(f".//{T}list[@type='goals']")
    assert [item.get("n") for item in goals.findall(f"{T}item")] == ["a", "b", "c"]
    leaves = [item for item in goals.iter(f"{T}item") if item.find(f"{T}list") is None]
    assert len(leaves) == len(load_goals()) == 13
    items = " ".join(load_memo().paragraphs.query("kind == 'list item'")["text"])
    assert all(text in items for text in load_goals()["memo_text"])


def test_rosenthal_is_quoted_with_his_source(data: Path) -> None:
    document = _document(data)
    quote = document.find(f".//{T}quote[@source]")
    bibl = document.find(f".//{T}note[@n='7']//{T}bibl")
    assert quote.get("source") == "#" + bibl.get("{http://www.w3.org/XML/1998/namespace}id")
    assert bibl.find(f"{T}date").get("when") == "1987-01-06"
    quoted = load_memo().paragraphs.query("kind == 'quotation'")
    assert quoted["text"].str.startswith("Mr. Gorbachev is certainly a smoother chap").tolist() == [True]


# --- Dating ------------------------------------------------------------------------------------


def test_dating_bounds_are_the_encoded_range() -> None:
    dating = load_dating().set_index("bound")
    assert dating.loc["min", "date"] == pd.Timestamp("1987-01-06")
    assert dating.loc["max", "date"] == pd.Timestamp("1987-04-15")


def test_dating_that_disagrees_with_the_edition_is_refused(data_copy: Path) -> None:
    def change(rows: list[list[str]]) -> None:
        for row in rows:
            if row[1] == "max":
                row[2] = "1987-05-01"

    edit_csv(data_copy / "dating.csv", change)
    with pytest.raises(MemoDataError, match=r"dating\.csv, row 3, field 'date': differs from the bound"):
        load_dating(data_copy)


def test_dating_needs_exactly_one_of_each_bound(data_copy: Path) -> None:
    edit_csv(data_copy / "dating.csv", lambda rows: rows[2].__setitem__(1, "context"))
    with pytest.raises(MemoDataError, match=r"exactly one 'max' row, found 0"):
        load_dating(data_copy)


def test_loaders_return_fresh_frames() -> None:
    first = load_memo().paragraphs
    first.loc[0, "text"] = "changed"
    assert load_memo().paragraphs.loc[0, "text"] != "changed"
    assert re.match(r"The purpose", load_memo().paragraphs.loc[0, "text"])
