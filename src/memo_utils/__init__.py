"""memo_utils: the data behind a notebook edition of FRUS 1981–1988, vol. XLI, Document 88.

Loaders return pandas objects; every one of them validates what it reads and raises
:class:`MemoDataError` (naming file, row and field) rather than dropping or coercing.
"""

from .edition import (
    Difference,
    Memo,
    check_edition,
    collate,
    load_dating,
    load_footnotes,
    load_memo,
    load_pages,
    load_people,
    load_sections,
    person_mentions,
)
from .errors import MemoDataError
from .events import key_events, load_events
from .goals import load_benchmarks, load_goals, load_objectives, load_tiers, numeric_targets
from .paths import DATA_ENV, data_dir
from .style import apply_style, finish_chart, new_chart, source_line
from .tables import load_table, memo_url, witness_text
from .validate import validate

__all__ = [
    "DATA_ENV",
    "Difference",
    "Memo",
    "MemoDataError",
    "apply_style",
    "check_edition",
    "collate",
    "data_dir",
    "finish_chart",
    "key_events",
    "load_benchmarks",
    "load_dating",
    "load_events",
    "load_footnotes",
    "load_goals",
    "load_memo",
    "load_objectives",
    "load_pages",
    "load_people",
    "load_sections",
    "load_table",
    "load_tiers",
    "memo_url",
    "new_chart",
    "numeric_targets",
    "person_mentions",
    "source_line",
    "validate",
    "witness_text",
]
