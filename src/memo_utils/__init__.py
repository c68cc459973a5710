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
from .emigration import (
    all_groups,
    chart_events,
    coverage,
    deviations,
    emigration_by_year,
    emigration_targets,
    largest_disagreements,
    level_against_targets,
    load_emigration,
    load_frus_rates,
    memo_earliest_date,
    missing_months,
    monthly,
    preferred_monthly,
    preferred_series,
    snippet_has_number,
    source_range,
    target_answers,
    whole_outflow,
    year_spans,
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
    "all_groups",
    "apply_style",
    "chart_events",
    "check_edition",
    "collate",
    "coverage",
    "data_dir",
    "deviations",
    "emigration_by_year",
    "emigration_targets",
    "finish_chart",
    "key_events",
    "largest_disagreements",
    "level_against_targets",
    "load_benchmarks",
    "load_dating",
    "load_emigration",
    "load_events",
    "load_footnotes",
    "load_frus_rates",
    "load_goals",
    "load_memo",
    "load_objectives",
    "load_pages",
    "load_people",
    "load_sections",
    "load_table",
    "load_tiers",
    "memo_earliest_date",
    "memo_url",
    "missing_months",
    "monthly",
    "new_chart",
    "numeric_targets",
    "person_mentions",
    "preferred_monthly",
    "preferred_series",
    "snippet_has_number",
    "source_line",
    "source_range",
    "target_answers",
    "validate",
    "whole_outflow",
    "witness_text",
    "year_spans",
]
