"""memo_utils: the data behind a notebook edition of FRUS 1981–1988, vol. XLI, Document 88.

Loaders return pandas objects; every one of them validates what it reads and raises
:class:`MemoDataError` (naming file, row and field) rather than dropping or coercing.
"""

from .argument import (
    argument_graph,
    bearing_on,
    claim_steps,
    grounds,
    load_claims,
    load_frus_context,
    load_leverage_terms,
    load_relations,
    offer_and_ask,
)
from .errors import MemoDataError
from .events import key_events, load_events
from .goals import load_goals, load_objectives, load_tiers, numeric_targets
from .paths import DATA_ENV, data_dir
from .style import apply_style, finish_chart, new_chart, source_line
from .tables import load_table, witness_text
from .validate import validate

__all__ = [
    "DATA_ENV",
    "MemoDataError",
    "apply_style",
    "argument_graph",
    "bearing_on",
    "claim_steps",
    "data_dir",
    "finish_chart",
    "grounds",
    "key_events",
    "load_claims",
    "load_events",
    "load_frus_context",
    "load_goals",
    "load_leverage_terms",
    "load_objectives",
    "load_relations",
    "load_table",
    "load_tiers",
    "new_chart",
    "numeric_targets",
    "offer_and_ask",
    "source_line",
    "validate",
    "witness_text",
]
