"""Place several views side by side, each with its title underneath, and crop body views to a focus."""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from reportlab.graphics.shapes import Group
from shapely.geometry import Polygon as ShapelyPolygon
from shapely.geometry import box as shapely_box
from shapely.ops import unary_union

from ..model import Labels
from . import style
from .paint import Box, Placement, text, text_width
from .views import VIEWS, outline

BODY_VIEWS = ("front", "back", "side")
SIDE_OFFSET = 320.0        # side-view y = front/back y - SIDE_OFFSET (same scale, cut at the waist)
GAP = 10.0                 # between views
TITLE_SPACE = 12.0         # below each view for its title
FRAGMENT = 0.15            # a cut piece smaller than this share of the largest is left out of a crop


def side_by_side(items: Sequence[tuple[str, Box]], labels: Labels, *, body_scale: float, close_up_height: float,
                 max_width: float, x: float = 0.0, y: float = 0.0,
                 titled: bool = True) -> tuple[list[Placement], float, float]:
    """Placements for (view, box) pairs left to right from (x, y), bottoms aligned TITLE_SPACE above y
    (titled=False: the views will have no titles, so leave no room for them).

    Body views share `body_scale` (points per view unit); head and foot views are scaled to
    `close_up_height`; everything shrinks together if the row would be wider than `max_width`.
    Returns (placements, width, height).
    """
    scales = [body_scale if v in BODY_VIEWS else close_up_height / (b[3] - b[1]) for v, b in items]
    widths = [(b[2] - b[0]) * s for (v, b), s in zip(items, scales)]
    title_widths = [text_width(labels.text("figures.view." + v), style.TITLE_SIZE) + 2 if titled else 0.0   # titles never shrink
                    for v, _ in items]

    def row_width(shrink: float) -> float:
        return sum(max(w * shrink, t) for w, t in zip(widths, title_widths)) + GAP * shrink * (len(items) - 1)

    shrink = 1.0
    if row_width(1.0) > max_width:      # the largest shrink that fits (titles alone may not: then the smallest)
        low, high = 0.0, 1.0
        for _ in range(24):
            mid = (low + high) / 2
            low, high = (mid, high) if row_width(mid) <= max_width else (low, mid)
        shrink = max(low, 1e-3)
    placements = []
    left = x
    for (view, box), scale, w, title in zip(items, scales, widths, title_widths):
        slot = max(w * shrink, title)
        placements.append(Placement(view, box, left + (slot - w * shrink) / 2, y + TITLE_SPACE, scale * shrink))
        left += slot + GAP * shrink
    width = left - GAP * shrink - x
    height = TITLE_SPACE + max(p.height for p in placements)
    return placements, width, height


def stacked(items: Sequence[tuple[str, Box]], labels: Labels, *, body_scale: float, close_up_height: float, max_width: float,
            max_height: float, y: float = 0.0, titled: bool = True) -> tuple[list[Placement], float, float]:
    """The views in one or more rows (the first on top), split where they come out largest within
    max_width x max_height: a phone screen gets a multi-view chart stacked. Returns (placements,
    width, height) like `side_by_side`; each row is centred."""
    best: tuple[float, list[Sequence[tuple[str, Box]]], float] | None = None
    for rows in _splits(items):
        factor = _fit(rows, labels, body_scale, close_up_height, max_width, max_height, titled)
        drawn = sum(p.width * p.height for row in rows
                    for p in _row(row, labels, body_scale, close_up_height, max_width, factor, titled)[0])
        if best is None or drawn > best[0] + 1e-6:
            best = (drawn, rows, factor)
    assert best is not None
    _, rows, factor = best
    laid = [_row(row, labels, body_scale, close_up_height, max_width, factor, titled) for row in rows]
    width = max(w for _, w, _ in laid)
    placements: list[Placement] = []
    bottom = y
    for (_, row_width, row_height), row in reversed(list(zip(laid, rows))):
        placements += side_by_side(row, labels, body_scale=body_scale * factor, close_up_height=close_up_height * factor,
                                   max_width=max_width, x=(width - row_width) / 2, y=bottom, titled=titled)[0]
        bottom += row_height
    return placements, width, bottom - y


def _splits(items: Sequence[tuple[str, Box]]) -> list[list[Sequence[tuple[str, Box]]]]:
    """Every way to cut the sequence into consecutive rows."""
    if len(items) <= 1:
        return [[items]]
    return [[items[:k], *rest] for k in range(1, len(items)) for rest in _splits(items[k:])] + [[items]]


def _row(row, labels, body_scale, close_up_height, max_width, factor, titled):
    return side_by_side(row, labels, body_scale=body_scale * factor, close_up_height=close_up_height * factor,
                        max_width=max_width, titled=titled)


def _fit(rows, labels, body_scale, close_up_height, max_width, max_height, titled) -> float:
    """The largest factor (at most 1) on every view's scale that keeps the rows within max_height."""
    def height(factor: float) -> float:
        return sum(_row(row, labels, body_scale, close_up_height, max_width, factor, titled)[2] for row in rows)

    if height(1.0) <= max_height:
        return 1.0
    low, high = 0.0, 1.0
    for _ in range(24):
        mid = (low + high) / 2
        low, high = (mid, high) if height(mid) <= max_height else (low, mid)
    return low


def full(view: str) -> Box:
    """The whole frame of `view`."""
    return (0.0, 0.0, VIEWS[view].width, VIEWS[view].height)


def body_box(view: str, y0: float, y1: float, pad: float = 14.0) -> Box:
    """The part of a body view between heights y0 and y1 (front/back units), as wide as the body there.

    Pieces the cut leaves small and apart from the rest (a hand cut off at the wrist) are left
    outside the box, so a crop never shows stray fragments at its edges.
    """
    if view == "side":
        y0, y1 = max(0.0, y0 - SIDE_OFFSET), min(VIEWS["side"].height, y1 - SIDE_OFFSET)
    width = VIEWS[view].width
    pieces = _pieces(view, y0, y1)
    largest = max(g.area for g in pieces)
    x0 = min(g.bounds[0] for g in pieces if g.area >= FRAGMENT * largest)
    x1 = max(g.bounds[2] for g in pieces if g.area >= FRAGMENT * largest)
    return (max(0.0, x0 - pad), y0, min(width, x1 + pad), y1)


@lru_cache(maxsize=256)   # a spot's crop recurs in each of its figures
def _pieces(view: str, y0: float, y1: float) -> tuple[ShapelyPolygon, ...]:
    """The separate pieces of the body silhouette between heights y0 and y1."""
    body = unary_union([ShapelyPolygon(p).buffer(0) for p in outline(view).body])
    cut = body.intersection(shapely_box(0, y0, VIEWS[view].width, y1))
    return tuple(g for g in getattr(cut, "geoms", [cut]) if isinstance(g, ShapelyPolygon) and not g.is_empty)


def titles(placements: Sequence[Placement], labels: Labels) -> Group:
    """Each view's title centred under it."""
    g = Group()
    for pl in placements:
        g.add(text(pl.x + pl.width / 2, pl.y - TITLE_SPACE + 3.0, labels.text("figures.view." + pl.view), size=style.TITLE_SIZE,
                   anchor="middle", colour=style.MUTED))
    return g
