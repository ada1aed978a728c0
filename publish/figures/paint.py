"""Drawing primitives: a body view placed on the page, zones, stipple, X marks, dots and labels.

Everything is drawn straight in page points (no flipped groups), so text stays upright and
line widths stay what style.py says whatever the view's scale.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, Polygon, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import style
from .geometry import Point, clip_polygon, clip_polyline, grid_inside, simplify
from .views import outline

Box = tuple[float, float, float, float]
DETAIL = 0.05    # points: the most a drawn line strays from the outline data (the finest stroke is 0.45)


@dataclass(frozen=True)
class Placement:
    """Where a box of a view's frame lands on the page: bottom-left corner and scale."""

    view: str
    box: Box          # x0, y0, x1, y1 of the frame shown (y down)
    x: float
    y: float
    scale: float

    @property
    def width(self) -> float:
        return (self.box[2] - self.box[0]) * self.scale

    @property
    def height(self) -> float:
        return (self.box[3] - self.box[1]) * self.scale

    def pt(self, p: Point) -> Point:
        """View point -> page point."""
        return (self.x + (p[0] - self.box[0]) * self.scale, self.y + (self.box[3] - p[1]) * self.scale)

    @property
    def tolerance(self) -> float:
        """How far (view units) a line may be simplified: DETAIL points at this scale, rounded down to a
        power of two so that drawings of about the same size share the simplified outlines. 0 for a
        drawing with no size (a room too small for it, which its user then leaves out)."""
        return 2.0 ** math.floor(math.log2(DETAIL / self.scale)) if self.scale > 0 else 0.0

    def polygon(self, points: Sequence[Point]) -> list[Point]:
        """A view polygon, simplified for this scale and clipped to the box, in page points."""
        return [self.pt(p) for p in clip_polygon(simplify(tuple(points), self.tolerance, True), self.box)]

    def polylines(self, points: Sequence[Point]) -> list[list[Point]]:
        """An open view polyline, simplified and clipped to the box, in page points (one list per piece inside)."""
        return [[self.pt(p) for p in piece]
                for piece in clip_polyline(simplify(tuple(points), self.tolerance, False), self.box)]


def drawing(width: float, height: float) -> Drawing:
    """An empty figure whose renderer defaults are our font too: ReportLab would otherwise set
    (and so put into the PDF) Helvetica before drawing anything."""
    return Drawing(width, height, initialFontName=style.FONT, initialFontSize=style.LABEL_SIZE)


def _flat(points: Iterable[Point]) -> list[float]:
    return [round(c, 1) for p in points for c in p]


@lru_cache(maxsize=64)   # the same view at the same place recurs: overview maps, repeated layouts
def body(pl: Placement) -> Group:
    """The silhouette filled with skin tone (draw `outline_strokes` on top).
    Shared between the figures that use the same placement: add it, never change it."""
    g = Group()
    shape = outline(pl.view)
    for poly in shape.body:
        pts = pl.polygon(poly)
        if len(pts) >= 3:
            g.add(Polygon(_flat(pts), fillColor=style.SKIN, strokeColor=None))
    return g


@lru_cache(maxsize=64)
def outline_strokes(pl: Placement) -> Group:
    """The outline and inner lines (ear, jaw), drawn over the zones so edges stay crisp (shared, as body()).
    Each kind of stroke is one path of all its pieces: a renderer's cost is per shape as much as per point."""
    shape = outline(pl.view)
    edges = [piece for run in shape.edges for piece in pl.polylines(run)]
    inner = [piece for line in shape.lines for piece in pl.polylines(line)]
    g = Group()
    # the inner lines on a faint light halo, so ears and jaw lines show over dark zones
    for pieces, colour, width in ((edges, style.OUTLINE, style.OUTLINE_WIDTH),
                                  (inner, style.LINE_HALO, style.DETAIL_WIDTH + 0.9),
                                  (inner, style.OUTLINE, style.DETAIL_WIDTH)):
        if pieces:
            g.add(_strokes(pieces, colour, width))
    return g


def _strokes(pieces: list[list[Point]], colour, width: float) -> Path:
    """Open polylines as one stroked path with round joins and caps."""
    path = Path(strokeColor=colour, strokeWidth=width, strokeLineJoin=1, strokeLineCap=1, fillColor=None)
    for piece in pieces:
        flat = _flat(piece)
        path.moveTo(flat[0], flat[1])
        for k in range(2, len(flat), 2):
            path.lineTo(flat[k], flat[k + 1])
    return path


def zone(pl: Placement, polygons: Iterable[Sequence[Point]], essential: bool) -> Group:
    """A pain zone: solid dark fill (essential) or light fill with stipple dots (spill-over).

    Zones have no edge stroke, so neighbouring zones of the same kind merge seamlessly.
    """
    g = Group()
    for poly in polygons:
        pts = pl.polygon(poly)
        if len(pts) < 3:
            continue
        g.add(Polygon(_flat(pts), fillColor=style.ESSENTIAL if essential else style.SPILLOVER, strokeColor=None))
        if not essential:   # one path of round-capped dashes of almost no length: small files, round dots
            dots = Path(strokeColor=style.STIPPLE, strokeWidth=2 * style.STIPPLE_DOT, strokeLineCap=1, fillColor=None)
            for cx, cy in stipple(pts):
                dots.moveTo(cx, cy)
                dots.lineTo(cx + 0.01, cy)
            if dots.points:          # a zone drawn too small for a dot has none (an empty path has no bounds)
                g.add(dots)
    return g


def tint(pl: Placement, polygons: Iterable[Sequence[Point]], colour) -> Group:
    """Polygons filled flat in `colour`, no edge (an area shaded on a map)."""
    g = Group()
    for poly in polygons:
        pts = pl.polygon(poly)
        if len(pts) >= 3:
            g.add(Polygon(_flat(pts), fillColor=colour, strokeColor=None))
    return g


def stipple(polygon: Sequence[Point], step: float = style.STIPPLE_STEP) -> list[Point]:
    """Dots on a staggered page grid (anchored at the page origin) that fall inside `polygon`."""
    return [(round(x, 2), round(y, 2)) for x, y in grid_inside(polygon, step, step / 2)]


def cross(x: float, y: float, size: float = style.MARK_SIZE, width: float = style.MARK_WIDTH,
          halo: float = 2.0) -> Group:
    """The trigger-point X: black strokes over a white halo (`halo` wider than the strokes)."""
    g = Group()
    for colour, w in ((style.HALO, width + halo), (style.MARK, width)):
        for dx in (-1, 1):
            g.add(Line(x - size * dx, y - size, x + size * dx, y + size, strokeColor=colour,
                       strokeWidth=w, strokeLineCap=1))
    return g


def marker(pl: Placement, at: Point) -> Group:
    """The X on a view placed at `pl`, sized to the view's drawn scale: a chart's full-size X where
    the view is drawn large, smaller on a small view (a head beside whole bodies) so that it marks a
    point rather than covering the part, but never under style.MARK_MIN_SIZE."""
    size = max(style.MARK_MIN_SIZE, min(style.MARK_SIZE, style.MARK_REACH * pl.scale))
    shrink = size / style.MARK_SIZE
    return cross(*pl.pt(at), size=size, width=style.MARK_WIDTH * shrink, halo=2.0 * shrink)


def numbered_dot(x: float, y: float, number: int, radius: float = 5.4, colour=style.DOT) -> Group:
    """A dot (dark unless `colour` says otherwise) with a white number, ringed in white."""
    g = Group()
    g.add(Circle(x, y, radius + 0.8, fillColor=style.HALO, strokeColor=None))
    g.add(Circle(x, y, radius, fillColor=colour, strokeColor=None))
    size = style.NUMBER_SIZE * max(1.0, radius / 5.4)     # two digits fit the dot at the same size
    g.add(text(x, y - size * 0.36, str(number), size=size, bold=True, anchor="middle", colour=style.HALO))
    return g


def text(x: float, y: float, value: str, *, size: float = style.LABEL_SIZE, bold: bool = False,
         anchor: str = "start", colour=style.TEXT) -> String:
    """A label in the booklet's embedded sans (never a base-14 font)."""
    return String(x, y, value, fontName=style.FONT_BOLD if bold else style.FONT, fontSize=size,
                  fillColor=colour, textAnchor=anchor)


def text_width(value: str, size: float = style.LABEL_SIZE, bold: bool = False) -> float:
    return stringWidth(value, style.FONT_BOLD if bold else style.FONT, size)
