"""The glossary: terms the notebooks use, each with a definition and the source it rests on."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .errors import MemoDataError
from .tables import load_table, resource_path


def load_glossary(data: Path | str | None = None) -> pd.DataFrame:
    """Load ``glossary.csv``, validated against its schema, sorted by term (case-insensitive).

    Besides the schema, every term must be defined in more than its own name, and no
    definition may simply repeat its snippet: the definitions are the project's own words.
    """
    frame = load_table("glossary", data)
    where = resource_path("glossary", data)
    for position, row in frame.iterrows():
        if str(row["definition"]).strip().lower() == str(row["term"]).strip().lower():
            raise MemoDataError(where, "the definition only repeats the term", row=int(position) + 2, field="definition")
        if str(row["definition"]).strip() == str(row["snippet"]).strip():
            raise MemoDataError(where, "the definition copies the source's snippet instead of explaining it in our words",
                                row=int(position) + 2, field="definition")
    return frame.sort_values("term", key=lambda s: s.str.lower()).reset_index(drop=True)


def glossary_term(term: str, data: Path | str | None = None) -> pd.Series:
    """One term's row; raises MemoDataError when the glossary does not define it."""
    frame = load_glossary(data)
    found = frame[frame["term"].str.lower() == term.lower()]
    if found.empty:
        raise MemoDataError(resource_path("glossary", data), f"the glossary does not define {term!r}", field="term")
    return found.iloc[0]
