"""Overview map: front and back (and the sole) with every spot as a numbered dot, or one spot's X;
and the answer map of a condition or pain-area card, which marks its spots (and shades the area)."""
from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Group

from ..fonts import register
from ..model import Content
from ..model.schema import Spot
from . import style
from .layout import full, side_by_side, stacked, titles
from .map_marks import HALO, Mark, cross_size, draw_mark, place_marks
from .paint import Placement, body, cross, drawing, numbered_dot, outline_strokes, tint
from .views import MIDLINE
from .views import midline_lines as spine

MAP_VIEWS = ("front", "back", "foot")
DOT_RADIUS = 5.4                    # a numbered dot on the overview map
ANSWER_RADIUS = 7.0                 # an answer spot's dot on an answer map
GREY_RADIUS = 3.0                   # the other spots' dots there
RIGHT_SIDE = {"front": -1, "back": 1}   # the person's right side: left of the midline on the front view
MAP_X = (3.0, 5.5)                  # the one X on a map: as large as it can be in this range and keep off the spine
MAP_X_WIDTH = 2.0
MAX_WIDTH = 106 * style.MM         # fits the narrowest booklet column (US half-letter, 108 mm) unscaled
BODY_HEIGHT = 100 * style.MM
ANSWER_WIDTH = 85 * style.MM        # an answer map is drawn at paper-card width, where it is used smallest
ANSWER_BODY_HEIGHT = 66 * style.MM


def map_position(spot: Spot) -> tuple[str, tuple[float, float]] | None:
    """(view, point) where the overview map shows `spot`: its marker, or the marker's copy on front/back."""
    if spot.marker is None:
        return None
    for view in MAP_VIEWS:
        if spot.marker.view == view:
            return view, spot.marker.at
        if view in spot.marker.also:
            return view, spot.marker.also[view]
    return None


def overview_layout(content: Content, fit: tuple[float, float] | None = None) -> tuple[list[Placement], float, float]:
    """Where the overview map's views sit: (placements, width, height)."""
    items = [(v, full(v)) for v in MAP_VIEWS]
    if fit:
        return stacked(items, content.labels, body_scale=BODY_HEIGHT / 960, close_up_height=34 * style.MM,
                       max_width=fit[0], max_height=fit[1])
    return side_by_side(items, content.labels, body_scale=BODY_HEIGHT / 960, close_up_height=34 * style.MM,
                        max_width=MAX_WIDTH)


def answer_layout(content: Content, region: str | None = None,
                  fit: tuple[float, float] | None = None) -> tuple[list[Placement], float, float]:
    """Where an answer map's views sit (the head view added when only it shows `region`)."""
    shapes = content.regions[region].shapes if region else {}
    views = MAP_VIEWS if not shapes or any(v in shapes for v in MAP_VIEWS) else MAP_VIEWS + (next(iter(shapes)),)
    items = [(v, full(v)) for v in views]
    if fit:
        return stacked(items, content.labels, body_scale=ANSWER_BODY_HEIGHT / 960, close_up_height=24 * style.MM,
                       max_width=fit[0], max_height=fit[1], titled=False)
    return side_by_side(items, content.labels, body_scale=ANSWER_BODY_HEIGHT / 960, close_up_height=24 * style.MM,
                        max_width=ANSWER_WIDTH, titled=False)


def overview_map(content: Content, highlight: int | None = None,
                 fit: tuple[float, float] | None = None) -> Drawing:
    """All spots numbered; with `highlight`, only that spot, as a large X with no number.
    fit=(width, height) keeps the map within that box at full text size, stacking the views if that
    draws them larger."""
    register()
    placements, width, height = overview_layout(content, fit)
    d = drawing(width, height)
    by_view = {pl.view: pl for pl in placements}
    for pl in placements:
        d.add(body(pl))
        d.add(outline_strokes(pl))
    if highlight is not None:
        where = map_position(content.spot(highlight))
        if where is not None:
            pl = by_view[where[0]]
            centre = pl.pt(where[1])
            size = cross_size(centre, midline_lines(pl), MAP_X_WIDTH, MAP_X)
            d.add(cross(*centre, size=size, width=MAP_X_WIDTH))
    else:
        for mark in map_marks(content, placements, width, height, big=()):
            d.add(draw_mark(mark, numbered_dot(*mark.centre, mark.number, radius=DOT_RADIUS), style.DOT))
    d.add(titles(placements, content.labels))
    return d


def midline_lines(pl: Placement) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The view's inner lines on the body's midline (the spine on the back view) as page segments:
    an X on one of them reads as 'press on the spine'."""
    return [seg for line in spine(pl.view) for piece in pl.polylines(line) for seg in zip(piece, piece[1:])]


def map_marks(content: Content, placements: list[Placement], width: float, height: float,
              big: tuple[int, ...]) -> list[Mark]:
    """Where each spot's dot goes on a map laid out as `placements` (see map_marks.py). big=(): every
    dot the overview's size; otherwise the spots in `big` are answer dots (placed first), the rest grey."""
    by_view = {pl.view: pl for pl in placements}
    requests = []
    for spot in content.spots:
        where = map_position(spot)
        if where is None:
            continue
        radius = DOT_RADIUS if not big else ANSWER_RADIUS if spot.number in big else GREY_RADIUS
        pl = by_view[where[0]]
        side = (pl.pt((MIDLINE, 0))[0], RIGHT_SIDE[pl.view]) if pl.view in RIGHT_SIDE else None
        requests.append((spot.number, pl.pt(where[1]), radius + HALO, side))
    def crowded(request) -> int:
        return sum(math.dist(request[1], other[1]) < request[2] + other[2] for other in requests)
    requests.sort(key=lambda r: (-r[2], -crowded(r)))   # answer spots first, then the most crowded
    return place_marks(requests, (0.0, 0.0, width, height))


def answer_map(content: Content, *, spots: tuple[int, ...], region: str | None = None,
               fit: tuple[float, float] | None = None) -> Drawing:
    """Every spot, the answer `spots` large, numbered and in the accent colour, the others small grey
    dots; with `region`, that pain area shaded (on the head view too when only that view shows it).
    No view titles and no small numbers: the map stays legible when a card prints it small.
    fit=(width, height) keeps the map within that box, as overview_map."""
    register()
    shapes = content.regions[region].shapes if region else {}
    placements, width, height = answer_layout(content, region, fit)
    d = drawing(width, height)
    for pl in placements:
        d.add(body(pl))
        d.add(tint(pl, shapes.get(pl.view, ()), style.AREA))
        d.add(outline_strokes(pl))
    for mark in reversed(map_marks(content, placements, width, height, big=spots)):   # answers drawn on top
        if mark.number in spots:
            d.add(draw_mark(mark, numbered_dot(*mark.centre, mark.number, radius=ANSWER_RADIUS, colour=style.ACCENT),
                            style.ACCENT))
        else:
            d.add(draw_mark(mark, _grey_dot(*mark.centre), style.GREYED))
    return d


def _grey_dot(x: float, y: float) -> Group:
    return Group(Circle(x, y, GREY_RADIUS + HALO, fillColor=style.HALO, strokeColor=None),
                 Circle(x, y, GREY_RADIUS, fillColor=style.GREYED, strokeColor=None))
