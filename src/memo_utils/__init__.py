"""memo_utils: the data behind a notebook edition of FRUS 1981–1988, vol. XLI, Document 88.

Loaders return pandas objects; every one of them validates what it reads and raises
:class:`MemoDataError` (naming file, row and field) rather than dropping or coercing.

Names are imported lazily (PEP 562): ``import memo_utils`` loads none of the submodules, so
networkx, Frictionless and matplotlib are imported only by the first loader or chart helper
that needs them. ``_SUBMODULE`` says where each public name lives; a test keeps it and
``__all__`` in step.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .argument import (
        argument_graph, bearing_on, claim_steps, grounds, load_claims, load_leverage_terms,
        load_relations, offer_and_ask,
    )
    from .edition import (
        Difference, Memo, check_edition, collate, load_dating, load_footnotes, load_memo,
        load_pages, load_people, load_sections, memo_earliest_date, person_mentions,
    )
    from .emigration import (
        all_groups, coverage, deviations, emigration_by_year, emigration_targets,
        largest_disagreements, level_against_targets, load_emigration, missing_months, monthly,
        preferred_monthly, preferred_series, snippet_has_number, source_range, target_answers, whole_outflow,
        year_spans,
    )
    from .emigration_pace import (
        first_month_at_pace, monthly_pace_report, months_within, target_levels, times_level, year_levels,
    )
    from .errors import MemoDataError
    from .events import chart_events, key_events, load_events
    from .frus_context import load_frus_context, load_frus_rates
    from .glossary import glossary_term, load_glossary
    from .goals import load_benchmarks, load_goals, load_objectives, load_tiers, numeric_targets
    from .paths import DATA_ENV, data_dir
    from .style import apply_style, finish_chart, new_chart, source_line
    from .tables import load_table, memo_url, witness_text
    from .validate import validate

#: Where each public name is defined.
_SUBMODULE: dict[str, str] = {
    "DATA_ENV": "paths",
    "Difference": "edition",
    "Memo": "edition",
    "MemoDataError": "errors",
    "all_groups": "emigration",
    "apply_style": "style",
    "argument_graph": "argument",
    "bearing_on": "argument",
    "chart_events": "events",
    "check_edition": "edition",
    "claim_steps": "argument",
    "collate": "edition",
    "coverage": "emigration",
    "data_dir": "paths",
    "deviations": "emigration",
    "emigration_by_year": "emigration",
    "emigration_targets": "emigration",
    "finish_chart": "style",
    "first_month_at_pace": "emigration_pace",
    "grounds": "argument",
    "key_events": "events",
    "largest_disagreements": "emigration",
    "level_against_targets": "emigration",
    "load_benchmarks": "goals",
    "load_claims": "argument",
    "load_dating": "edition",
    "load_emigration": "emigration",
    "load_events": "events",
    "load_footnotes": "edition",
    "load_frus_context": "frus_context",
    "load_frus_rates": "frus_context",
    "load_goals": "goals",
    "load_leverage_terms": "argument",
    "load_memo": "edition",
    "load_objectives": "goals",
    "load_pages": "edition",
    "load_people": "edition",
    "load_relations": "argument",
    "load_sections": "edition",
    "load_table": "tables",
    "load_tiers": "goals",
    "memo_earliest_date": "edition",
    "memo_url": "tables",
    "missing_months": "emigration",
    "monthly": "emigration",
    "monthly_pace_report": "emigration_pace",
    "months_within": "emigration_pace",
    "new_chart": "style",
    "numeric_targets": "goals",
    "offer_and_ask": "argument",
    "person_mentions": "edition",
    "preferred_monthly": "emigration",
    "preferred_series": "emigration",
    "snippet_has_number": "emigration",
    "source_line": "style",
    "source_range": "emigration",
    "target_answers": "emigration",
    "target_levels": "emigration_pace",
    "times_level": "emigration_pace",
    "validate": "validate",
    "whole_outflow": "emigration",
    "witness_text": "tables",
    "year_levels": "emigration_pace",
    "glossary_term": "glossary",
    "load_glossary": "glossary",
    "year_spans": "emigration",
}

#: Submodules reachable as attributes (``memo_utils.emigration.MONTHLY_CHART_EVENTS``).
_SUBPACKAGES = frozenset({
    "argument", "charts", "dates", "edition", "emigration", "emigration_pace", "errors", "events",
    "frus_context", "goals", "paths", "style", "tables", "validate",
})

__all__ = [
    "DATA_ENV",
    "Difference",
    "Memo",
    "MemoDataError",
    "all_groups",
    "apply_style",
    "argument_graph",
    "bearing_on",
    "chart_events",
    "check_edition",
    "claim_steps",
    "collate",
    "coverage",
    "data_dir",
    "deviations",
    "emigration_by_year",
    "emigration_targets",
    "finish_chart",
    "first_month_at_pace",
    "glossary_term",
    "grounds",
    "key_events",
    "largest_disagreements",
    "level_against_targets",
    "load_benchmarks",
    "load_claims",
    "load_dating",
    "load_emigration",
    "load_events",
    "load_footnotes",
    "load_frus_context",
    "load_frus_rates",
    "load_glossary",
    "load_goals",
    "load_leverage_terms",
    "load_memo",
    "load_objectives",
    "load_pages",
    "load_people",
    "load_relations",
    "load_sections",
    "load_table",
    "load_tiers",
    "memo_earliest_date",
    "memo_url",
    "missing_months",
    "monthly",
    "monthly_pace_report",
    "months_within",
    "new_chart",
    "numeric_targets",
    "offer_and_ask",
    "person_mentions",
    "preferred_monthly",
    "preferred_series",
    "snippet_has_number",
    "source_line",
    "source_range",
    "target_answers",
    "target_levels",
    "times_level",
    "validate",
    "whole_outflow",
    "witness_text",
    "year_levels",
    "year_spans",
]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULE:
        value = getattr(importlib.import_module(f".{_SUBMODULE[name]}", __name__), name)
    elif name in _SUBPACKAGES:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__) | _SUBPACKAGES)
