"""Charts of the edition: how the memo distributes its words."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ..frus_context import MEMO_CITATION
from ..style import GREYS, HATCHES, finish_chart, new_chart

SECTION_LENGTHS_SOURCE = (
    f"{MEMO_CITATION} (history.state.gov), as encoded in this project's TEI "
    "edition; headings and the editors' footnotes not counted"
)


def section_lengths_chart(sections: pd.DataFrame) -> Figure:
    """Words per section, top to bottom in the memo's order (the frame of ``load_sections()``).

    Plain bars are the memo's text; a hatched extension is the memo's own footnote, placed in
    the section where its marker stands. Each bar ends with its total. If ``sections`` has a
    ``quoted_words`` column (``reading_text.sections_with_quotation``), the words the memo quotes
    from others are drawn as their own, differently hatched segment after the memo's own prose.
    """
    height = 1.2 + 0.42 * len(sections)
    fig, ax = new_chart(figsize=(8.0, height))
    positions = range(len(sections))
    text_words = sections["words"].astype(int)
    own_words = sections["original_note_words"].astype(int)
    if "quoted_words" in sections:
        quoted = sections["quoted_words"].astype(int)
        ax.barh(positions, text_words - quoted, color=GREYS[1], edgecolor=GREYS[0],
                label="memo text, Schifter's own words")
        ax.barh(positions, quoted, left=text_words - quoted, color="white", edgecolor=GREYS[0],
                hatch=HATCHES[2], label="quoted from others (Rosenthal's column)")
    else:
        ax.barh(positions, text_words, color=GREYS[1], edgecolor=GREYS[0], label="memo text")
    ax.barh(positions, own_words, left=text_words, color=GREYS[3], edgecolor=GREYS[0], hatch=HATCHES[1],
            label="the memo's own footnote (5)")
    for position, total in zip(positions, text_words + own_words):
        ax.annotate(f"{total}", (total, position), xytext=(4, 0), textcoords="offset points",
                    va="center", fontsize=9, color=GREYS[0])
    ax.set_yticks(list(positions), labels=list(sections["label"]))
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.set_xlim(0, (text_words + own_words).max() * 1.12)
    ax.legend(loc="center right")
    return finish_chart(ax, title="How many words the memo gives each section", xlabel="Words",
                        ylabel="Section, in the memo's order", source=SECTION_LENGTHS_SOURCE)
