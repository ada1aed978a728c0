"""Referral-pattern figure: the views a spot's pain zones need, zones and (optionally) the X."""
from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group

from ..fonts import register
from ..model import Content
from ..model.schema import Spot
from . import style
from .geometry import bounds
from .layout import BODY_VIEWS, SIDE_OFFSET, body_box, full, side_by_side, stacked, titles
from .legend import SWATCH, key_lines
from .paint import Placement, body, drawing, marker, outline_strokes, zone
from .views import VIEWS
from .zones import zone_polygons, zone_views

ORDER = ("head", "front", "side", "back", "foot")      # left-to-right order of views in a figure
PREFERENCE = ("front", "back", "head", "side", "foot")  # which view shows a region no chosen view has
MAX_WIDTH = 106 * style.MM         # fits the narrowest booklet column (US half-letter, 108 mm) unscaled
BODY_HEIGHT = 90 * style.MM         # a whole front or back view: about the booklet's room for a chart
MAX_ZOOM = 2.0                      # a cropped body view is drawn at most this much larger
MIN_SPAN = 420.0                    # a crop shows at least this much of the body's height (of 960)
MARGIN = 60.0                       # body shown above and below the zones
KEY_SPACE = SWATCH + 8
BODY_HEAD = 133.0 - 8.0             # crown to chin in the front and back frames
HEAD_VIEW_HEAD = 336.0 - 30.0       # crown to chin in the head frame
HEAD_FRAME = 400.0                  # the head frame's height


def referral_views(content: Content, spot: Spot) -> list[str]:
    """The fewest views that show the marker and the spot's pattern (its own curves, or every region)."""
    chosen = [spot.marker.view] if spot.marker else []
    if spot.chart is not None:
        return sorted(set(chosen) | zone_views(spot), key=ORDER.index)
    for rid in spot.pain.essential + spot.pain.spillover:
        shapes = content.regions[rid].shapes
        if not any(v in shapes for v in chosen):
            chosen.append(next(v for v in PREFERENCE if v in shapes))
    return sorted(set(chosen), key=ORDER.index)


def focus(content: Content, spot: Spot, views: list[str]) -> tuple[float, float]:
    """The height range (front/back units) of the body views to draw: the zones and X plus a margin."""
    points = []
    for view in views:
        if view not in BODY_VIEWS:
            continue
        shift = SIDE_OFFSET if view == "side" else 0.0
        polys = [p for essential in (True, False) for p in zone_polygons(content, spot, view, essential)]
        if spot.marker and spot.marker.view == view:
            polys.append((spot.marker.at,))
        points += [(x, y + shift) for poly in polys for x, y in poly]
    full_height = VIEWS["front"].height
    if not points:
        return 0.0, full_height
    _, y0, _, y1 = bounds([points])
    y0, y1 = y0 - MARGIN, y1 + MARGIN
    if y1 - y0 < MIN_SPAN:
        mid = (y0 + y1) / 2
        y0, y1 = mid - MIN_SPAN / 2, mid + MIN_SPAN / 2
    if y0 < 0:
        y0, y1 = 0.0, y1 - y0
    if y1 > full_height:
        y0, y1 = max(0.0, y0 - (y1 - full_height)), full_height
    return y0, y1


def referral_layout(content: Content, spot: Spot, *, mark: bool = True, key: bool = True,
                    fit: tuple[float, float] | None = None) -> tuple[list[Placement], float, float]:
    """Where each view of the referral figure sits on the page: (placements, width, height).
    fit=(width, height) keeps it within that box at full text size, stacking the views where that
    draws them larger (a phone's card, a paper card's front)."""
    key_height = _key(content, spot, mark, fit)[2] + KEY_SPACE - SWATCH if key else 0.0
    views = referral_views(content, spot)
    y0, y1 = focus(content, spot, views)
    items = [(v, body_box(v, y0, y1) if v in BODY_VIEWS else full(v)) for v in views]
    alone = len(views) == 1 and views[0] not in BODY_VIEWS
    body_scale = min(BODY_HEIGHT / (y1 - y0), MAX_ZOOM * BODY_HEIGHT / VIEWS["front"].height)
    close_up_height = 75 * style.MM if alone else _head_beside_bodies(views, body_scale)
    if fit:
        placements, width, height = stacked(items, content.labels, body_scale=body_scale, close_up_height=close_up_height,
                                            max_width=fit[0], max_height=fit[1] - key_height, y=key_height)
    else:
        placements, width, height = side_by_side(items, content.labels, body_scale=body_scale, max_width=MAX_WIDTH,
                                                 close_up_height=close_up_height, y=key_height)
    total_width = max(width, _key(content, spot, mark, fit)[1]) if key else width
    shift = (total_width - width) / 2
    placements = [Placement(p.view, p.box, p.x + shift, p.y, p.scale) for p in placements]
    return placements, total_width, height + key_height


def referral_figure(content: Content, spot: Spot, *, mark: bool = True, key: bool = True,
                    fit: tuple[float, float] | None = None) -> Drawing:
    """Essential zones solid, spill-over stippled, the trigger point an X (mark=False: no X, no number).

    key=False leaves out the key row, for a page that prints the key at its own size; fit=(w, h)
    lays the figure out within that box (see referral_layout).
    """
    register()
    placements, width, height = referral_layout(content, spot, mark=mark, key=key, fit=fit)
    d = drawing(width, height)
    for pl in placements:
        d.add(_view(content, spot, pl, mark))
    d.add(titles(placements, content.labels))
    if key:
        row, row_width, _ = _key(content, spot, mark, fit)
        row.translate((width - row_width) / 2, 1)
        d.add(row)
    return d


def _key(content: Content, spot: Spot, mark: bool, fit: tuple[float, float] | None):
    return key_lines(0, 0, content.labels, mark=mark,
                     mark_label=content.labels.text("figures.mark_spot", number=spot.number),
                     max_width=fit[0] if fit else float("inf"))


def _head_beside_bodies(views: list[str], body_scale: float) -> float:
    """The head view's height when it shares a figure: 50 mm, but never so large that its head
    (crown to chin) is drawn larger than the heads of the body views beside it."""
    if not any(v in BODY_VIEWS for v in views):
        return 50 * style.MM
    same_head = HEAD_FRAME * body_scale * BODY_HEAD / HEAD_VIEW_HEAD
    return min(50 * style.MM, same_head)


def _view(content: Content, spot: Spot, pl: Placement, mark: bool) -> Group:
    g = Group()
    g.add(body(pl))
    for essential in (False, True):
        polys = zone_polygons(content, spot, pl.view, essential)
        if polys:
            g.add(zone(pl, polys, essential))
    g.add(outline_strokes(pl))
    if mark and spot.marker and spot.marker.view == pl.view:
        g.add(marker(pl, spot.marker.at))
    return g
