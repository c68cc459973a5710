"""Read the CSV tables of the data package, validated against their Frictionless schema.

The schema in ``data/datapackage.json`` is the single description of every table:
column names, types, allowed values, keys. Two custom properties extend it:

- a field with ``"ordered": true`` and an ``enum`` constraint loads as an ordered
  categorical in the enum's order (tiers in the memo's order, for example);
- a resource's ``"memoQuotes"`` lists the fields that quote the memo; each of their
  values must appear verbatim in the witness text.
"""

from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import frictionless
import pandas as pd

from .errors import MemoDataError
from .paths import data_dir

_TRUE_VALUES = ("true", "True", "TRUE", "1")
_FALSE_VALUES = ("false", "False", "FALSE", "0")
_PANDAS_DTYPES = {"integer": "Int64", "number": "Float64", "year": "Int64", "boolean": "boolean"}


def read_descriptor(data: Path | str | None = None) -> dict[str, Any]:
    """The data package descriptor (``datapackage.json``) as a dict."""
    path = data_dir(data) / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise MemoDataError(path, f"not valid JSON: {exc.msg}", line=exc.lineno) from exc


def resource_descriptor(name: str, data: Path | str | None = None) -> dict[str, Any]:
    """The descriptor of one resource of the package, by name."""
    descriptor = read_descriptor(data)
    for resource in descriptor.get("resources", []):
        if resource.get("name") == name:
            return resource
    raise MemoDataError(
        data_dir(data) / "datapackage.json", f"no resource named '{name}'", field="resources"
    )


def resource_path(name: str, data: Path | str | None = None) -> Path:
    """The file of one resource, checked to exist."""
    path = data_dir(data) / resource_descriptor(name, data)["path"]
    if not path.is_file():
        raise MemoDataError(path, f"file not found (resource '{name}' in datapackage.json)")
    return path


def normalise_space(text: str) -> str:
    """Collapse every run of white space to one space, so line breaks never matter."""
    return re.sub(r"\s+", " ", text).strip()


def memo_url(data: Path | str | None = None) -> str:
    """The Office of the Historian's address for the memo, from the witness's provenance."""
    return str(resource_descriptor("witness", data)["sources"][0]["path"])


def witness_text(data: Path | str | None = None) -> str:
    """The memo's text as published by the Office of the Historian, white space normalised."""
    return normalise_space(resource_path("witness", data).read_text(encoding="utf-8"))


def load_table(name: str, data: Path | str | None = None) -> pd.DataFrame:
    """Load one CSV resource, validated, with pandas dtypes from its schema.

    Raises :class:`MemoDataError` naming file, row and field for a missing file, a
    missing, misnamed or extra column, a value of the wrong type, a value outside its
    constraints, a duplicate key, a dangling reference, or a misquotation of the memo.
    """
    root = data_dir(data)
    descriptor = resource_descriptor(name, root)
    path = resource_path(name, root)
    fields = descriptor["schema"]["fields"]
    _check_header(path, [field["name"] for field in fields])
    _check_with_frictionless(root, name, path)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[], encoding="utf-8")
    frame = frame.replace({"": pd.NA})
    for field in fields:
        frame[field["name"]] = _typed(frame[field["name"]], field)
    _check_quotes(frame, descriptor.get("memoQuotes", []), path, root)
    _check_memo_snippets(frame, path, root)
    return frame


def raise_at_first(bad: pd.Series, path: Path, field: str, message: str) -> None:
    """Raise a MemoDataError at the first row where ``bad`` is true, counting all of them.

    Rows are numbered as a spreadsheet shows them: the header is row 1.
    """
    rows = [int(index) + 2 for index in bad[bad.astype(bool)].index]
    if rows:
        problems = [str(MemoDataError(path, message, row=row, field=field)) for row in rows]
        raise MemoDataError(path, message, row=rows[0], field=field, problems=problems)


def _check_header(path: Path, expected: list[str]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    missing = [name for name in expected if name not in header]
    extra = [name for name in header if name not in expected]
    if missing:
        hint = f"; found instead: {', '.join(extra)}" if extra else ""
        raise MemoDataError(path, f"missing column{hint}", row=1, field=missing[0])
    if extra:
        raise MemoDataError(path, "column not in the schema (misnamed?)", row=1, field=extra[0])
    if header != expected:
        raise MemoDataError(path, f"columns out of order: expected {', '.join(expected)}", row=1)


@lru_cache(maxsize=8)
def _package(descriptor_path: Path, modified: float) -> frictionless.Package:
    return frictionless.Package(str(descriptor_path))


def _check_with_frictionless(root: Path, name: str, path: Path) -> None:
    descriptor_path = root / "datapackage.json"
    package = _package(descriptor_path, descriptor_path.stat().st_mtime)
    resource = package.get_resource(name)
    report = resource.validate()
    errors = [error for task in report.tasks for error in task.errors] + list(report.errors)
    if not errors:
        return
    schema = resource.schema
    located = [_locate(error, schema, path) for error in errors]
    # A value can break a constraint and a foreign key at once: report each cell once.
    located = list({(e.row, e.field): e for e in reversed(located)}.values())[::-1]
    first = located[0]
    raise MemoDataError(
        path, first.message, row=first.row, field=first.field, problems=[str(e) for e in located]
    )


def _locate(error: Any, schema: frictionless.Schema, path: Path) -> MemoDataError:
    """Turn one Frictionless error into a located MemoDataError (not raised)."""
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    if error.type == "type-error":
        # A type error is a cell error, and a cell error always names its field.
        what = f"'{cell}' is not a valid {schema.get_field(error.field_name).type}"
    elif error.type == "constraint-error":
        what = f"'{cell}' is not allowed here: {error.note}"
    elif error.type in {"primary-key", "unique-error"}:
        field = field or ", ".join(schema.primary_key)
        what = f"duplicate key: {error.note}"
    elif error.type == "foreign-key":
        # Name the offending key's own fields, not every foreign key of the table.
        field = ", ".join(getattr(error, "field_names", None) or _fk_fields(schema))
        what = f"refers to a row that does not exist: {error.note}"
    else:
        what = f"{error.title}: {error.note}"
    return MemoDataError(path, what, row=row, field=field)


def _fk_fields(schema: frictionless.Schema) -> list[str]:
    return [name for key in schema.foreign_keys for name in key["fields"]]


def _typed(column: pd.Series, field: dict[str, Any]) -> pd.Series:
    kind = field.get("type", "string")
    enum = field.get("constraints", {}).get("enum")
    if field.get("ordered") and enum:
        return pd.Categorical(column, categories=enum, ordered=True)
    if kind in {"integer", "year", "number"}:
        return pd.to_numeric(column).astype(_PANDAS_DTYPES[kind])
    if kind == "boolean":
        # The same spellings Frictionless accepted when it validated the column.
        truth = {value: True for value in field.get("trueValues", _TRUE_VALUES)}
        truth |= {value: False for value in field.get("falseValues", _FALSE_VALUES)}
        return column.map(truth, na_action="ignore").astype("boolean")
    if kind == "date":
        return pd.to_datetime(column, format="%Y-%m-%d")
    return column.astype("string")


def _check_quotes(frame: pd.DataFrame, fields: list[str], path: Path, root: Path) -> None:
    if not fields:
        return
    text = witness_text(root)
    for field in fields:
        quotes = frame[field].dropna().map(normalise_space)
        missing = ~quotes.map(lambda quote: quote in text)
        raise_at_first(missing, path, field, "not found verbatim in the memo's text")


def _check_memo_snippets(frame: pd.DataFrame, path: Path, root: Path) -> None:
    """A row that cites the memo itself as its source must quote it exactly."""
    if not {"url", "snippet"} <= set(frame.columns):
        return
    cites_memo = frame["url"] == memo_url(root)
    _check_quotes(frame.loc[cites_memo.fillna(False).astype(bool)], ["snippet"], path, root)
