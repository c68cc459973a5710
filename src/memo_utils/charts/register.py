"""Charts of the memo's neighbours: the run of documents in time, and the goal areas each discusses."""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from ..frus_register import CHANNELS, document_channel, topic_matrix
from ..style import GREYS, finish_chart, new_chart

REGISTER_SOURCE = ("FRUS 1981–1988, vols. V, VI and XLI; 1969–1976, vols. XVI and XXXI (Office of the Historian; vol. V from its TEI); "
                   "project register.")
MEMO_ID = "v41-d88"


def doc_label(register: pd.DataFrame) -> pd.Series:
    """Short labels such as 'XLI 88' or 'V 17' for chart ticks."""
    roman = register["volume"].str.extract(r"vol\. ([IVXLC]+)")[0]
    return roman + " " + register["number"].astype(str)


def timeline_rows(register: pd.DataFrame) -> pd.DataFrame:
    """The read, dated documents with the office row each is drawn on: the first-named office, offices by first date."""
    dated = register[(register["readable"] == "yes") & register["date_min"].notna()].sort_values("date_min")
    dated = dated[dated["date_min"] >= pd.Timestamp("1981-01-01")].copy()
    dated["lead_office"] = dated["author_office"].str.split(";").str[0].str.strip()
    offices = list(dict.fromkeys(dated["lead_office"]))
    dated["row"] = dated["lead_office"].map({office: i for i, office in enumerate(offices)})
    dated["label"] = doc_label(dated)
    dated["channel"] = document_channel(dated).to_numpy()
    return dated.reset_index(drop=True)


def plot_register_timeline(register: pd.DataFrame) -> Figure:
    """Each read document as its possible date range, one row per author's office; Document 88 marked, memcons and letters as squares."""
    rows = timeline_rows(register)
    offices = list(dict.fromkeys(rows["lead_office"]))
    fig, ax = new_chart(figsize=(9.0, max(5.5, 2.0 + 0.55 * len(offices))))
    stagger = rows.groupby("row").cumcount() % 3
    for row, level in zip(rows.itertuples(), stagger, strict=True):
        memo = row.doc_id == MEMO_ID
        start, end = mdates.date2num(row.date_min), mdates.date2num(row.date_max)
        ax.plot([start, end], [row.row, row.row], color=GREYS[0] if memo else GREYS[1],
                linewidth=5 if memo else 2.5, linestyle="-", marker="", solid_capstyle="butt",
                gid=f"range:{row.doc_id}")
        marker = "D" if memo else ("s" if row.channel == CHANNELS[0] else "o")
        ax.plot([start], [row.row], marker=marker, color=GREYS[0], markersize=8 if memo else 4,
                linestyle="", gid=f"start:{row.doc_id}")
        ax.annotate(row.label, (start, row.row), xytext=(0, 6 + 9 * level), textcoords="offset points", fontsize=7,
                    fontweight="bold" if memo else "normal", ha="left")
    ax.set_yticks(range(len(offices)), [textwrap.fill(office, 30) for office in offices])
    ax.set_ylim(-0.7, len(offices) - 0.3)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    return finish_chart(ax, title="The memo's neighbours, 1985–1988, by author's office",
                        xlabel="Date (bar: earliest to latest possible date; diamond: Document 88; square: memcon or letter)",
                        ylabel="Author's office (first named)", source=REGISTER_SOURCE)


def plot_topic_matrix(register: pd.DataFrame, topics: pd.DataFrame) -> Figure:
    """Documents (rows, in date order) against goal areas (columns): dark where the document discusses it."""
    matrix = topic_matrix(register, topics)
    labels = doc_label(register.set_index("doc_id").loc[matrix.index].reset_index())
    fig, ax = new_chart(figsize=(8.0, max(7.0, 2.5 + 0.2 * matrix.shape[0])))
    ax.imshow(matrix.to_numpy(), cmap=ListedColormap(["white", GREYS[0]]), vmin=0, vmax=1, aspect="auto",
              interpolation="nearest")
    ax.set_xticks(range(matrix.shape[1]), list(matrix.columns), rotation=40, ha="right")
    ax.set_yticks(range(matrix.shape[0]), list(labels))
    ax.grid(False)
    memo_row = list(matrix.index).index(MEMO_ID) if MEMO_ID in matrix.index else None
    if memo_row is not None:
        ax.axhline(memo_row, color=GREYS[1], linewidth=0.8, linestyle="--", gid="memo-row")
    return finish_chart(ax, title="Goal areas each read document discusses (dark = tagged)",
                        xlabel="Goal area of the memo (project mapping)",
                        ylabel="Document (volume, number; earliest first)", source=REGISTER_SOURCE)
