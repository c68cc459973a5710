"""Reading the TEI file safely: unsafe XML, XInclude, foreign and unknown elements, size and depth."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from memo_utils import (
    MemoDataError,
    data_dir,
    load_memo,
)
from memo_utils.edition import (
    MAX_BYTES,
    MAX_DEPTH,
    TEI_ELEMENTS,
    parse_xml,
)
from tests.conftest import edition_file

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
    edition_file(data_copy).write_text(attack, encoding="utf-8")
    with pytest.raises(MemoDataError, match=r"d88\.xml, line 2: refused as unsafe \(DTDForbidden\)") as caught:
        load_memo(data_copy)
    assert "root:" not in str(caught.value) and "lollol" not in str(caught.value)


# --- Hardening: tiny fixtures, one row per kind of refusal ----------------------------------------

_TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'

HARDENING = [
    ("xinclude",
     f'<TEI {_TEI} xmlns:xi="http://www.w3.org/2001/XInclude">\n<text><body>\n'
     '<xi:include href="other.xml"/>\n</body></text></TEI>',
     r"line 3: <xi:include> refused: XInclude is not supported"),
    ("foreign-namespace",
     f'<TEI {_TEI} xmlns:h="http://www.w3.org/1999/xhtml">\n<text><body>\n<h:script/>\n</body></text></TEI>',
     r"line 3: <script> in the namespace http://www.w3.org/1999/xhtml refused: only TEI elements"),
    ("no-namespace",
     "<TEI>\n<text/></TEI>",
     r"line 1: <TEI> in no namespace refused"),
    ("unknown-tei-element",
     f'<TEI {_TEI}>\n<text><body>\n<p>a <emph>b</emph></p>\n</body></text></TEI>',
     r"line 3: <emph> is not a TEI element this edition uses"),
    ("nested-too-deep",
     f'<TEI {_TEI}><text><body>\n' + "<div>" * 100 + "x" + "</div>" * 100 + "</body></text></TEI>",
     r"line 2: elements nested more than 64 deep \(at <div>\)"),
]


@pytest.mark.parametrize(("xml", "message"), [(x, m) for _, x, m in HARDENING], ids=[i for i, _, _ in HARDENING])
def test_hardening_refuses_by_name(tmp_path: Path, xml: str, message: str) -> None:
    path = tmp_path / "tiny.xml"
    path.write_text(xml, encoding="utf-8")
    with pytest.raises(MemoDataError, match=message) as caught:
        parse_xml(path)
    assert caught.value.file == path


def test_deep_nesting_is_refused_long_before_python_recursion_would_fail(tmp_path: Path) -> None:
    """About 1,000 nested elements (9 KB) used to raise RecursionError."""
    path = tmp_path / "deep.xml"
    path.write_text(f'<TEI {_TEI}><text><body>' + "<div>" * 1000 + "</div>" * 1000 + "</body></text></TEI>")
    with pytest.raises(MemoDataError, match="nested more than 64 deep"):
        parse_xml(path)


def test_the_memos_nesting_is_well_within_the_cap() -> None:
    root, _ = parse_xml(edition_file(data_dir()))

    def depth(element: ET.Element) -> int:
        deepest, stack = 0, [(element, 1)]
        while stack:
            node, level = stack.pop()
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in node)
        return deepest

    assert 5 < depth(root) <= MAX_DEPTH // 2


def test_oversized_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.xml"
    path.write_bytes(b"<TEI " + _TEI.encode() + b"><text><body><p>" + b"x" * MAX_BYTES + b"</p></body></text></TEI>")

    def no_reading(self: Path) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(MemoDataError, match=r"big\.xml: is 2,000,0\d\d bytes; an edition may be at most 2,000,000"):
        parse_xml(path)


def test_every_element_of_the_memo_is_known() -> None:
    root, _ = parse_xml(edition_file(data_dir()))
    assert {element.tag.rsplit("}", 1)[-1] for element in root.iter()} == TEI_ELEMENTS
