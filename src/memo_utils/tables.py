"""Read the CSV tables of the data package, validated against their Frictionless Table Schema.

The check itself is :mod:`memo_utils.schema` (the project's own code; Frictionless is not
imported at run time, see docs/validation.md).

The schema in ``data/datapackage.json`` is the single description of every table:
column names, types, allowed values, keys. Two custom properties extend it:

- a field with ``"ordered": true`` and an ``enum`` constraint loads as an ordered
  categorical in the enum's order (tiers in the memo's order, for example);
- a resource's ``"memoQuotes"`` lists the fields that quote the memo; each of their
  values must appear verbatim in the witness text, starting and ending on word boundaries;
- a string field's ``"partialDate"`` gives the range of years of a YYYY[-MM[-DD]] date.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import MemoDataError
from .package import DataPackage, identity, normalise_space, witness
from .paths import data_dir
from .schema import _parser, check_table, read_csv

__all__ = ["load_table", "memo_url", "normalise_space", "raise_at_first", "read_descriptor",
           "resource_descriptor", "resource_path", "witness_text"]

_PANDAS_DTYPES = {"integer": "Int64", "number": "Float64", "year": "Int64", "boolean": "boolean"}


def read_descriptor(data: Path | str | None = None) -> dict[str, Any]:
    """The data package descriptor (``datapackage.json``) as a dict, read once while unchanged.

    The dict is shared between callers: do not change it.
    """
    return DataPackage.open(data).descriptor


def resource_descriptor(name: str, data: Path | str | None = None) -> dict[str, Any]:
    """The descriptor of one resource of the package, by name."""
    return DataPackage.open(data).resource(name)


def resource_path(name: str, data: Path | str | None = None) -> Path:
    """The file of one resource, checked to exist."""
    return DataPackage.open(data).path(name)


def memo_url(data: Path | str | None = None) -> str:
    """The Office of the Historian's address for the memo, from the witness's provenance."""
    return str(resource_descriptor("witness", data)["sources"][0]["path"])


def witness_text(data: Path | str | None = None) -> str:
    """The memo's text as published by the Office of the Historian, white space normalised."""
    return witness(resource_path("witness", data))


def load_table(name: str, data: Path | str | None = None) -> pd.DataFrame:
    """Load one CSV resource, validated, with pandas dtypes from its schema.

    Raises :class:`MemoDataError` naming file, row and field for a missing file, a file
    that is not plain UTF-8 CSV (byte-order mark, NUL byte, Latin-1 bytes), a header with
    no rows, a missing, misnamed or extra column, a padded or wrongly typed value, a value
    outside its constraints, a duplicate key, a dangling reference, or a quotation that is
    not the memo's words from word boundary to word boundary.
    """
    package = DataPackage.open(data)
    resource = package.resource(name)
    path = package.path(name)
    columns = _checked_columns(identity(path), _schema_key(package, name))
    fields = resource["schema"]["fields"]
    frame = pd.DataFrame({field["name"]: _typed(columns[field["name"]], field) for field in fields})
    _check_quotes(frame, resource.get("memoQuotes", []), path, package)
    _check_memo_snippets(frame, path, package)
    return frame


def check_schema(name: str, data: Path | str | None = None) -> int:
    """Check one table against its schema only (no pandas, no quotations); return its rows."""
    package = DataPackage.open(data)
    columns = _checked_columns(identity(package.path(name)), _schema_key(package, name))
    return len(next(iter(columns.values()), []))


def _schema_key(package: DataPackage, name: str) -> tuple[str, str, tuple[str, int, int, int]]:
    return (str(package.root), name, identity(package.root / "datapackage.json"))


@lru_cache(maxsize=64)
def _checked_columns(file: tuple[str, int, int, int], schema_key: tuple[str, str, Any]) -> dict[str, list[Any]]:
    """The typed columns of one table, checked (memoised while neither file changes)."""
    package = DataPackage(Path(schema_key[0]))
    resource = package.resource(schema_key[1])
    if "schema" not in resource:
        raise MemoDataError(package.root / "datapackage.json", f"resource '{schema_key[1]}' has no schema",
                            field="resources")

    def references(other: str, fields: list[str]) -> set[tuple[Any, ...]]:
        target = _checked_columns(identity(package.path(other)), _schema_key(package, other))
        return set(zip(*(target[field] for field in fields)))

    return check_table(read_csv(Path(file[0])), resource["schema"], references)


def raise_at_first(bad: pd.Series, path: Path, field: str, message: str) -> None:
    """Raise a MemoDataError at the first row where ``bad`` is true, counting all of them.

    Rows are numbered as a spreadsheet shows them: the header is row 1.
    """
    rows = [int(index) + 2 for index in bad[bad.astype(bool)].index]
    if rows:
        problems = [str(MemoDataError(path, message, row=row, field=field)) for row in rows]
        raise MemoDataError(path, message, row=rows[0], field=field, problems=problems)


def _typed(values: Any, field: dict[str, Any]) -> pd.Series:
    """A pandas column from values the schema checker has typed (None where missing).

    Raw strings (as in a CSV cell) are parsed by the schema checker's rules first.
    """
    kind = field.get("type", "string")
    if kind != "string":
        parse = _parser(field)
        values = [parse(v) if isinstance(v, str) else None if v is None or v is pd.NA else v for v in values]
    return pd.Series(_column(list(values), field))


def _column(values: list[Any], field: dict[str, Any]) -> Any:
    kind = field.get("type", "string")
    enum = field.get("constraints", {}).get("enum")
    if field.get("ordered") and enum:
        return pd.Categorical(values, categories=enum, ordered=True)
    if kind in _PANDAS_DTYPES:
        return pd.array(values, dtype=_PANDAS_DTYPES[kind])
    if kind == "date":
        return pd.to_datetime(pd.Series([None if v is None else v.isoformat() for v in values], dtype="object"),
                              format="%Y-%m-%d")
    if kind == "datetime":
        return pd.to_datetime(pd.Series(values, dtype="object"), utc=True)
    return pd.array(values, dtype="string")


def on_word_boundaries(quote: str, text: str) -> bool:
    """Whether ``quote`` occurs in ``text`` starting and ending on word boundaries.

    A quotation that begins or ends mid-word ("he memo", "Soviet Unio") is not the memo's words.
    """
    start = text.find(quote)
    while start >= 0:
        end = start + len(quote)
        opens = start == 0 or not (text[start - 1].isalnum() and quote[0].isalnum())
        closes = end == len(text) or not (text[end].isalnum() and quote[-1].isalnum())
        if opens and closes:
            return True
        start = text.find(quote, start + 1)
    return False


def _check_quotes(frame: pd.DataFrame, fields: list[str], path: Path, package: DataPackage) -> None:
    if not fields:
        return
    text = package.witness
    for field in fields:
        quotes = frame[field].dropna().astype(str).map(normalise_space)
        missing = ~quotes.map(lambda quote: bool(quote) and on_word_boundaries(quote, text))
        raise_at_first(missing, path, field,
                       "not found verbatim in the memo's text (whole words, from word boundary to word boundary)")


def _check_memo_snippets(frame: pd.DataFrame, path: Path, package: DataPackage) -> None:
    """A row that cites the memo itself as its source must quote it exactly."""
    if not {"url", "snippet"} <= set(frame.columns):
        return
    cites_memo = frame["url"] == str(package.resource("witness")["sources"][0]["path"])
    _check_quotes(frame.loc[cites_memo.fillna(False).astype(bool)], ["snippet"], path, package)
