"""Plain 2-D geometry on view coordinates: SVG path data to polygons, point-in-polygon, clipping,
simplification.

No ReportLab here: only coordinates in, coordinates out.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Iterable, Sequence

import shapely

Point = tuple[float, float]
Polygon = tuple[Point, ...]

_TOKEN = re.compile(r"[MLHVCSQZmlhvcsqz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "Z": 0}
_STEP = 4.0  # flattening: about one vertex every 4 view units along a curve


def parse_path(d: str, *, repeat_start: bool = False) -> tuple[Polygon, ...]:
    """SVG path data (M L H V C S Q Z, absolute or relative) -> one flattened polyline per subpath.

    A closed subpath repeats its first point at the end only with `repeat_start` (for stroking).
    """
    tokens = _TOKEN.findall(d)
    out: list[list[Point]] = []
    cur: list[Point] = []
    x = y = 0.0
    start = (0.0, 0.0)
    last_ctrl: Point | None = None
    i = 0
    cmd = ""
    while i < len(tokens):
        if tokens[i].isalpha():
            cmd = tokens[i]
            i += 1
        op = cmd.upper()
        rel = cmd.islower()
        if op == "Z":
            if cur:
                out.append(cur + [start] if repeat_start else cur)
            cur = []
            x, y = start
            last_ctrl = None
            continue
        n = _ARITY[op]
        args = [float(t) for t in tokens[i:i + n]]
        if len(args) < n:
            raise ValueError(f"path data ends in the middle of a '{cmd}' command")
        i += n
        if op == "H":
            args = [args[0] + (x if rel else 0), y]
        elif op == "V":
            args = [x, args[0] + (y if rel else 0)]
        elif rel:
            args = [a + (x if k % 2 == 0 else y) for k, a in enumerate(args)]
        if op == "M":
            if len(cur) > 1:
                out.append(cur)
            cur = [(args[0], args[1])]
            x, y = start = args[0], args[1]
            cmd = "l" if rel else "L"  # further pairs after M are lines
            last_ctrl = None
            continue
        if op in ("L", "H", "V"):
            pts = [(args[0], args[1])]
            last_ctrl = None
        elif op == "C":
            pts = _cubic((x, y), (args[0], args[1]), (args[2], args[3]), (args[4], args[5]))
            last_ctrl = (args[2], args[3])
        elif op == "S":
            c1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_ctrl else (x, y)
            pts = _cubic((x, y), c1, (args[0], args[1]), (args[2], args[3]))
            last_ctrl = (args[0], args[1])
        else:  # Q
            q = (args[0], args[1])
            c1 = (x + 2 / 3 * (q[0] - x), y + 2 / 3 * (q[1] - y))
            c2 = (args[2] + 2 / 3 * (q[0] - args[2]), args[3] + 2 / 3 * (q[1] - args[3]))
            pts = _cubic((x, y), c1, c2, (args[2], args[3]))
            last_ctrl = None
        cur.extend(pts)
        x, y = pts[-1]
    if len(cur) > 1:
        out.append(cur)
    return tuple(tuple(_dedupe(p, keep_closing=repeat_start)) for p in out)


def _cubic(p0: Point, p1: Point, p2: Point, p3: Point) -> list[Point]:
    length = _dist(p0, p1) + _dist(p1, p2) + _dist(p2, p3)
    n = max(2, min(40, int(length / _STEP)))
    pts = []
    for k in range(1, n + 1):
        t = k / n
        a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
        pts.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return pts


def _dist(a: Point, b: Point) -> float:
    return ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5


def _dedupe(points: Sequence[Point], keep_closing: bool = False) -> list[Point]:
    out: list[Point] = []
    for p in points:
        p = (round(p[0], 2), round(p[1], 2))
        if not out or p != out[-1]:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1] and not keep_closing:
        out.pop()
    return out


def inside(point: Point, polygon: Sequence[Point]) -> bool:
    """Even-odd ray test: is `point` inside the closed `polygon`?"""
    x, y = point
    hit = False
    n = len(polygon)
    for k in range(n):
        x1, y1 = polygon[k]
        x2, y2 = polygon[(k + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def grid_inside(polygon: Sequence[Point], step: float, odd_row_shift: float = 0.0) -> list[Point]:
    """The points of the grid x = col * step (+ odd_row_shift on odd rows), y = row * step that
    `inside` finds in `polygon`, row by row from the bottom, in one sweep instead of one test per
    point: each edge is cut by the rows it spans (with `inside`'s own test and arithmetic, so the
    answer is the same to the last bit), and a row's points are those with an odd number of cuts to
    their right."""
    xs = [p[0] for p in polygon]
    ys = [p[1] for p in polygon]
    x_min, x_max, y_max = min(xs), max(xs), max(ys)
    first = int(min(ys) // step)
    last = first
    while (last + 1) * step <= y_max:
        last += 1
    cuts: list[list[float]] = [[] for _ in range(last - first + 1)]
    n = len(polygon)
    for k in range(n):
        x1, y1 = polygon[k]
        x2, y2 = polygon[(k + 1) % n]
        for row in range(max(first, int(min(y1, y2) // step) - 1), min(last, int(max(y1, y2) // step) + 1) + 1):
            y = row * step
            if (y1 > y) != (y2 > y):
                cuts[row - first].append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    out = []
    for row, row_cuts in enumerate(map(sorted, cuts), first):
        if not row_cuts or row * step > y_max:
            continue
        shift = odd_row_shift if row % 2 else 0.0
        col = int((max(x_min, row_cuts[0]) - shift) // step)
        while col * step + shift <= x_max and col * step + shift < row_cuts[-1]:
            x = col * step + shift
            if (len(row_cuts) - bisect_right(row_cuts, x)) % 2:
                out.append((x, row * step))
            col += 1
    return out


def inside_any(point: Point, polygons: Iterable[Sequence[Point]]) -> bool:
    """Inside an even-odd union of polygons (holes count as outside)."""
    return sum(inside(point, p) for p in polygons) % 2 == 1


def bounds(polygons: Iterable[Sequence[Point]]) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) around every point."""
    pts = [p for poly in polygons for p in poly]
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


@lru_cache(maxsize=1024)   # a view's outline recurs in every drawing of about the same size
def simplify(points: tuple[Point, ...], tolerance: float, closed: bool) -> tuple[Point, ...]:
    """`points` without those within `tolerance` of the line that skips them (Douglas-Peucker, in
    GEOS): outlines are flattened finely enough for the largest close-up, and a smaller drawing
    need not carry the points it cannot show. A polygon that would collapse is kept as it is."""
    if len(points) < (4 if closed else 3):
        return points
    make = shapely.linearrings if closed else shapely.linestrings
    kept = shapely.get_coordinates(shapely.simplify(make(points), tolerance, preserve_topology=False)).tolist()
    if closed:
        kept = kept[:-1]
    if len(kept) < (3 if closed else 2):
        return points
    return tuple((x, y) for x, y in kept)


def clip_polygon(polygon: Sequence[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland-Hodgman: the part of `polygon` inside the rectangle `box` (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box
    edges = [(0, x0, True), (0, x1, False), (1, y0, True), (1, y1, False)]
    pts = list(polygon)
    for axis, limit, keep_above in edges:
        if not pts:
            break
        def ok(p):
            return p[axis] >= limit if keep_above else p[axis] <= limit
        out = []
        for k in range(len(pts)):
            a, b = pts[k - 1], pts[k]
            if ok(b):
                if not ok(a):
                    out.append(_cut(a, b, axis, limit))
                out.append(b)
            elif ok(a):
                out.append(_cut(a, b, axis, limit))
        pts = out
    return pts


def clip_polyline(points: Sequence[Point], box: tuple[float, float, float, float]) -> list[list[Point]]:
    """The pieces of a polyline inside `box` (Liang-Barsky per segment, joined where they touch)."""
    pieces: list[list[Point]] = []
    for a, b in zip(points, points[1:]):
        seg = _clip_segment(a, b, box)
        if seg is None:
            continue
        if pieces and pieces[-1][-1] == seg[0]:
            pieces[-1].append(seg[1])
        else:
            pieces.append([seg[0], seg[1]])
    return pieces


def open_runs(polygon: Sequence[Point], frame: tuple[float, float, float, float]) -> list[list[Point]]:
    """A closed polygon as polylines, leaving out edges that lie along the view's frame.

    Outlines cut by the frame (the neck at the bottom of the head view) are closed along
    the frame edge; that edge is filled but not stroked.
    """
    n = len(polygon)
    def on_frame(a: Point, b: Point) -> bool:
        return any(abs(a[axis] - v) < 0.01 and abs(b[axis] - v) < 0.01
                   for axis, v in ((0, frame[0]), (0, frame[2]), (1, frame[1]), (1, frame[3])))
    cut = [k for k in range(n) if on_frame(polygon[k], polygon[(k + 1) % n])]
    if not cut:
        return [list(polygon) + [polygon[0]]]
    runs = []
    for i, k in enumerate(cut):
        end = cut[(i + 1) % len(cut)]
        run = [polygon[(k + 1) % n]]
        j = (k + 1) % n
        while j != end:
            j = (j + 1) % n
            run.append(polygon[j])
        if len(run) > 1:
            runs.append(run)
    return runs


def _cut(a: Point, b: Point, axis: int, limit: float) -> Point:
    t = (limit - a[axis]) / (b[axis] - a[axis])
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def _clip_segment(a: Point, b: Point, box) -> tuple[Point, Point] | None:
    x0, y0, x1, y1 = box
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return ((a[0] + t0 * dx, a[1] + t0 * dy), (a[0] + t1 * dx, a[1] + t1 * dy))
