"""Straight arrows between two text boxes, clipped to the boxes by geometry.

Matplotlib clips an arrow to ``patchA``/``patchB`` by bisecting the line against each
patch's outline on every draw; for the argument diagram's thirty-two arrows that search was
most of the chart's drawing time. A straight line leaves a box where it crosses the box's
bounding rectangle, which is found in closed form (slab intersection).
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Patch
from matplotlib.path import Path


def exit_point(inside: np.ndarray, toward: np.ndarray, patch: Patch | None, shrink: float) -> np.ndarray:
    """Where the segment from ``inside`` to ``toward`` leaves ``patch``'s bounding
    rectangle (display coordinates), moved on by ``shrink`` pixels; ``inside`` itself
    when there is no patch or the segment never leaves it."""
    direction = toward - inside
    length = float(np.hypot(*direction))
    if length == 0:
        return inside
    unit = direction / length
    travel = 0.0
    if patch is not None:
        extents = patch.get_extents()
        low, high = np.array([extents.x0, extents.y0]), np.array([extents.x1, extents.y1])
        with np.errstate(divide="ignore", invalid="ignore"):
            steps = np.where(direction > 0, (high - inside) / direction, (low - inside) / direction)
        steps = steps[np.isfinite(steps) & (steps >= 0)]
        travel = float(steps.min()) * length if steps.size else 0.0
    return inside + unit * min(travel + shrink, length)


class StraightBetweenBoxes:
    """A straight connection from box to box, for ``FancyArrowPatch(connectionstyle=...)``,
    which takes any callable with the signature of matplotlib's connection styles."""

    def __call__(self, posA: tuple[float, float], posB: tuple[float, float],  # noqa: N803 (matplotlib's names)
                 shrinkA: float = 0.0, shrinkB: float = 0.0,  # noqa: N803
                 patchA: Patch | None = None, patchB: Patch | None = None) -> Path:  # noqa: N803
        start, end = np.asarray(posA, dtype=float), np.asarray(posB, dtype=float)
        return Path(np.array([exit_point(start, end, patchA, shrinkA), exit_point(end, start, patchB, shrinkB)]))
