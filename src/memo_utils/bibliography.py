"""The secondary works the notebooks cite, each checked against a stored page."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .tables import load_table, raise_at_first, resource_path


def _year_shown(row: pd.Series) -> bool:
    if pd.isna(row["year"]):
        return True
    year = str(int(row["year"]))
    return year in row["snippet"] or year in row["url"]


def _publisher_shown(row: pd.Series) -> bool:
    if pd.isna(row["publisher"]):
        return True
    return str(row["publisher"]) in row["snippet"]


def load_bibliography(data: Path | str | None = None) -> pd.DataFrame:
    """Every cited work, validated: its snippet must show the publisher it names, and
    the year it gives must appear in the snippet or in the checked page's address."""
    works = load_table("bibliography", data)
    path = resource_path("bibliography", data)
    publisher = works.apply(_publisher_shown, axis=1).astype(bool)
    raise_at_first(~publisher, path, "publisher",
                   "the checked page's snippet does not show this publisher")
    year = works.apply(_year_shown, axis=1).astype(bool)
    raise_at_first(~year, path, "year",
                   "neither the snippet nor the checked page's address shows this year")
    return works


def citation(works: pd.DataFrame, work_id: str) -> str:
    """A short reference, 'Authors, *Title* (Publisher, Year)', with what is unknown left out."""
    match = works[works["work_id"] == work_id]
    if match.empty:
        raise KeyError(f"no work '{work_id}' in bibliography.csv")
    row = match.iloc[0]
    imprint = [str(row[k]) if k != "year" else str(int(row[k]))
               for k in ("publisher", "year") if not pd.isna(row[k])]
    authors = " and ".join(str(row["authors"]).split("; "))
    tail = f" ({', '.join(imprint)})" if imprint else ""
    return f"{authors}, *{row['title']}*{tail}"
