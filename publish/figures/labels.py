"""Place landmark labels inside a close-up without overlapping each other, the X or the lines.

Greedy: each label tries positions around its landmark (beside a dot; beside either end or the
middle of a line), near and then farther out with a leader, and takes the one that covers least of
the other labels, the dots, the X and every line drawn (landmark lines, the outline, the spine),
stays inside the picture and sits nearest its landmark. Long labels wrap onto two lines.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from math import inf
from typing import Sequence

from reportlab.graphics.shapes import Group, Line, Rect

from . import style
from .geometry import Point
from .paint import text, text_width

LINE_HEIGHT = style.LABEL_SIZE * 1.2
PAD = 1.5
SAMPLE_STEP = 0.75                          # points along every line drawn, to measure how much a label covers
Rect_ = tuple[float, float, float, float]   # x0, y0, x1, y1 in page points (y up)


@dataclass(frozen=True)
class Label:
    lines: tuple[str, ...]
    box: Rect_          # the white box behind the text
    anchor: Point       # the landmark point the label belongs to
    bold: bool


def wrap(value: str, max_width: float, bold: bool = False) -> tuple[str, ...]:
    """One line, or two split at the space that balances them best, if it is too wide."""
    if text_width(value, bold=bold) <= max_width or " " not in value:
        return (value,)
    words = value.split(" ")
    best = min(range(1, len(words)), key=lambda k: max(text_width(" ".join(words[:k]), bold=bold),
                                                       text_width(" ".join(words[k:]), bold=bold)))
    return (" ".join(words[:best]), " ".join(words[best:]))


def place(requests: Sequence[tuple[str, Sequence[Point], bool]], obstacles: Sequence[Rect_],
          lines: Sequence[Sequence[Point]], area: Rect_, edges: Sequence[Sequence[Point]] = ()) -> list[Label]:
    """Labels for (text, anchor points, bold) requests, in order, avoiding the obstacles (the X, dots:
    never covered if it can be helped), each other, `lines` and, less strictly, `edges` (the outline)."""
    walls = [o for o in obstacles for _ in range(10)]     # weighs an obstacle as ten labels
    samples = [sorted(p for line in group for p in _samples(line, step=SAMPLE_STEP)) for group in (lines, edges)]
    shapes = [_samples(points) if len(points) > 1 else list(points) for _, points, _ in requests]
    placed: list[Label] = []
    for k in range(len(requests)):                          # greedy, in order ...
        placed.append(_best(requests, k, walls + [label.box for label in placed], samples, shapes, area))
    for k in range(len(requests)):                          # ... then each again, knowing where all the others went
        placed[k] = _best(requests, k, walls + [label.box for j, label in enumerate(placed) if j != k], samples,
                          shapes, area)
    return placed


def _best(requests: Sequence[tuple[str, Sequence[Point], bool]], k: int, taken: Sequence[Rect_],
          samples: Sequence[Sequence[Point]], shapes: Sequence[Sequence[Point]], area: Rect_) -> Label:
    value, points, bold = requests[k]
    wrapped = wrap(value, (area[2] - area[0]) * 0.48, bold)
    w = max(text_width(s, bold=bold) for s in wrapped) + 2 * PAD
    h = LINE_HEIGHT * len(wrapped) + PAD
    others = [p for j, shape in enumerate(shapes) if j != k for p in shape]
    best = None
    for anchor, gap in _anchors(points):
        for box in _around(anchor, w, h, gap):
            score = (_cost(box, taken, samples, area) + _ambiguity(box, anchor, others)
                     + _box_distance(box, anchor) * (3.0 if bold else 1.0))   # the X's own label stays by it
            if best is None or score < best[0]:
                best = (score, box, anchor)
    assert best is not None
    return Label(wrapped, best[1], best[2], bold)


def draw(labels: Sequence[Label]) -> Group:
    """White boxes with the text, and a thin leader where a label sits away from its point."""
    g = Group()
    for label in labels:
        x0, y0, x1, y1 = label.box
        near = (min(max(label.anchor[0], x0), x1), min(max(label.anchor[1], y0), y1))
        if _dist(near, label.anchor) > 6:
            g.add(Line(label.anchor[0], label.anchor[1], near[0], near[1], strokeColor=style.MUTED, strokeWidth=0.4))
        g.add(Rect(x0, y0, x1 - x0, y1 - y0, rx=1.2, ry=1.2, fillColor=style.HALO, strokeColor=None))
        for k, line in enumerate(label.lines):
            baseline = y1 - PAD / 2 - LINE_HEIGHT * (k + 1) + LINE_HEIGHT * 0.25
            g.add(text(x0 + PAD, baseline, line, bold=label.bold))
    return g


def _anchors(points: Sequence[Point]) -> list[tuple[Point, float]]:
    """Where a label may sit: beside a dot; beside either end of a line, or along it."""
    if len(points) == 1:
        return [(points[0], 4.0)]
    along = _samples(points, step=6.0)
    return [(points[-1], 3.0), (points[0], 3.0)] + [(p, 3.0) for p in along[1:-1:2]]


def _around(p: Point, w: float, h: float, gap: float) -> list[Rect_]:
    """Boxes beside, above, below and at the corners of `p`, nearest first, then farther out (with a leader)."""
    x, y = p
    out = []
    for d in (gap, gap + 8, gap + 16, gap + 26):
        out += [
            (x + d, y - h / 2, x + d + w, y + h / 2),            # right
            (x - d - w, y - h / 2, x - d, y + h / 2),            # left
            (x - w / 2, y + d, x + w / 2, y + d + h),            # above
            (x - w / 2, y - d - h, x + w / 2, y - d),            # below
            (x + d, y + d, x + d + w, y + d + h),                # above right
            (x - d - w, y + d, x - d, y + d + h),                # above left
            (x + d, y - d - h, x + d + w, y - d),                # below right
            (x - d - w, y - d - h, x - d, y - d),                # below left
        ]
    return out


def _cost(box: Rect_, taken: Sequence[Rect_], samples: Sequence[Sequence[Point]], area: Rect_) -> float:
    outside = (max(0.0, area[0] - box[0]) + max(0.0, box[2] - area[2])
               + max(0.0, area[1] - box[1]) + max(0.0, box[3] - area[3]))
    overlap = sum(_overlap(box, t) for t in taken)
    lines, edges = (_covered(box, group) for group in samples)
    return outside * 400 + overlap * 10 + lines * 30 + edges * 8


def _covered(box: Rect_, samples: Sequence[Point]) -> float:
    """About the length of line (sampled at SAMPLE_STEP, sorted) under `box`."""
    first, last = bisect_left(samples, (box[0], -inf)), bisect_right(samples, (box[2], inf))
    return SAMPLE_STEP * sum(1 for p in samples[first:last] if box[1] <= p[1] <= box[3])


def _ambiguity(box: Rect_, anchor: Point, others: Sequence[Point]) -> float:
    """Cost of a label sitting about as close to another landmark as to its own."""
    if not others:
        return 0.0
    own = _box_distance(box, anchor)
    nearest_other = min(_box_distance(box, p) for p in others)
    return 15 * max(0.0, own + 8 - nearest_other)


def _box_distance(box: Rect_, p: Point) -> float:
    dx = max(box[0] - p[0], 0.0, p[0] - box[2])
    dy = max(box[1] - p[1], 0.0, p[1] - box[3])
    return (dx * dx + dy * dy) ** 0.5


def _overlap(a: Rect_, b: Rect_) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _samples(line: Sequence[Point], step: float = 3.0) -> list[Point]:
    out = []
    for a, b in zip(line, line[1:]):
        n = max(1, int(_dist(a, b) / step))
        out += [(a[0] + (b[0] - a[0]) * k / n, a[1] + (b[1] - a[1]) * k / n) for k in range(n + 1)]
    return out


def _dist(a: Point, b: Point) -> float:
    return ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5
