"""The memo's neighbours in FRUS: a register of documents, their goal areas and reported figures."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .errors import MemoDataError
from .tables import load_table, raise_at_first, resource_path

#: Volume label -> (first year, last year) of the years it covers, read from the label itself.
_SPAN = re.compile(r"FRUS (\d{4})–(\d{4})")


def volume_span(volume: str) -> tuple[int, int]:
    """The years a FRUS volume covers, from a label such as 'FRUS 1981–1988, vol. XLI'."""
    match = _SPAN.match(volume)
    if match is None:
        raise ValueError(f"not a FRUS volume label: {volume!r}")
    return int(match.group(1)), int(match.group(2))


def load_register(data: Path | str | None = None) -> pd.DataFrame:
    """Every register row, checked: ranges in order and inside the volume's span, readable rows dated.

    Documents 'not read' keep empty dates; a read document with an empty date range is an error.
    """
    register = load_table("frus_register", data)
    path = resource_path("frus_register", data)
    inverted = (register["date_min"] > register["date_max"]).fillna(False)
    raise_at_first(inverted, path, "date_min", "the earliest possible date is later than the latest")
    spans = register["volume"].map(volume_span)
    # An editorial note may narrate events just past the volume's last year; allow one year's grace.
    first = pd.to_datetime(spans.map(lambda span: f"{span[0]}-01-01"))
    last = pd.to_datetime(spans.map(lambda span: f"{span[1] + 1}-12-31"))
    low = pd.to_datetime(register["date_min"])
    high = pd.to_datetime(register["date_max"])
    raise_at_first((low < first).fillna(False), path, "date_min", "the date falls before the years the volume covers")
    raise_at_first((high > last).fillna(False), path, "date_max", "the date falls after the years the volume covers")
    read = register["readable"] == "yes"
    raise_at_first(read & register["date_min"].isna(), path, "date_min", "a document marked read needs a date range")
    raise_at_first(read & register["heading"].isna(), path, "heading", "a document marked read needs its heading")
    unread = ~read & (register["date_basis"] != "unread")
    raise_at_first(unread, path, "date_basis", "a document not read cannot carry a printed or inferred date")
    return register


def load_goal_areas(data: Path | str | None = None) -> pd.DataFrame:
    """The project's mapping from each goal of the memo to a goal area."""
    return load_table("frus_goal_areas", data)


def load_register_topics(data: Path | str | None = None) -> pd.DataFrame:
    """Goal-area tags with their verbatim evidence; every area must be one the mapping knows."""
    topics = load_table("frus_register_topics", data)
    areas = set(load_goal_areas(data)["goal_area"])
    path = resource_path("frus_register_topics", data)
    raise_at_first(~topics["goal_area"].isin(areas), path, "goal_area", "this goal area is not in frus_goal_areas.csv")
    blank = topics["snippet"].fillna("").str.strip() == ""
    raise_at_first(blank, path, "snippet", "a tag needs a verbatim snippet as evidence")
    return topics


_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
          10: "ten", 11: "eleven", 12: "twelve"}


def figure_in_snippet(low: object, high: int, snippet: str) -> bool:
    """Whether the snippet states the figure: its upper bound, or for 'under N' rows (no low) N itself.

    Digits are compared with thousands separators removed; numbers up to twelve may be spelled out, as whole words.
    """
    plain = snippet.replace(",", "")
    stated = high + 1 if pd.isna(low) else high
    word = _WORDS.get(stated)
    spelled = word is not None and re.search(rf"\b{word}\b", snippet, flags=re.IGNORECASE) is not None
    return bool(re.search(rf"(?<!\d){stated}(?!\d)", plain)) or spelled


def load_reported_figures(data: Path | str | None = None) -> pd.DataFrame:
    """Figures the documents report, low ≤ high, each with the snippet that states its number."""
    figures = load_table("frus_reported_figures", data)
    path = resource_path("frus_reported_figures", data)
    raise_at_first((figures["low"] > figures["high"]).fillna(False), path, "low", "low exceeds high")
    missing = [
        not figure_in_snippet(low, int(high), str(snippet))
        for low, high, snippet in zip(figures["low"], figures["high"], figures["snippet"], strict=True)
    ]
    raise_at_first(pd.Series(missing, index=figures.index), path, "snippet", "the snippet does not state the figure")
    return figures


#: Offices whose rows are words exchanged with the Soviet side: memoranda of conversation and letters between the leaders.
_ACROSS_THE_TABLE = r"memorandum of conversation|letter to the Soviet side|letter to the U\.S\. side"


def load_register_ideas(data: Path | str | None = None) -> pd.DataFrame:
    """Passages voicing or answering the memo's ideas; each in a read document, 'with the Soviet side' only across the table."""
    ideas = load_table("frus_register_ideas", data)
    register = load_register(data).set_index("doc_id")
    path = resource_path("frus_register_ideas", data)
    readable = ideas["doc_id"].map(register["readable"]).eq("yes")
    raise_at_first(~readable, path, "doc_id", "a passage must come from a document marked read in frus_register.csv")
    memcon = ideas["doc_id"].map(register["author_office"]).fillna("").str.contains(_ACROSS_THE_TABLE)
    across = ideas["setting"] == "with the Soviet side"
    raise_at_first(across & ~memcon, path, "setting",
                   "words exchanged with the Soviet side must come from a memorandum of conversation or a leaders' letter")
    return ideas


def ideas_in_their_words(idea: str | None = None, setting: str | None = None,
                         data: Path | str | None = None) -> pd.DataFrame:
    """The passages on one idea (or all), said in one setting (or both), by date and then in the table's (the text's) order."""
    ideas = load_register_ideas(data)
    path = resource_path("frus_register_ideas", data)
    keep = pd.Series(True, index=ideas.index)
    for column, wanted in (("idea", idea), ("setting", setting)):
        if wanted is None:
            continue
        if wanted not in set(ideas[column]):
            raise MemoDataError(path, f"no passage with the {column} {wanted!r}", field=column)
        keep &= ideas[column] == wanted
    chosen = ideas[keep]
    found = chosen.merge(load_register(data), on="doc_id", how="left", validate="many_to_one")
    columns = ["passage_id", "doc_id", "date_min", "idea", "speaker", "setting", "snippet", "url"]
    return found.sort_values("date_min", kind="stable", ignore_index=True)[columns]


def documents_on(goal_id: str, data: Path | str | None = None) -> pd.DataFrame:
    """The register's documents that discuss a goal's area, in date order, with their evidence."""
    areas = load_goal_areas(data)
    match = areas.loc[areas["goal_id"] == goal_id, "goal_area"]
    if match.empty:
        raise MemoDataError(resource_path("frus_goal_areas", data), f"no goal {goal_id!r} in the goal-area mapping", field="goal_id")
    area = str(match.iloc[0])
    topics = load_register_topics(data)
    register = load_register(data)
    found = topics[topics["goal_area"] == area].merge(register, on="doc_id", how="left", validate="many_to_one")
    columns = ["doc_id", "volume", "number", "author", "subject", "date_min", "date_max", "goal_area", "snippet", "url"]
    return found.sort_values(["date_min", "volume", "number"], ignore_index=True)[columns]


def topic_matrix(register: pd.DataFrame, topics: pd.DataFrame) -> pd.DataFrame:
    """Read documents × goal areas, 1 where a tag with evidence exists, in date order."""
    read = register[register["readable"] == "yes"].sort_values(["date_min", "number"])
    matrix = pd.crosstab(topics["doc_id"], topics["goal_area"]).clip(upper=1)
    return matrix.reindex(index=read["doc_id"], fill_value=0).fillna(0).astype(int)


def untagged_documents(register: pd.DataFrame, topics: pd.DataFrame) -> pd.DataFrame:
    """Read documents that carry no goal-area tag (the chapter's UN, treaty and Cuba papers, and excerpts cut short)."""
    matrix = topic_matrix(register, topics)
    empty = matrix.index[matrix.sum(axis=1) == 0]
    return register.set_index("doc_id").loc[empty, ["volume", "number", "subject", "date_min"]].reset_index()


#: The two channels a document can belong to: a record of talks with the Soviet side, or a paper inside the U.S. government.
CHANNELS = ("across the table", "internal")


def document_channel(register: pd.DataFrame) -> pd.Series:
    """'across the table' for memoranda of conversation and the leaders' letters, 'internal' for every other document."""
    memcon = register["author_office"].fillna("").str.contains(_ACROSS_THE_TABLE)
    return pd.Series(memcon.map({True: CHANNELS[0], False: CHANNELS[1]}).to_numpy(), index=register["doc_id"], name="channel")


def _matrix_in(register: pd.DataFrame, topics: pd.DataFrame, channel: str | None) -> pd.DataFrame:
    matrix = topic_matrix(register, topics)
    if channel is None:
        return matrix
    if channel not in CHANNELS:
        raise ValueError(f"channel must be one of {CHANNELS}, not {channel!r}")
    return matrix[document_channel(register).loc[matrix.index].eq(channel).to_numpy()]


def agenda_by_year(register: pd.DataFrame, topics: pd.DataFrame, channel: str | None = None) -> pd.DataFrame:
    """Share of each year's documents on the memo's agenda (at least one tag; year of date_min) discussing each area.

    Untagged documents (see untagged_documents) are left out, so that papers on other subjects do not dilute the shares;
    channel limits the count to memcons ('across the table') or to the other papers ('internal').
    """
    matrix = _matrix_in(register, topics, channel)
    matrix = matrix[matrix.sum(axis=1) > 0]
    years = register.set_index("doc_id").loc[matrix.index, "date_min"].map(lambda d: d.year)
    return matrix.groupby(years.to_numpy()).mean().rename_axis("year")


def documents_per_year(register: pd.DataFrame, topics: pd.DataFrame, channel: str | None = None) -> pd.DataFrame:
    """For each year (of date_min), how many read documents there are and how many carry at least one tag."""
    matrix = _matrix_in(register, topics, channel)
    years = register.set_index("doc_id").loc[matrix.index, "date_min"].map(lambda d: d.year).to_numpy()
    counts = pd.DataFrame({"read": matrix.groupby(years).size(), "tagged": (matrix.sum(axis=1) > 0).groupby(years).sum()})
    return counts.astype(int).rename_axis("year")
