"""The one exception type raised for bad data."""

from __future__ import annotations

from pathlib import Path


class MemoDataError(ValueError):
    """Bad or missing input in ``data/``, located by file, row and field.

    For a table, ``row`` is the row as a spreadsheet numbers it (the header is row 1);
    for XML, ``line`` is the line of the offending element.
    ``problems`` holds every problem found, the first of which is the message.
    """

    def __init__(
        self,
        file: Path | str,
        message: str,
        *,
        row: int | None = None,
        line: int | None = None,
        field: str | None = None,
        problems: list[str] | None = None,
    ) -> None:
        self.file = Path(file)
        self.row = row
        self.line = line
        self.field = field
        self.message = message
        where = [f"{self.file.parent.name}/{self.file.name}"]
        if row is not None:
            where.append(f"row {row}")
        if line is not None:
            where.append(f"line {line}")
        if field is not None:
            where.append(f"field '{field}'")
        self.location = ", ".join(where)
        self.problems = problems or [f"{self.location}: {message}"]
        text = self.problems[0]
        if len(self.problems) > 1:
            text += f" (and {len(self.problems) - 1} more problem(s) in this file)"
        super().__init__(text)
