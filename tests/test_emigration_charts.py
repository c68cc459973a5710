"""Emigration charts, read back through what they draw."""

from __future__ import annotations

from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import memo_utils as mu  # noqa: E402
from memo_utils.charts.emigration import disagreement_chart, drawn, long_series_chart, monthly_chart  # noqa: E402
from memo_utils.emigration import MONTHLY_CHART_EVENTS  # noqa: E402

GROUPS = ("jews", "germans", "armenians", "total")


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return mu.key_events(mu.load_events())


@pytest.fixture
def long_chart(emigration: pd.DataFrame, targets: pd.DataFrame, events: pd.DataFrame) -> Iterator[Figure]:
    series = {g: mu.preferred_series(emigration, g) for g in GROUPS}
    fig = long_series_chart(series, targets, mu.chart_events(events), mu.memo_earliest_date(events))
    yield fig
    plt.close(fig)


@pytest.fixture
def month_chart(emigration: pd.DataFrame, targets: pd.DataFrame, events: pd.DataFrame) -> Iterator[Figure]:
    fig = monthly_chart(mu.whole_outflow(mu.monthly(emigration)), mu.preferred_monthly(emigration), targets,
                        mu.load_frus_rates(), mu.chart_events(events, MONTHLY_CHART_EVENTS),
                        mu.memo_earliest_date(events))
    yield fig
    plt.close(fig)


def _dates(values: object) -> list[pd.Timestamp]:
    """Dates as drawn: matplotlib keeps datetimes as given, or floats once converted."""
    items = list(np.atleast_1d(values))
    if items and isinstance(items[0], (float, np.floating)):
        return [pd.Timestamp(mdates.num2date(v)).tz_localize(None) for v in items]
    return [pd.Timestamp(v) for v in items]


def _y_extent(band) -> tuple[float, float]:  # noqa: ANN001
    """The data extent of a horizontal band drawn by axhspan."""
    if hasattr(band, "get_height"):
        return band.get_y(), band.get_y() + band.get_height()
    ys = band.get_xy()[:, 1]
    return min(ys), max(ys)


def _only(fig: Figure, gid: str):  # noqa: ANN202
    artists = drawn(fig, gid)
    assert len(artists) == 1, f"{gid}: {len(artists)} artists"
    return artists[0]


def test_long_chart_draws_each_preferred_series(long_chart: Figure, emigration: pd.DataFrame) -> None:
    for group in GROUPS:
        line = _only(long_chart, f"series-{group}")
        y = np.asarray(line.get_ydata(), dtype=float)
        x = _dates(line.get_xdata())
        drawn_points = {when.year: value for when, value in zip(x, y) if not np.isnan(value)}
        expected = mu.preferred_series(emigration, group)["count"].astype(float).to_dict()
        assert drawn_points == expected
        assert all(when.month == 7 for when in x)


def test_long_chart_breaks_the_line_where_a_year_is_missing(long_chart: Figure, emigration: pd.DataFrame) -> None:
    y = np.asarray(_only(long_chart, "series-germans").get_ydata(), dtype=float)
    assert np.isnan(y).sum() == 24 - len(mu.preferred_series(emigration, "germans"))


def test_long_chart_marks_rounded_and_approximate_figures_hollow(long_chart: Figure, emigration: pd.DataFrame) -> None:
    germans = mu.preferred_series(emigration, "germans")
    line = _only(long_chart, "approximate-germans")
    years = [d.year for d in _dates(line.get_xdata())]
    assert years == list(germans.index[germans["qualifier"] != "exact"])
    assert to_rgba(line.get_markerfacecolor()) == to_rgba("white")


def test_long_chart_draws_the_range_of_sources(long_chart: Figure, emigration: pd.DataFrame) -> None:
    jews = mu.preferred_series(emigration, "jews")
    wide = jews[jews["low"] < jews["high"]]
    segments = _only(long_chart, "range-jews").get_segments()
    assert sorted((s[0][1], s[1][1]) for s in segments) == sorted(zip(wide["low"].astype(float), wide["high"].astype(float)))


def test_long_chart_draws_the_memos_targets(long_chart: Figure, targets: pd.DataFrame) -> None:
    band = _only(long_chart, "target-imm-iv")
    assert _y_extent(band) == (targets.loc[0, "low"], targets.loc[0, "high"])
    line = _only(long_chart, "target-int-vii")
    assert set(line.get_ydata()) == {targets.loc[1, "low"]}
    assert line.get_linestyle() == "--"


def test_long_chart_uses_a_log_scale_and_says_so(long_chart: Figure) -> None:
    ax = long_chart.axes[0]
    assert ax.get_yscale() == "log"
    assert "log scale" in ax.get_ylabel()
    assert "data/emigration.csv" in mu.source_line(long_chart)


def test_long_chart_marks_the_memo_and_the_key_events(long_chart: Figure, events: pd.DataFrame) -> None:
    memo = _only(long_chart, "memo")
    assert _dates(memo.get_xdata()[0]) == [mu.memo_earliest_date(events)]
    chosen = mu.chart_events(events)
    for event in chosen.itertuples():
        line = _only(long_chart, f"event-{event.event_id}")
        assert _dates(line.get_xdata()[0]) == [event.when]
    key = _only(long_chart, "event-key").get_text()
    assert all(label in key for label in chosen["label"])


def test_disagreement_chart_plots_every_figure_against_the_preferred(emigration: pd.DataFrame) -> None:
    table = mu.deviations(emigration, "jews")
    fig = disagreement_chart(table, limit=30)
    icm = table[(table["counted_by"] == "icm") & (table["pct_from_preferred"].abs() <= 30)]
    offsets = _only(fig, "deviations-icm").get_offsets()
    assert offsets[:, 0].tolist() == icm["year"].astype(float).tolist()
    assert offsets[:, 1].tolist() == pytest.approx(icm["pct_from_preferred"].tolist())
    far = table[table["pct_from_preferred"].abs() > 30]
    assert len(far) >= 1
    for row in far.itertuples():
        cls = row.counted_by if row.counted_by in {"ncsj", "hias", "icm"} else "other"
        marker = _only(fig, f"offscale-{cls}-{row.year}")
        assert tuple(marker.get_offsets()[0]) == (row.year, 30 if row.pct_from_preferred > 0 else -30)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert any(f"{far.iloc[0]['year']}: +" in t and "off the scale" in t for t in texts)
    plt.close(fig)


def test_monthly_chart_plots_each_counters_figures(month_chart: Figure, emigration: pd.DataFrame) -> None:
    figures = mu.whole_outflow(mu.monthly(emigration))
    ncsj = figures[(figures["counted_by"] == "ncsj") & (figures["date"] <= "1988-12-31")]
    offsets = _only(month_chart, "monthly-ncsj").get_offsets()
    assert sorted(offsets[:, 1]) == sorted(ncsj["count"].astype(float))
    assert 1698 not in set(offsets[:, 1])  # the superseded July 1988 figure


def test_monthly_chart_breaks_the_preferred_line_at_missing_months(month_chart: Figure, emigration: pd.DataFrame) -> None:
    line = _only(month_chart, "preferred-monthly")
    y = np.asarray(line.get_ydata(), dtype=float)
    months = [d.strftime("%Y-%m") for d in _dates(line.get_xdata())]
    gaps = [m for m, v in zip(months, y) if np.isnan(v)]
    assert gaps == mu.missing_months(emigration)


def test_monthly_chart_draws_the_pace_the_targets_imply_and_the_frus_plateau(
    month_chart: Figure, targets: pd.DataFrame
) -> None:
    band = _only(month_chart, "pace-imm-iv")
    assert _y_extent(band) == (targets.loc[0, "per_month_low"], targets.loc[0, "per_month_high"])
    assert set(_only(month_chart, "pace-int-vii").get_ydata()) == {targets.loc[1, "per_month_low"]}
    rates = mu.load_frus_rates().set_index("statement_id")
    plateau = _only(month_chart, "frus-d102-plateau")
    vertices = plateau.get_paths()[0].vertices
    assert (vertices[:, 1].min(), vertices[:, 1].max()) == (rates.loc["d102-plateau", "low"], rates.loc["d102-plateau", "high"])
    assert _dates([vertices[:, 0].min(), vertices[:, 0].max()]) == [rates.loc["d102-plateau", "start"], rates.loc["d102-plateau", "end"]]
    assert not drawn(month_chart, "frus-d106-rate")  # a yearly rate for an unnamed group is not drawn


def test_charts_are_greyscale_and_distinguish_groups_without_colour(long_chart: Figure, month_chart: Figure) -> None:
    for fig in (long_chart, month_chart):
        for ax in fig.axes:
            colours = [to_rgba(line.get_color()) for line in ax.get_lines()]
            for collection in ax.collections:
                colours += [tuple(c) for c in collection.get_facecolors()] + [tuple(c) for c in collection.get_edgecolors()]
            for r, g, b, _ in colours:
                assert r == pytest.approx(g) == pytest.approx(b)
    styles = {(_only(long_chart, f"series-{g}").get_linestyle(), _only(long_chart, f"series-{g}").get_marker()) for g in GROUPS}
    assert len(styles) == len(GROUPS)
