"""The network graph's layout: the same graph always gets the same picture, inside the frame, with
partners drawn nearer each other than strangers, and arrows that stop at the node rims."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verbund.health.layout import (
    Node,
    _crosses,
    connect,
    flow_width,
    force_layout,
    node_radius,
    place_labels,
)


def _distances(positions: np.ndarray) -> np.ndarray:
    return np.sqrt(((positions[:, None, :] - positions[None, :, :]) ** 2).sum(axis=-1))


graphs = st.integers(min_value=2, max_value=40).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(
            st.tuples(
                st.integers(0, n - 1), st.integers(0, n - 1), st.floats(0, 50, allow_nan=False)
            ).filter(lambda e: e[0] != e[1]),
            max_size=3 * n,
        ),
    )
)


@settings(max_examples=40, deadline=None)
@given(graphs)
def test_the_layout_is_deterministic_and_inside_the_frame(graph):
    n, edges = graph
    first = force_layout(n, edges)
    again = force_layout(n, list(edges))
    assert first.shape == (n, 2)
    assert np.array_equal(first, again)
    assert np.all(np.isfinite(first))
    assert first.min() >= 0.08 - 1e-9 and first.max() <= 0.92 + 1e-9


def test_partners_are_drawn_closer_than_companies_without_a_partnership():
    # Two triangles joined by one edge, plus a loner: edges are shorter than non-edges.
    edges = [(0, 1, 3), (1, 2, 1), (2, 0, 1), (3, 4, 2), (4, 5, 1), (5, 3, 1), (2, 3, 1)]
    positions = force_layout(7, edges)
    distance = _distances(positions)
    linked = {(a, b) for a, b, _w in edges} | {(b, a) for a, b, _w in edges}
    edge_lengths = [distance[a, b] for a, b in linked]
    others = [distance[a, b] for a in range(7) for b in range(7) if a != b and (a, b) not in linked]
    assert max(edge_lengths) < np.median(others)


def test_no_two_companies_of_a_mid_sized_network_land_on_top_of_each_other():
    rng = np.random.default_rng(7)
    n = 80
    ends = rng.integers(0, n, (120, 2))
    weights = rng.integers(0, 9, 120)
    edges = [(int(a), int(b), float(w)) for (a, b), w in zip(ends, weights, strict=True) if a != b]
    distance = _distances(force_layout(n, edges))
    np.fill_diagonal(distance, np.inf)
    # 0.02 of an 800 px wide drawing is 16 px: two of the smallest circles (7 px) do not overlap.
    assert distance.min() > 0.02


def test_a_single_company_sits_in_the_middle_and_no_company_gives_an_empty_layout():
    assert force_layout(1, []).tolist() == [[0.5, 0.5]]
    assert force_layout(0, []).shape == (0, 2)


def test_an_edge_to_an_unknown_node_is_refused():
    with pytest.raises(ValueError):
        force_layout(2, [(0, 5, 1.0)])


def test_an_arrow_runs_from_rim_to_rim_on_its_own_side():
    start, end = Node(0, 0.0, 0.0, 10.0), Node(1, 100.0, 0.0, 10.0)
    forth = connect(start, end, offset=4)
    back = connect(end, start, offset=4)
    assert forth is not None and back is not None
    assert forth.x1 == pytest.approx(13.0) and forth.x2 == pytest.approx(87.0)
    # Travelling right the arrow sits below the centre line (SVG y grows downwards), travelling
    # left above it: the two directions never draw over each other.
    assert forth.y1 == forth.y2 == pytest.approx(4.0)
    assert back.y1 == back.y2 == pytest.approx(-4.0)


def test_overlapping_nodes_get_no_arrow():
    assert connect(Node(0, 0, 0, 10), Node(1, 15, 0, 10)) is None


def test_busier_flows_and_companies_are_drawn_bigger_but_capped():
    assert flow_width(0) == 1.0
    assert flow_width(1) < flow_width(4) < flow_width(40)
    assert flow_width(40) == pytest.approx(1 + 1.5 * math.log2(41), abs=0.01)
    assert node_radius(1) < node_radius(3) <= node_radius(100) == 18.0


# --- labels -----------------------------------------------------------------------------------


def _overlap(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(20, 840), st.floats(20, 540), st.integers(1, 5)),
        min_size=1, max_size=40,
    ),
    st.integers(4, 22),
)  # fmt: skip
def test_names_never_overlap_each_other(points, length):
    """Company names drawn on top of each other could not be read: a name that finds no free
    place is left to the node's hover title (and the table)."""
    nodes = [Node(i, x, y, node_radius(degree)) for i, (x, y, degree) in enumerate(points)]
    texts = [f"Firma {i:02d} " + "x" * length for i in range(len(nodes))]
    labels = place_labels(nodes, texts, [], 860, 560)
    boxes = [label.box for label in labels if label is not None]
    for i, box in enumerate(boxes):
        assert not any(_overlap(box, other) for other in boxes[i + 1 :])
    assert labels[max(range(len(nodes)), key=lambda i: (nodes[i].radius, -i))] is not None


def test_two_close_companies_get_their_names_on_different_sides():
    """The demo's case: two partners a short line apart, names below each would collide."""
    nodes = [Node(0, 300, 100, 7.0), Node(1, 412, 96, 7.0)]
    line = connect(nodes[0], nodes[1])
    assert line is not None
    names = ["Rijssen Catering V.O…", "Beckmann CNC-Technik…"]
    first, second = place_labels(nodes, names, [line], 860, 560)
    assert first is not None and second is not None
    assert not _overlap(first.box, second.box)
    for label in (first, second):
        assert not _crosses(line, label.box)
        for node in nodes:  # no name over a shape
            r = node.radius
            assert not _overlap(label.box, (node.x - r, node.y - r, node.x + r, node.y + r))


def test_with_room_to_spare_a_name_sits_below_its_company_inside_the_frame():
    nodes = [Node(0, 430, 280, 9.0)]
    (label,) = place_labels(nodes, ["Hörnemann Digital GmbH"], [], 860, 560)
    assert label is not None and label.anchor == "middle" and label.box[1] > 280 + 9
    near_the_edge = place_labels([Node(0, 10, 280, 7.0)], ["Malerbetrieb Heemann…"], [], 860, 560)
    assert near_the_edge[0] is not None and near_the_edge[0].box[0] >= 0
