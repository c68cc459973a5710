"""Emigration from the Soviet Union, 1968–1991: every figure from every source, and the
series, ranges and answers the notebook reads against the memo's targets.

``data/emigration.csv`` holds one row per figure per source, as printed. Nothing here
types a figure in: the preferred series, the ranges and the answers are all derived from
those rows by the rules stated in the docstrings below.

The FRUS rates loader, the memo's earliest date and the events the charts mark moved to
their own modules; they are re-exported here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from ._compat import data_keyword
from .dates import earlier_than
from .edition.dating import MEMO_TERMINUS_EVENT, memo_earliest_date
from .events import LONG_CHART_EVENTS, MONTHLY_CHART_EVENTS, chart_events
from .frus_context import load_frus_rates
from .tables import load_table, raise_at_first, resource_path

#: Some names moved to :mod:`memo_utils.frus_context`, :mod:`memo_utils.edition.dating` and
#: :mod:`memo_utils.events`; they are re-exported here so that existing imports keep working.
__all__ = [
    "FULL_PERIOD", "GROUPS", "GROUP_LABELS", "LONG_CHART_EVENTS", "MEMO_TERMINUS_EVENT",
    "MONTHLY_CHART_EVENTS", "OUTFLOW_MEASURES", "PREFERRED_COUNTERS", "all_groups", "chart_events",
    "coverage", "deviations", "emigration_by_year", "emigration_targets", "largest_disagreements",
    "level_against_targets", "load_emigration", "load_frus_rates", "memo_earliest_date",
    "missing_months", "monthly", "number_pattern", "preferred_monthly", "preferred_series",
    "snippet_has_number", "snippet_hedges_number", "source_range", "target_answers",
    "whole_outflow", "year_spans",
]

#: The groups a source may count separately; ``total`` is every emigrant a source counts together.
GROUPS = ("jews", "germans", "armenians")
GROUP_LABELS = {
    "jews": "Soviet Jews",
    "germans": "ethnic Germans",
    "armenians": "Armenians",
    "total": "all emigrants",
}

#: Measures that count the whole outflow of a period rather than one destination of it.
OUTFLOW_MEASURES = ("departures", "exit_visas", "arrivals_vienna", "arrivals_germany")
#: Qualifiers of figures that claim to count a whole period (not part of it, not a forecast).
FULL_PERIOD = ("exact", "rounded", "approximate")
#: Per group, the counters in order of preference; the first is the named counting organisation.
PREFERRED_COUNTERS: dict[str, tuple[str, ...]] = {
    "jews": ("ncsj", "hias", "icm"),
    "germans": ("west_german_interior_ministry", "german_officials"),
    "armenians": ("us_embassy_moscow",),
    "total": ("soviet_officials",),
}
_SEPARATOR = r"(?:,\s?|\.|\s)?"
_HEDGES = r"(?:about|approximately|nearly|almost|some|around|roughly|more than|over|less than|under|etwa|fast|knapp|über|rund)"
_HEDGE_BEFORE = re.compile(rf"\b{_HEDGES}\s+$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def number_pattern(number: int) -> re.Pattern[str]:
    """A pattern for ``number`` as print writes it: with or without thousands separators
    (``8,155``, ``20.082``, ``14 488``, ``17, 200``), never as part of a longer number."""
    digits = str(int(number))
    head = len(digits) % 3 or 3
    groups = [digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))]
    return re.compile(r"(?<!\d)(?<!\d[,.])" + _SEPARATOR.join(groups) + r"(?![,.]?\d)")


def snippet_has_number(snippet: str, number: int) -> bool:
    """Whether ``snippet`` contains ``number``, allowing for thousands separators."""
    return number_pattern(number).search(snippet) is not None


def snippet_hedges_number(snippet: str, number: int) -> bool:
    """Whether ``snippet`` prints ``number`` straight after a hedge ('about', 'nearly', 'etwa' …)."""
    # One hedge pattern, searched just before each place the number is printed: compiling
    # a hedge pattern per number cost more than the rest of loading the table.
    return any(_HEDGE_BEFORE.search(snippet, 0, found.start()) for found in number_pattern(number).finditer(snippet))


def _period_text(year: pd.Series, month: pd.Series) -> pd.Series:
    months = month.map(lambda m: "" if pd.isna(m) else f"-{int(m):02d}")
    return year.astype(str) + months


@data_keyword
def load_emigration(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Every emigration figure, one row per figure per source, validated.

    Beyond the schema (integer, non-negative counts; known group, measure, counter and
    qualifier; month 1–12; URL and snippet present), raises :class:`MemoDataError`, naming
    file, row and field, for a snippet that does not contain its figure (thousands separators
    allowed), a hedged figure ('about 7,000') marked exact, a source published before the
    period it counts, and the same figure from the same source entered twice.
    """
    emigration = load_table("emigration", data_dir)
    path = resource_path("emigration", data_dir)
    counts = emigration["count"].astype(int)
    missing = pd.Series(
        [not snippet_has_number(s, c) for s, c in zip(emigration["snippet"], counts)], index=emigration.index
    )
    raise_at_first(missing, path, "snippet",
                   "the snippet does not contain the figure in 'count' (thousands separators allowed)")
    hedged = pd.Series(
        [snippet_hedges_number(s, c) for s, c in zip(emigration["snippet"], counts)], index=emigration.index
    )
    raise_at_first(hedged & (emigration["qualifier"] == "exact"), path, "qualifier",
                   "the snippet hedges this figure ('about', 'nearly' …) but the qualifier says exact")
    period = _period_text(emigration["year"], emigration["month"])
    raise_at_first(pd.Series(earlier_than(emigration["published"], period), index=emigration.index), path, "published",
                   "published before the period it counts")
    twice = emigration.duplicated(["year", "month", "group", "count", "url"], keep="first")
    raise_at_first(twice, path, "url", "the same figure from the same source is entered twice")
    return emigration


def _check_group(group: str) -> None:
    if group not in PREFERRED_COUNTERS:
        raise ValueError(f"unknown group '{group}': choose one of {', '.join(PREFERRED_COUNTERS)}")


def emigration_by_year(
    emigration: pd.DataFrame, group: str = "jews", counted_by: str | Iterable[str] | None = None
) -> pd.DataFrame:
    """The annual figures for one group (every figure, every source), optionally only those
    of one counter or several, tidy: one row per figure, by year."""
    _check_group(group)
    annual = emigration[(emigration["group"] == group) & emigration["month"].isna()]
    if counted_by is not None:
        counters = [counted_by] if isinstance(counted_by, str) else list(counted_by)
        annual = annual[annual["counted_by"].isin(counters)]
    columns = ["year", "count", "measure", "counted_by", "qualifier", "publication", "published", "url", "figure_id"]
    return annual.sort_values(["year", "counted_by", "published"], na_position="first")[columns].reset_index(drop=True)


def monthly(emigration: pd.DataFrame, group: str = "jews") -> pd.DataFrame:
    """The monthly figures for one group, every source, with a ``date`` (first of the month)."""
    _check_group(group)
    rows = emigration[(emigration["group"] == group) & emigration["month"].notna()].copy()
    rows["date"] = pd.to_datetime({"year": rows["year"], "month": rows["month"], "day": 1})
    columns = ["date", "year", "month", "count", "measure", "counted_by", "qualifier", "publication",
               "published", "url", "figure_id"]
    return rows.sort_values(["date", "counted_by"])[columns].reset_index(drop=True)


def whole_outflow(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows that claim to count the whole outflow of their period: an outflow measure
    (:data:`OUTFLOW_MEASURES`) and a full-period qualifier (:data:`FULL_PERIOD`)."""
    return rows[rows["measure"].isin(OUTFLOW_MEASURES) & rows["qualifier"].isin(FULL_PERIOD)].copy()


def _prefer(candidates: pd.DataFrame, key: str, order: tuple[str, ...]) -> pd.DataFrame:
    """One figure per ``key`` value by the preference rule, with the range of all of them."""
    ranked = candidates.assign(
        counter_rank=candidates["counted_by"].map(lambda c: order.index(c) if c in order else len(order)),
        not_exact=candidates["qualifier"] != "exact",
        times=candidates.groupby([key, "counted_by", "count"])["count"].transform("size"),
        latest=candidates["published"].fillna(""),
    )
    ranked = ranked.sort_values([key, "counter_rank", "not_exact", "times", "latest"],
                                ascending=[True, True, True, False, False], kind="stable")
    chosen = ranked.groupby(key).first()[["count", "counted_by", "measure", "qualifier", "figure_id"]]
    grouped = candidates.groupby(key)
    spread = grouped.agg(low=("count", "min"), high=("count", "max"), sources=("url", "nunique"),
                         figures=("count", "size"))
    spread["counters"] = grouped["counted_by"].agg(lambda c: ", ".join(sorted(set(c))))
    result = chosen.join(spread)
    return result.astype({"count": "Int64", "low": "Int64", "high": "Int64"})


def preferred_series(emigration: pd.DataFrame, group: str) -> pd.DataFrame:
    """One figure per year for ``group``, indexed by year, derived by this rule:

    1. Candidates are the annual figures that count a whole year's outflow: measure
       departures, exit visas, Vienna arrivals or (ethnic Germans) arrivals in West Germany;
       qualifier exact, rounded or approximate (partial-year, projected, lower-bound and
       superseded figures never count).
    2. ``count`` is the figure of the first counter in the group's order of preference
       (:data:`PREFERRED_COUNTERS`: for Soviet Jews the NCSJ, then HIAS, then the ICM) that
       reports the year; any other counter only where none of those does. Within a counter:
       an exact figure before a rounded or approximate one, then the figure it gave most
       often, then the one published last.
    3. ``low`` and ``high`` are the smallest and largest of all candidates: every source's
       figure, not only the chosen one. ``sources`` counts their distinct URLs.

    A year without a candidate has no row.
    """
    _check_group(group)
    rows = emigration[(emigration["group"] == group) & emigration["month"].isna()]
    result = _prefer(whole_outflow(rows), "year", PREFERRED_COUNTERS[group])
    result.index = result.index.astype(int)
    return result


def preferred_monthly(emigration: pd.DataFrame, group: str = "jews") -> pd.DataFrame:
    """One figure per month for ``group``, indexed by ``date`` (first of the month), by the
    same rule as :func:`preferred_series` applied to the monthly figures."""
    rows = monthly(emigration, group)
    return _prefer(whole_outflow(rows), "date", PREFERRED_COUNTERS[group])


def source_range(emigration: pd.DataFrame, group: str) -> pd.DataFrame:
    """Per year, the smallest and largest full-year figure any source gives for ``group``
    (the candidates of :func:`preferred_series`), who gave each, and the spread between
    them in emigrants and as a percentage of the smallest."""
    _check_group(group)
    rows = whole_outflow(emigration[(emigration["group"] == group) & emigration["month"].isna()])
    rows["by"] = rows["counted_by"] + " (" + rows["measure"] + ")"
    ordered = rows.sort_values(["year", "count", "counted_by"])
    grouped = ordered.groupby("year")
    result = grouped.agg(low=("count", "min"), high=("count", "max"), figures=("count", "size"),
                         sources=("url", "nunique"))
    result["low_by"] = grouped["by"].first()
    result["high_by"] = grouped["by"].last()
    result["spread"] = result["high"] - result["low"]
    result["spread_pct"] = (100 * result["spread"] / result["low"]).astype(float).round(1)
    result.index = result.index.astype(int)
    return result[["low", "low_by", "high", "high_by", "spread", "spread_pct", "figures", "sources"]]


def largest_disagreements(emigration: pd.DataFrame, group: str = "jews", n: int = 8) -> pd.DataFrame:
    """The ``n`` years in which the sources' full-year figures for ``group`` differ most,
    relative to the smallest figure."""
    ranges = source_range(emigration, group)
    return ranges[ranges["spread"] > 0].sort_values(["spread_pct", "spread"], ascending=False).head(n)


def deviations(emigration: pd.DataFrame, group: str = "jews") -> pd.DataFrame:
    """Every full-year figure for ``group`` with the year's preferred figure and how far it
    lies from it, in per cent of the preferred figure."""
    rows = whole_outflow(emigration[(emigration["group"] == group) & emigration["month"].isna()])
    preferred = preferred_series(emigration, group)["count"].rename("preferred")
    rows = rows.join(preferred, on="year")
    rows["pct_from_preferred"] = (100 * (rows["count"] - rows["preferred"]) / rows["preferred"]).astype(float)
    columns = ["year", "count", "preferred", "pct_from_preferred", "counted_by", "measure", "qualifier", "figure_id"]
    return rows[columns].sort_values(["year", "count"]).reset_index(drop=True)


def year_spans(years: Iterable[int]) -> str:
    """Years as runs: [1968, 1969, 1970, 1974] -> '1968–1970, 1974'."""
    ordered = sorted(set(int(y) for y in years))
    runs: list[list[int]] = []
    for year in ordered:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else f"{r[0]}" for r in runs)


def coverage(emigration: pd.DataFrame, start: int = 1968, end: int = 1991) -> pd.DataFrame:
    """Per group: how many figures there are, which years have a full-year figure for the
    preferred series, and which years have none (the gaps)."""
    records = []
    for group in PREFERRED_COUNTERS:
        rows = emigration[emigration["group"] == group]
        years = set(preferred_series(emigration, group).index)
        missing = [y for y in range(start, end + 1) if y not in years]
        records.append({
            "group": group,
            "figures": len(rows),
            "annual": int(rows["month"].isna().sum()),
            "monthly": int(rows["month"].notna().sum()),
            "years_with_a_full_year_figure": len(years),
            "years_without": year_spans(missing) if missing else "",
        })
    return pd.DataFrame(records).set_index("group")


def missing_months(emigration: pd.DataFrame, group: str = "jews", start: str = "1986-01",
                   end: str = "1988-12") -> list[str]:
    """Months between ``start`` and ``end`` with no monthly figure of the whole outflow."""
    have = set(preferred_monthly(emigration, group).index.to_period("M"))
    return [str(m) for m in pd.period_range(start, end, freq="M") if m not in have]


def all_groups(emigration: pd.DataFrame) -> pd.DataFrame:
    """Per year: each group's preferred figure, their sum where any is known, and the
    all-emigrant figure where a source gives one.

    ``lower_bound`` is the larger of the summed groups' lowest figures and the lowest
    all-emigrant figure: emigration was at least that. ``upper_bound`` is the highest
    all-emigrant figure, known only where a source gives one (other nationalities and
    missing groups leave it open otherwise).
    """
    groups = {g: preferred_series(emigration, g) for g in GROUPS}
    total = preferred_series(emigration, "total")
    years = sorted(set().union(*(set(s.index) for s in groups.values()), total.index))
    frame = pd.DataFrame(index=pd.Index(years, name="year"))
    for group, series in groups.items():
        frame[group] = series["count"].reindex(frame.index)
    lows = pd.DataFrame({g: s["low"].reindex(frame.index) for g, s in groups.items()})
    frame["groups_sum"] = frame[list(GROUPS)].sum(axis=1, min_count=1).astype("Int64")
    frame["groups_missing"] = frame[list(GROUPS)].isna().apply(
        lambda row: ", ".join(g for g in GROUPS if row[g]), axis=1)
    frame["total"] = total["count"].reindex(frame.index)
    sum_low = lows.sum(axis=1, min_count=1).astype("Int64")
    frame["lower_bound"] = pd.concat([sum_low, total["low"].reindex(frame.index)], axis=1).max(axis=1).astype("Int64")
    frame["upper_bound"] = total["high"].reindex(frame.index).astype("Int64")
    return frame


def emigration_targets(goals: pd.DataFrame) -> pd.DataFrame:
    """The memo's emigration targets (from :func:`memo_utils.load_goals`), with the monthly
    pace each implies. ``strict`` marks 'in excess of': the figure must exceed ``low``."""
    targets = goals.loc[goals["target_unit"] == "emigrants",
                        ["goal_id", "tier", "label", "target_words", "target_min", "target_max"]]
    targets = targets.rename(columns={"target_words": "words", "target_min": "low", "target_max": "high"})
    targets["strict"] = targets["high"].isna()
    targets["per_month_low"] = (targets["low"] / 12).astype(float).round(0).astype("Int64")
    targets["per_month_high"] = (targets["high"] / 12).astype(float).round(0).astype("Int64")
    return targets.reset_index(drop=True)


def _reaches(values: pd.Series, threshold: int, strict: bool) -> pd.Series:
    """Whether each value reaches the threshold; an unknown value does not."""
    reached = (values > threshold) if strict else (values >= threshold)
    return reached.fillna(False).astype(bool)


def _first(reached: pd.Series) -> int | None:
    hits = reached[reached]
    return int(hits.index[0]) if len(hits) else None


def target_answers(emigration: pd.DataFrame, targets: pd.DataFrame, since: int) -> pd.DataFrame:
    """For Soviet Jews alone and for all groups, and each target's lower bound: the first
    year from ``since`` on in which emigration reached it, by the preferred figure, by every
    source (the lowest figure) and by at least one source (the highest); the years from
    ``since`` on the data cannot decide; and the last year before ``since`` that reached it.

    For all groups the preferred figure and 'every source' are the lower bound of
    :func:`all_groups`, 'at least one source' its upper bound where a source gives one.
    """
    jews = preferred_series(emigration, "jews")
    groups = all_groups(emigration)
    series = {
        "Soviet Jews": (jews["count"], jews["low"], jews["high"]),
        "all groups": (groups["lower_bound"], groups["lower_bound"], groups["upper_bound"]),
    }
    records = []
    for name, (preferred, low, high) in series.items():
        for target in targets.itertuples():
            threshold, strict = int(target.low), bool(target.strict)
            later = preferred.index >= since
            reached = _reaches(preferred, threshold, strict)
            reached_low = _reaches(low, threshold, strict)
            reached_high = _reaches(high, threshold, strict)
            first_sure = _first(reached_low[later])
            open_question = ~reached_low & (high.isna() | reached_high)
            undecided = [y for y in open_question[later & open_question].index
                         if first_sure is None or y < first_sure]
            records.append({
                "series": name,
                "goal_id": target.goal_id,
                "target": target.words,
                "threshold": threshold,
                "first_year": _first(reached[later]),
                "first_year_every_source": first_sure,
                "first_year_any_source": _first((reached_high | reached_low)[later]),
                "undecided_years": year_spans(undecided),
                "last_year_before": _first(reached[~later][::-1]),
            })
    frame = pd.DataFrame(records)
    year_columns = ["first_year", "first_year_every_source", "first_year_any_source", "last_year_before"]
    return frame.astype({c: "Int64" for c in year_columns})


def level_against_targets(levels: Mapping[str, int], targets: pd.DataFrame) -> pd.DataFrame:
    """Each level (e.g. 1986's figure) as a share of each target's lower bound, and how many
    times the level the target asked for."""
    records = [
        {
            "series": name,
            "goal_id": target.goal_id,
            "target": target.words,
            "level": int(level),
            "threshold": int(target.low),
            "share_of_target": round(int(level) / int(target.low), 3),
            "times_the_level": round(int(target.low) / int(level), 1),
        }
        for name, level in levels.items()
        for target in targets.itertuples()
    ]
    return pd.DataFrame(records)
