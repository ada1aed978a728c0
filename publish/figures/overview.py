"""Overview map: front and back (and the sole) with every spot as a numbered dot, or one spot's X;
and the answer map of a condition or pain-area card, which marks its spots (and shades the area)."""
from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing

from ..fonts import register
from ..model import Content
from ..model.schema import Spot
from . import style
from .layout import full, side_by_side, stacked, titles
from .paint import body, cross, drawing, numbered_dot, outline_strokes, tint

MAP_VIEWS = ("front", "back", "foot")
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


def overview_map(content: Content, highlight: int | None = None,
                 fit: tuple[float, float] | None = None) -> Drawing:
    """All spots numbered; with `highlight`, only that spot, as a large X with no number.
    fit=(width, height) keeps the map within that box at full text size, stacking the views if that
    draws them larger."""
    register()
    items = [(v, full(v)) for v in MAP_VIEWS]
    if fit:
        placements, width, height = stacked(items, content.labels, body_scale=BODY_HEIGHT / 960, close_up_height=34 * style.MM,
                                            max_width=fit[0], max_height=fit[1])
    else:
        placements, width, height = side_by_side(items, content.labels, body_scale=BODY_HEIGHT / 960,
                                                 close_up_height=34 * style.MM, max_width=MAX_WIDTH)
    d = drawing(width, height)
    by_view = {pl.view: pl for pl in placements}
    for pl in placements:
        d.add(body(pl))
        d.add(outline_strokes(pl))
    for spot in content.spots:
        if highlight is not None and spot.number != highlight:
            continue
        where = map_position(spot)
        if where is None:
            continue
        x, y = by_view[where[0]].pt(where[1])
        d.add(cross(x, y, size=5.5, width=2.0) if highlight is not None else numbered_dot(x, y, spot.number))
    d.add(titles(placements, content.labels))
    return d


def answer_map(content: Content, *, spots: tuple[int, ...], region: str | None = None,
               fit: tuple[float, float] | None = None) -> Drawing:
    """Every spot, the answer `spots` large, numbered and in the accent colour, the others small grey
    dots; with `region`, that pain area shaded (on the head view too when only that view shows it).
    No view titles and no small numbers: the map stays legible when a card prints it small.
    fit=(width, height) keeps the map within that box, as overview_map."""
    register()
    shapes = content.regions[region].shapes if region else {}
    views = MAP_VIEWS if not shapes or any(v in shapes for v in MAP_VIEWS) else MAP_VIEWS + (next(iter(shapes)),)
    items = [(v, full(v)) for v in views]
    if fit:
        placements, width, height = stacked(items, content.labels, body_scale=ANSWER_BODY_HEIGHT / 960, close_up_height=24 * style.MM,
                                            max_width=fit[0], max_height=fit[1], titled=False)
    else:
        placements, width, height = side_by_side(items, content.labels, body_scale=ANSWER_BODY_HEIGHT / 960,
                                                 close_up_height=24 * style.MM, max_width=ANSWER_WIDTH, titled=False)
    d = drawing(width, height)
    by_view = {pl.view: pl for pl in placements}
    for pl in placements:
        d.add(body(pl))
        d.add(tint(pl, shapes.get(pl.view, ()), style.AREA))
        d.add(outline_strokes(pl))
    answer = [s for s in content.spots if s.number in spots]
    for spot in [s for s in content.spots if s.number not in spots] + answer:   # answers drawn on top
        where = map_position(spot)
        if where is None:
            continue
        x, y = by_view[where[0]].pt(where[1])
        if spot.number in spots:
            d.add(numbered_dot(x, y, spot.number, radius=7.0, colour=style.ACCENT))
        else:
            d.add(Circle(x, y, 4.6, fillColor=style.HALO, strokeColor=None))
            d.add(Circle(x, y, 3.8, fillColor=style.GREYED, strokeColor=None))
    return d
