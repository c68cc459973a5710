"""Structural checks of the edition, and reads of what must be there.

Each failure raises :class:`MemoDataError` naming the file, the line and the element, e.g.
``<div type="section" n="3">: duplicate section number 3``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ..dates import parse_datetime_bound
from ..errors import MemoDataError
from .tei import DATE_MAX, DATE_MIN, TEI_NS, XML_ID, Lines, describe, local, tag, text_of

#: Footnote kinds: FRUS's source note, the editors' annotation, the memo's own footnote.
NOTE_KINDS = {"source": "source", None: "editorial", "original": "original"}
#: Elements that hold other blocks, never running text of their own (and block quotes, below).
CONTAINERS = {"TEI", "text", "body", "div", "list"}


class Checker:
    """Finds what must be there, or raises a located :class:`MemoDataError`."""

    def __init__(self, path: Path, lines: Lines) -> None:
        self.path = path
        self.lines = lines

    def fail(self, element: ET.Element, message: str) -> MemoDataError:
        return MemoDataError(self.path, f"{describe(element)}: {message}", line=self.lines.get(element))

    def find(self, parent: ET.Element, path: str) -> ET.Element:
        """``parent.find(path)``, which must find an element."""
        found = parent.find(path)
        if found is None:
            raise self.fail(parent, f"has no {unqualified(path)} element")
        return found

    def attr(self, element: ET.Element, key: str) -> str:
        """The attribute ``key``, which must be present."""
        value = element.get(key)
        if value is None:
            raise self.fail(element, f"has no {key} attribute")
        return value

    def number(self, element: ET.Element, key: str = "n") -> int:
        """The attribute ``key`` as a whole number (0 or more)."""
        value = self.attr(element, key)
        if not value.isdigit():
            raise self.fail(element, f"{key} must be a number, not '{value}' (a whole number, 0 or more)")
        return int(value)

    def person_id(self, person: ET.Element) -> str:
        """The persons-list key a ``persName`` points to with ``corresp="#key"``."""
        return self.attr(person, "corresp")[1:]

    def date_bound(self, element: ET.Element, key: str, name: str) -> str:
        """A date-time attribute that must carry its UTC offset; returned as written."""
        try:
            parse_datetime_bound(element.get(key))
        except ValueError as exc:
            raise self.fail(element, f"{name} must be an ISO date-time with UTC offset: {exc}") from None
        return str(element.get(key))

    def titles(self, header: ET.Element, kinds: tuple[str, ...]) -> dict[str, str]:
        """The header's ``title`` of each type in ``kinds``, each of which must be there."""
        found = {t.get("type"): t for t in header.iter(tag("title"))}
        for kind in kinds:
            if kind not in found:
                raise self.fail(header, f"has no <title type=\"{kind}\"> (needed for the volume's name)")
        return {kind: text_of(found[kind]) for kind in kinds}


def unqualified(path: str) -> str:
    """An ElementTree path without namespaces, as it reads in the file: ``fileDesc/sourceDesc``."""
    return re.sub(r"\{[^}]*\}", "", path)


def is_container(element: ET.Element) -> bool:
    """Divisions, lists, and quotations set off as paragraphs of their own."""
    name = local(element)
    return name in CONTAINERS or (name == "quote" and element.find(tag("p")) is not None)


def text_before(parent: ET.Element, child: ET.Element) -> str:
    """The text of ``parent`` that precedes ``child``."""
    parts = [parent.text or ""]
    for sibling in parent:
        if sibling is child:
            break
        parts.append("".join(sibling.itertext()) + (sibling.tail or ""))
    return "".join(parts).strip()


def check_structure(root: ET.Element, lines: Lines, path: Path, people: set[str]) -> ET.Element:
    """Check the edition's structure and return its document div."""
    check = Checker(path, lines)
    if root.tag != tag("TEI"):
        raise check.fail(root, f"the root element must be TEI in the namespace {TEI_NS}")
    check.find(root, tag("teiHeader"))
    documents = [d for d in root.iter(tag("div")) if d.get("type") == "document"]
    if len(documents) != 1:
        raise check.fail(root, f"expected one div type=\"document\", found {len(documents)}")
    document = documents[0]
    _check_document(document, check)
    _check_sections(document, check)
    _check_ids(root, check)
    _check_notes(document, check)
    _check_pages(document, check)
    _check_persons(root, check, people)
    _check_text_placement(document, check)
    return document


def _check_document(document: ET.Element, check: Checker) -> None:
    number = document.get("n", "")
    if not number.isdigit() or document.get(XML_ID) != f"d{number}":
        raise check.fail(document, "needs a numeric n and xml:id 'd' + n")
    if document.get("subtype") != "historical-document":
        raise check.fail(document, "subtype must be 'historical-document'")
    low = parse_datetime_bound(check.date_bound(document, DATE_MIN, "frus:doc-dateTime-min"))
    high = parse_datetime_bound(check.date_bound(document, DATE_MAX, "frus:doc-dateTime-max"))
    if low > high:
        raise check.fail(document, "frus:doc-dateTime-min is later than frus:doc-dateTime-max")
    head = document.find(tag("head"))
    source = head.find(tag("note")) if head is not None else None
    if source is None or source.get("type") != "source" or source.get("n") != "1":
        raise check.fail(head if head is not None else document,
                         "the head must carry the source note as note n=\"1\" type=\"source\"")


def _check_sections(document: ET.Element, check: Checker) -> None:
    """Sections are numbered 1, 2, 3 … in order: none missing, repeated or negative."""
    sections = [d for d in document.iter(tag("div")) if d.get("type") == "section"]
    if not sections:
        raise check.fail(document, "has no div type=\"section\": the memo's sections cannot be placed")
    seen: set[int] = set()
    for expected, section in enumerate(sections, start=1):
        value = check.attr(section, "n")
        if value.startswith("-") and value[1:].isdigit():
            raise check.fail(section, f"negative section number {value}")
        number = check.number(section)
        if number in seen:
            raise check.fail(section, f"duplicate section number {number}")
        if number != expected:
            raise check.fail(section, f"section number {number} out of sequence: expected {expected}")
        if section.find(f".//{tag('div')}[@type='section']") is not None:
            raise check.fail(section, "sections cannot nest")
        seen.add(number)


def _check_ids(root: ET.Element, check: Checker) -> None:
    seen: set[str] = set()
    for element in root.iter():
        xml_id = element.get(XML_ID)
        if xml_id in seen:
            raise check.fail(element, "duplicate xml:id")
        if xml_id:
            seen.add(xml_id)
    for element in root.iter():
        for key in ("target", "source"):
            pointer = element.get(key)
            if pointer and pointer.startswith("#") and pointer[1:] not in seen:
                raise check.fail(element, f"{key} points to '{pointer}', which is not in the file")


def _check_notes(document: ET.Element, check: Checker) -> None:
    parents = {child: parent for parent in document.iter() for child in parent}
    prefix = document.get(XML_ID)
    for expected, note in enumerate(document.iter(tag("note")), start=1):
        if note.get("n") != str(expected) or note.get(XML_ID) != f"{prefix}fn{expected}":
            raise check.fail(note, f"expected footnote {expected} (n=\"{expected}\", xml:id \"{prefix}fn{expected}\")")
        if note.get("type") not in NOTE_KINDS:
            raise check.fail(note, "unknown note type; use one of: source, original, or none (editorial)")
        if (note.get("type") == "source") != (expected == 1):
            raise check.fail(note, "the source note is footnote 1 and only footnote 1")
        parent = parents[note]
        if is_container(parent) or not text_before(parent, note):
            raise check.fail(note, f"footnote without its anchor: it must follow the words it annotates "
                                   f"inside a heading, paragraph or item, not stand in {describe(parent)}")
        if note.find(f".//{tag('note')}") is not None:
            raise check.fail(note, "footnotes cannot nest")


def _check_pages(document: ET.Element, check: Checker) -> None:
    previous: int | None = None
    for pb in document.iter(tag("pb")):
        number = pb.get("n", "")
        if not number.isdigit() or pb.get(XML_ID) != f"pg_{number}":
            raise check.fail(pb, "unknown page break: n must be a printed page number and xml:id 'pg_' + n")
        if previous is not None and int(number) != previous + 1:
            raise check.fail(pb, f"page break out of sequence: page {previous} is followed by {number}")
        previous = int(number)
    if previous is None:
        raise check.fail(document, "no page breaks: the printed pages cannot be placed")
    for note in document.iter(tag("note")):
        for pb in note.iter(tag("pb")):
            raise check.fail(pb, "page breaks inside footnotes are not supported")


def _check_persons(root: ET.Element, check: Checker, people: set[str]) -> None:
    for person in root.iter(tag("persName")):
        key = person.get("corresp", "")
        if not key.startswith("#"):
            raise check.fail(person, "a person needs corresp=\"#person_id\" keyed to people.csv")
        if key[1:] not in people:
            raise check.fail(person, f"'{key[1:]}' is not in the persons list (people.csv)")


def _check_text_placement(document: ET.Element, check: Checker) -> None:
    """Running text belongs in headings, paragraphs and items, never loose in a container."""
    for container in document.iter():
        if not is_container(container):
            continue
        text = (container.text or "").strip()
        if text:
            raise check.fail(container, f"text outside any paragraph: '{text[:40]}'")
        for child in container:
            tail = (child.tail or "").strip()
            if tail:
                raise check.fail(child, f"text outside any paragraph after it: '{tail[:40]}'")
        if local(container) == "list":
            for child in container:
                if local(child) not in {"head", "label", "item", "pb"}:
                    raise check.fail(child, "a list holds only head, label and item")
