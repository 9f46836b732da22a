"""Where to draw the companies of a network graph: a deterministic force-directed layout.

Pure (numpy, no Django): nodes are ``0..n-1``, edges are ``(a, b, weight)``. The layout is
Fruchterman–Reingold (connected nodes pull, every pair pushes, a cooling step bounds the moves)
started from the nodes evenly spaced on a circle, so the same graph always gets the same picture —
a page that rearranges itself on every reload cannot be read, and a test can pin it down.
The drawing helpers then turn positions into plain geometry (circles, arrows shortened to the node
rims, parallel arrows for the two directions of a referral flow) for an SVG template, and
``place_labels`` finds each company's name a spot where it covers no other name or shape.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Edge = tuple[int, int, float]
# Tried 0.002–0.4 on random graphs of 6–80 nodes: 0.4 gave the widest spacing between the
# closest two nodes and the most even edge lengths.
GRAVITY = 0.4


def force_layout(
    node_count: int, edges: Sequence[Edge], *, iterations: int = 250, margin: float = 0.08
) -> NDArray[np.float64]:
    """Positions ``(node_count, 2)`` inside ``[margin, 1 - margin]``, the same for the same input.

    Heavier edges pull harder (by the logarithm of the weight, so one very busy pair does not
    collapse onto itself); nodes of different components still push each other apart, which keeps
    isolated pairs visible instead of stacked on the centre.
    """
    if node_count <= 0:
        return np.zeros((0, 2))
    if node_count == 1:
        return np.full((1, 2), 0.5)
    angles = 2 * math.pi * np.arange(node_count) / node_count
    position = np.column_stack([np.cos(angles), np.sin(angles)]) * 0.5
    if not edges:
        return _fit(position, margin)
    source = np.array([a for a, _b, _w in edges], dtype=np.int64)
    target = np.array([b for _a, b, _w in edges], dtype=np.int64)
    if source.min() < 0 or max(source.max(), target.max()) >= node_count:
        raise ValueError("an edge names a node outside 0..node_count-1")
    pull = 1.0 + np.log1p(np.array([max(w, 0.0) for _a, _b, w in edges], dtype=np.float64))
    ideal = math.sqrt(1.0 / node_count)  # the distance at which pull and push balance
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _step in range(iterations):
        delta = position[:, None, :] - position[None, :, :]
        distance = np.sqrt((delta**2).sum(axis=-1))
        np.fill_diagonal(distance, 1.0)
        distance = np.maximum(distance, 1e-4)
        push = (ideal**2 / distance**2)[:, :, None] * delta
        np.einsum("iik->ik", push)[:] = 0.0
        move = push.sum(axis=1)
        along = position[source] - position[target]
        length = np.maximum(np.sqrt((along**2).sum(axis=-1)), 1e-4)
        attraction = (length * pull / ideal)[:, None] * along
        np.add.at(move, source, -attraction)
        np.add.at(move, target, attraction)
        # A pull to the centre keeps separate components in one picture; without it isolated
        # pairs drift to the edge and, once scaled into the frame, squeeze everyone else together.
        move -= position * GRAVITY / ideal
        size = np.maximum(np.sqrt((move**2).sum(axis=-1)), 1e-9)
        position += move / size[:, None] * np.minimum(size, temperature)[:, None]
        temperature -= cooling
    return _fit(position, margin)


def _fit(position: NDArray[np.float64], margin: float) -> NDArray[np.float64]:
    """Scale into the unit square with a margin, keeping the aspect ratio."""
    low = position.min(axis=0)
    span = float((position.max(axis=0) - low).max())
    if span < 1e-9:
        return np.full_like(position, 0.5)
    scaled = (position - low) / span
    scaled += (1.0 - (scaled.max(axis=0) - scaled.min(axis=0))) / 2  # centre the short side
    result: NDArray[np.float64] = margin + scaled * (1 - 2 * margin)
    return result


@dataclass(frozen=True)
class Node:
    index: int
    x: float
    y: float
    radius: float


@dataclass(frozen=True)
class Line:
    """A segment from (x1, y1) to (x2, y2); ``label_x/label_y`` is where its figure goes."""

    x1: float
    y1: float
    x2: float
    y2: float
    label_x: float
    label_y: float


def node_radius(degree: int, *, smallest: float = 7.0, step: float = 2.0, largest: float = 18.0):
    """Companies with more partnerships are drawn larger (capped, so a hub does not hide others)."""
    return min(largest, smallest + step * max(degree - 1, 0))


def place_nodes(
    positions: NDArray[np.float64], degrees: Sequence[int], width: float, height: float
) -> list[Node]:
    return [
        Node(i, round(float(x) * width, 1), round(float(y) * height, 1), node_radius(degrees[i]))
        for i, (x, y) in enumerate(positions)
    ]


def connect(start: Node, end: Node, *, offset: float = 0.0, gap: float = 3.0) -> Line | None:
    """A line from ``start``'s rim to ``end``'s rim, shifted ``offset`` to its right side (so the
    two directions of a flow run side by side); ``None`` when the nodes overlap."""
    dx, dy = end.x - start.x, end.y - start.y
    length = math.hypot(dx, dy)
    if length <= start.radius + end.radius + 2 * gap:
        return None
    ux, uy = dx / length, dy / length
    nx, ny = -uy * offset, ux * offset  # the normal points right of the direction of travel
    x1 = start.x + ux * (start.radius + gap) + nx
    y1 = start.y + uy * (start.radius + gap) + ny
    x2 = end.x - ux * (end.radius + gap) + nx
    y2 = end.y - uy * (end.radius + gap) + ny
    # Labels sit beside the line, a little further out than the offset, at 40 % of the way so
    # the two directions' figures do not land on the same spot.
    lx = x1 + (x2 - x1) * 0.4 + (nx * 2.2 if offset else -uy * 8)
    ly = y1 + (y2 - y1) * 0.4 + (ny * 2.2 if offset else ux * 8)
    return Line(*(round(v, 1) for v in (x1, y1, x2, y2, lx, ly)))


def flow_width(count: int) -> float:
    """Stroke width of a referral arrow: grows with the logarithm of the number of referrals."""
    return round(1.0 + 1.5 * math.log2(1 + max(count, 0)), 2)


# --- labels --------------------------------------------------------------------------------------

LABEL_SIZE = 11.0  # px in the drawing's coordinates (the stylesheet's .graph-label font size)
# Average advance of a character as a share of the font size: DejaVu Sans and the system sans
# fonts measure 0.55–0.6 on company names; the larger keeps the estimate on the safe side.
CHAR_WIDTH = 0.6
GAP = 3.0  # px between a shape's rim and its label
# Where a label may go, in order of preference: below, above, right, left, then the diagonals.
# (dx, dy) say on which side of the node the label's box lies.
SIDES = ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1))

Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Label:
    """A node's name: ``anchor`` is SVG's text-anchor at (x, y), y the baseline."""

    x: float
    y: float
    anchor: str
    box: Box


def label_width(text: str, size: float = LABEL_SIZE) -> float:
    return len(text) * size * CHAR_WIDTH


def _candidate(node: Node, text: str, side: tuple[int, int], size: float) -> Label:
    width, height = label_width(text, size), size * 1.25
    reach = node.radius * 1.25 + GAP  # the diamond is the largest shape
    dx, dy = side
    if dx and dy:
        reach *= 0.75  # diagonally the corner of the box can come closer to a round shape
    left = {1: node.x + reach, 0: node.x - width / 2, -1: node.x - reach - width}[dx]
    top = {1: node.y + reach, 0: node.y - height / 2, -1: node.y - reach - height}[dy]
    anchor, x = {1: ("start", left), 0: ("middle", node.x), -1: ("end", left + width)}[dx]
    baseline = top + size * 0.95  # the box holds ascent and descent; the baseline sits near 3/4
    box = (round(left, 1), round(top, 1), round(left + width, 1), round(top + height, 1))
    return Label(round(x, 1), round(baseline, 1), anchor, box)


def _overlap(a: Box, b: Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def _crosses(line: Line, box: Box) -> bool:
    """Whether the segment runs through the box (Liang–Barsky clipping)."""
    dx, dy = line.x2 - line.x1, line.y2 - line.y1
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, line.x1 - box[0]), (dx, box[2] - line.x1),
        (-dy, line.y1 - box[1]), (dy, box[3] - line.y1),
    ):  # fmt: skip
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def place_labels(
    nodes: Sequence[Node],
    texts: Sequence[str],
    lines: Sequence[Line],
    width: float,
    height: float,
    *,
    size: float = LABEL_SIZE,
) -> list[Label | None]:
    """A place for every node's name where it overlaps no other name and no shape, stays inside
    the frame and, where it can, crosses no line; ``None`` where every side would overlap another
    name (the name is still on the node's hover title and in the table).

    Greedy, larger nodes first (the busiest companies keep their names): each tries the SIDES
    in order and takes the cheapest; overlaps cost their area, a crossed line and the side's rank
    a little, so with room to spare every label sits below its node as before.
    """
    frame: Box = (0.0, 0.0, width, height)
    shapes = [
        (n.x - n.radius * 1.25, n.y - n.radius * 1.25, n.x + n.radius * 1.25, n.y + n.radius * 1.25)
        for n in nodes
    ]
    figures = [(ln.label_x - 8, ln.label_y - 7, ln.label_x + 8, ln.label_y + 7) for ln in lines]
    placed: list[Box] = []
    labels: list[Label | None] = [None] * len(nodes)
    for i in sorted(range(len(nodes)), key=lambda i: (-nodes[i].radius, i)):
        best: tuple[float, float, Label] | None = None
        for rank, side in enumerate(SIDES):
            label = _candidate(nodes[i], texts[i], side, size)
            box = label.box
            outside = (box[2] - box[0]) * (box[3] - box[1]) - _overlap(box, frame)
            clash = sum(_overlap(box, other) for other in placed)
            cost = (
                clash * 10 + outside * 10
                + sum(_overlap(box, shape) for shape in shapes) * 5
                + sum(_overlap(box, figure) for figure in figures) * 2
                + sum(_crosses(line, box) for line in lines) * 40
                + rank * 5
            )  # fmt: skip
            if best is None or cost < best[0]:
                best = (cost, clash, label)
        assert best is not None
        if best[1] == 0:
            labels[i] = best[2]
            placed.append(best[2].box)
    return labels
