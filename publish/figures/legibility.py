"""Whether a drawing's text can be read where it is and leaves the picture to be seen: no two strings
overlapping, none outside the drawing's own box, text over at most a fifth of it. A figure laid out
for a small room (a paper card's back) is asked this before it is printed, since its labels keep
their size while the picture shrinks around them."""
from __future__ import annotations

from collections.abc import Iterator

from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.pdfbase.pdfmetrics import stringWidth

Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)
SLACK = 1.5          # points a glyph may stick out of the box or into a neighbour (descenders, halos)
MAX_TEXT_SHARE = 0.2  # the booklet's busiest close-up has text over 18 % of it; more hides the picture


def crowded(drawing: Drawing) -> bool:
    """Do any two strings of `drawing` overlap, does one leave the drawing's box, or does its text
    cover more than MAX_TEXT_SHARE of it?"""
    boxes = list(text_boxes(drawing))
    if sum((b[2] - b[0]) * (b[3] - b[1]) for b in boxes) > MAX_TEXT_SHARE * drawing.width * drawing.height:
        return True
    outside = any(b[0] < -SLACK or b[1] < -SLACK or b[2] > drawing.width + SLACK or b[3] > drawing.height + SLACK
                  for b in boxes)
    return outside or any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def text_boxes(node, matrix: Matrix = IDENTITY) -> Iterator[Box]:
    """The page box (cap height above the baseline, descenders below) of every string under `node`."""
    if isinstance(node, String):
        width = stringWidth(node.text, node.fontName, node.fontSize)
        shift = {"start": 0.0, "middle": width / 2, "end": width}.get(node.textAnchor, 0.0)
        x0, y0 = node.x - shift, node.y - 0.22 * node.fontSize
        corners = [_apply(matrix, x, y) for x in (x0, x0 + width) for y in (y0, node.y + 0.72 * node.fontSize)]
        yield (min(c[0] for c in corners), min(c[1] for c in corners),
               max(c[0] for c in corners), max(c[1] for c in corners))
    if isinstance(node, (Group, Drawing)):
        inner = _compose(matrix, tuple(getattr(node, "transform", IDENTITY)))   # type: ignore[arg-type]
        for child in node.contents:
            yield from text_boxes(child, inner)


def _overlap(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > SLACK and min(a[3], b[3]) - max(a[1], b[1]) > SLACK


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    a, b, c, d, e, f = outer
    A, B, C, D, E, F = inner
    return (a * A + c * B, b * A + d * B, a * C + c * D, b * C + d * D, a * E + c * F + e, b * E + d * F + f)
