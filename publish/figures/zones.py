"""A spot's own zone and muscle drawing: closed Catmull-Rom curves, flattened and clipped to the body.

Referral zones follow the body, so they are drawn as smooth closed curves through a few points
(content `chart`), then cut to the silhouette: a curve may run past the body's edge and the
zone still ends exactly on the outline. Spots without a `chart` fall back to region shapes.
"""
from __future__ import annotations

from functools import cache, lru_cache
from typing import Sequence

from shapely.geometry import MultiPolygon
from shapely.geometry import Polygon as ShapelyPolygon

from ..model.load import Content
from ..model.schema import Spot
from .geometry import Point, Polygon
from .views import outline

SAMPLES = 10    # points per curve segment: about one every 3 view units for typical control spacing


def closed_curve(points: Sequence[Point], samples: int = SAMPLES) -> list[Point]:
    """The closed uniform Catmull-Rom spline through `points`, as a polyline (via cubic Béziers)."""
    n = len(points)
    out: list[Point] = []
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        for k in range(samples):
            t = k / samples
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
            out.append((a * p1[0] + b * c1[0] + c * c2[0] + d * p2[0], a * p1[1] + b * c1[1] + c * c2[1] + d * p2[1]))
    return out


@cache
def _body(view: str) -> ShapelyPolygon | MultiPolygon:
    parts = [ShapelyPolygon(p).buffer(0) for p in outline(view).body]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts).buffer(0)


@lru_cache(maxsize=512)   # a spot's zones recur in each of its figures (booklet, phone, paper, unmarked)
def clipped(curves: tuple[tuple[Point, ...], ...], view: str) -> tuple[Polygon, ...]:
    """Each closed curve cut to the body outline of `view` (pieces outside the body are dropped)."""
    out: list[Polygon] = []
    for curve in curves:
        cut = ShapelyPolygon(closed_curve(curve)).buffer(0).intersection(_body(view))
        for piece in getattr(cut, "geoms", [cut]):
            if isinstance(piece, ShapelyPolygon) and not piece.is_empty:
                out.append(tuple((round(x, 2), round(y, 2)) for x, y in piece.exterior.coords[:-1]))
    return tuple(out)


def zone_polygons(content: Content, spot: Spot, view: str, essential: bool) -> tuple[Polygon, ...]:
    """The spot's essential or spill-over zone on `view`: its own curves, or else its regions' shapes."""
    if spot.chart is not None:
        return clipped((spot.chart.essential if essential else spot.chart.spillover).get(view, ()), view)
    ids = spot.pain.essential if essential else spot.pain.spillover
    return tuple(p for rid in ids for p in content.regions[rid].shapes.get(view, ()))


def zone_views(spot: Spot) -> set[str]:
    """Every view on which the spot has a zone drawn by its own curves (empty without a chart)."""
    if spot.chart is None:
        return set()
    return set(spot.chart.essential) | set(spot.chart.spillover)


def muscle_polygons(spot: Spot, view: str) -> tuple[Polygon, ...]:
    """The outline of the spot's muscle on `view`, clipped to the body (empty if the content has none)."""
    if spot.chart is None:
        return ()
    return clipped(spot.chart.muscle.get(view, ()), view)
