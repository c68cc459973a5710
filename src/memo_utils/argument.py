"""The memo's argument as data: its claims, how they bear on one another, the leverage it
names, and what neighbouring FRUS documents say about leverage and linkage.

Claims and relations load as tables and as a :class:`networkx.DiGraph` whose nodes are
claims and whose edges carry the relation (``supports``, ``qualifies``, ``opposes``).
The ``supports`` relation must be acyclic and every recommendation must be reachable from
a premise through it; both are checked here because a table schema cannot say them.

The memo's sections are read from the TEI edition (:func:`memo_utils.edition.section_openings`);
the FRUS-context loader and :func:`emigration_asks` live in :mod:`memo_utils.frus_context`
and are re-exported here for code written before the move.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ._compat import data_keyword
from .edition import section_openings
from .errors import MemoDataError
from .frus_context import emigration_asks, load_frus_context
from .goals import load_goals
from .tables import load_table, normalise_space, raise_at_first, resource_path, witness_text

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "RELATIONS", "argument_graph", "bearing_on", "claim_steps", "emigration_asks", "grounds", "load_claims",
    "load_frus_context", "load_leverage_terms", "load_relations", "offer_and_ask", "section_spans",
    "supports_graph",
]

#: Relations in the order the diagram's key lists them.
RELATIONS = ("supports", "qualifies", "opposes")

def __getattr__(name: str) -> Any:
    """``SECTION_OPENINGS``, once nine strings typed here, now read from the edition."""
    if name == "SECTION_OPENINGS":
        warnings.warn("memo_utils.argument.SECTION_OPENINGS is deprecated: use "
                      "memo_utils.edition.section_openings()", DeprecationWarning, stacklevel=2)
        return section_openings()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@data_keyword
def section_spans(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Where each section starts and ends in the witness (white space normalised),
    one row per section in the memo's order, sections found by the heading and first
    words the TEI edition gives them."""
    text = witness_text(data_dir)
    path = resource_path("witness", data_dir)
    openings = section_openings(data_dir)
    starts = []
    for section, opening in openings.items():
        found = text.find(opening)
        if found < 0 or text.find(opening, found + 1) >= 0:
            raise MemoDataError(path, f"section '{section}' not found exactly once by its opening words")
        starts.append(found)
    ends = starts[1:] + [len(text)]
    return pd.DataFrame({"section": list(openings), "start": starts, "end": ends})


@data_keyword
def load_claims(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The argument's claims in the memo's order, with ``position``, the offset of their
    words in the witness. ``kind`` is an ordered categorical, premise first."""
    return _read_claims(data_dir).sort_values("position", ignore_index=True)


@data_keyword
def load_relations(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The relations between claims, checked: no claim bears on itself, ``supports``
    has no cycle, and every recommendation is reachable from a premise through it."""
    relations = load_table("argument_relations", data_dir)
    path = resource_path("argument_relations", data_dir)
    raise_at_first(relations["source"] == relations["target"], path, "target", "a claim cannot bear on itself")
    _check_supports_acyclic(relations, path)
    _check_recommendations_grounded(_read_claims(data_dir), relations, data_dir)
    return relations


@data_keyword
def argument_graph(data_dir: Path | str | None = None) -> nx.DiGraph:
    """The argument as a directed graph: one node per claim (with its table columns as
    attributes), one edge per relation (attributes ``relation`` and ``connective``)."""

    claims = load_claims(data_dir)
    relations = load_relations(data_dir)
    return _graph(claims, relations)


def claim_steps(claims: pd.DataFrame, relations: pd.DataFrame) -> pd.DataFrame:
    """Each claim once, in the memo's order, with ``bears_on``: its outgoing relations
    as text, e.g. ``"supports M2, M3; qualifies L6"`` (empty for a final claim)."""
    order = {claim: i for i, claim in enumerate(claims["claim_id"])}
    outgoing = relations.assign(_at=relations["target"].map(order)).sort_values("_at")
    targets = outgoing.groupby(["source", "relation"], sort=False)["target"].agg(", ".join).reset_index()
    targets["text"] = targets["relation"].astype(str) + " " + targets["target"]
    bears_on = targets.groupby("source")["text"].agg("; ".join)
    steps = claims[["claim_id", "kind", "section", "memo_words"]].copy()
    steps["bears_on"] = steps["claim_id"].map(bears_on).fillna("")
    return steps


def supports_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """Every claim, with the ``supports`` edges only."""
    import networkx as nx

    support = nx.DiGraph()
    support.add_nodes_from(graph)
    support.add_edges_from((s, t) for s, t, r in graph.edges(data="relation") if r == "supports")
    return support


def grounds(graph: nx.DiGraph, claim_id: str) -> pd.DataFrame:
    """Every claim from which ``claim_id`` can be reached through ``supports``, in the
    memo's order: the reasons it rests on, direct or indirect."""
    import networkx as nx

    support = supports_graph(graph)
    ancestors = nx.ancestors(support, claim_id)
    return _node_frame(graph, ancestors)


def bearing_on(graph: nx.DiGraph, claim_id: str) -> pd.DataFrame:
    """The claims that qualify or oppose ``claim_id`` directly, with the relation."""
    rows = [
        {"claim_id": source, "relation": relation}
        for source, _, relation in graph.in_edges(claim_id, data="relation")
        if relation != "supports"
    ]
    frame = _node_frame(graph, [row["claim_id"] for row in rows])
    return frame.merge(pd.DataFrame(rows, columns=["claim_id", "relation"]), on="claim_id")


@data_keyword
def load_leverage_terms(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Benefits the memo names as leverage and the concessions it seeks, benefits first.

    A benefit must say whether it is direct or indirect; a concession that is a goal
    must quote that goal's own words. Adds ``tier`` (from the goal) for concessions."""
    terms = load_table("leverage_terms", data_dir)
    path = resource_path("leverage_terms", data_dir)
    is_benefit = terms["side"] == "benefit"
    raise_at_first(is_benefit & terms["channel"].isna(), path, "channel", "a benefit must be 'direct' or 'indirect'")
    raise_at_first(~is_benefit & terms["channel"].notna(), path, "channel", "only a benefit has a channel")
    goals = load_goals(data_dir).set_index("goal_id")
    linked = terms["goal_id"].notna()
    goal_text = terms["goal_id"].map(goals["memo_text"])
    outside = [
        bool(has_goal) and normalise_space(words) not in normalise_space(text)
        for has_goal, words, text in zip(linked, terms["memo_words"], goal_text.fillna(""))
    ]
    raise_at_first(pd.Series(outside, index=terms.index), path, "memo_words", "not part of the goal named in goal_id")
    terms["position"] = _positions(terms["memo_words"], data_dir)
    _check_sections(terms, path, data_dir)
    terms["tier"] = terms["goal_id"].map(goals["tier"]).astype(goals["tier"].dtype)
    return terms.sort_values(["side", "position"], ignore_index=True)


def offer_and_ask(terms: pd.DataFrame) -> pd.DataFrame:
    """Benefits on offer beside concessions sought: one row per term, with a ``group``
    (direct or indirect benefit, or the tier of the goal sought) and the memo's words."""
    group = terms["channel"].astype("string").radd("benefit, ").where(
        terms["side"] == "benefit",
        terms["tier"].astype("string").radd("goal, ").fillna("concession, in general"),
    )
    frame = terms.assign(group=group)
    return frame[["side", "group", "label", "memo_words", "goal_id"]].reset_index(drop=True)


def _read_claims(data_dir: Path | str | None) -> pd.DataFrame:
    """Claims in file order (so that errors name the right row), sections checked."""
    claims = load_table("argument_claims", data_dir)
    claims["position"] = _positions(claims["memo_words"], data_dir)
    _check_sections(claims, resource_path("argument_claims", data_dir), data_dir)
    return claims


def _positions(words: pd.Series, data_dir: Path | str | None) -> pd.Series:
    text = witness_text(data_dir)
    return words.map(lambda quote: text.find(normalise_space(quote))).astype("Int64")


def _check_sections(frame: pd.DataFrame, path: Path, data_dir: Path | str | None) -> None:
    spans = section_spans(data_dir)
    found = pd.cut(frame["position"].astype(float), bins=[*spans["start"], spans["end"].iloc[-1]],
                   right=False, labels=spans["section"]).astype("string")
    raise_at_first(found != frame["section"], path, "section", "the memo's words are not in this section")


def _check_supports_acyclic(relations: pd.DataFrame, path: Path) -> None:
    import networkx as nx

    support = relations[relations["relation"] == "supports"]
    graph = nx.DiGraph()
    for row, (source, target) in zip(support.index, zip(support["source"], support["target"])):
        graph.add_edge(source, target, row=row)
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return
    closing = max(graph.edges[s, t]["row"] for s, t in cycle)
    chain = " → ".join([s for s, _ in cycle] + [cycle[0][0]])
    raise_at_first(pd.Series(relations.index == closing, index=relations.index), path, "target", f"'supports' relations form a cycle ({chain}); the schema forbids one")


def _check_recommendations_grounded(claims: pd.DataFrame, relations: pd.DataFrame, data_dir: Path | str | None) -> None:
    import networkx as nx

    support = supports_graph(_graph(claims, relations))
    premises = claims.loc[claims["kind"] == "premise", "claim_id"]
    reached = set().union(*(nx.descendants(support, p) for p in premises)) if len(premises) else set()
    path = resource_path("argument_claims", data_dir)
    ungrounded = (claims["kind"] == "recommendation") & ~claims["claim_id"].isin(reached)
    raise_at_first(ungrounded, path, "claim_id",
                   "recommendation not reachable from any premise through 'supports' relations")


def _graph(claims: pd.DataFrame, relations: pd.DataFrame) -> nx.DiGraph:
    import networkx as nx

    graph = nx.DiGraph()
    for record in claims.to_dict("records"):
        graph.add_node(record["claim_id"], **record)
    for record in relations.to_dict("records"):
        graph.add_edge(record["source"], record["target"], relation=record["relation"], connective=record["connective"])
    return graph


def _node_frame(graph: nx.DiGraph, nodes: Iterable[str]) -> pd.DataFrame:
    columns = ["claim_id", "kind", "label", "section", "memo_words", "position"]
    frame = pd.DataFrame([graph.nodes[n] for n in nodes], columns=columns)
    return frame.sort_values("position", ignore_index=True)[columns[:-1]]
