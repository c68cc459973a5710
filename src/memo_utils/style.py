"""One look for every chart: labelled axes, a source line, greyscale-safe marks."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure

if TYPE_CHECKING:
    # For the checker only: RcKeyType is new in matplotlib 3.11, and we accept 3.9 at run time.
    from matplotlib.typing import RcKeyType

#: Greys dark to light: distinct when printed without colour.
GREYS = ("0.1", "0.45", "0.65", "0.85")
#: Hatches and line styles that carry the same distinctions as the greys.
HATCHES = ("", "///", "...", "xxx")
LINESTYLES = ("-", "--", ":", "-.")
MARKERS = ("o", "s", "^", "D")

STYLE: dict[RcKeyType, Any] = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "0.88",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "axes.prop_cycle": cycler(color=GREYS) + cycler(linestyle=LINESTYLES) + cycler(marker=MARKERS),
    "lines.linewidth": 1.6,
    "lines.markersize": 4,
    "hatch.color": "0.2",
    "legend.frameon": False,
}


def apply_style() -> None:
    """Set the collection's matplotlib style for the rest of the session."""
    plt.rcParams.update(STYLE)


def new_chart(figsize: tuple[float, float] | None = None) -> tuple[Figure, Axes]:
    """A figure with one axes in the collection's style."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=figsize or STYLE["figure.figsize"], layout="constrained")
    return fig, ax


def finish_chart(ax: Axes, *, title: str, xlabel: str, ylabel: str, source: str) -> Figure:
    """Title, axis labels (with units) and a source line under the chart."""
    ax.set_title(title, loc="left", fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig = _figure(ax)
    wrapped = textwrap.fill(f"Source: {source}", width=120)
    fig.text(0.0, -0.01, wrapped, ha="left", va="top", fontsize=8, color="0.25",
             transform=fig.transFigure, gid="source-line")
    return fig


def _figure(ax: Axes) -> Figure:
    """The figure ``ax`` is drawn on. Every chart here is one Figure; an axes on a
    SubFigure is refused rather than passed off as the Figure :func:`finish_chart` returns."""
    fig = ax.figure
    if not isinstance(fig, Figure):
        raise TypeError("finish_chart needs an axes on a Figure, not on a SubFigure")
    return fig


def source_line(fig: Figure) -> str | None:
    """The source line of a chart drawn by :func:`finish_chart`, for tests and checks."""
    texts = [text.get_text() for text in fig.texts if text.get_gid() == "source-line"]
    return texts[0] if texts else None
