"""Collation of the edition with the witness, word for word, and the whole-edition check."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .._compat import data_keyword
from ..errors import MemoDataError
from ..package import raw_witness
from ..tables import resource_path
from .reader import read_edition
from .views import load_footnotes, load_memo, load_pages, load_sections


@dataclass(frozen=True)
class Difference:
    """One place where the edition and the witness disagree."""

    kind: str
    witness: str
    edition: str
    line: int
    context: str

    def __str__(self) -> str:
        return (f"{self.kind} at line {self.line} (after “{self.context}”): witness “{self.witness}”, "
                f"edition “{self.edition}”")


def witness_tokens(text: str) -> list[str]:
    """The witness as tokens: words, ``⟨pb:N⟩`` for each ``[Page N]``, ``⟨fn:N⟩`` for each
    footnote marker glued to the word before it, then ``⟨note:N⟩`` and the words of each note.

    The bullet before the subject line is the web page's rendering of a list and is dropped.
    """
    notes_at = re.search(r"^\s+1\.\s", text, re.M)
    body, notes = (text[:notes_at.start()], text[notes_at.start():]) if notes_at else (text, "")
    body = re.sub(r"\[Page (\d+)\]", r" ⟨pb:\1⟩ ", body)
    tokens: list[str] = []
    expected = 1
    for token in body.split():
        marker = re.fullmatch(r"(.*\D)(\d+)", token)
        if marker and marker.group(2) == str(expected):
            tokens += [marker.group(1), f"⟨fn:{expected}⟩"]
            expected += 1
        elif token != "•":
            tokens.append(token)
    for number, note in re.findall(r"^\s+(\d+)\.\s+(.*)$", notes, re.M):
        tokens += [f"⟨note:{number}⟩", *note.split()]
    return tokens


@data_keyword
def collate(data_dir: Path | str | None = None) -> list[Difference]:
    """Compare the edition with the witness word for word; an empty list means they agree.

    Footnote markers and page breaks take part as tokens, so a note or a page break out of
    place is a difference too.
    """
    edition = read_edition(data_dir)
    witness = witness_tokens(raw_witness(resource_path("witness", data_dir)))
    ours = [token for token, _ in edition.stream]
    lines = [line for _, line in edition.stream]
    matcher = difflib.SequenceMatcher(None, witness, ours, autojunk=False)
    kinds = {"delete": "lost", "insert": "added", "replace": "changed"}
    return [
        Difference(kinds[op], " ".join(witness[i1:i2]), " ".join(ours[j1:j2]),
                   lines[min(j1, len(lines) - 1)], " ".join(witness[max(0, i1 - 4):i1]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    ]


@data_keyword
def check_edition(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Load every view of the edition and collate it with the witness; return the paragraphs.

    Raises :class:`MemoDataError` at the first problem, listing every difference from the witness.
    """
    memo = load_memo(data_dir)
    load_footnotes(data_dir)
    load_sections(data_dir)
    load_pages(data_dir)
    differences = collate(data_dir)
    if differences:
        path = resource_path("edition", data_dir)
        problems = [str(MemoDataError(path, f"differs from the witness: {d}", line=d.line)) for d in differences]
        first = differences[0]
        raise MemoDataError(path, f"differs from the witness: {first}", line=first.line, problems=problems)
    return memo.paragraphs
