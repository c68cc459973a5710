"""Charts of Soviet emigration against the memo's targets.

Every mark a test may want to read back carries a ``gid``: ``series-<group>``,
``range-<group>``, ``approximate-<group>``, ``target-<goal_id>``, ``pace-<goal_id>``,
``event-<event_id>``, ``memo``, ``spread``, ``deviations-<counter>``,
``monthly-<counter>``, ``preferred-monthly``, ``frus-<statement_id>``.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..dates import span_text
from ..emigration import GROUP_LABELS, PREFERRED_COUNTERS
from ..frus_context import frus_citation
from ..style import GREYS, HATCHES, LINESTYLES, MARKERS, finish_chart, new_chart

#: Marks per group: grey, line style, marker (distinct without colour).
_GROUP_MARKS = {
    "jews": (GREYS[0], LINESTYLES[0], MARKERS[0]),
    "germans": (GREYS[1], LINESTYLES[1], MARKERS[1]),
    "armenians": (GREYS[1], LINESTYLES[2], MARKERS[2]),
    "total": (GREYS[2], LINESTYLES[3], MARKERS[3]),
}
_COUNTER_NAMES = {
    "ncsj": "NCSJ",
    "icm": "ICM (Vienna arrivals)",
    "hias": "HIAS",
    "other": "other sources",
}
_SOURCE = (
    "data/emigration.csv (figures as printed by the NCSJ, ICM, HIAS, West German, Soviet and other "
    f"sources; one row per figure per source); targets: {frus_citation(short=True)}"
)
_THOUSANDS = FuncFormatter(lambda value, _: f"{value:,.0f}")


def _mid_year(years: pd.Index) -> list[pd.Timestamp]:
    return [pd.Timestamp(int(y), 7, 1) for y in years]


def _draw_targets(ax: Axes, targets: pd.DataFrame, x_label: pd.Timestamp, *, monthly: bool = False) -> None:
    """A hatched band for a target range, a dashed line for 'in excess of'; per month
    (the annual target divided by twelve) when ``monthly``."""
    for target in targets.itertuples():
        low, high = (target.per_month_low, target.per_month_high) if monthly else (target.low, target.high)
        gid = f"{'pace' if monthly else 'target'}-{target.goal_id}"
        if pd.isna(high):
            ax.axhline(low, color=GREYS[0], linestyle="--", linewidth=1.0, gid=gid)
            text = f"memo: over {int(target.low):,} a year"
        else:
            ax.axhspan(low, high, facecolor="0.88", edgecolor="0.35", hatch=HATCHES[1], linewidth=0.0, gid=gid)
            text = f"memo: {int(target.low):,}–{int(target.high):,} a year"
        if monthly:
            text += f" = {int(low):,}" + ("" if pd.isna(high) else f"–{int(high):,}") + " a month"
        ax.annotate(text, xy=(x_label, low if pd.isna(high) else high), xytext=(2, 3),
                    textcoords="offset points", fontsize=8, color=GREYS[0], va="bottom")


def _draw_memo(ax: Axes, memo_date: pd.Timestamp) -> None:
    ax.axvline(memo_date, color=GREYS[0], linewidth=1.6, gid="memo")


def _draw_events(ax: Axes, events: pd.DataFrame, memo_date: pd.Timestamp) -> None:
    """Numbered dotted lines, with a key in the upper left naming each event and the memo."""
    trans = ax.get_xaxis_transform()
    key = []
    for number, event in enumerate(events.itertuples(), start=1):
        ax.axvline(event.when, color=GREYS[1], linestyle=":", linewidth=1.0, gid=f"event-{event.event_id}")
        ax.text(event.when, 0.985, str(number), transform=trans, ha="center", va="top", fontsize=7,
                bbox={"boxstyle": "circle,pad=0.2", "facecolor": "white", "edgecolor": GREYS[1]},
                gid=f"event-number-{event.event_id}")
        when = _when_text(event.start, event.end)
        key.append(f"{number}  {event.label}" + ("" if when in event.label else f" ({when})"))
    key.append(f"solid line: the memo, written after {memo_date:%-d %B %Y} (the column it quotes)")
    ax.text(0.01, 0.9, "\n".join(key), transform=ax.transAxes, ha="left", va="top", fontsize=7.5,
            linespacing=1.4, bbox={"facecolor": "white", "edgecolor": "0.8"}, gid="event-key")


def _when_text(start: pd.Timestamp, end: pd.Timestamp) -> str:
    return span_text(start, end)


def long_series_chart(
    series: Mapping[str, pd.DataFrame],
    targets: pd.DataFrame,
    events: pd.DataFrame,
    memo_date: pd.Timestamp,
    *,
    log: bool = True,
    start: int = 1968,
    end: int = 1991,
    doubtful: Mapping[str, list[int]] | None = None,
) -> Figure:
    """Each group's preferred annual series (``preferred_series`` frames by group), drawn at
    mid-year, broken where a year has no figure; the range of all sources as a thin
    vertical bar; rounded or approximate figures as hollow markers. The memo's targets as
    a hatched band (10,000–12,000) and a dashed line (over 25,000), the memo's moment as a
    solid line, the key events (``chart_events``) as numbered dotted lines. Log scale by
    default, because the series run from a few hundred to well over a hundred thousand.

    ``doubtful`` maps a group to years whose figure may not count what the series counts
    (the 1985 'all emigrants' figure may cover the Russian republic alone): those are left
    out of the line and drawn as a cross, gid ``doubtful-<group>``. Where a series has gaps,
    a thin dotted line (gid ``gaps-<group>``) joins the years it has, so that a sparse
    series stays visible; it asserts nothing about the missing years."""
    fig, ax = new_chart(figsize=(9.0, 5.6))
    years = pd.Index(range(start, end + 1))
    doubtful = doubtful or {}
    for group, frame in series.items():
        grey, style, marker = _GROUP_MARKS[group]
        marked = [year for year in doubtful.get(group, []) if year in frame.index]
        if marked:
            ax.plot(_mid_year(pd.Index(marked)), frame.loc[marked, "count"].astype(float), linestyle="none",
                    marker="x", markersize=8, color=grey, gid=f"doubtful-{group}",
                    label=f"{GROUP_LABELS[group]}: figure of doubtful coverage")
            frame = frame.drop(index=marked)
        full = frame.reindex(years)
        counts = full["count"].astype(float).to_numpy()
        if full["count"].isna().any() and len(frame) > 1:
            ax.plot(_mid_year(frame.index), frame["count"].astype(float), color=grey, linestyle=":",
                    linewidth=0.8, gid=f"gaps-{group}")
        ax.plot(_mid_year(years), counts, color=grey, linestyle=style, marker=marker, markersize=6,
                label=GROUP_LABELS[group],
                gid=f"series-{group}")
        spread = frame[frame["low"] < frame["high"]]
        ax.vlines(_mid_year(spread.index), spread["low"].astype(float), spread["high"].astype(float),
                  color=grey, linewidth=2.5, alpha=0.6, gid=f"range-{group}")
        loose = frame[frame["qualifier"] != "exact"]
        ax.plot(_mid_year(loose.index), loose["count"].astype(float), linestyle="none", marker=marker,
                markersize=6, markerfacecolor="white", markeredgecolor=grey, gid=f"approximate-{group}")
    _draw_targets(ax, targets, pd.Timestamp(1981, 8, 1))
    _draw_memo(ax, memo_date)
    _draw_events(ax, events, memo_date)
    if log:
        ax.set_yscale("log")
        ax.set_ylim(100, 2_000_000)
    ax.yaxis.set_major_formatter(_THOUSANDS)
    ax.set_xlim(pd.Timestamp(start, 1, 1), pd.Timestamp(end + 1, 1, 1))
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.legend(loc="lower center", fontsize=8)
    scale = " (log scale)" if log else ""
    return finish_chart(
        ax,
        title="Emigration from the Soviet Union by group, 1968–1991, against the memo's targets",
        xlabel="year (each figure drawn at mid-year; hollow marker: rounded or approximate; bar: range of sources)",
        ylabel=f"emigrants per year{scale}",
        source=f"{_SOURCE}; events: data/events.csv.",
    )


def _counter_class(counter: str) -> str:
    return counter if counter in _COUNTER_NAMES else "other"


def disagreement_chart(deviations: pd.DataFrame, *, group: str = "jews", limit: float = 30.0) -> Figure:
    """Per year, every source's full-year figure as a percentage above or below the year's
    preferred figure (``deviations`` frame), by counter, with a bar spanning the lowest to
    the highest. Figures beyond ±``limit`` per cent are drawn at the edge as triangles and
    labelled with their value and an arrow."""
    fig, ax = new_chart(figsize=(9.0, 4.8))
    pct = deviations["pct_from_preferred"].astype(float)
    clipped = pct.clip(-limit, limit)
    by_year = clipped.groupby(deviations["year"]).agg(["min", "max"])
    by_year = by_year[by_year["min"] < by_year["max"]]
    ax.vlines(by_year.index, by_year["min"], by_year["max"], color="0.8", linewidth=6, gid="spread")
    classes = deviations["counted_by"].map(_counter_class)
    order = [*PREFERRED_COUNTERS[group], "other"]
    for index, name in enumerate([c for c in order if c in set(classes)]):
        rows = classes == name
        inside = rows & (pct.abs() <= limit)
        ax.scatter(deviations.loc[inside, "year"], pct[inside], marker=MARKERS[index % len(MARKERS)],
                   facecolor=GREYS[index % 3], edgecolor="black", linewidth=0.4, s=30, zorder=3,
                   label=_COUNTER_NAMES.get(name, name.upper()), gid=f"deviations-{name}")
        outside = rows & (pct.abs() > limit)
        for year, value in zip(deviations.loc[outside, "year"], pct[outside]):
            edge = limit if value > 0 else -limit
            ax.scatter([year], [edge], marker=MARKERS[index % len(MARKERS)], facecolor=GREYS[index % 3],
                       edgecolor="black", linewidth=0.4, s=30, zorder=3, gid=f"offscale-{name}-{int(year)}")
            arrow = "↑" if value > 0 else "↓"
            ax.annotate(f"{arrow} {int(year)}: {value:+.0f}% (off the scale)", xy=(year, edge),
                        xytext=(6, -4 if value > 0 else 4), textcoords="offset points", fontsize=7.5,
                        va="top" if value > 0 else "bottom")
    ax.axhline(0, color=GREYS[0], linewidth=0.8)
    ax.set_ylim(-limit * 1.1, limit * 1.1)
    ax.set_xlim(deviations["year"].min() - 0.7, deviations["year"].max() + 0.7)
    ax.legend(loc="lower left", fontsize=8, ncols=4)
    return finish_chart(
        ax,
        title=f"Where the sources disagree: each full-year figure for {GROUP_LABELS[group]} against the preferred figure",
        xlabel="year",
        ylabel="difference from the preferred figure (%)",
        source=f"{_SOURCE}. Full-year figures of the whole outflow only (departures, exit visas, Vienna arrivals).",
    )


def monthly_chart(
    figures: pd.DataFrame,
    preferred: pd.DataFrame,
    targets: pd.DataFrame,
    rates: pd.DataFrame,
    events: pd.DataFrame,
    memo_date: pd.Timestamp,
    *,
    start: str = "1986-01",
    end: str = "1988-12",
) -> Figure:
    """Monthly figures (``monthly`` frame) by counter, the preferred monthly series as a thin
    line broken at missing months, the monthly pace each target implies (band and dashed
    line), the FRUS rates stated per month (``load_frus_rates``) as a hatched band over the
    months the document can date from, the memo's moment and the events in the window."""
    first, last = pd.Period(start, "M").start_time, pd.Period(end, "M").end_time
    figures = figures[(figures["date"] >= first) & (figures["date"] <= last)]
    preferred = preferred[(preferred.index >= first) & (preferred.index <= last)]
    fig, ax = new_chart(figsize=(9.0, 5.0))
    months = pd.date_range(first, last, freq="MS")
    line = preferred["count"].reindex(months).astype(float)
    ax.plot(months + pd.Timedelta(days=14), line.to_numpy(), color=GREYS[1], linewidth=1.0, marker="none",
            linestyle="-", gid="preferred-monthly", label="preferred figure (line breaks: no figure)")
    classes = figures["counted_by"].map(_counter_class)
    for index, name in enumerate([c for c in ("ncsj", "icm", "hias", "other") if c in set(classes)]):
        rows = figures[classes == name]
        ax.scatter(rows["date"] + pd.Timedelta(days=14), rows["count"].astype(float), marker=MARKERS[index],
                   facecolor=GREYS[index % 3], edgecolor="black", linewidth=0.4, s=32, zorder=3,
                   label=_COUNTER_NAMES[name], gid=f"monthly-{name}")
    _draw_targets(ax, targets, first, monthly=True)
    for rate in rates[(rates["per"] == "month") & (rates["kind"] == "rate")].itertuples():
        ax.fill_between([rate.start, rate.end], rate.low, rate.high, facecolor="none", edgecolor=GREYS[0],
                        hatch=HATCHES[3], linewidth=0.8, gid=f"frus-{rate.statement_id}")
        middle = rate.start + (rate.end - rate.start) / 2
        ax.annotate(f"FRUS Doc. {rate.document}, written {rate.start:%b}–{rate.end:%b %Y}:\n"
                    f"'a plateau of {rate.low}–{rate.high} per month'",
                    xy=(middle, rate.low), xytext=(middle, rate.low / 2), ha="center", va="top", fontsize=8,
                    arrowprops={"arrowstyle": "->", "color": GREYS[0], "linewidth": 0.8})
    _draw_memo(ax, memo_date)
    window = events[(events["when"] >= first) & (events["when"] <= last)]
    trans = ax.get_xaxis_transform()
    for event in window.itertuples():
        ax.axvline(event.when, color=GREYS[1], linestyle=":", linewidth=1.0, gid=f"event-{event.event_id}")
        ax.text(event.when, 0.98, f" {event.label}", transform=trans, rotation=90, ha="right", va="top",
                fontsize=7.5)
    ax.text(memo_date, 0.98, " the memo (after this date)", transform=trans, rotation=90, ha="left",
            va="top", fontsize=7.5)
    ax.set_xlim(first, last)
    ax.set_ylim(0, None)
    ax.yaxis.set_major_formatter(_THOUSANDS)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.legend(loc="upper left", bbox_to_anchor=(0.38, 0.53), fontsize=8)
    return finish_chart(
        ax,
        title="Soviet Jewish emigration by month, 1986–1988, against the pace the memo's targets imply",
        xlabel="month (each figure drawn mid-month)",
        ylabel="emigrants per month",
        source=(f"{_SOURCE}; {frus_citation(document=102, short=True)} (data/frus_emigration_rates.csv); "
                "events: data/events.csv."),
    )


def drawn(fig: Figure, gid: str) -> list:
    """The artists of ``fig`` with this ``gid`` (for tests and checks)."""
    return [artist for ax in fig.axes for artist in ax.findobj(lambda a: a.get_gid() == gid)]


__all__ = ["disagreement_chart", "drawn", "long_series_chart", "monthly_chart"]
