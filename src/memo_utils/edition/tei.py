"""Reading a TEI file safely: bounded in size and depth, no DTDs, entities, XInclude or
foreign elements, every element and run of text with the line it starts on.

Parsing goes through :mod:`defusedxml`, which refuses document type declarations and with
them entity declarations, entity expansion and external entities. On top of that the file
must be at most :data:`MAX_BYTES` long (checked before it is read), elements may nest at
most :data:`MAX_DEPTH` deep (checked as they open, so nothing later recurses without
bound), and every element must be a TEI element this project reads (:data:`TEI_ELEMENTS`):
an XInclude, an element of another namespace or an unknown TEI element is refused by name.
Every problem raises :class:`MemoDataError` naming the file and the line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..errors import MemoDataError

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
DATE_MIN = f"{{{FRUS_NS}}}doc-dateTime-min"
DATE_MAX = f"{{{FRUS_NS}}}doc-dateTime-max"

#: The largest edition read, in bytes: the memo's is about 30 KB.
MAX_BYTES = 2_000_000
#: The deepest nesting of elements read: the memo's is about a dozen.
MAX_DEPTH = 64
#: The TEI elements the reader knows what to do with; any other is refused by name.
TEI_ELEMENTS = frozenset({
    "TEI", "author", "availability", "bibl", "biblScope", "body", "correspAction", "correspDesc",
    "creation", "date", "div", "editor", "encodingDesc", "fileDesc", "head", "idno", "item", "label",
    "licence", "list", "note", "p", "pb", "persName", "profileDesc", "pubPlace", "publicationStmt",
    "publisher", "quote", "ref", "roleName", "seg", "sourceDesc", "teiHeader", "text", "title", "titleStmt",
})


def tag(name: str) -> str:
    """A TEI element name with its namespace, as ElementTree spells it."""
    return f"{{{TEI_NS}}}{name}"


def local(element: ET.Element) -> str:
    """An element's name without its namespace."""
    return element.tag.rsplit("}", 1)[-1]


def text_of(element: ET.Element) -> str:
    """All the text inside an element, white space collapsed."""
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def describe(element: ET.Element) -> str:
    """An element as a reader would find it in the file: ``<note n="3">``."""
    keys = [("n", "n"), ("type", "type"), (XML_ID, "xml:id"), ("corresp", "corresp"),
            ("target", "target"), ("source", "source")]
    attrs = "".join(f' {name}="{element.get(key)}"' for key, name in keys if element.get(key) is not None)
    return f"<{local(element)}{attrs}>"


class _LineRecordingBuilder:
    """A TreeBuilder target that remembers the line each element starts on, and the line
    each element's text and tail start on (expat's position at their first character).
    It refuses, as they open, elements nested too deep and elements it does not know."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.builder = ET.TreeBuilder()
        self.lines: dict[ET.Element, int] = {}
        self.text_lines: dict[tuple[ET.Element, str], int] = {}
        self.expat: Any = None
        self.depth = 0
        self._owner: tuple[ET.Element, str] | None = None

    def start(self, name: str, attrs: dict[str, str]) -> ET.Element:
        line = self.expat.CurrentLineNumber
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise MemoDataError(self.path, f"elements nested more than {MAX_DEPTH} deep (at <{_plain(name)}>): "
                                           "the edition is refused rather than read without bound", line=line)
        _check_name(name, self.path, line)
        element = self.builder.start(name, attrs)
        self.lines[element] = line
        self._owner = (element, "text")
        return element

    def end(self, name: str) -> ET.Element:
        self.depth -= 1
        element = self.builder.end(name)
        self._owner = (element, "tail")
        return element

    def data(self, text: str) -> None:
        if self._owner is not None:
            self.text_lines.setdefault(self._owner, self.expat.CurrentLineNumber)
        self.builder.data(text)

    def close(self) -> ET.Element:
        return self.builder.close()


def _plain(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _check_name(name: str, path: Path, line: int) -> None:
    namespace, _, element = name[1:].partition("}") if name.startswith("{") else ("", "", name)
    if namespace == XINCLUDE_NS:
        raise MemoDataError(path, f"<xi:{element}> refused: XInclude is not supported, the edition must be "
                                  "one self-contained file", line=line)
    if namespace != TEI_NS:
        where = f"the namespace {namespace}" if namespace else "no namespace"
        raise MemoDataError(path, f"<{element}> in {where} refused: only TEI elements are read", line=line)
    if element not in TEI_ELEMENTS:
        raise MemoDataError(path, f"<{element}> is not a TEI element this edition uses; known: "
                                  f"{', '.join(sorted(TEI_ELEMENTS))}", line=line)


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
    """Parse a TEI file with DTDs, entities, external references, XInclude, unknown or
    foreign elements, files over :data:`MAX_BYTES` and nesting over :data:`MAX_DEPTH` refused.

    Returns the root and where each element and each run of text starts.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise MemoDataError(path, f"cannot be read ({exc.strerror})") from exc
    if size > MAX_BYTES:
        raise MemoDataError(path, f"is {size:,} bytes; an edition may be at most {MAX_BYTES:,} bytes "
                                  "(refused before reading)")
    target = _LineRecordingBuilder(path)
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
