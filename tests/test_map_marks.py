"""Markers on the maps and charts: each where its spot is, none covering another, the X clear of the lines.

Measured on the Drawings the booklet places and the deck and cards store: the discs' circles and the
X's strokes are read back from the drawing, the outline's inner lines (spine, shoulder blades) from
the same layout."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Circle, Group, Line

from publish.figures import style
from publish.figures.locator import locator_figure, locator_layout
from publish.figures.overview import (
    answer_layout,
    answer_map,
    map_position,
    midline_lines,
    overview_layout,
    overview_map,
)
from publish.figures.referral import referral_figure, referral_layout
from publish.figures.views import outline
from publish.fonts import register
from publish.model import load_content
from publish.study import study_notes

CONTENT = Path(__file__).resolve().parent.parent / "content"
FITS = (None, style.SCREEN, (85 * style.MM, 45 * style.MM), (85 * style.MM, 70 * style.MM), (120 * style.MM, 60 * style.MM))
MIDLINE = 270.0
NEAR_SPINE = 25.0


@pytest.fixture(scope="module")
def content():
    register()
    return load_content(CONTENT)


def _shapes(node):
    for item in getattr(node, "contents", ()):
        if isinstance(item, Group):
            yield from _shapes(item)
        else:
            yield item


def _segment_distance(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def _segments_distance(a, b):
    """Least distance between two segments (they never cross here unless it is 0)."""
    (p, q), (r, s) = a, b
    def turn(o, u, v):
        return (u[0] - o[0]) * (v[1] - o[1]) - (u[1] - o[1]) * (v[0] - o[0])
    if turn(p, q, r) * turn(p, q, s) < 0 and turn(r, s, p) * turn(r, s, q) < 0:
        return 0.0
    return min(_segment_distance(p, r, s), _segment_distance(q, r, s), _segment_distance(r, p, q), _segment_distance(s, p, q))


def _answer_maps(content):
    for note in study_notes(content):
        for figure in note.figures + tuple(c.figure for c in note.cards if c.figure):
            if figure.key.kind == "answer_map":
                yield dict(figure.key.options)


def _discs(drawing):
    """(centre, radius) of every white-ringed disc: a white circle with a coloured one of the same centre on it."""
    circles = [c for c in _shapes(drawing) if isinstance(c, Circle)]
    out = []
    for ring, disc in zip(circles, circles[1:]):
        if ring.fillColor == style.HALO and disc.fillColor != style.HALO and (ring.cx, ring.cy) == (disc.cx, disc.cy):
            out.append(((disc.cx, disc.cy), ring.r))
    return out


def _check_map(content, drawing, placements, label):
    by_view = {pl.view: pl for pl in placements}
    points = {s.number: by_view[map_position(s)[0]].pt(map_position(s)[1]) for s in content.spots if map_position(s)}
    discs = _discs(drawing)
    big = [d for d in discs if d[1] > 2.5]            # numbered dots and grey dots, not the dots left on a spot
    small = [d for d in discs if d[1] <= 2.5]
    assert len(big) == len(points), f"{label}: {len(big)} markers for {len(points)} spots"
    for i, (c1, r1) in enumerate(big):
        for c2, r2 in big[i + 1:]:
            assert math.dist(c1, c2) >= r1 + r2 - 0.01, f"{label}: markers at {c1} and {c2} overlap"
        for c2, r2 in small:                            # the dot a moved disc leaves on its spot stays in view
            assert math.dist(c1, c2) >= r1 + r2 - 0.01, f"{label}: a marker at {c1} covers the spot at {c2}"
    for n, p in points.items():                          # each spot marked on its point: its disc or a dot there
        assert any(math.dist(p, c) < 0.01 for c, _ in big + small), f"{label}: nothing marks spot {n} where it is"
    for spot in content.spots:
        view, at = map_position(spot)
        assert outline(view).contains(at), f"spot {spot.number} is outside the {view} outline"
    for c, r in big:                                     # each disc on its spot's side of the body
        for view, sign in (("front", -1), ("back", 1)):
            pl = by_view[view]
            if pl.x <= c[0] <= pl.x + pl.width and pl.y <= c[1] <= pl.y + pl.height:
                midline = pl.pt((MIDLINE, 0))[0]
                assert sign * (c[0] - midline) >= r - 0.01, f"{label}: a marker at {c} crosses the {view} midline"


@pytest.mark.parametrize("fit", FITS)
def test_overview_markers_never_overlap_and_sit_where_their_spots_are(content, fit):
    _check_map(content, overview_map(content, fit=fit), overview_layout(content, fit)[0], f"overview {fit}")


@pytest.mark.parametrize("fit", FITS)
def test_answer_map_markers_never_overlap_and_sit_where_their_spots_are(content, fit):
    for options in _answer_maps(content):
        drawing = answer_map(content, spots=options["spots"], region=options.get("region"), fit=fit)
        placements = answer_layout(content, options.get("region"), fit)[0]
        _check_map(content, drawing, placements, f"answer map {options} {fit}")


def _crosses(drawing):
    """The X's two strokes, as (segment, stroke width) pairs."""
    return [(((s.x1, s.y1), (s.x2, s.y2)), s.strokeWidth) for s in _shapes(drawing)
            if isinstance(s, Line) and s.strokeColor == style.MARK]


def _middle(segment):
    return (segment[0][0] + segment[1][0]) / 2, (segment[0][1] + segment[1][1]) / 2


def _figures_with_an_x(content):
    """(label, drawing, placements, whole-body map?) for every chart, close-up and map that draws an X."""
    for spot in content.spots:
        for fit in (None, style.SCREEN):
            yield (f"spot {spot.number} chart {fit}", referral_figure(content, spot, fit=fit),
                   referral_layout(content, spot, fit=fit)[0], False)
            if map_position(spot):
                yield (f"spot {spot.number} on the map {fit}", overview_map(content, highlight=spot.number, fit=fit),
                       overview_layout(content, fit)[0], True)
        yield f"spot {spot.number} close-up", locator_figure(content, spot), [locator_layout(content, spot)[0]], False


def test_the_x_never_touches_the_spine_line(content):
    """The X and its white halo (1 pt each side of its strokes) stay off the spine line: a student
    presses where the X is, and an X on the line reads as 'press on the spine'. On a whole-body map a
    legible X (6 pt across or more) cannot clear the spine for a spot nearer to it than NEAR_SPINE view
    units (about 4.5 cm: Spots 1, 11 and 13); their charts and close-ups are held to it."""
    checked = set()
    problems = []
    for label, drawing, placements, whole_body in _figures_with_an_x(content):
        arms = [(arm, width) for arm, width in _crosses(drawing)       # not the X in the key below the views
                if any(pl.x <= _middle(arm)[0] <= pl.x + pl.width and pl.y <= _middle(arm)[1] <= pl.y + pl.height
                       for pl in placements)]
        assert len(arms) == 2, f"{label}: {len(arms)} X strokes"
        lines = [(pl, seg) for pl in placements for seg in midline_lines(pl)]
        centre = _middle(arms[0][0])
        if whole_body and any(_segment_distance(centre, *seg) / pl.scale < NEAR_SPINE for pl, seg in lines):
            continue
        checked.add(label)
        for arm, width in arms:
            gap = min((_segments_distance(arm, seg) for _, seg in lines), default=float("inf"))
            if gap < width / 2 + 1.0:
                problems.append(f"{label}: {gap:.1f} pt")
    assert not problems, problems
    assert {"spot 2 on the map None", "spot 12 on the map None", "spot 13 chart None", "spot 13 close-up"} <= checked


