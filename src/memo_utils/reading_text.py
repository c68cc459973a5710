"""The memo as clean reading text, and its word counts with quotation set apart."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .edition import Memo, load_memo, load_sections


def reading_text(memo: Memo) -> str:
    """The memo's paragraphs in order as Markdown: section headings as bold lines, each
    paragraph, list item and quotation numbered as the edition numbers it (¶n) and with the
    memo's own list labels ((a), (i) …), quotations
    set as block quotes. Footnote markers and page breaks are left out."""
    lines: list[str] = []
    section = None
    for row in memo.paragraphs.itertuples(index=False):
        if row.section != section:
            section = row.section
            if not pd.isna(row.heading):
                lines.append(f"**{row.heading}**")
                lines.append("")
        if row.kind == "heading":
            continue
        text = " ".join(str(row.text).split())
        if pd.isna(row.heading) is False and text == str(row.heading):
            continue
        prefix = "> " if row.kind == "quotation" else ("- " if row.kind == "list item" else "")
        label = "" if pd.isna(row.label) else f"{row.label} "
        lines.append(f"{prefix}¶{row.paragraph} {label}{text}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def quoted_words(memo: Memo) -> pd.Series:
    """Words of quotation from others (Rosenthal's column) per section, indexed by section."""
    paragraphs = memo.paragraphs
    quoted = paragraphs[paragraphs["kind"] == "quotation"].groupby("section")["words"].sum()
    return quoted.astype("Int64")


def sections_with_quotation(data: Path | str | None = None) -> pd.DataFrame:
    """:func:`load_sections` with ``quoted_words`` (words quoted from others, included in
    ``words``) and ``own_words`` (``words`` minus them: the memo's own prose)."""
    sections = load_sections(data)
    quoted = quoted_words(load_memo(data))
    sections["quoted_words"] = sections["section"].map(quoted).fillna(0).astype("Int64")
    sections["own_words"] = (sections["words"] - sections["quoted_words"]).astype("Int64")
    return sections
