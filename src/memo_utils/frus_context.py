"""The memo among its FRUS neighbours: snippets on leverage and linkage, the emigration
rates and asks other documents state, and how the collection cites FRUS.

The memo's own citation and the order of the FRUS volumes are defined here once; charts
and tables take them from here rather than typing them again.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ._compat import data_keyword
from .dates import spans
from .tables import load_table, raise_at_first, resource_path

#: The FRUS volumes the collection reads, in publication-series order.
FRUS_VOLUMES = ("FRUS 1969–1976, vol. XXXI", "FRUS 1981–1988, vol. V", "FRUS 1981–1988, vol. XLI")
#: The volume that prints the memo, and the memo's number in it.
MEMO_VOLUME = "FRUS 1981–1988, vol. XLI"
MEMO_DOCUMENT = 88
#: The memo cited in full: "FRUS 1981–1988, vol. XLI, Document 88".
MEMO_CITATION = f"{MEMO_VOLUME}, Document {MEMO_DOCUMENT}"

_HSG = "https://history.state.gov/historicaldocuments/"


def frus_citation(volume: str = MEMO_VOLUME, document: int = MEMO_DOCUMENT, *, short: bool = False) -> str:
    """A FRUS document cited the collection's way: ``FRUS 1981–1988, vol. XLI, Document 88``,
    or with ``short`` as a chart's source line abbreviates it: ``FRUS 1981–88, vol. XLI, Doc. 88``."""
    if volume not in FRUS_VOLUMES:
        raise ValueError(f"unknown FRUS volume '{volume}': expected one of {', '.join(FRUS_VOLUMES)}")
    if not short:
        return f"{volume}, Document {document}"
    series, _, number = volume.partition(", ")
    first, _, last = series.removeprefix("FRUS ").partition("–")
    return f"FRUS {first}–{last[-2:]}, {number}, Doc. {document}"


def volume_order(volumes: pd.Series) -> pd.Series:
    """The position of each volume in :data:`FRUS_VOLUMES` (unknown volumes last)."""
    return volumes.map({v: i for i, v in enumerate(FRUS_VOLUMES)}).fillna(len(FRUS_VOLUMES)).astype(int)


@data_keyword
def load_frus_context(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Snippets from neighbouring FRUS documents on leverage and linkage, in volume and
    document order. ``date_min``/``date_max`` hold only bounds a source states; ``start``
    and ``end`` span them as timestamps (missing where no bound is known)."""
    context = load_table("frus_context", data_dir)
    path = resource_path("frus_context", data_dir)
    raise_at_first(context["url"] != _HSG + context["doc_path"], path, "url",
                   "url must be the Office of the Historian page of doc_path")
    number = context["doc_path"].str.extract(r"/d(\d+)$")[0].astype("Int64")
    raise_at_first(number != context["doc_number"], path, "doc_number", "doc_number does not match doc_path")
    for column in ["volume", "author", "heading", "subject", "date_min", "date_max", "date_basis"]:
        varies = context.groupby("doc_path")[column].transform(lambda c: c.fillna("").nunique()) > 1
        raise_at_first(varies, path, column, "rows of one document must agree")
    context["start"] = spans(context["date_min"], path, "date_min")["start"]
    context["end"] = spans(context["date_max"], path, "date_max")["end"]
    raise_at_first(context["start"] > context["end"], path, "date_max", "date_max is before date_min")
    return (context.assign(_order=volume_order(context["volume"]))
            .sort_values(["_order", "doc_number"], kind="stable")
            .drop(columns="_order").reset_index(drop=True))


@data_keyword
def load_frus_rates(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Rates and asks stated in neighbouring FRUS documents (ranges, not counts), validated,
    with ``start`` and ``end`` timestamps bounding when each document was written."""
    from .emigration import snippet_has_number

    rates = load_table("frus_emigration_rates", data_dir)
    path = resource_path("frus_emigration_rates", data_dir)
    raise_at_first(rates["low"] > rates["high"], path, "low", "low exceeds high")
    for field in ("low", "high"):
        missing = pd.Series(
            [not snippet_has_number(s, int(n)) for s, n in zip(rates["snippet"], rates[field])], index=rates.index
        )
        raise_at_first(missing, path, "snippet", f"the snippet does not contain the figure in '{field}'")
    raise_at_first(rates["said_from"] > rates["said_to"], path, "said_from", "said_from is later than said_to")
    rates["start"] = spans(rates["said_from"], path, "said_from")["start"]
    rates["end"] = spans(rates["said_to"], path, "said_to")["end"]
    return rates


def emigration_asks(context: pd.DataFrame, goals: pd.DataFrame) -> pd.DataFrame:
    """Annual emigration figures tied to leverage: the memo's numeric emigration goals
    beside the thresholds and asks of other documents, in volume and document order.

    One row per figure: ``source`` (author and document, with the step where a document
    names several), ``low`` and ``high`` in persons a year (``high`` missing where the
    figure is a minimum: "reaches", "in excess of", or an ask), the verbatim ``words``,
    and ``memo``, true for the memo's own goals.
    """
    others = context.dropna(subset=["emigration_threshold"])
    volume = others["volume"].map(lambda v: "" if v == MEMO_VOLUME else v.rpartition(", ")[2] + ", ")
    where = others["author"] + " (" + volume + "d" + others["doc_number"].astype(str) + ")"
    steps = others.groupby("doc_path").cumcount() + 1
    several = others.groupby("doc_path")["doc_path"].transform("size") > 1
    asked = pd.DataFrame({
        "source": where.where(~several, where + ", step " + steps.astype(str)),
        "volume": others["volume"], "doc_number": others["doc_number"],
        "low": others["emigration_threshold"], "high": pd.array([pd.NA] * len(others), dtype="Int64"),
        "words": others["snippet"], "memo": False,
    })
    own = goals[goals["target_unit"] == "emigrants"]
    memo = pd.DataFrame({
        "source": f"This memo (d{MEMO_DOCUMENT}), " + own["tier"].astype(str) + " goal",
        "volume": MEMO_VOLUME, "doc_number": MEMO_DOCUMENT,
        "low": own["target_min"], "high": own["target_max"], "words": own["target_words"], "memo": True,
    })
    frame = pd.concat([asked, memo], ignore_index=True)
    return (frame.assign(_order=volume_order(frame["volume"]))
            .sort_values(["_order", "doc_number", "low"], kind="stable")
            .drop(columns=["_order", "volume", "doc_number"]).reset_index(drop=True))
