"""The argument map, the leverage terms and the FRUS context, read against the memo."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from memo_utils import (
    bearing_on,
    grounds,
    load_claims,
    load_frus_context,
    load_goals,
    load_leverage_terms,
    load_relations,
    offer_and_ask,
    witness_text,
)
from memo_utils.argument import section_spans, supports_graph
from memo_utils.edition import load_sections, section_openings
from memo_utils.tables import normalise_space


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return load_claims()


def test_every_claim_is_quoted_verbatim(claims: pd.DataFrame) -> None:
    text = witness_text()
    assert claims["memo_words"].map(lambda q: normalise_space(q) in text).all()


def test_claims_come_in_the_memos_order(claims: pd.DataFrame) -> None:
    assert claims["position"].is_monotonic_increasing
    assert (claims["position"] >= 0).all()


def test_every_section_opening_is_found_once_and_in_order() -> None:
    spans = section_spans()
    headed = [h for h in load_sections()["heading"] if isinstance(h, str)]
    assert spans["section"].tolist() == [*headed, "Notes"]
    assert list(section_openings()) == [*headed, "Notes"]
    assert spans["start"].is_monotonic_increasing
    assert (spans["start"] < spans["end"]).all()


def test_claims_sit_in_the_sections_they_name(claims: pd.DataFrame) -> None:
    spans = section_spans().set_index("section")
    for _, claim in claims.iterrows():
        start, end = spans.loc[claim["section"], ["start", "end"]]
        assert start <= claim["position"] < end, claim["claim_id"]


def test_rosenthals_words_are_those_after_the_memo_introduces_him(claims: pd.DataFrame) -> None:
    text = witness_text()
    quotation_starts = text.index("had this to say:")
    notes_start = text.index(section_openings()["Notes"])
    inside = claims["position"].between(quotation_starts, notes_start)
    assert (inside == (claims["voice"] == "Rosenthal")).all()


def test_no_relation_names_a_claim_that_does_not_exist(claims: pd.DataFrame) -> None:
    relations = load_relations()
    assert set(relations["source"]) | set(relations["target"]) <= set(claims["claim_id"])


def test_every_claim_takes_part_in_the_argument(graph: nx.DiGraph) -> None:
    assert [n for n in graph if graph.degree(n) == 0] == []


def test_supports_has_no_cycle(graph: nx.DiGraph) -> None:
    assert nx.is_directed_acyclic_graph(supports_graph(graph))


def test_every_recommendation_is_reachable_from_a_premise(graph: nx.DiGraph) -> None:
    support = supports_graph(graph)
    premises = [n for n, kind in graph.nodes(data="kind") if kind == "premise"]
    recommendations = [n for n, kind in graph.nodes(data="kind") if kind == "recommendation"]
    assert recommendations
    for recommendation in recommendations:
        assert any(nx.has_path(support, p, recommendation) for p in premises), recommendation


def test_the_central_recommendation_draws_on_every_strand_of_the_argument(graph: nx.DiGraph) -> None:
    """'Relate human-rights performance to benefits' rests on premises from the Targets,
    Methods of Persuasion, Gorbachev's Outlook and Our Leverage sections alike."""
    reasons = grounds(graph, "L5")
    premises = reasons[reasons["kind"] == "premise"]
    assert {"Targets", "Methods of Persuasion", "Gorbachev’s Outlook", "Our Leverage"} <= set(premises["section"])


def test_the_cautions_on_leverage_qualify_the_central_recommendation(graph: nx.DiGraph) -> None:
    limits = bearing_on(graph, "L5").set_index("claim_id")
    assert limits.loc[["L1", "L2"], "relation"].tolist() == ["qualifies", "qualifies"]
    assert set(limits["kind"]) == {"caution"}


def test_every_kind_of_claim_and_relation_occurs(graph: nx.DiGraph) -> None:
    kinds = {kind for _, kind in graph.nodes(data="kind")}
    relations = {relation for *_, relation in graph.edges(data="relation")}
    assert kinds == {"premise", "evidence", "inference", "recommendation", "caution"}
    assert relations == {"supports", "qualifies", "opposes"}


def test_graph_nodes_carry_the_table_columns(graph: nx.DiGraph, claims: pd.DataFrame) -> None:
    first = claims.iloc[0]
    assert graph.nodes[first["claim_id"]]["memo_words"] == first["memo_words"]
    assert list(graph) == claims["claim_id"].tolist()


def test_benefits_are_direct_and_indirect_and_quote_the_memo() -> None:
    terms = load_leverage_terms()
    benefits = terms[terms["side"] == "benefit"]
    assert set(benefits["channel"]) == {"direct", "indirect"}
    indirect = benefits.loc[benefits["channel"] == "indirect", "memo_words"].iloc[0]
    assert "all-right to do business" in indirect


def test_concessions_sought_are_every_immediate_and_intermediate_goal() -> None:
    terms = load_leverage_terms()
    goals = load_goals()
    sought = set(terms["goal_id"].dropna())
    expected = set(goals.loc[goals["tier"] != "long-range", "goal_id"])
    assert sought == expected


def test_offer_and_ask_lists_benefits_before_concessions() -> None:
    table = offer_and_ask(load_leverage_terms())
    assert table["side"].tolist() == sorted(table["side"].tolist())
    assert set(table["group"]) == {"benefit, direct", "benefit, indirect", "goal, immediate",
                                   "goal, intermediate", "concession, in general"}


def test_context_cites_each_document_at_the_office_of_the_historian() -> None:
    context = load_frus_context()
    assert context["url"].str.startswith("https://history.state.gov/historicaldocuments/").all()
    assert (context["url"].str.split("/").str[-1] == "d" + context["doc_number"].astype(str)).all()
    assert context[["snippet", "read_from", "date_basis"]].notna().all().all()


def test_context_holds_the_neighbours_the_research_named() -> None:
    v41 = load_frus_context().query("volume == 'FRUS 1981–1988, vol. XLI'")
    assert {79, 81, 83, 87, 92, 96, 102, 103, 106, 108} <= set(v41["doc_number"])


def test_context_keeps_unknown_dates_missing_not_guessed() -> None:
    context = load_frus_context().set_index("context_id")
    assert pd.isna(context.loc["v41-d102-plateau", "start"])
    assert context.loc["v41-d92", "start"] == pd.Timestamp("1987-03-13")
    assert context.loc["v41-d108", "start"] == pd.Timestamp("1988-02-01")


def test_context_thresholds_are_the_numbers_in_their_snippets() -> None:
    context = load_frus_context()
    with_figure = context.dropna(subset=["emigration_threshold"])
    assert len(with_figure) >= 4
    for _, row in with_figure.iterrows():
        assert f"{int(row['emigration_threshold']):,}" in row["snippet"], row["context_id"]


def test_emigration_asks_set_the_memos_goals_among_the_other_documents() -> None:
    from memo_utils.argument import emigration_asks

    asks = emigration_asks(load_frus_context(), load_goals())
    memo = asks[asks["memo"]]
    assert memo[["low", "high"]].astype("Float64").fillna(-1).values.tolist() == [[10_000, 12_000], [25_000, -1]]
    assert asks.loc[~asks["memo"], "high"].isna().all()
    assert asks["source"].str.startswith("Matlock").iloc[:3].all()
    assert asks["source"].iloc[-1] == "Kampelman (d106)"


def test_claim_ids_number_each_section_in_the_memos_order(claims: pd.DataFrame) -> None:
    letters = claims["claim_id"].str[0]
    numbers = claims["claim_id"].str[1:].astype(int)
    for letter, group in numbers.groupby(letters):
        assert group.is_monotonic_increasing, letter


def test_claim_steps_list_each_claim_once_with_what_it_bears_on(claims: pd.DataFrame) -> None:
    from memo_utils import claim_steps

    steps = claim_steps(claims, load_relations()).set_index("claim_id")
    assert steps.index.is_unique and len(steps) == len(claims)
    assert steps.loc["G1", "bears_on"] == "supports M2, M3"
    assert steps.loc["R1", "bears_on"] == "opposes G5; supports R3"
    assert steps.loc["L5", "bears_on"] == ""
