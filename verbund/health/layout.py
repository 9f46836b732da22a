"""Where to draw the companies of a network graph: a deterministic force-directed layout.

Pure (numpy, no Django): nodes are ``0..n-1``, edges are ``(a, b, weight)``. The layout is
Fruchterman–Reingold (connected nodes pull, every pair pushes, a cooling step bounds the moves)
started from the nodes evenly spaced on a circle, so the same graph always gets the same picture —
a page that rearranges itself on every reload cannot be read, and a test can pin it down.
The drawing helpers then turn positions into plain geometry (circles, arrows shortened to the node
rims, parallel arrows for the two directions of a referral flow) for an SVG template.
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
