"""Check a CSV file against its Frictionless Table Schema, with the project's own small code.

Frictionless is the reference reader of ``datapackage.json`` (a test runs it over the whole
package), but importing and running it costs more than a second; this module reads the same
descriptor and checks what the package uses: the types ``string``, ``integer``, ``number``,
``year``, ``boolean``, ``date`` and ``datetime``; the constraints ``required``, ``unique``,
``enum``, ``minimum``, ``maximum``, ``pattern``, ``minLength`` and ``maxLength``; the schema's
``primaryKey``, ``foreignKeys`` and ``missingValues``; a field's ``trueValues``/``falseValues``.
One custom field property is checked here only: ``"partialDate": {"minimum": Y1, "maximum": Y2}``
marks a string column holding a date of year, month or day precision (``1987``, ``1987-02``,
``1987-02-14``), or a range of two such dates ``first/last``, that must exist on the
calendar, run forwards, and fall within the years given.

It is stricter than Frictionless where Frictionless would coerce: a value padded with spaces or
tabs, a number written ``+5``, ``05``, ``1,000`` or ``1e3``, a file with a byte-order mark, with
NUL bytes, not in UTF-8, or with a header and no rows are all refused by name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import MemoDataError

_BOM = b"\xef\xbb\xbf"
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_YEAR = re.compile(r"[0-9]{4}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|[+-][0-9]{2}:[0-9]{2})?")
_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")

_INTEGER_HINT = "write digits only, with no sign, leading zero, thousands separator or exponent"


@dataclass(frozen=True)
class RawTable:
    """A CSV file read and decoded: its header and its rows as strings.

    ``rows[i]`` is the spreadsheet's row ``i + 2`` (the header is row 1).
    """

    path: Path
    header: list[str]
    rows: list[list[str]]


def read_csv(path: Path) -> RawTable:
    """Read one CSV file, refusing by name anything that is not plain UTF-8 comma-separated text."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise MemoDataError(path, f"file cannot be read: {exc.strerror}") from exc
    if raw.startswith(_BOM):
        raise MemoDataError(
            path,
            "the file starts with a byte-order mark (saved as 'UTF-8 with BOM'); save it as plain UTF-8",
            line=1,
        )
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise MemoDataError(path, "the file contains a NUL byte (0x00), which no text holds", line=_line_of(raw, nul))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_of(raw, exc.start)
        raise MemoDataError(
            path,
            f"the file is not UTF-8: byte 0x{raw[exc.start]:02X} at line {line} "
            "(saved as Latin-1 or Windows-1252? save it as UTF-8)",
            line=line,
        ) from exc
    if not text.strip():
        raise MemoDataError(path, "the file is empty: it has no header and no rows")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise MemoDataError(path, f"the file is not well-formed CSV ({exc})", line=reader.line_num) from exc
    header, rows = records[0], records[1:]
    if not rows:
        raise MemoDataError(path, "has a header but no rows", row=1)
    for number, row in enumerate(rows, start=2):
        if not row:
            raise MemoDataError(path, "a blank line inside the table", row=number)
        if len(row) != len(header):
            raise MemoDataError(
                path, f"this row has {len(row)} values where the header has {len(header)} columns", row=number
            )
    if _CONTROL.search(text):
        _raise_at_control_character(path, header, rows)
    return RawTable(path, header, rows)


def _raise_at_control_character(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Name the first cell holding a control character (searched for once per file, not per cell)."""
    for number, row in enumerate([header, *rows], start=1):
        for position, cell in enumerate(row):
            if _CONTROL.search(cell):
                raise MemoDataError(path, f"{cell!r} contains a control character, which no text holds",
                                    row=number, field=header[position] if number > 1 else None)


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def check_header(path: Path, header: list[str], expected: list[str]) -> None:
    """The header must name exactly the schema's fields, in the schema's order."""
    missing = [name for name in expected if name not in header]
    extra = [name for name in header if name not in expected]
    if missing:
        hint = f"; found instead: {', '.join(extra)}" if extra else ""
        raise MemoDataError(path, f"missing column{hint}", row=1, field=missing[0])
    if extra:
        raise MemoDataError(path, "column not in the schema (misnamed?)", row=1, field=extra[0])
    if len(set(header)) != len(header):
        twice = next(name for name in header if header.count(name) > 1)
        raise MemoDataError(path, "the same column appears twice", row=1, field=twice)
    if header != expected:
        raise MemoDataError(path, f"columns out of order: expected {', '.join(expected)}", row=1)


Parsed = Any
ReferenceLookup = Callable[[str, list[str]], set[tuple[Any, ...]]]


def check_table(
    table: RawTable, schema: dict[str, Any], references: ReferenceLookup | None = None
) -> dict[str, list[Parsed]]:
    """Check every cell, key and reference; return each column's values, typed (None if missing).

    Raises :class:`MemoDataError` at the first problem, with every problem of the file in
    ``problems``. ``references(resource, fields)`` returns the key tuples of another table,
    for foreign keys; without it foreign keys to other tables are not checked.
    """
    key = schema.get("primaryKey") or []
    key = [key] if isinstance(key, str) else list(key)
    # A primary key's fields are required, as the Table Schema specification says.
    fields = [_required(field) if field["name"] in key else field for field in schema.get("fields", [])]
    check_header(table.path, table.header, [field["name"] for field in fields])
    missing = set(schema.get("missingValues", [""]))
    problems: list[MemoDataError] = []
    columns: dict[str, list[Parsed]] = {}
    for position, field in enumerate(fields):
        parse = _parser(field)
        rules = list(_rules(field))
        values: list[Parsed] = []
        for number, row in enumerate(table.rows, start=2):
            cell = row[position]
            value = None
            try:
                value = _cell(cell, field, missing, parse, rules)
            except _CellError as exc:
                problems.append(MemoDataError(table.path, str(exc), row=number, field=field["name"]))
            values.append(value)
        columns[field["name"]] = values
        if field.get("constraints", {}).get("unique"):
            problems += _duplicates(table, [field["name"]], columns, "must be unique in its column")
    if not problems:
        if key:
            problems += _duplicates(table, key, columns, "duplicate key")
        for foreign in schema.get("foreignKeys", []):
            problems += _dangling(table, foreign, columns, references)
    if problems:
        first = problems[0]
        raise MemoDataError(
            table.path, first.message, row=first.row, field=first.field, problems=[str(p) for p in problems]
        )
    return columns


def _required(field: dict[str, Any]) -> dict[str, Any]:
    return {**field, "constraints": {**field.get("constraints", {}), "required": True}}


class _CellError(Exception):
    """One bad cell; turned into a located MemoDataError by check_table."""


def _cell(cell: str, field: dict[str, Any], missing: set[str], parse: Callable[[str], Parsed],
          rules: list[Callable[[str, Parsed], str | None]]) -> Parsed:
    if cell in missing:
        if field.get("constraints", {}).get("required"):
            raise _CellError("this cell is empty, but the column requires a value (constraint \"required\")")
        return None
    if cell != cell.strip():
        raise _CellError(f"{cell!r} has spaces, tabs or line breaks at its start or end")
    value = parse(cell)
    for rule in rules:
        broken = rule(cell, value)
        if broken:
            raise _CellError(f"'{cell}' is not allowed here: {broken}")
    return value


def _parser(field: dict[str, Any]) -> Callable[[str], Parsed]:
    kind = field.get("type", "string")
    if kind == "integer":
        return _matching(_INTEGER, int, f"is not a valid integer ({_INTEGER_HINT})")
    if kind == "number":
        return _matching(_NUMBER, float, "is not a valid number (write digits with an optional decimal point)")
    if kind == "year":
        return _matching(_YEAR, int, "is not a valid year (write four digits)")
    if kind == "date":
        return _matching(_DATE, dt.date.fromisoformat, "is not a valid date (write YYYY-MM-DD, a day that exists)")
    if kind == "datetime":
        return _matching(_DATETIME, lambda text: dt.datetime.fromisoformat(text.replace("Z", "+00:00")),
                         "is not a valid datetime (write YYYY-MM-DDThh:mm:ss)")
    if kind == "boolean":
        truth = {value: True for value in field.get("trueValues", TRUE_VALUES)}
        truth |= {value: False for value in field.get("falseValues", FALSE_VALUES)}

        def boolean(text: str) -> bool:
            if text not in truth:
                raise _CellError(f"'{text}' is not a valid boolean (write one of: {', '.join(truth)})")
            return truth[text]

        return boolean
    if kind == "string":
        return str
    raise MemoDataError("datapackage.json", f"type '{kind}' is not supported by memo_utils", field=field["name"])


def _matching(pattern: re.Pattern[str], convert: Callable[[str], Parsed], what: str) -> Callable[[str], Parsed]:
    def parse(text: str) -> Parsed:
        if not pattern.fullmatch(text):
            raise _CellError(f"'{text}' {what}")
        try:
            return convert(text)
        except ValueError:
            raise _CellError(f"'{text}' {what}") from None

    return parse


def _rules(field: dict[str, Any]) -> Iterator[Callable[[str, Parsed], str | None]]:
    """One check per constraint; each returns what is broken, or None."""
    constraints = field.get("constraints", {})
    parse = _parser(field)
    if "enum" in constraints:
        allowed = [parse(str(option)) if not isinstance(option, str) or field.get("type", "string") != "string"
                   else option for option in constraints["enum"]]
        listed = ", ".join(str(option) for option in constraints["enum"])
        yield lambda cell, value: None if value in allowed else f'constraint "enum" (one of: {listed})'
    if "pattern" in constraints:
        pattern = re.compile(constraints["pattern"])
        yield lambda cell, value: None if pattern.fullmatch(cell) else f'constraint "pattern" ({pattern.pattern})'
    if "minLength" in constraints:
        shortest = int(constraints["minLength"])
        yield lambda cell, value: None if len(cell) >= shortest else f'constraint "minLength" ({shortest} characters)'
    if "maxLength" in constraints:
        longest = int(constraints["maxLength"])
        yield lambda cell, value: None if len(cell) <= longest else f'constraint "maxLength" ({longest} characters)'
    if "minimum" in constraints:
        low = _bound(constraints["minimum"], parse)
        yield lambda cell, value: None if value >= low else f'constraint "minimum" ({low})'
    if "maximum" in constraints:
        high = _bound(constraints["maximum"], parse)
        yield lambda cell, value: None if value <= high else f'constraint "maximum" ({high})'
    if "partialDate" in field:
        yield _partial_date_rule(field["partialDate"])


def _bound(bound: Any, parse: Callable[[str], Parsed]) -> Parsed:
    return parse(bound) if isinstance(bound, str) else bound


def _partial_date_rule(span: dict[str, int]) -> Callable[[str, Parsed], str | None]:
    earliest, latest = int(span.get("minimum", 1)), int(span.get("maximum", 9999))

    def one_date(text: str) -> tuple[str | None, tuple[int, int, int]]:
        match = _PARTIAL_DATE.fullmatch(text)
        if not match:
            return "not a date (write YYYY, YYYY-MM or YYYY-MM-DD, or a range first/last)", (0, 0, 0)
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            return "no such date on the calendar", (0, 0, 0)
        if not earliest <= year <= latest:
            return f"the year is outside this column's range ({earliest}–{latest})", (0, 0, 0)
        return None, (year, month or 1, day or 1)

    def rule(cell: str, value: Parsed) -> str | None:
        bounds = cell.split("/")
        if len(bounds) > 2:
            return "a range has two dates, first/last"
        checked = [one_date(bound) for bound in bounds]
        problem = next((message for message, _ in checked if message), None)
        if problem is None and len(checked) == 2 and checked[1][1] < checked[0][1]:
            return "the range ends before it starts"
        return problem

    return rule


def _duplicates(table: RawTable, key: list[str], columns: dict[str, list[Parsed]], what: str) -> list[MemoDataError]:
    seen: dict[tuple[Any, ...], int] = {}
    problems = []
    for number, values in enumerate(zip(*(columns[name] for name in key)), start=2):
        if None in values and all(value is None for value in values):
            continue
        if values in seen:
            shown = ", ".join(str(value) for value in values)
            problems.append(MemoDataError(
                table.path, f"{what}: '{shown}' is already used in row {seen[values]}", row=number, field=", ".join(key)
            ))
        else:
            seen[values] = number
    return problems


def _dangling(table: RawTable, foreign: dict[str, Any], columns: dict[str, list[Parsed]],
              references: ReferenceLookup | None) -> list[MemoDataError]:
    fields = [foreign["fields"]] if isinstance(foreign["fields"], str) else list(foreign["fields"])
    reference = foreign["reference"]
    target = [reference["fields"]] if isinstance(reference["fields"], str) else list(reference["fields"])
    resource = reference.get("resource", "")
    if resource == "":
        known = set(zip(*(columns[name] for name in target)))
    elif references is None:
        return []
    else:
        known = references(resource, target)
    problems = []
    for number, values in enumerate(zip(*(columns[name] for name in fields)), start=2):
        if any(value is None for value in values) or values in known:
            continue
        shown = ", ".join(str(value) for value in values)
        problems.append(MemoDataError(
            table.path,
            f"refers to a row that does not exist: no '{shown}' in {', '.join(target)} of table '{resource}'",
            row=number, field=", ".join(fields),
        ))
    return problems
