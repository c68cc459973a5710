"""The memo as a TEI edition, in stages, each with one name and module:

- :mod:`.tei` — *parse*: read the file safely (:func:`parse_xml`);
- :mod:`.checks` — *check*: its structure (:func:`check_structure`);
- :mod:`.reader` — *read*: blocks, footnote anchors, mentions and tokens (:func:`read_edition`);
- :mod:`.views` — the tables: :func:`load_memo`, :func:`load_sections`, :func:`load_footnotes`,
  :func:`load_pages`, :func:`load_people`, :func:`person_mentions`;
- :mod:`.collation` — *collate* with the witness (:func:`collate`, :func:`check_edition`);
- :mod:`.dating` — when the memo was written (:func:`load_dating`, :func:`memo_earliest_date`).

The edition (``data/edition/d88.xml``) follows the Office of the Historian's FRUS encoding:
one ``div[@type='document']`` with ``frus:doc-dateTime-min/max``, the source note as
``note[@type='source']`` in its ``head``, the editors' footnotes as numbered ``note``
elements where their markers stand, ``pb`` for printed pages and ``persName[@corresp]``
keyed to the persons list (``data/people.csv``). Footnote 5, the memo's own, carries
``type="original"``. Every problem raises :class:`MemoDataError` naming the file, the line
and the element.
"""

from .checks import NOTE_KINDS, check_structure
from .collation import Difference, check_edition, collate, witness_tokens
from .dating import MEMO_TERMINUS_EVENT, load_dating, memo_earliest_date
from .reader import Edition, read_edition
from .tei import FRUS_NS, MAX_BYTES, MAX_DEPTH, TEI_ELEMENTS, TEI_NS, Lines, parse_xml
from .views import (
    Memo,
    load_footnotes,
    load_memo,
    load_pages,
    load_people,
    load_sections,
    person_mentions,
    section_openings,
)

__all__ = [
    "FRUS_NS", "MAX_BYTES", "MAX_DEPTH", "MEMO_TERMINUS_EVENT", "NOTE_KINDS", "TEI_ELEMENTS", "TEI_NS",
    "Difference", "Edition", "Lines", "Memo", "check_edition", "check_structure", "collate", "load_dating",
    "load_footnotes", "load_memo", "load_pages", "load_people", "load_sections", "memo_earliest_date",
    "parse_xml", "person_mentions", "read_edition", "section_openings", "witness_tokens",
]
