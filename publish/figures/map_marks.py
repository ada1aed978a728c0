"""Where each spot's disc goes on a whole-body map, so that no disc covers another, another spot or a line.

At map scale a numbered disc is wider than the gap between neighbouring spots (Spots 12 and 13 lie a
few centimetres apart) and than a spot's distance from the spine. So each disc sits on its spot only
where it is clear there: off the midline, on the spot's own side of the body, and clear of the other
discs and the other spots' points. Otherwise it moves out, ring by ring, to the nearest place that is,
and a thin leader joins it to a small dot on the spot itself. Greedy, answer spots first: they get the
places nearest their spots.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from reportlab.graphics.shapes import Circle, Group, Line

from . import style
from .geometry import Point

HALO = 0.8                 # white ring round every disc
POINT_RADIUS = 1.6         # the small dot left on the spot when its disc moves away
CLEAR = 0.6                # room kept between a disc and a line or another disc
LEADER_ROOM = 3.0          # room kept between a leader and a disc it does not belong to
DIRECTIONS = 24
RINGS = 8
PASSES = 2
NEIGHBOURS = 16           # the nearest discs and spots a place is checked against
CROWD_LIMIT = 30          # a map of more spots cannot hold them apart (and would be slow to try)
Box = tuple[float, float, float, float]
Side = tuple[float, int]   # the view's midline (page x) and the side a disc keeps to: +1 right of it, -1 left


@dataclass(frozen=True)
class Mark:
    """One spot on a map: `point` where the spot is, `centre` where its disc is drawn (page points)."""

    number: int
    point: Point
    centre: Point
    radius: float            # the disc's radius, white ring included

    @property
    def moved(self) -> bool:
        return math.dist(self.point, self.centre) > 0.01


def place_marks(requests: Sequence[tuple[int, Point, float, Side | None]], area: Box) -> list[Mark]:
    """Marks for (number, page point, radius, side) requests, placed in order, each disc inside `area`
    (x0, y0, x1, y1), wholly on its side of its view's midline, and clear of the discs placed before
    it and of every other request's point."""
    if len(requests) > CROWD_LIMIT:        # more spots than a body map holds apart: each on its spot, as drawn before
        return [Mark(number, point, point, radius) for number, point, radius, _ in requests]
    marks: list[Mark] = []
    for request in requests:                                  # greedy, in order ...
        marks.append(_best(request, marks, requests, area))
    for _ in range(PASSES):                                   # ... then each again, knowing all the others
        for k, request in enumerate(requests):
            marks[k] = _best(request, marks[:k] + marks[k + 1:], requests, area)
    return marks


def _best(request: tuple[int, Point, float, Side | None], placed: Sequence[Mark],
          requests: Sequence[tuple[int, Point, float, Side | None]], area: Box) -> Mark:
    number, point, radius, side = request
    reach = radius * (2 + 0.5 * RINGS) + POINT_RADIUS + 2 * CLEAR + 2 * max(r for _, _, r, _ in requests)
    near = [m for m in placed if math.dist(m.point, point) < reach + math.dist(m.point, m.centre)]
    placed = sorted(near, key=lambda m: math.dist(m.centre, point))[:NEIGHBOURS]    # only what a candidate could touch
    others = sorted((p for n, p, _, _ in requests if n != number and math.dist(p, point) < reach),
                    key=lambda p: math.dist(p, point))[:NEIGHBOURS]
    away = _away(point, radius, side, others)
    best = (_cost(point, point, radius, side, placed, others, area, away), point)
    for ring in _rings(point, radius) if best[0] > 0 else ():
        if math.dist(ring[0], point) >= best[0]:    # a place costs at least its distance: none farther can win
            break
        for centre in ring:
            cost = _cost(centre, point, radius, side, placed, others, area, away, best[0])
            if cost < best[0]:
                best = (cost, centre)
    return Mark(number, point, best[1], radius)


def draw_mark(mark: Mark, disc: Group, colour) -> Group:
    """`disc` (drawn at the mark's centre), and when it moved off its spot a leader in `colour` to a
    dot on the spot."""
    g = Group()
    if mark.moved:
        g.add(Line(*mark.point, *mark.centre, strokeColor=style.HALO, strokeWidth=2.0, strokeLineCap=1))
        g.add(Line(*mark.point, *mark.centre, strokeColor=colour, strokeWidth=0.7, strokeLineCap=1))
        g.add(Circle(*mark.point, POINT_RADIUS + 0.6, fillColor=style.HALO, strokeColor=None))
        g.add(Circle(*mark.point, POINT_RADIUS, fillColor=colour, strokeColor=None))
    g.add(disc)
    return g


def _rings(point: Point, radius: float) -> list[list[Point]]:
    """Places round `point`, ring by ring outwards; the first ring leaves the dot on the spot in view."""
    out = []
    for ring in range(RINGS):
        distance = radius + POINT_RADIUS + 2 * CLEAR + radius * 0.5 * ring
        turn = (ring % 2) * math.pi / DIRECTIONS          # stagger the rings
        out.append([(point[0] + distance * math.cos(turn + 2 * math.pi * k / DIRECTIONS),
                     point[1] + distance * math.sin(turn + 2 * math.pi * k / DIRECTIONS)) for k in range(DIRECTIONS)])
    return out


def _away(point: Point, radius: float, side: Side | None, others: Sequence[Point]) -> Point:
    """The way out of the crowd: away from the spots near this one, and out from the midline."""
    ax, ay = (0.5 * side[1], 0.0) if side else (0.0, 0.0)
    for other in others:
        d = math.dist(point, other)
        if 0 < d < 3 * radius:
            ax += (point[0] - other[0]) / d
            ay += (point[1] - other[1]) / d
    norm = math.hypot(ax, ay)
    return (ax / norm, ay / norm) if norm else (0.0, 0.0)


def _cost(centre: Point, point: Point, radius: float, side: Side | None, placed: Sequence[Mark],
          others: Sequence[Point], area: Box, away: Point, bound: float = math.inf) -> float:
    """0 for a disc on its spot with nothing under it; more the farther it moves; far more for what it
    covers or where it crosses the midline. Once the cheap terms reach `bound` (the best place so far),
    the leaders are not measured: the place cannot win."""
    x, y = centre
    outside = max(0.0, area[0] - (x - radius)) + max(0.0, x + radius - area[2]) \
        + max(0.0, area[1] - (y - radius)) + max(0.0, y + radius - area[3])
    if side is not None:
        outside += max(0.0, radius + CLEAR - side[1] * (x - side[0]))
    discs = sum(max(0.0, radius + m.radius + CLEAR - math.dist(centre, m.centre)) for m in placed)
    points = sum(max(0.0, radius + POINT_RADIUS + CLEAR - math.dist(centre, p)) for p in others)
    distance = math.dist(centre, point)
    along = 0.0 if distance == 0 else ((centre[0] - point[0]) * away[0] + (centre[1] - point[1]) * away[1]) / distance
    moved = distance * (1 + (1 - along))      # a disc moved out of the crowd reads best
    cheap = 1000 * (outside + discs + points) + moved
    if cheap >= bound:
        return cheap
    leader = sum(max(0.0, m.radius + LEADER_ROOM - _to_segment(m.centre, point, centre)) for m in placed) \
        + sum(max(0.0, radius + LEADER_ROOM - _to_segment(centre, m.point, m.centre)) for m in placed if m.moved) \
        + sum(max(0.0, POINT_RADIUS + CLEAR - _to_segment(p, point, centre)) for p in others)
    crossing = sum(1 for m in placed if m.moved and _cross(point, centre, m.point, m.centre))
    return cheap + 100 * leader + 200 * crossing


def cross_size(centre: Point, lines: Sequence[tuple[Point, Point]], width: float,
               sizes: tuple[float, float]) -> float:
    """The largest X size in `sizes` (smallest, largest) whose strokes and white halo (1 pt) keep off
    every line, or the smallest when none does."""
    size = sizes[1]
    while size > sizes[0]:
        arms = [((centre[0] - size * d, centre[1] - size), (centre[0] + size * d, centre[1] + size)) for d in (-1, 1)]
        if all(segment_gap(arm, line) >= width / 2 + 1.0 for arm in arms for line in lines):
            return size
        size -= 0.25
    return sizes[0]


def segment_gap(ab: tuple[Point, Point], cd: tuple[Point, Point]) -> float:
    """The least distance between segments ab and cd (0 where they cross)."""
    (a, b), (c, d) = ab, cd
    if _cross(a, b, c, d):
        return 0.0
    return min(_to_segment(a, c, d), _to_segment(b, c, d), _to_segment(c, a, b), _to_segment(d, a, b))


def _cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Do segments ab and cd cross?"""
    def turn(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return turn(a, b, c) * turn(a, b, d) < 0 and turn(c, d, a) * turn(c, d, b) < 0


def _to_segment(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))
