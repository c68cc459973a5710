"""The edition read into tables: people, footnotes, pages, sections, metadata."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from memo_utils import (
    MemoDataError,
    load_footnotes,
    load_goals,
    load_memo,
    load_pages,
    load_people,
    load_sections,
    person_mentions,
    witness_text,
)
from tests.conftest import T, edit_csv, tei_document

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
    breaks = [pb.get("n") for pb in tei_document(data).iter(f"{T}pb")]
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
    document = tei_document(data)
    goals = document.find(f".//{T}list[@type='goals']")
    assert [item.get("n") for item in goals.findall(f"{T}item")] == ["a", "b", "c"]
    leaves = [item for item in goals.iter(f"{T}item") if item.find(f"{T}list") is None]
    assert len(leaves) == len(load_goals()) == 13
    items = " ".join(load_memo().paragraphs.query("kind == 'list item'")["text"])
    assert all(text in items for text in load_goals()["memo_text"])


def test_rosenthal_is_quoted_with_his_source(data: Path) -> None:
    document = tei_document(data)
    quote = document.find(f".//{T}quote[@source]")
    bibl = document.find(f".//{T}note[@n='7']//{T}bibl")
    assert quote.get("source") == "#" + bibl.get("{http://www.w3.org/XML/1998/namespace}id")
    assert bibl.find(f"{T}date").get("when") == "1987-01-06"
    quoted = load_memo().paragraphs.query("kind == 'quotation'")
    assert quoted["text"].str.startswith("Mr. Gorbachev is certainly a smoother chap").tolist() == [True]


def test_loaders_return_fresh_frames() -> None:
    first = load_memo().paragraphs
    first.loc[0, "text"] = "changed"
    assert load_memo().paragraphs.loc[0, "text"] != "changed"
    assert re.match(r"The purpose", load_memo().paragraphs.loc[0, "text"])
