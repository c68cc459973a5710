"""The closed-form clipping of arrows to text boxes (memo_utils.charts.box_arrows)."""

import numpy as np
import pytest
from matplotlib.patches import Rectangle
from matplotlib.transforms import IdentityTransform

from memo_utils.charts.box_arrows import StraightBetweenBoxes, exit_point


def box(x0: float, y0: float, width: float, height: float) -> Rectangle:
    return Rectangle((x0, y0), width, height, transform=IdentityTransform())


@pytest.mark.parametrize(("toward", "expected"), [
    ((25, 5), (10, 5)),    # out through the right edge
    ((5, -20), (5, 0)),    # out through the bottom
    ((25, 25), (10, 10)),  # out through the corner
    ((-15, 10), (0, 6.25)),  # a slope leaving through the left edge
])
def test_a_line_leaves_the_box_where_it_crosses_the_rectangle(toward, expected) -> None:
    found = exit_point(np.array([5.0, 5.0]), np.array(toward, dtype=float), box(0, 0, 10, 10), 0.0)
    assert found == pytest.approx(expected)


def test_shrink_moves_the_end_on_along_the_line_and_never_past_its_far_end() -> None:
    assert exit_point(np.array([5.0, 5.0]), np.array([25.0, 5.0]), box(0, 0, 10, 10), 2.0) == pytest.approx((12, 5))
    assert exit_point(np.array([5.0, 5.0]), np.array([11.0, 5.0]), box(0, 0, 10, 10), 5.0) == pytest.approx((11, 5))


def test_without_a_patch_only_the_shrink_applies() -> None:
    assert exit_point(np.array([0.0, 0.0]), np.array([0.0, 10.0]), None, 3.0) == pytest.approx((0, 3))


def test_the_connection_joins_the_two_boxes_edge_to_edge() -> None:
    path = StraightBetweenBoxes()((5, 5), (45, 5), patchA=box(0, 0, 10, 10), patchB=box(40, 0, 10, 10))
    assert path.vertices.ravel().tolist() == pytest.approx([10, 5, 40, 5])
