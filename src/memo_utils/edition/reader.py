"""Reading the checked document into blocks, footnote anchors, person mentions and the
token stream that collation compares with the witness.

One stage, one name: :func:`read_edition` parses (:mod:`.tei`), checks (:mod:`.checks`)
and reads the file into an :class:`Edition`, cached per file version and persons list.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .._compat import data_keyword
from ..errors import MemoDataError
from ..tables import resource_path
from .checks import Checker, check_structure
from .tei import Lines, local, parse_xml, tag, text_of

_CONTROL = re.compile("\x01([a-z/]+):?([^\x01]*)\x01")
_PERSON_MARK = re.compile("\x02(\\d+)\x02")
_LINE_MARK = re.compile("\x03(\\d+)\x03")


@dataclass
class Block:
    """A paragraph-like unit: a heading, a paragraph, a list item or a quoted paragraph."""

    index: int
    kind: str
    section: int | None
    line: int
    label: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Anchor:
    """Where a footnote's marker stands: block, word position, printed page, line."""

    number: int
    block: int
    position: int
    page: int
    line: int


@dataclass(frozen=True)
class Mention:
    """One ``persName``: who, the words used, its footnote (None in the text), page, section, line."""

    person_id: str
    words: str
    note: int | None
    page: int
    section: int | None
    line: int


@dataclass(frozen=True)
class Edition:
    """The parsed, checked and read edition: what every view is built from."""

    path: Path
    root: ET.Element
    document: ET.Element
    lines: Lines
    first_page: int
    blocks: tuple[Block, ...]
    anchors: tuple[Anchor, ...]
    mentions: tuple[Mention, ...]
    stream: tuple[tuple[str, int], ...]
    sections: dict[int, str | None]

    @property
    def checker(self) -> Checker:
        return Checker(self.path, self.lines)


class _Linearizer:
    """Walks the document div into words with control marks for blocks, pages and notes.
    The walk recurses, but the parser has refused nesting deeper than ``tei.MAX_DEPTH``."""

    def __init__(self, check: Checker) -> None:
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
        name = local(element)
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
            if name == "label" and local(parent) == "list":
                self.mark("/lab")
        self.parts.append(self.lines.marked(element, "tail"))

    def _enter(self, element: ET.Element, name: str, parent: ET.Element) -> None:
        parent_name = local(parent)
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
    return following[0] if following and local(following[0]) == "item" else None


def _labelled(parent: ET.Element, item: ET.Element) -> bool:
    children = list(parent)
    at = children.index(item)
    return at > 0 and local(children[at - 1]) == "label"


def _item_kind(item: ET.Element | None, parent: ET.Element) -> str:
    if parent.get("type") == "subject":
        return "subject"
    if item is not None and item.find(tag("list")) is not None:
        return "list heading"
    return "list item"


@dataclass
class _Reading:
    blocks: list[Block]
    anchors: list[Anchor]
    person_at: dict[int, tuple[int, int | None]]
    stream: list[tuple[str, int]]
    notes: dict[int, ET.Element]
    persons: list[ET.Element]


def _read_blocks(check: Checker, document: ET.Element, first_page: int) -> _Reading:
    path, lines = check.path, check.lines
    walker = _Linearizer(check)
    for child in document:
        walker.visit(child, document)
    blocks = [Block(i, b["kind"], b["section"], b["line"]) for i, b in enumerate(walker.blocks)]
    reading = _Reading(blocks, [], {}, [], walker.notes, walker.persons)
    page, block, in_label = first_page, None, False
    pb_lines = {check.number(pb): lines[pb] for pb in document.iter(tag("pb"))}
    for token, line in _tokens("".join(walker.parts), lines[document]):
        control = _CONTROL.fullmatch(token)
        if control:
            kind, value = control.groups()
            if kind == "blk":
                block, in_label = blocks[int(value)], False
            elif kind == "pb":
                page = int(value)
                reading.stream.append((f"⟨pb:{value}⟩", pb_lines[page]))
            elif kind == "fn":
                note = walker.notes[int(value)]
                if block is None:
                    raise check.fail(note, "footnote marker before the heading")
                reading.anchors.append(Anchor(int(value), block.index, len(block.words), page, lines[note]))
                reading.stream.append((f"⟨fn:{value}⟩", lines[note]))
            elif kind in {"lab", "/lab"}:
                in_label = kind == "lab"
            continue
        if block is None:
            raise MemoDataError(path, f"text before the heading: '{token}'", line=lines[document])
        for person in _PERSON_MARK.findall(token):
            reading.person_at[int(person)] = (page, block.section)
        word = _PERSON_MARK.sub("", token)
        if not word:
            continue
        reading.stream.append((word, line))
        if in_label:
            block.label.append(word)
        else:
            block.words.append(word)
            block.pages.append(page)
    return reading


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
    """A footnote's text with line marks, for collation (walked without recursion)."""
    parts: list[str] = []
    pending: list[tuple[ET.Element, str]] = [(note, "text")]
    while pending:
        element, part = pending.pop()
        parts.append(lines.marked(element, part))
        if part == "text":
            for child in reversed(list(element)):
                pending.append((child, "tail"))
                pending.append((child, "text"))
    return "".join(parts)


def _mentions(document: ET.Element, check: Checker, reading: _Reading) -> list[Mention]:
    """Every persName of the document div: those in the memo's text, then those in footnotes
    (placed on the page and in the section of their footnote's marker)."""
    lines = check.lines
    mentions = [Mention(check.person_id(p), text_of(p), None, *reading.person_at[i], lines[p])
                for i, p in enumerate(reading.persons)]
    by_note = {a.number: a for a in reading.anchors}
    for note in document.iter(tag("note")):
        anchor = by_note[check.number(note)]
        section = reading.blocks[anchor.block].section
        mentions += [Mention(check.person_id(p), text_of(p), anchor.number, anchor.page, section, lines[p])
                     for p in note.iter(tag("persName"))]
    return mentions


def _heading(div: ET.Element) -> str | None:
    head = div.find(tag("head"))
    return text_of(head) if head is not None else None


@lru_cache(maxsize=8)
def _read_file(path: Path, stamp: tuple[int, int], people_ids: frozenset[str]) -> Edition:
    root, lines = parse_xml(path)
    document = check_structure(root, lines, path, set(people_ids))
    check = Checker(path, lines)
    first_page = min(check.number(pb) for pb in document.iter(tag("pb"))) - 1
    reading = _read_blocks(check, document, first_page)
    stream = reading.stream
    for number in sorted(reading.notes):
        note = reading.notes[number]
        stream.append((f"⟨note:{number}⟩", lines[note]))
        stream.extend(_tokens(_marked_note(note, lines), lines[note]))
    sections = {check.number(d): _heading(d) for d in document.iter(tag("div")) if d.get("type") == "section"}
    mentions = _mentions(document, check, reading)
    return Edition(path, root, document, lines, first_page, tuple(reading.blocks), tuple(reading.anchors),
                   tuple(mentions), tuple(stream), sections)


def person_ids(data_dir: Path | str | None) -> frozenset[str]:
    """The keys of the persons list. Only the keys: ``load_people`` validates the table itself,
    and reading them directly keeps every view of the edition quick."""
    path = resource_path("people", data_dir)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except UnicodeDecodeError as exc:
        raise MemoDataError(path, f"is not UTF-8 text (byte {exc.start} cannot be read)") from exc
    if rows and "person_id" not in rows[0]:
        raise MemoDataError(path, "missing column", row=1, field="person_id")
    return frozenset(row["person_id"] for row in rows)


@data_keyword
def read_edition(data_dir: Path | str | None = None) -> Edition:
    """The edition of ``data_dir`` parsed, checked and read (cached while the file is unchanged)."""
    path = resource_path("edition", data_dir)
    status = path.stat()
    return _read_file(path, (status.st_mtime_ns, status.st_size), person_ids(data_dir))
