"""The edition as tables: the memo and its paragraphs, sections, footnotes, printed pages,
and who is named where."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .._compat import data_keyword
from ..tables import load_table, raise_at_first, resource_path
from .checks import NOTE_KINDS, Checker, text_before
from .reader import Block, Edition, read_edition
from .tei import DATE_MAX, DATE_MIN, XML_ID, tag, text_of

#: A token ending a sentence, unless it is an initial, a title or a document number.
_SENTENCE_END = re.compile(r"[.?!][”’)\]]*$")
_NOT_SENTENCE_END = re.compile(r"^(\d+\.|(?:[A-Z]\.)+|Mr\.|Mrs\.|Dr\.|Ms\.)$")
_WORD = re.compile(r"\w")
#: The header titles that make up the volume's name, in order.
_VOLUME_TITLES = ("series", "sub-series", "volume-number", "volume")


@dataclass(frozen=True, eq=False)
class Memo:
    """The document's metadata and its paragraphs (one row per heading, paragraph or item)."""

    volume: str
    number: int
    title: str
    heading: str
    doc_type: str
    sender: str
    sender_id: str
    recipient: str
    recipient_id: str
    date_min: pd.Timestamp
    date_max: pd.Timestamp
    classification: str
    archival_source: str
    source_note: str
    distribution: tuple[str, ...]
    marginal_comment: str
    marginal_comment_by: str
    editors: tuple[str, ...]
    general_editor: str
    published: int
    first_page: int
    last_page: int
    url: str
    paragraphs: pd.DataFrame

    def citation(self) -> str:
        """The document cited in the Office of the Historian's style."""
        editors = " and ".join(self.editors)
        return (f"{self.volume}, ed. {editors} (Washington: United States Government Publishing Office, "
                f"{self.published}), Document {self.number}, {self.url}")


@data_keyword
def load_memo(data_dir: Path | str | None = None) -> Memo:
    """The memo's metadata (volume, number, title, from, to, date range, classification, source
    note, URL) and its paragraphs with section and printed page."""
    edition = read_edition(data_dir)
    root, document, check = edition.root, edition.document, edition.checker
    header = check.find(root, tag("teiHeader"))
    titles = check.titles(header, _VOLUME_TITLES)
    volume = ", ".join(titles[kind] for kind in _VOLUME_TITLES)
    head = check.find(document, tag("head"))
    source = check.find(head, tag("note"))
    heading = re.sub(r"\s+", " ", text_before(head, source))
    doc_type = re.match(r"\d+\. (.+?) From ", heading)
    subject = document.find(f"{tag('list')}[@type='subject']/{tag('item')}")
    actions = {a.get("type"): a for a in header.iter(tag("correspAction"))}
    sent, received = actions.get("sent"), actions.get("received")
    if doc_type is None or subject is None or sent is None or received is None:
        raise check.fail(head, "the heading must read 'N. <type> From … to …', with a subject list "
                               "and correspDesc sent/received in the header")
    (sender, sender_id), (recipient, recipient_id) = _party(sent, check), _party(received, check)
    segs = {s.get("type"): s for s in source.iter(tag("seg"))}
    comment = segs.get("marginal-comment")
    if comment is None or "classification" not in segs or "distribution" not in segs:
        raise check.fail(source, "the source note must mark classification, distribution and "
                                 "marginal-comment with seg type")
    bibl = check.find(header, f"{tag('fileDesc')}/{tag('sourceDesc')}/{tag('bibl')}")
    return Memo(
        volume=volume,
        number=check.number(document),
        title=text_of(subject),
        heading=heading,
        doc_type=doc_type.group(1),
        sender=sender, sender_id=sender_id, recipient=recipient, recipient_id=recipient_id,
        date_min=pd.Timestamp(check.date_bound(document, DATE_MIN, "frus:doc-dateTime-min")),
        date_max=pd.Timestamp(check.date_bound(document, DATE_MAX, "frus:doc-dateTime-max")),
        classification=text_of(segs["classification"]),
        archival_source=re.sub(r"^Source:\s*|\.$", "", re.sub(r"\s+", " ", source.text or "").strip()),
        source_note=text_of(source),
        distribution=tuple(check.person_id(p) for p in segs["distribution"].iter(tag("persName"))),
        marginal_comment=text_of(check.find(comment, tag("quote"))),
        marginal_comment_by=check.person_id(check.find(comment, tag("persName"))),
        editors=tuple(text_of(e) for e in bibl.iter(tag("editor")) if e.get("role") is None),
        general_editor=", ".join(text_of(e) for e in bibl.iter(tag("editor")) if e.get("role") == "general"),
        published=check.number(check.find(bibl, tag("date")), "when"),
        first_page=edition.first_page,
        last_page=max(max(b.pages) for b in edition.blocks if b.pages),
        url=check.attr(check.find(bibl, tag("ref")), "target"),
        paragraphs=_paragraphs(edition),
    )


def _party(action: ET.Element, check: Checker) -> tuple[str, str]:
    return text_of(action), check.person_id(check.find(action, tag("persName")))


def _body_blocks(edition: Edition) -> Iterator[tuple[int, Block]]:
    """Every block of the numbered sections but their headings, each with its section number."""
    return ((b.section, b) for b in edition.blocks if b.section is not None and b.kind != "heading")


def _paragraphs(edition: Edition) -> pd.DataFrame:
    notes: dict[int, list[str]] = {}
    for anchor in edition.anchors:
        notes.setdefault(anchor.block, []).append(str(anchor.number))
    rows = [{
        "section": section,
        "heading": edition.sections[section],
        "kind": block.kind,
        "label": " ".join(block.label) or pd.NA,
        "text": " ".join(block.words),
        "words": count_words(block.words),
        "page": block.pages[0],
        "page_end": block.pages[-1],
        "footnotes": ", ".join(notes.get(block.index, [])) or pd.NA,
        "line": block.line,
    } for section, block in _body_blocks(edition)]
    frame = pd.DataFrame(rows)
    frame.insert(0, "paragraph", range(1, len(frame) + 1))
    return frame.astype({"paragraph": "Int64", "section": "Int64", "heading": "string", "kind": "string",
                         "label": "string", "text": "string", "words": "Int64", "page": "Int64",
                         "page_end": "Int64", "footnotes": "string", "line": "Int64"})


def count_words(words: list[str]) -> int:
    """How many of ``words`` are words (not a dash or a lone mark)."""
    return sum(1 for word in words if _WORD.search(word))


def _sentence(words: list[str], position: int) -> str:
    """The sentence of ``words`` that a marker standing after ``words[position - 1]`` annotates."""
    ends = [i for i, w in enumerate(words) if _SENTENCE_END.search(w) and not _NOT_SENTENCE_END.match(w)]
    last = position - 1
    start = max((i + 1 for i in ends if i < last), default=0)
    stop = min((i for i in ends if i >= last), default=len(words) - 1)
    return " ".join(words[start:stop + 1])


@data_keyword
def load_footnotes(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Every footnote: number, kind (source, editorial, original), text, the sentence it
    annotates, and where its marker stands (section, printed page, line)."""
    edition = read_edition(data_dir)
    check = edition.checker
    notes = {check.number(n): n for n in edition.document.iter(tag("note"))}
    rows = []
    for anchor in edition.anchors:
        note, block = notes[anchor.number], edition.blocks[anchor.block]
        rows.append({
            "footnote": anchor.number,
            "kind": NOTE_KINDS[note.get("type")],
            "text": text_of(note),
            "annotates": _sentence(block.label + block.words, len(block.label) + anchor.position),
            "section": block.section,
            "heading": edition.sections.get(block.section) if block.section else pd.NA,
            "page": anchor.page,
            "xml_id": note.get(XML_ID),
            "line": anchor.line,
        })
    frame = pd.DataFrame(rows)
    frame["kind"] = pd.Categorical(frame["kind"], categories=["source", "editorial", "original"])
    return frame.astype({"footnote": "Int64", "text": "string", "annotates": "string", "section": "Int64",
                         "heading": "string", "page": "Int64", "xml_id": "string", "line": "Int64"})


@data_keyword
def load_sections(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The memo's sections in order: heading (missing for the untitled opening), a label for
    display, paragraphs, words of memo text, words of the memo's own footnote, pages."""
    edition = read_edition(data_dir)
    paragraphs = _paragraphs(edition)
    notes = load_footnotes(data_dir)
    own = (notes[notes["kind"] == "original"]
           .assign(words=lambda f: f["text"].map(lambda t: count_words(t.split())))
           .groupby("section")["words"].sum())
    sections = (paragraphs.groupby("section", sort=True)
                .agg(paragraphs=("paragraph", "size"), words=("words", "sum"),
                     page_start=("page", "min"), page_end=("page_end", "max"))
                .reset_index())
    sections.insert(1, "heading", sections["section"].map(edition.sections).astype("string"))
    sections.insert(2, "label", sections["heading"].fillna("(opening, no heading)"))
    sections["original_note_words"] = sections["section"].map(own).fillna(0).astype("Int64")
    return sections.astype({"section": "Int64", "label": "string", "paragraphs": "Int64", "words": "Int64",
                            "page_start": "Int64", "page_end": "Int64"})


@data_keyword
def section_openings(data_dir: Path | str | None = None, words: int = 3) -> dict[str, str]:
    """Each headed section's heading and first ``words`` words, in the memo's order, then
    ``"Notes"`` with the opening of the first footnote as the witness prints it ("1. Source: …").
    An untitled section reads on from the headed one before it."""
    edition = read_edition(data_dir)
    openings: dict[str, str] = {}
    for block in edition.blocks:
        heading = edition.sections.get(block.section) if block.section is not None else None
        if heading and heading not in openings and block.kind != "heading":
            openings[heading] = " ".join([heading, *block.words[:words]])
    first_note = load_footnotes(data_dir).sort_values("footnote")["text"].iloc[0]
    openings["Notes"] = " ".join(["1.", *str(first_note).split()[:words]])
    return openings


@data_keyword
def load_pages(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Each printed page: whether the witness marks its start, its first words, the words of
    memo text on it, the sections it holds and the footnotes anchored on it."""
    edition = read_edition(data_dir)
    rows: dict[int, dict[str, Any]] = {}
    for section, block in _body_blocks(edition):
        for word, page in zip(block.words, block.pages):
            row = rows.setdefault(page, {"page": page, "first_words": [], "words": 0, "sections": []})
            if len(row["first_words"]) < 8:
                row["first_words"].append(word)
            row["words"] += bool(_WORD.search(word))
            label = edition.sections[section] or "(opening)"
            if label not in row["sections"]:
                row["sections"].append(label)
    notes: dict[int, list[str]] = {}
    for anchor in edition.anchors:
        notes.setdefault(anchor.page, []).append(str(anchor.number))
    frame = pd.DataFrame([{
        "page": page,
        "marked_in_witness": page != edition.first_page,
        "first_words": " ".join(row["first_words"]) + " …",
        "words": row["words"],
        "sections": "; ".join(row["sections"]),
        "footnotes": ", ".join(notes.get(page, [])) or pd.NA,
    } for page, row in sorted(rows.items())])
    return frame.astype({"page": "Int64", "marked_in_witness": "boolean", "first_words": "string",
                         "words": "Int64", "sections": "string", "footnotes": "string"})


@data_keyword
def load_people(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The persons list, checked both ways against the edition, with how often each person is
    named in the memo's text (``in_text``) and in the footnotes (``in_notes``)."""
    people = load_table("people", data_dir)
    mentions = person_mentions(data_dir)
    unused = ~people["person_id"].isin(mentions["person_id"])
    raise_at_first(unused, resource_path("people", data_dir), "person_id",
                   "named nowhere in the edition (no persName points here)")
    counts = (mentions.assign(in_notes=mentions["footnote"].notna())
              .groupby("person_id")["in_notes"].agg(in_text=lambda s: int((~s).sum()), in_notes="sum"))
    people = people.merge(counts, left_on="person_id", right_index=True, how="left")
    return people.astype({"in_text": "Int64", "in_notes": "Int64"})


@data_keyword
def person_mentions(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Every persName of the document: who, the words used, footnote (missing in the memo's
    text), printed page, section and line."""
    edition = read_edition(data_dir)
    frame = pd.DataFrame([{
        "person_id": m.person_id, "words": m.words, "footnote": m.note, "page": m.page,
        "section": m.section, "line": m.line,
    } for m in edition.mentions])
    return frame.astype({"person_id": "string", "words": "string", "footnote": "Int64", "page": "Int64",
                         "section": "Int64", "line": "Int64"})
