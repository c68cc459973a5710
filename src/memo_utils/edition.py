"""The memo as a TEI edition: parsed safely, checked, collated with the witness, read into tables.

The edition (``data/edition/d88.xml``) follows the Office of the Historian's FRUS encoding:
one ``div[@type='document']`` with ``frus:doc-dateTime-min/max``, the source note as
``note[@type='source']`` in its ``head``, the editors' footnotes as numbered ``note``
elements where their markers stand, ``pb`` for printed pages and ``persName[@corresp]``
keyed to the persons list (``data/people.csv``). Footnote 5, the memo's own, carries
``type="original"``.

Parsing goes through :mod:`defusedxml`, which refuses document type declarations and with
them entity declarations, entity expansion and external entities. Every problem raises
:class:`MemoDataError` naming the file, the line and the element.
"""

from __future__ import annotations

import csv
import difflib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from .errors import MemoDataError
from .tables import load_table, raise_at_first, resource_path

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_MIN = f"{{{FRUS_NS}}}doc-dateTime-min"
_MAX = f"{{{FRUS_NS}}}doc-dateTime-max"

#: Footnote kinds: FRUS's source note, the editors' annotation, the memo's own footnote.
NOTE_KINDS = {"source": "source", None: "editorial", "original": "original"}
#: Elements that hold other blocks, never running text of their own (and block quotes, below).
_CONTAINERS = {"TEI", "text", "body", "div", "list"}
#: A token ending a sentence, unless it is an initial, a title or a document number.
_SENTENCE_END = re.compile(r"[.?!][”’)\]]*$")
_NOT_SENTENCE_END = re.compile(r"^(\d+\.|(?:[A-Z]\.)+|Mr\.|Mrs\.|Dr\.|Ms\.)$")
_WORD = re.compile(r"\w")
_CONTROL = re.compile("\x01([a-z/]+):?([^\x01]*)\x01")
_PERSON_MARK = re.compile("\x02(\\d+)\x02")
_LINE_MARK = re.compile("\x03(\\d+)\x03")


def _tag(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def _local(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _describe(element: ET.Element) -> str:
    """An element as a reader would find it in the file: ``<note n="3">``."""
    keys = [("n", "n"), ("type", "type"), (_XML_ID, "xml:id"), ("corresp", "corresp"),
            ("target", "target"), ("source", "source")]
    attrs = "".join(f' {name}="{element.get(key)}"' for key, name in keys if element.get(key) is not None)
    return f"<{_local(element)}{attrs}>"


def _is_container(element: ET.Element) -> bool:
    """Divisions, lists, and quotations set off as paragraphs of their own."""
    name = _local(element)
    return name in _CONTAINERS or (name == "quote" and element.find(_tag("p")) is not None)


def _text(element: ET.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


# --- Safe parsing with line numbers ----------------------------------------------------------


class _LineRecordingBuilder:
    """A TreeBuilder target that remembers the line each element starts on, and the line
    each element's text and tail start on (expat's position at their first character)."""

    def __init__(self) -> None:
        self.builder = ET.TreeBuilder()
        self.lines: dict[ET.Element, int] = {}
        self.text_lines: dict[tuple[ET.Element, str], int] = {}
        self.expat: Any = None
        self._owner: tuple[ET.Element, str] | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = self.builder.start(tag, attrs)
        self.lines[element] = self.expat.CurrentLineNumber
        self._owner = (element, "text")
        return element

    def end(self, tag: str) -> ET.Element:
        element = self.builder.end(tag)
        self._owner = (element, "tail")
        return element

    def data(self, text: str) -> None:
        if self._owner is not None:
            self.text_lines.setdefault(self._owner, self.expat.CurrentLineNumber)
        self.builder.data(text)

    def close(self) -> ET.Element:
        return self.builder.close()


@dataclass(frozen=True)
class Lines:
    """Where things are in the file: each element's start line, and the line on which each
    element's ``text`` or ``tail`` begins."""

    elements: dict[ET.Element, int]
    texts: dict[tuple[ET.Element, str], int]

    def __getitem__(self, element: ET.Element) -> int:
        return self.elements[element]

    def get(self, element: ET.Element) -> int | None:
        return self.elements.get(element)

    def marked(self, element: ET.Element, part: str) -> str:
        """``element.text`` or ``element.tail``, prefixed with a mark of the line it starts on."""
        text = getattr(element, part) or ""
        line = self.texts.get((element, part))
        return f"\x03{line}\x03{text}" if text and line is not None else text


def parse_xml(path: Path) -> tuple[ET.Element, Lines]:
    """Parse an XML file with entities, external references and DTDs refused.

    Returns the root and where each element and each run of text starts.
    """
    target = _LineRecordingBuilder()
    parser = DefusedXMLParser(target=target, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    target.expat = parser.parser
    # Deliver text as expat meets it, not buffered, so each run of text gets its own line.
    target.expat.buffer_text = False
    try:
        parser.feed(path.read_bytes())
        root = parser.close()
    except ET.ParseError as exc:
        line = exc.position[0]
        reason = str(exc).split(":", 1)[0]
        raise MemoDataError(path, f"not well-formed XML ({reason})", line=line) from exc
    except DefusedXmlException as exc:
        raise MemoDataError(
            path,
            f"refused as unsafe ({type(exc).__name__}): the edition may not declare a document type, "
            "entities or external references",
            line=target.expat.CurrentLineNumber,
        ) from exc
    return root, Lines(target.lines, target.text_lines)


# --- The parsed edition ------------------------------------------------------------------------


@dataclass
class _Block:
    """A paragraph-like unit: a heading, a paragraph, a list item or a quoted paragraph."""

    index: int
    kind: str
    section: int | None
    line: int
    label: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Anchor:
    number: int
    block: int
    position: int
    page: int
    line: int


@dataclass(frozen=True)
class _Mention:
    person_id: str
    words: str
    note: int | None
    page: int
    section: int | None
    line: int


@dataclass(frozen=True)
class _Edition:
    path: Path
    root: ET.Element
    document: ET.Element
    lines: Lines
    first_page: int
    blocks: tuple[_Block, ...]
    anchors: tuple[_Anchor, ...]
    mentions: tuple[_Mention, ...]
    stream: tuple[tuple[str, int], ...]
    sections: dict[int, str | None]


class _Checker:
    """Structural checks, and reads of what must be there; each failure names file, line and element."""

    def __init__(self, path: Path, lines: Lines) -> None:
        self.path = path
        self.lines = lines

    def fail(self, element: ET.Element, message: str) -> MemoDataError:
        return MemoDataError(self.path, f"{_describe(element)}: {message}", line=self.lines.get(element))

    def find(self, parent: ET.Element, path: str) -> ET.Element:
        """``parent.find(path)``, which must find an element."""
        found = parent.find(path)
        if found is None:
            raise self.fail(parent, f"has no {_unqualified(path)} element")
        return found

    def attr(self, element: ET.Element, key: str) -> str:
        """The attribute ``key``, which must be present."""
        value = element.get(key)
        if value is None:
            raise self.fail(element, f"has no {key} attribute")
        return value

    def number(self, element: ET.Element, key: str = "n") -> int:
        """The attribute ``key`` as an integer."""
        value = self.attr(element, key)
        try:
            return int(value)
        except ValueError:
            raise self.fail(element, f"{key} must be a number, not '{value}'") from None

    def person_id(self, person: ET.Element) -> str:
        """The persons-list key a ``persName`` points to with ``corresp="#key"``."""
        return self.attr(person, "corresp")[1:]


def _unqualified(path: str) -> str:
    """An ElementTree path without namespaces, as it reads in the file: ``fileDesc/sourceDesc``."""
    return re.sub(r"\{[^}]*\}", "", path)


def _parents(root: ET.Element) -> dict[ET.Element, ET.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def _check(root: ET.Element, lines: Lines, path: Path, people: set[str]) -> ET.Element:
    """Check the edition's structure and return its document div."""
    check = _Checker(path, lines)
    if root.tag != _tag("TEI"):
        raise check.fail(root, f"the root element must be TEI in the namespace {TEI_NS}")
    documents = [d for d in root.iter(_tag("div")) if d.get("type") == "document"]
    if len(documents) != 1:
        raise check.fail(root, f"expected one div type=\"document\", found {len(documents)}")
    document = documents[0]
    _check_document(document, check)
    _check_ids(root, check)
    _check_notes(document, check)
    _check_pages(document, check)
    _check_persons(root, check, people)
    _check_text_placement(document, check)
    return document


def _check_document(document: ET.Element, check: _Checker) -> None:
    number = document.get("n", "")
    if not number.isdigit() or document.get(_XML_ID) != f"d{number}":
        raise check.fail(document, "needs a numeric n and xml:id 'd' + n")
    if document.get("subtype") != "historical-document":
        raise check.fail(document, "subtype must be 'historical-document'")
    bounds = []
    for key, name in ((_MIN, "frus:doc-dateTime-min"), (_MAX, "frus:doc-dateTime-max")):
        try:
            bounds.append(datetime.fromisoformat(document.get(key, "")))
        except ValueError:
            raise check.fail(document, f"{name} must be an ISO date-time with offset") from None
    if bounds[0] > bounds[1]:
        raise check.fail(document, "frus:doc-dateTime-min is later than frus:doc-dateTime-max")
    head = document.find(_tag("head"))
    source = head.find(_tag("note")) if head is not None else None
    if source is None or source.get("type") != "source" or source.get("n") != "1":
        raise check.fail(head if head is not None else document,
                         "the head must carry the source note as note n=\"1\" type=\"source\"")


def _check_ids(root: ET.Element, check: _Checker) -> None:
    seen: set[str] = set()
    for element in root.iter():
        xml_id = element.get(_XML_ID)
        if xml_id in seen:
            raise check.fail(element, "duplicate xml:id")
        if xml_id:
            seen.add(xml_id)
    for element in root.iter():
        for key in ("target", "source"):
            pointer = element.get(key)
            if pointer and pointer.startswith("#") and pointer[1:] not in seen:
                raise check.fail(element, f"{key} points to '{pointer}', which is not in the file")


def _check_notes(document: ET.Element, check: _Checker) -> None:
    parents = _parents(document)
    prefix = document.get(_XML_ID)
    for expected, note in enumerate(document.iter(_tag("note")), start=1):
        if note.get("n") != str(expected) or note.get(_XML_ID) != f"{prefix}fn{expected}":
            raise check.fail(note, f"expected footnote {expected} (n=\"{expected}\", xml:id \"{prefix}fn{expected}\")")
        if note.get("type") not in NOTE_KINDS:
            raise check.fail(note, "unknown note type; use one of: source, original, or none (editorial)")
        if (note.get("type") == "source") != (expected == 1):
            raise check.fail(note, "the source note is footnote 1 and only footnote 1")
        parent = parents[note]
        if _is_container(parent) or not _text_before(parent, note):
            raise check.fail(note, f"footnote without its anchor: it must follow the words it annotates "
                                   f"inside a heading, paragraph or item, not stand in {_describe(parent)}")
        if note.find(f".//{_tag('note')}") is not None:
            raise check.fail(note, "footnotes cannot nest")


def _text_before(parent: ET.Element, child: ET.Element) -> str:
    """The text of ``parent`` that precedes ``child``."""
    parts = [parent.text or ""]
    for sibling in parent:
        if sibling is child:
            break
        parts.append("".join(sibling.itertext()) + (sibling.tail or ""))
    return "".join(parts).strip()


def _check_pages(document: ET.Element, check: _Checker) -> None:
    previous: int | None = None
    for pb in document.iter(_tag("pb")):
        number = pb.get("n", "")
        if not number.isdigit() or pb.get(_XML_ID) != f"pg_{number}":
            raise check.fail(pb, "unknown page break: n must be a printed page number and xml:id 'pg_' + n")
        if previous is not None and int(number) != previous + 1:
            raise check.fail(pb, f"page break out of sequence: page {previous} is followed by {number}")
        previous = int(number)
    if previous is None:
        raise check.fail(document, "no page breaks: the printed pages cannot be placed")
    for note in document.iter(_tag("note")):
        for pb in note.iter(_tag("pb")):
            raise check.fail(pb, "page breaks inside footnotes are not supported")


def _check_persons(root: ET.Element, check: _Checker, people: set[str]) -> None:
    for person in root.iter(_tag("persName")):
        key = person.get("corresp", "")
        if not key.startswith("#"):
            raise check.fail(person, "a person needs corresp=\"#person_id\" keyed to people.csv")
        if key[1:] not in people:
            raise check.fail(person, f"'{key[1:]}' is not in the persons list (people.csv)")


def _check_text_placement(document: ET.Element, check: _Checker) -> None:
    """Running text belongs in headings, paragraphs and items, never loose in a container."""
    for container in document.iter():
        if not _is_container(container):
            continue
        text = (container.text or "").strip()
        if text:
            raise check.fail(container, f"text outside any paragraph: '{text[:40]}'")
        for child in container:
            tail = (child.tail or "").strip()
            if tail:
                raise check.fail(child, f"text outside any paragraph after it: '{tail[:40]}'")
        if _local(container) == "list":
            for child in container:
                if _local(child) not in {"head", "label", "item", "pb"}:
                    raise check.fail(child, "a list holds only head, label and item")


# --- Reading the document into blocks --------------------------------------------------------


class _Reader:
    """Linearises the document div: words with control marks for blocks, pages and notes."""

    def __init__(self, check: _Checker) -> None:
        self.check = check
        self.lines = check.lines
        self.parts: list[str] = []
        self.blocks: list[dict[str, Any]] = []
        self.persons: list[ET.Element] = []
        self.notes: dict[int, ET.Element] = {}
        self.section: int | None = None

    def mark(self, kind: str, value: object = "") -> None:
        self.parts.append(f" \x01{kind}:{value}\x01 ")

    def open_block(self, kind: str, element: ET.Element) -> None:
        self.blocks.append({"kind": kind, "section": self.section, "line": self.lines[element]})
        self.mark("blk", len(self.blocks) - 1)

    def visit(self, element: ET.Element, parent: ET.Element) -> None:
        name = _local(element)
        if name == "note":
            self.notes[self.check.number(element)] = element
            self.mark("fn", element.get("n"))
        elif name == "pb":
            self.mark("pb", element.get("n"))
        else:
            self._enter(element, name, parent)
            self.parts.append(self.lines.marked(element, "text"))
            for child in element:
                self.visit(child, element)
            if name == "label" and _local(parent) == "list":
                self.mark("/lab")
        self.parts.append(self.lines.marked(element, "tail"))

    def _enter(self, element: ET.Element, name: str, parent: ET.Element) -> None:
        parent_name = _local(parent)
        if name == "div" and element.get("type") == "section":
            self.section = self.check.number(element)
            self.mark("sec", element.get("n"))
        elif name == "head":
            kinds = {"div": "heading" if self.section else "document heading", "list": "subject heading"}
            self.open_block(kinds.get(parent_name, "heading"), element)
        elif name == "p":
            self.open_block("quotation" if parent_name == "quote" else "paragraph", element)
        elif name == "label" and parent_name == "list":
            self.open_block(_item_kind(_next_item(parent, element), parent), element)
            self.mark("lab")
        elif name == "item" and not _labelled(parent, element):
            self.open_block(_item_kind(element, parent), element)
        elif name == "persName":
            self.persons.append(element)
            self.parts.append(f"\x02{len(self.persons) - 1}\x02")


def _next_item(parent: ET.Element, label: ET.Element) -> ET.Element | None:
    children = list(parent)
    following = children[children.index(label) + 1:]
    return following[0] if following and _local(following[0]) == "item" else None


def _labelled(parent: ET.Element, item: ET.Element) -> bool:
    children = list(parent)
    at = children.index(item)
    return at > 0 and _local(children[at - 1]) == "label"


def _item_kind(item: ET.Element | None, parent: ET.Element) -> str:
    if parent.get("type") == "subject":
        return "subject"
    if item is not None and item.find(_tag("list")) is not None:
        return "list heading"
    return "list item"


def _read(check: _Checker, document: ET.Element, first_page: int) -> tuple[
        list[_Block], list[_Anchor], dict[int, tuple[int, int | None]], list[tuple[str, int]], dict[int, ET.Element],
        list[ET.Element]]:
    path, lines = check.path, check.lines
    reader = _Reader(check)
    for child in document:
        reader.visit(child, document)
    blocks = [_Block(i, b["kind"], b["section"], b["line"]) for i, b in enumerate(reader.blocks)]
    anchors: list[_Anchor] = []
    person_at: dict[int, tuple[int, int | None]] = {}
    stream: list[tuple[str, int]] = []
    page, block, in_label = first_page, None, False
    pb_lines = {check.number(pb): lines[pb] for pb in document.iter(_tag("pb"))}
    for token, line in _tokens("".join(reader.parts), lines[document]):
        control = _CONTROL.fullmatch(token)
        if control:
            kind, value = control.groups()
            if kind == "blk":
                block, in_label = blocks[int(value)], False
            elif kind == "pb":
                page = int(value)
                stream.append((f"⟨pb:{value}⟩", pb_lines[page]))
            elif kind == "fn":
                note = reader.notes[int(value)]
                if block is None:
                    raise check.fail(note, "footnote marker before the heading")
                anchors.append(_Anchor(int(value), block.index, len(block.words), page, lines[note]))
                stream.append((f"⟨fn:{value}⟩", lines[note]))
            elif kind in {"lab", "/lab"}:
                in_label = kind == "lab"
            continue
        if block is None:
            raise MemoDataError(path, f"text before the heading: '{token}'", line=lines[document])
        for person in _PERSON_MARK.findall(token):
            person_at[int(person)] = (page, block.section)
        word = _PERSON_MARK.sub("", token)
        if not word:
            continue
        stream.append((word, line))
        if in_label:
            block.label.append(word)
        else:
            block.words.append(word)
            block.pages.append(page)
    return blocks, anchors, person_at, stream, reader.notes, reader.persons


def _tokens(text: str, line: int) -> Iterator[tuple[str, int]]:
    """Split marked text into tokens, each with the line it starts on; line marks are dropped."""
    for match in re.finditer(r"\n|[^\s]+", text):
        token = match.group()
        if token == "\n":
            line += 1
            continue
        marks = _LINE_MARK.findall(token)
        leads_with_mark = _PERSON_MARK.sub("", token).startswith("\x03")
        start = int(marks[0]) if leads_with_mark else line
        if marks:
            line = int(marks[-1])
        word = _LINE_MARK.sub("", token)
        if word:
            yield word, start


def _marked_note(note: ET.Element, lines: Lines) -> str:
    """A footnote's text with line marks, for collation."""
    parts = [lines.marked(note, "text")]
    for child in note:
        parts.append(_marked_note(child, lines))
        parts.append(lines.marked(child, "tail"))
    return "".join(parts)


def _mentions(document: ET.Element, check: _Checker, person_at: dict[int, tuple[int, int | None]],
              persons: list[ET.Element], anchors: list[_Anchor], blocks: list[_Block]) -> list[_Mention]:
    """Every persName of the document div: those in the memo's text, then those in footnotes
    (placed on the page and in the section of their footnote's marker)."""
    lines = check.lines
    mentions = [_Mention(check.person_id(p), _text(p), None, *person_at[i], lines[p]) for i, p in enumerate(persons)]
    by_note = {a.number: a for a in anchors}
    for note in document.iter(_tag("note")):
        anchor = by_note[check.number(note)]
        mentions += [_Mention(check.person_id(p), _text(p), anchor.number, anchor.page,
                              blocks[anchor.block].section, lines[p]) for p in note.iter(_tag("persName"))]
    return mentions


@lru_cache(maxsize=8)
def _load(path: Path, stamp: tuple[int, int], people_ids: frozenset[str]) -> _Edition:
    root, lines = parse_xml(path)
    document = _check(root, lines, path, set(people_ids))
    check = _Checker(path, lines)
    first_page = min(check.number(pb) for pb in document.iter(_tag("pb"))) - 1
    blocks, anchors, person_at, stream, notes, persons = _read(check, document, first_page)
    for number in sorted(notes):
        stream.append((f"⟨note:{number}⟩", lines[notes[number]]))
        stream.extend(_tokens(_marked_note(notes[number], lines), lines[notes[number]]))
    sections = {check.number(d): _heading(d) for d in document.iter(_tag("div")) if d.get("type") == "section"}
    mentions = _mentions(document, check, person_at, persons, anchors, blocks)
    return _Edition(path, root, document, lines, first_page, tuple(blocks), tuple(anchors),
                    tuple(mentions), tuple(stream), sections)


def _heading(div: ET.Element) -> str | None:
    head = div.find(_tag("head"))
    return _text(head) if head is not None else None


def _person_ids(data: Path | str | None) -> frozenset[str]:
    """The keys of the persons list. Only the keys: ``load_people`` validates the table itself,
    and reading them directly keeps every view of the edition quick."""
    path = resource_path("people", data)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if rows and "person_id" not in rows[0]:
        raise MemoDataError(path, "missing column", row=1, field="person_id")
    return frozenset(row["person_id"] for row in rows)


def _edition(data: Path | str | None) -> _Edition:
    path = resource_path("edition", data)
    status = path.stat()
    return _load(path, (status.st_mtime_ns, status.st_size), _person_ids(data))


# --- Public API --------------------------------------------------------------------------------


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


def load_memo(data: Path | str | None = None) -> Memo:
    """The memo's metadata (volume, number, title, from, to, date range, classification, source
    note, URL) and its paragraphs with section and printed page."""
    edition = _edition(data)
    root, document = edition.root, edition.document
    check = _Checker(edition.path, edition.lines)
    header = check.find(root, _tag("teiHeader"))
    titles = {t.get("type"): _text(t) for t in header.iter(_tag("title"))}
    volume = f"{titles['series']}, {titles['sub-series']}, {titles['volume-number']}, {titles['volume']}"
    head = check.find(document, _tag("head"))
    source = check.find(head, _tag("note"))
    heading = re.sub(r"\s+", " ", _text_before(head, source))
    doc_type = re.match(r"\d+\. (.+?) From ", heading)
    subject = document.find(f"{_tag('list')}[@type='subject']/{_tag('item')}")
    actions = {a.get("type"): a for a in header.iter(_tag("correspAction"))}
    sent, received = actions.get("sent"), actions.get("received")
    if doc_type is None or subject is None or sent is None or received is None:
        raise check.fail(head, "the heading must read 'N. <type> From … to …', with a subject list "
                               "and correspDesc sent/received in the header")
    (sender, sender_id), (recipient, recipient_id) = _party(sent, check), _party(received, check)
    segs = {s.get("type"): s for s in source.iter(_tag("seg"))}
    comment = segs.get("marginal-comment")
    if comment is None or "classification" not in segs or "distribution" not in segs:
        raise check.fail(source, "the source note must mark classification, distribution and "
                                 "marginal-comment with seg type")
    bibl = check.find(header, f"{_tag('fileDesc')}/{_tag('sourceDesc')}/{_tag('bibl')}")
    return Memo(
        volume=volume,
        number=check.number(document),
        title=_text(subject),
        heading=heading,
        doc_type=doc_type.group(1),
        sender=sender, sender_id=sender_id, recipient=recipient, recipient_id=recipient_id,
        date_min=pd.Timestamp(document.get(_MIN)),
        date_max=pd.Timestamp(document.get(_MAX)),
        classification=_text(segs["classification"]),
        archival_source=re.sub(r"^Source:\s*|\.$", "", re.sub(r"\s+", " ", source.text or "").strip()),
        source_note=_text(source),
        distribution=tuple(check.person_id(p) for p in segs["distribution"].iter(_tag("persName"))),
        marginal_comment=_text(check.find(comment, _tag("quote"))),
        marginal_comment_by=check.person_id(check.find(comment, _tag("persName"))),
        editors=tuple(_text(e) for e in bibl.iter(_tag("editor")) if e.get("role") is None),
        general_editor=", ".join(_text(e) for e in bibl.iter(_tag("editor")) if e.get("role") == "general"),
        published=check.number(check.find(bibl, _tag("date")), "when"),
        first_page=edition.first_page,
        last_page=max(max(b.pages) for b in edition.blocks if b.pages),
        url=check.attr(check.find(bibl, _tag("ref")), "target"),
        paragraphs=_paragraphs(edition),
    )


def _party(action: ET.Element, check: _Checker) -> tuple[str, str]:
    return _text(action), check.person_id(check.find(action, _tag("persName")))


def _body_blocks(edition: _Edition) -> Iterator[tuple[int, _Block]]:
    """Every block of the numbered sections but their headings, each with its section number."""
    return ((b.section, b) for b in edition.blocks if b.section is not None and b.kind != "heading")


def _paragraphs(edition: _Edition) -> pd.DataFrame:
    notes: dict[int, list[str]] = {}
    for anchor in edition.anchors:
        notes.setdefault(anchor.block, []).append(str(anchor.number))
    rows = [{
        "section": section,
        "heading": edition.sections[section],
        "kind": block.kind,
        "label": " ".join(block.label) or pd.NA,
        "text": " ".join(block.words),
        "words": _count(block.words),
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


def _count(words: list[str]) -> int:
    return sum(1 for word in words if _WORD.search(word))


def _sentence(words: list[str], position: int) -> str:
    """The sentence of ``words`` that a marker standing after ``words[position - 1]`` annotates."""
    ends = [i for i, w in enumerate(words) if _SENTENCE_END.search(w) and not _NOT_SENTENCE_END.match(w)]
    last = position - 1
    start = max((i + 1 for i in ends if i < last), default=0)
    stop = min((i for i in ends if i >= last), default=len(words) - 1)
    return " ".join(words[start:stop + 1])


def load_footnotes(data: Path | str | None = None) -> pd.DataFrame:
    """Every footnote: number, kind (source, editorial, original), text, the sentence it
    annotates, and where its marker stands (section, printed page, line)."""
    edition = _edition(data)
    check = _Checker(edition.path, edition.lines)
    notes = {check.number(n): n for n in edition.document.iter(_tag("note"))}
    rows = []
    for anchor in edition.anchors:
        note, block = notes[anchor.number], edition.blocks[anchor.block]
        rows.append({
            "footnote": anchor.number,
            "kind": NOTE_KINDS[note.get("type")],
            "text": _text(note),
            "annotates": _sentence(block.label + block.words, len(block.label) + anchor.position),
            "section": block.section,
            "heading": edition.sections.get(block.section) if block.section else pd.NA,
            "page": anchor.page,
            "xml_id": note.get(_XML_ID),
            "line": anchor.line,
        })
    frame = pd.DataFrame(rows)
    frame["kind"] = pd.Categorical(frame["kind"], categories=["source", "editorial", "original"])
    return frame.astype({"footnote": "Int64", "text": "string", "annotates": "string", "section": "Int64",
                         "heading": "string", "page": "Int64", "xml_id": "string", "line": "Int64"})


def load_sections(data: Path | str | None = None) -> pd.DataFrame:
    """The memo's sections in order: heading (missing for the untitled opening), a label for
    display, paragraphs, words of memo text, words of the memo's own footnote, pages."""
    edition = _edition(data)
    paragraphs = _paragraphs(edition)
    notes = load_footnotes(data)
    own = (notes[notes["kind"] == "original"]
           .assign(words=lambda f: f["text"].map(lambda t: _count(t.split())))
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


def load_pages(data: Path | str | None = None) -> pd.DataFrame:
    """Each printed page: whether the witness marks its start, its first words, the words of
    memo text on it, the sections it holds and the footnotes anchored on it."""
    edition = _edition(data)
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


def load_people(data: Path | str | None = None) -> pd.DataFrame:
    """The persons list, checked both ways against the edition, with how often each person is
    named in the memo's text (``in_text``) and in the footnotes (``in_notes``)."""
    people = load_table("people", data)
    mentions = person_mentions(data)
    unused = ~people["person_id"].isin(mentions["person_id"])
    raise_at_first(unused, resource_path("people", data), "person_id", "named nowhere in the edition (no persName points here)")
    counts = (mentions.assign(in_notes=mentions["footnote"].notna())
              .groupby("person_id")["in_notes"].agg(in_text=lambda s: int((~s).sum()), in_notes="sum"))
    people = people.merge(counts, left_on="person_id", right_index=True, how="left")
    return people.astype({"in_text": "Int64", "in_notes": "Int64"})


def person_mentions(data: Path | str | None = None) -> pd.DataFrame:
    """Every persName of the document: who, the words used, footnote (missing in the memo's
    text), printed page, section and line."""
    edition = _edition(data)
    frame = pd.DataFrame([{
        "person_id": m.person_id, "words": m.words, "footnote": m.note, "page": m.page,
        "section": m.section, "line": m.line,
    } for m in edition.mentions])
    return frame.astype({"person_id": "string", "words": "string", "footnote": "Int64", "page": "Int64",
                         "section": "Int64", "line": "Int64"})


def load_dating(data: Path | str | None = None) -> pd.DataFrame:
    """The evidence for the memo's date range; its 'min' and 'max' rows must be the bounds the
    edition encodes."""
    dating = load_table("dating", data)
    path = resource_path("dating", data)
    for bound in ("min", "max"):
        count = int((dating["bound"] == bound).sum())
        if count != 1:
            raise MemoDataError(path, f"expected exactly one '{bound}' row, found {count}", field="bound")
    undated = dating["bound"].isin(["min", "max"]) & dating["date"].isna()
    raise_at_first(undated, path, "date", "a bound needs its date")
    memo = load_memo(data)
    encoded = {"min": memo.date_min.tz_localize(None).normalize(), "max": memo.date_max.tz_localize(None).normalize()}
    mismatch = dating["bound"].isin(["min", "max"]) & (dating["date"] != dating["bound"].map(encoded))
    raise_at_first(mismatch, path, "date", "differs from the bound encoded in the edition (frus:doc-dateTime-min/max)")
    return dating


# --- Collation against the witness -------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """One place where the edition and the witness disagree."""

    kind: str
    witness: str
    edition: str
    line: int
    context: str

    def __str__(self) -> str:
        return (f"{self.kind} at line {self.line} (after “{self.context}”): witness “{self.witness}”, "
                f"edition “{self.edition}”")


def witness_tokens(text: str) -> list[str]:
    """The witness as tokens: words, ``⟨pb:N⟩`` for each ``[Page N]``, ``⟨fn:N⟩`` for each
    footnote marker glued to the word before it, then ``⟨note:N⟩`` and the words of each note.

    The bullet before the subject line is the web page's rendering of a list and is dropped.
    """
    notes_at = re.search(r"^\s+1\.\s", text, re.M)
    body, notes = (text[:notes_at.start()], text[notes_at.start():]) if notes_at else (text, "")
    body = re.sub(r"\[Page (\d+)\]", r" ⟨pb:\1⟩ ", body)
    tokens: list[str] = []
    expected = 1
    for token in body.split():
        marker = re.fullmatch(r"(.*\D)(\d+)", token)
        if marker and marker.group(2) == str(expected):
            tokens += [marker.group(1), f"⟨fn:{expected}⟩"]
            expected += 1
        elif token != "•":
            tokens.append(token)
    for number, note in re.findall(r"^\s+(\d+)\.\s+(.*)$", notes, re.M):
        tokens += [f"⟨note:{number}⟩", *note.split()]
    return tokens


def collate(data: Path | str | None = None) -> list[Difference]:
    """Compare the edition with the witness word for word; an empty list means they agree.

    Footnote markers and page breaks take part as tokens, so a note or a page break out of
    place is a difference too.
    """
    edition = _edition(data)
    witness = witness_tokens(resource_path("witness", data).read_text(encoding="utf-8"))
    ours = [token for token, _ in edition.stream]
    lines = [line for _, line in edition.stream]
    matcher = difflib.SequenceMatcher(None, witness, ours, autojunk=False)
    kinds = {"delete": "lost", "insert": "added", "replace": "changed"}
    return [
        Difference(kinds[op], " ".join(witness[i1:i2]), " ".join(ours[j1:j2]),
                   lines[min(j1, len(lines) - 1)], " ".join(witness[max(0, i1 - 4):i1]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    ]


def check_edition(data: Path | str | None = None) -> pd.DataFrame:
    """Load every view of the edition and collate it with the witness; return the paragraphs.

    Raises :class:`MemoDataError` at the first problem, listing every difference from the witness.
    """
    memo = load_memo(data)
    load_footnotes(data)
    load_sections(data)
    load_pages(data)
    differences = collate(data)
    if differences:
        path = resource_path("edition", data)
        problems = [str(MemoDataError(path, f"differs from the witness: {d}", line=d.line)) for d in differences]
        first = differences[0]
        raise MemoDataError(path, f"differs from the witness: {first}", line=first.line, problems=problems)
    return memo.paragraphs
