"""Check the whole data folder in one call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .argument import load_claims, load_frus_context, load_leverage_terms, load_relations
from .edition import check_edition, load_dating, load_people
from .emigration import load_emigration, load_frus_rates
from .events import load_events
from .goals import load_benchmarks, load_goals, load_objectives, load_tiers
from .tables import check_schema, load_table, read_descriptor

#: Loaders that add checks of their own beyond the schema; other tables get load_table.
#: Resources without a schema are checked only if they have a loader here (the TEI edition:
#: parsed, checked, and collated word for word with the witness).
LOADERS: dict[str, Callable[[Path | str | None], pd.DataFrame]] = {
    "tiers": load_tiers,
    "goals": load_goals,
    "objectives": load_objectives,
    "events": load_events,
    "benchmarks": load_benchmarks,
    "people": load_people,
    "dating": load_dating,
    "edition": check_edition,
    "emigration": load_emigration,
    "frus_emigration_rates": load_frus_rates,
    "argument_claims": load_claims,
    "argument_relations": load_relations,
    "leverage_terms": load_leverage_terms,
    "frus_context": load_frus_context,
}


def validate(data: Path | str | None = None) -> dict[str, int]:
    """Load and check every table of the data package and the edition; return rows per table
    (for the edition: its paragraphs).

    Raises :class:`memo_utils.MemoDataError` at the first problem, naming file,
    row and field.
    """
    resources = read_descriptor(data)["resources"]
    # Every table against its schema first (memoised, so the loaders below do not check again):
    # a loader that reads another table for its own purposes then only ever sees sound files.
    for resource in resources:
        if "schema" in resource:
            check_schema(resource["name"], data)
    names = [r["name"] for r in resources if "schema" in r or r["name"] in LOADERS]
    counts = {}
    for name in names:
        loader = LOADERS.get(name, lambda d, n=name: load_table(n, d))
        counts[name] = len(loader(data))
    return counts
