"""The fast geometry behind the figures: the stipple sweep finds exactly the dots a point-in-polygon
test finds, and simplified outlines stay within their tolerance of the outline data."""
from __future__ import annotations

import random

import pytest
from shapely.geometry import LinearRing, Point

from publish.figures.geometry import grid_inside, inside, simplify
from publish.figures.paint import Placement
from publish.figures.views import VIEWS, outline
from publish.figures.zones import zone_polygons

STEP = 2.3
PROMISED = 0.05    # points: the most a simplified line may stray on the page (docs/figures.md)


def _tested_one_by_one(polygon, step):
    """Every grid point of the polygon's bounds that `inside` accepts, rows from the bottom."""
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    found, row = [], int(min(ys) // step)
    while row * step <= max(ys):
        shift = step / 2 if row % 2 else 0.0
        col = int((min(xs) - shift) // step)
        while col * step + shift <= max(xs):
            if inside((col * step + shift, row * step), polygon):
                found.append((col * step + shift, row * step))
            col += 1
        row += 1
    return found


def test_the_stipple_sweep_finds_the_same_dots_on_polygons_with_vertices_on_the_grid():
    rnd = random.Random(18)
    for _ in range(1500):
        # vertices on grid rows and columns too: the cases where a half-open test could go either way
        polygon = [(rnd.choice([rnd.uniform(-20, 40), rnd.randint(-9, 18) * STEP / 2]),
                    rnd.choice([rnd.uniform(-20, 40), rnd.randint(-5, 10) * STEP])) for _ in range(rnd.randint(3, 12))]
        assert grid_inside(polygon, STEP, STEP / 2) == _tested_one_by_one(polygon, STEP), polygon


def test_the_stipple_sweep_finds_the_same_dots_in_every_zone_of_the_content(content):
    for spot in content.spots:
        for view in VIEWS:
            for polygon in zone_polygons(content, spot, view, essential=False):
                pl = Placement(view, (0, 0, VIEWS[view].width, VIEWS[view].height), 0, 0, 0.3)
                placed = pl.polygon(polygon)
                if len(placed) >= 3:
                    assert grid_inside(placed, STEP, STEP / 2) == _tested_one_by_one(placed, STEP)


@pytest.mark.parametrize("scale", [0.1, 0.27, 1.0])
def test_simplified_outlines_stay_within_the_detail_tolerance_and_drop_points(scale):
    pl = Placement("front", (0, 0, VIEWS["front"].width, VIEWS["front"].height), 0, 0, scale)
    for polygon in outline("front").body:
        kept = simplify(tuple(polygon), pl.tolerance, True)
        assert set(kept) <= set(polygon)
        ring = LinearRing(kept)
        farthest = max(ring.distance(Point(p)) for p in polygon)
        assert farthest * scale <= PROMISED + 1e-9, f"a point {farthest * scale:.3f} pt off the simplified outline"
        if scale < 0.5:
            assert len(kept) < 0.6 * len(polygon)


def test_a_polygon_smaller_than_the_tolerance_is_kept_as_it_is():
    tiny = ((0.0, 0.0), (0.01, 0.0), (0.01, 0.01), (0.0, 0.01))
    assert simplify(tiny, 1.0, True) == tiny
