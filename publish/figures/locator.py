"""Locator figure: a close-up of one view with the landmarks used to find the spot, and its X."""
from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, PolyLine, Polygon, Rect

from ..fonts import register
from ..model import Content
from ..model.schema import Spot
from . import labels, style
from .geometry import open_runs
from .layout import TITLE_SPACE
from .paint import Placement, body, cross, drawing, outline_strokes, text
from .views import crop_view, midline_lines, outline
from .zones import muscle_polygons

WIDTH = 50 * style.MM               # the booklet's column beside the steps (46 % of a 108 mm frame): placed unscaled
MAX_HEIGHT = 66 * style.MM
X_SIZE = 5.5
DOT = 3.0                           # a landmark dot's radius with its white ring


def locator_layout(content: Content, spot: Spot, fit: tuple[float, float] | None = None,
                   landmarks: bool = True) -> tuple[Placement, list[labels.Label]]:
    """Where the close-up sits on the page and where each label goes (the spot's own label first);
    fit=(width, height): the close-up drawn to fill that box, caption included, labels at full size;
    landmarks=False: only the spot and its muscle are named (a close-up too small for every label)."""
    loc = spot.locator
    if loc is None:
        raise ValueError(f"spot {spot.number} has no locator")
    x0, y0, x1, y1 = loc.frame
    width, height = fit if fit else (WIDTH, MAX_HEIGHT + TITLE_SPACE)
    pl = Placement(loc.view, loc.frame, 0, TITLE_SPACE, min(width / (x1 - x0), (height - TITLE_SPACE) / (y1 - y0)))
    requests = [(mark.label, [pl.pt(p) for p in mark.points], False) for mark in _landmarks(spot, landmarks)]
    lines = [points for _, points, _ in requests if len(points) > 1] + inner_lines(pl)
    muscle = muscle_polygons(spot, loc.view)
    if muscle:
        requests.append((spot.muscles[0].name, [pl.pt(p) for p in _name_points(muscle[0], spot)], False))
    obstacles = [(x - DOT, y - DOT, x + DOT, y + DOT) for _, points, _ in requests[:len(loc.landmarks)]
                 if len(points) == 1 for x, y in points]
    for line in midline_lines(loc.view):                # the spine line stays in view, as the dots do
        for piece in pl.polylines(line):
            xs, ys = [p[0] for p in piece], [p[1] for p in piece]
            obstacles.append((min(xs) - 1, min(ys), max(xs) + 1, max(ys)))
    if _marked(spot):
        x, y = pl.pt(spot.marker.at)
        obstacles.append((x - X_SIZE - 1, y - X_SIZE - 1, x + X_SIZE + 1, y + X_SIZE + 1))
        requests.insert(0, (content.labels.text("figures.spot", number=spot.number), [(x, y)], True))
    area = (pl.x + 1, pl.y + 1, pl.x + pl.width - 1, pl.y + pl.height - 1)
    return pl, labels.place(requests, obstacles, lines, area, edges=outline_edges(pl))


def inner_lines(pl: Placement) -> list[list[tuple[float, float]]]:
    """The close-up's inner lines (spine, shoulder blades, ear) as page polylines: labels keep off them
    as they keep off the landmark lines."""
    return [piece for line in outline(pl.view).lines for piece in pl.polylines(line)]


def outline_edges(pl: Placement) -> list[list[tuple[float, float]]]:
    """The body's outline in the close-up, as page polylines: labels keep off it where they can."""
    shape = outline(pl.view)
    frame = (0, 0, shape.info.width, shape.info.height)
    return [piece for poly in shape.body for run in open_runs(poly, frame) for piece in pl.polylines(run)]


def locator_figure(content: Content, spot: Spot, fit: tuple[float, float] | None = None,
                   landmarks: bool = True) -> Drawing:
    """The close-up `spot.locator.frame` of its view: outline, the spot's muscle faintly tinted and named,
    labelled landmarks, the spot's X (fit, landmarks: see locator_layout)."""
    register()
    pl, placed = locator_layout(content, spot, fit, landmarks)
    d = drawing(pl.width, pl.height + TITLE_SPACE)
    d.add(Rect(pl.x, pl.y, pl.width, pl.height, fillColor=style.HALO, strokeColor=None))
    d.add(body(pl))
    for poly in muscle_polygons(spot, spot.locator.view):
        pts = pl.polygon(poly)
        if len(pts) >= 3:
            d.add(Polygon([c for p in pts for c in p], fillColor=style.MUSCLE, strokeColor=style.MUSCLE_EDGE,
                          strokeWidth=style.MUSCLE_WIDTH, strokeLineJoin=1))
    d.add(outline_strokes(pl))
    for mark in _landmarks(spot, landmarks):
        pts = [pl.pt(p) for p in mark.points]
        if len(pts) == 1:
            d.add(Circle(*pts[0], 2.2, fillColor=style.LANDMARK, strokeColor=style.HALO, strokeWidth=0.8))
        else:
            flat = [c for p in pts for c in p]
            d.add(PolyLine(flat, strokeColor=style.HALO, strokeWidth=2.8, strokeLineCap=1, strokeLineJoin=1))
            d.add(PolyLine(flat, strokeColor=style.LANDMARK, strokeWidth=1.3, strokeLineCap=1, strokeLineJoin=1,
                           strokeDashArray=[3, 1.6]))
    if _marked(spot):
        d.add(cross(*pl.pt(spot.marker.at), size=X_SIZE, width=1.9))
    d.add(labels.draw(placed))
    d.add(Rect(pl.x + 0.25, pl.y + 0.25, pl.width - 0.5, pl.height - 0.5, fillColor=None,
               strokeColor=style.MUTED, strokeWidth=0.5))
    close_up = content.labels.text("figures.view." + crop_view(spot.locator.view, spot.locator.frame))
    d.add(text(pl.width / 2, 3.0, content.labels.text("figures.close_up", view=close_up), size=style.TITLE_SIZE,
               anchor="middle", colour=style.MUTED))
    return d


def _landmarks(spot: Spot, shown: bool) -> tuple:
    return spot.locator.landmarks if shown and spot.locator else ()


def _name_points(polygon, spot: Spot) -> list[tuple[float, float]]:
    """Where the muscle's name may sit: by its middle, or inside it on the side away from the X
    (whose own label sits beside the X)."""
    cx, cy = sum(p[0] for p in polygon) / len(polygon), sum(p[1] for p in polygon) / len(polygon)
    mx, my = spot.marker.at if _marked(spot) else (cx, cy)
    far = max(polygon, key=lambda p: (p[0] - mx) ** 2 + (p[1] - my) ** 2)
    return [(far[0] + (cx - far[0]) * 0.3, far[1] + (cy - far[1]) * 0.3), (cx, cy)]


def _marked(spot: Spot) -> bool:
    return spot.marker is not None and spot.marker.view == spot.locator.view
