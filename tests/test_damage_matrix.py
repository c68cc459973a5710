"""One table of damage kinds × tables, generated from datapackage.json.

Every case copies data/ to a temporary folder, damages one cell, line or byte of one table,
and asserts a MemoDataError that names the file and, where there is one, the row and field.
A new table, column or constraint in datapackage.json adds its cases by itself. Cases that
touch only the schema run the schema checker alone (memo_utils.tables.check_schema); cases
about quotations of the memo run load_table, which also collates them with the witness.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from memo_utils import MemoDataError, data_dir, load_table
from memo_utils.tables import check_schema

DATA = data_dir()
DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
TABLES = [r for r in DESCRIPTOR["resources"] if "schema" in r]

Rows = list[list[str]]


@dataclass(frozen=True)
class Case:
    """One damage to one table, and where the error must point."""

    table: str
    kind: str
    damage: Callable[[Path], None]
    row: int | None = None
    line: int | None = None
    field: str | None = None
    message: str = ""
    loader: bool = False

    @property
    def id(self) -> str:
        return f"{self.table}-{self.kind}" + (f"-{self.field}" if self.field else "")


def _read(path: Path) -> Rows:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(path: Path, rows: Rows) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _cell_damage(file: str, row: int, column: int, value: str) -> Callable[[Path], None]:
    def damage(root: Path) -> None:
        rows = _read(root / file)
        rows[row - 1][column] = value
        _write(root / file, rows)

    return damage


def _bytes_damage(file: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def damage(root: Path) -> None:
        path = root / file
        path.write_bytes(change(path.read_bytes()))

    return damage


def _first_filled(rows: Rows, column: int) -> int | None:
    """The spreadsheet row of the first non-empty cell in a column."""
    return next((number for number, row in enumerate(rows[1:], start=2) if row[column]), None)


def _text_column(resource: dict, rows: Rows) -> int:
    """A free-text column (no pattern, no enum) with a value in row 2, for byte-level damage."""
    for position, field in enumerate(resource["schema"]["fields"]):
        constraints = field.get("constraints", {})
        if field.get("type", "string") == "string" and not {"pattern", "enum"} & set(constraints) and rows[1][position]:
            return position
    raise AssertionError(f"{resource['name']} has no free-text column")


def _in_cell(file: str, column: int, text: str) -> Callable[[bytes], bytes]:
    """Append ``text`` (as raw bytes) to the cell of row 2 in ``column``."""
    def change(raw: bytes) -> bytes:
        rows = _read_bytes_rows(raw)
        marker = "\u2063MARK\u2063"
        rows[1][column] += marker
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        return buffer.getvalue().encode("utf-8").replace(marker.encode("utf-8"), text.encode("latin-1"))

    return change


def _read_bytes_rows(raw: bytes) -> Rows:
    return list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))


def _file_cases(resource: dict) -> Iterator[Case]:
    name, file = resource["name"], resource["path"]
    rows = _read(DATA / file)
    text = _text_column(resource, rows)
    first_field = rows[0][0]
    yield Case(name, "bom", _bytes_damage(file, lambda raw: b"\xef\xbb\xbf" + raw), line=1,
               message="starts with a byte-order mark")
    yield Case(name, "latin1", _bytes_damage(file, _in_cell(file, text, " caf\xe9")), line=2,
               message="not UTF-8: byte 0xE9 at line 2")
    yield Case(name, "cp1252", _bytes_damage(file, _in_cell(file, text, " \x93quoted\x94")), line=2,
               message="not UTF-8: byte 0x93 at line 2")
    yield Case(name, "nul", _bytes_damage(file, _in_cell(file, text, "\x00")), line=2, message="NUL byte")
    yield Case(name, "header-only", _bytes_damage(file, lambda raw: raw.split(b"\n")[0] + b"\n"), row=1,
               message="has a header but no rows")
    yield Case(name, "empty", _bytes_damage(file, lambda raw: b""), message="the file is empty")
    yield Case(name, "blank-line", _bytes_damage(file, lambda raw: raw.replace(b"\n", b"\n\n", 1)), row=2,
               message="blank line")
    yield Case(name, "short-row", _bytes_damage(file, lambda raw: raw.rstrip(b"\n") + b"\n" + b"x\n"),
               row=len(rows) + 1, message="1 values where the header has")
    yield Case(name, "unclosed-quote", _bytes_damage(file, lambda raw: raw + b'"unclosed,\n'),
               message="not well-formed CSV")
    yield Case(name, "renamed-column", _cell_damage(file, 1, 0, first_field.upper()), row=1, field=first_field,
               message="missing column; found instead")
    yield Case(name, "extra-column",
               lambda root: _write(root / file, [row + ["extra"] for row in _read(root / file)]),
               row=1, field="extra", message="column not in the schema")
    yield Case(name, "column-order",
               lambda root: _write(root / file, [row[1:2] + row[:1] + row[2:] for row in _read(root / file)]),
               row=1, message="columns out of order")
    yield Case(name, "file-missing", lambda root: (root / file).unlink(), message="file not found")


_BAD_INTEGERS = {"plus": "+5", "leading-zero": "05", "thousands": "1,000", "exponent": "1e3", "words": "five",
                 "decimal": "5.0"}
_BAD_URLS = {"spaces": "https:// not a url at all", "scheme": "ftp://example.org/file", "no-host": "https://",
             "bare": "example.org/page"}


def _field_cases(resource: dict) -> Iterator[Case]:
    name, file = resource["name"], resource["path"]
    rows = _read(DATA / file)
    schema = resource["schema"]
    for position, field in enumerate(schema["fields"]):
        column, kind = field["name"], field.get("type", "string")
        constraints = field.get("constraints", {})
        filled = _first_filled(rows, position)

        def case(label: str, value: str, row: int | None = filled, message: str = "", **extra: object) -> Case:
            assert row is not None
            return Case(name, label, _cell_damage(file, row, position, value), row=row, field=column,
                        message=message, **extra)  # type: ignore[arg-type]

        if filled is not None:
            value = rows[filled - 1][position]
            yield case("padded-spaces", f" {value} ", message="at its start or end")
            yield case("padded-tab", f"{value}\t", message="at its start or end")
            yield case("control-char", f"{value[:1]}\x07{value[1:]}", message="control character")
        if constraints.get("required"):
            yield case("required-empty", "", row=2, message="requires a value")
        if kind in {"integer", "year"}:
            for label, bad in _BAD_INTEGERS.items():
                yield case(f"integer-{label}", bad, row=2, message="is not a valid")
        if kind == "number":
            yield case("number-thousands", "1,000.5", row=2, message="is not a valid number")
        if kind in {"integer", "year", "number"} and "minimum" in constraints:
            yield case("below-minimum", str(int(constraints["minimum"]) - 1), row=2, message='constraint "minimum"')
        if kind in {"integer", "year", "number"} and "maximum" in constraints:
            yield case("above-maximum", str(int(constraints["maximum"]) + 1), row=2, message='constraint "maximum"')
        if kind == "year" or "partialDate" in field:
            yield case("year-2187", "2187", row=2, message="")
            yield case("year-3000", "3000-01" if kind != "year" else "3000", row=2, message="")
        if kind == "date" or "partialDate" in field:
            yield case("impossible-date", "1987-02-30", row=2, message="")
            yield case("impossible-month", "1987-13", row=2, message="")
        if kind == "date" or "partialDate" in field:
            yield case("date-slashes", "30/01/1987", row=2, message="")
        if kind == "boolean":
            yield case("boolean-yes", "yes", row=2, message="is not a valid boolean")
        if "enum" in constraints:
            yield case("enum-unknown", "none-of-these", row=2, message='constraint "enum"')
        if "pattern" in constraints and kind == "string":
            yield case("pattern-broken", "Not Matching ~", row=2, message='constraint "pattern"')
        if column == "url" or "http" in constraints.get("pattern", ""):
            for label, bad in _BAD_URLS.items():
                yield case(f"url-{label}", bad, row=2, message='constraint "pattern"')
        if "maxLength" in constraints:
            yield case("too-long", "x" * (int(constraints["maxLength"]) + 1), row=2, message='"maxLength"')
        if constraints.get("unique") and len(rows) > 2:
            yield case("unique-duplicate", rows[1][position], row=3, message="unique")
    yield from _key_cases(resource, rows)
    yield from _quote_cases(resource, rows)


def _key_cases(resource: dict, rows: Rows) -> Iterator[Case]:
    name, file = resource["name"], resource["path"]
    schema = resource["schema"]
    header = rows[0]
    key = schema.get("primaryKey")
    if key and len(rows) > 2:
        key = [key] if isinstance(key, str) else key

        def duplicate(root: Path) -> None:
            table = _read(root / file)
            for column in key:
                table[2][header.index(column)] = table[1][header.index(column)]
            _write(root / file, table)

        yield Case(name, "duplicate-key", duplicate, row=3, field=", ".join(key), message="")
    for foreign in schema.get("foreignKeys", []):
        fields = foreign["fields"] if isinstance(foreign["fields"], list) else [foreign["fields"]]
        column = fields[0]
        position = header.index(column)
        row = _first_filled(rows, position)
        enumerated = "enum" in resource["schema"]["fields"][position].get("constraints", {})
        if row is not None and not enumerated:
            yield Case(name, "dangling-reference", _cell_damage(file, row, position, "no_such_key"), row=row,
                       field=", ".join(fields), message="refers to a row that does not exist")


def _chopped(quote: str) -> str | None:
    """The quotation with its last letter deleted (after trailing punctuation), if that breaks a word."""
    body = re.sub(r"\W+$", "", quote)
    if len(body) < 2 or not body[-2].isalnum():
        return None
    return body[:-1]


def _beheaded(quote: str) -> str | None:
    """The quotation with its first letter deleted (after leading punctuation), if that breaks a word."""
    body = re.sub(r"^\W+", "", quote)
    if len(body) < 2 or not body[1].isalnum():
        return None
    return body[1:]


def _quote_cases(resource: dict, rows: Rows) -> Iterator[Case]:
    name, file = resource["name"], resource["path"]
    header = rows[0]
    for column in resource.get("memoQuotes", []):
        position = header.index(column)
        for number, row in enumerate(rows[1:], start=2):
            chopped, beheaded = _chopped(row[position]), _beheaded(row[position])
            if chopped is not None and beheaded is not None:
                yield Case(name, "quote-last-letter-deleted", _cell_damage(file, number, position, chopped),
                           row=number, field=column, message="not found verbatim", loader=True)
                yield Case(name, "quote-first-letter-deleted",
                           _cell_damage(file, number, position, beheaded),
                           row=number, field=column, message="not found verbatim", loader=True)
                yield Case(name, "quote-invented", _cell_damage(file, number, position, "words the memo never used"),
                           row=number, field=column, message="not found verbatim", loader=True)
                break


CASES = [case for resource in TABLES for maker in (_file_cases, _field_cases) for case in maker(resource)]


def test_the_matrix_covers_every_table_and_the_issues_damages() -> None:
    kinds = {case.kind for case in CASES}
    assert {case.table for case in CASES} == {r["name"] for r in TABLES}
    assert {"bom", "latin1", "cp1252", "nul", "header-only", "padded-spaces", "integer-plus", "integer-leading-zero",
            "integer-thousands", "integer-exponent", "url-spaces", "impossible-date", "year-2187",
            "quote-last-letter-deleted"} <= kinds
    assert len(CASES) > 357


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_damage_is_named(case: Case, pristine: Path) -> None:
    resource = next(r for r in TABLES if r["name"] == case.table)
    # A plain temporary folder: pytest's tmp_path costs more than the check itself.
    root = Path(tempfile.mkdtemp(dir=pristine.parent)) / "data"
    # Hard links keep 900 copies cheap; the one file to be damaged is a real copy.
    shutil.copytree(pristine, root, copy_function=os.link)
    damaged = root / resource["path"]
    damaged.unlink()
    shutil.copyfile(pristine / resource["path"], damaged)
    case.damage(root)
    with pytest.raises(MemoDataError) as caught:
        if case.loader:
            load_table(case.table, root)
        else:
            check_schema(case.table, root)
    error = caught.value
    assert error.file.name == Path(resource["path"]).name, str(error)
    assert case.message in error.message, str(error)
    if case.row is not None:
        assert error.row == case.row, str(error)
    if case.line is not None:
        assert error.line == case.line, str(error)
    if case.field is not None:
        assert error.field == case.field, str(error)
