"""The section-lengths chart, tested through what it draws."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from memo_utils import load_sections, source_line
from memo_utils.charts.edition import section_lengths_chart
from memo_utils.style import HATCHES


@pytest.fixture
def chart() -> tuple[plt.Figure, pd.DataFrame]:
    sections = load_sections()
    fig = section_lengths_chart(sections)
    yield fig, sections
    plt.close(fig)


def _bars(fig: plt.Figure, label: str) -> list:
    return [c for c in fig.axes[0].containers if c.get_label() == label][0].patches


def test_bars_are_the_words_of_each_section_in_order(chart: tuple[plt.Figure, pd.DataFrame]) -> None:
    fig, sections = chart
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == sections["label"].tolist()
    assert [round(p.get_width()) for p in _bars(fig, "memo text")] == sections["words"].tolist()
    assert [round(p.get_y() + p.get_height() / 2) for p in _bars(fig, "memo text")] == list(range(len(sections)))
    assert ax.yaxis_inverted()


def test_the_memos_own_footnote_is_hatched_after_its_section(chart: tuple[plt.Figure, pd.DataFrame]) -> None:
    fig, sections = chart
    own = _bars(fig, "the memo's own footnote (5)")
    assert [round(p.get_width()) for p in own] == sections["original_note_words"].tolist()
    assert [round(p.get_x()) for p in own] == sections["words"].tolist()
    assert {p.get_hatch() for p in own} == {HATCHES[1]}
    assert all(p.get_hatch() in (None, "") for p in _bars(fig, "memo text"))


def test_totals_are_written_at_the_bar_ends(chart: tuple[plt.Figure, pd.DataFrame]) -> None:
    fig, sections = chart
    totals = [int(t.get_text()) for t in fig.axes[0].texts]
    assert totals == (sections["words"] + sections["original_note_words"]).tolist()


def test_labels_legend_and_source(chart: tuple[plt.Figure, pd.DataFrame]) -> None:
    fig, _ = chart
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Words" and "order" in ax.get_ylabel() and ax.get_title(loc="left")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["memo text", "the memo's own footnote (5)"]
    assert "Document 88" in source_line(fig)


def test_greyscale_only(chart: tuple[plt.Figure, pd.DataFrame]) -> None:
    fig, _ = chart
    for patch in fig.axes[0].patches:
        red, green, blue, _ = patch.get_facecolor()
        assert red == green == blue
