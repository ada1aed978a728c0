"""Referral charts as drawn: smooth zones, markers clear of the outline, answer maps that mark
their spots, and the content checks on chart curves."""
from __future__ import annotations

import math
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.graphics import renderPDF

from publish.errors import ContentError
from publish.figures import FigureStore, media_name, style, svg_bytes
from publish.figures.layout import full, side_by_side
from publish.figures.overview import ANSWER_BODY_HEIGHT, ANSWER_WIDTH, MAP_VIEWS, map_marks, overview_map
from publish.figures.referral import referral_figure, referral_layout
from publish.figures.views import outline
from publish.model import load_content
from publish.study import study_notes

ROOT = Path(__file__).resolve().parent.parent
MIN_RADIUS = 1.5        # view units; see docs/figures.md, "Smooth zones"
MARKER_CLEARANCE = 10.0  # view units between a spot's X and any outline or inner line of its view
X_LEGIBLE = 2.4          # points: the smallest half-width of a drawn X that still reads as an X
ALSO_CLEARANCE = 6.0     # the same for its copy on the overview map's views


def _min_radius(points, steps=50):
    """Smallest radius of curvature of the closed Catmull-Rom spline through `points`, from the
    derivatives of its Bezier segments (exact, so independent of how the curve is flattened)."""
    n, best = len(points), math.inf
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        c1 = [p1[j] + (p2[j] - p0[j]) / 6 for j in (0, 1)]
        c2 = [p2[j] - (p3[j] - p1[j]) / 6 for j in (0, 1)]
        for k in range(steps + 1):
            t = k / steps
            d = [3 * (1 - t) ** 2 * (c1[j] - p1[j]) + 6 * (1 - t) * t * (c2[j] - c1[j]) + 3 * t * t * (p2[j] - c2[j])
                 for j in (0, 1)]
            dd = [6 * (1 - t) * (c2[j] - 2 * c1[j] + p1[j]) + 6 * t * (p2[j] - 2 * c2[j] + c1[j]) for j in (0, 1)]
            cross = abs(d[0] * dd[1] - d[1] * dd[0])
            speed = math.hypot(*d)
            if speed < 1e-9:
                return 0.0
            if cross > 1e-12:
                best = min(best, speed ** 3 / cross)
    return best


def _distance_to_polyline(p, points, closed):
    pairs = list(zip(points, points[1:])) + ([(points[-1], points[0])] if closed else [])
    best = math.inf
    for (x1, y1), (x2, y2) in pairs:
        dx, dy = x2 - x1, y2 - y1
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((p[0] - x1) * dx + (p[1] - y1) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.dist(p, (x1 + t * dx, y1 + t * dy)))
    return best


def _clearance(view, p):
    shape = outline(view)
    return min([_distance_to_polyline(p, b, True) for b in shape.body] +
               [_distance_to_polyline(p, line, False) for line in shape.lines])


def test_every_spot_has_its_own_chart_with_both_zones_and_its_muscle(content):
    for spot in content.spots:
        chart = spot.chart
        assert chart is not None and chart.essential and chart.muscle, f"spot {spot.number}"
        assert bool(chart.spillover) == bool(spot.pain.spillover), f"spot {spot.number}"


def test_zone_curves_have_no_corner_sharper_than_the_smoothness_limit(content):
    for spot in content.spots:
        for kind in ("essential", "spillover", "muscle"):
            for view, curves in getattr(spot.chart, kind).items():
                for i, curve in enumerate(curves):
                    radius = _min_radius(curve)
                    assert radius >= MIN_RADIUS, f"spot {spot.number} {kind} {view}[{i}]: a corner of radius {radius:.2f}"


def test_the_smoothness_measure_catches_a_kink_and_a_spike():
    assert _min_radius([(0, 0), (40, 0), (40, 40), (0, 40)]) >= MIN_RADIUS           # four points: a round blob
    assert _min_radius([(0, 0), (40, 0), (41, 1), (40, 40), (0, 40)]) < MIN_RADIUS   # a kink at one corner
    assert _min_radius([(0, 0), (40, 0), (20, 5)]) < MIN_RADIUS                      # a thin spike


def test_every_marker_lies_inside_the_body_and_clear_of_every_line(content):
    for spot in content.spots:
        view, at = spot.marker.view, spot.marker.at
        assert outline(view).contains(at), f"spot {spot.number}"
        assert _clearance(view, at) >= MARKER_CLEARANCE, f"spot {spot.number}: X {at} touches a line of {view}"
        for other, p in spot.marker.also.items():
            assert outline(other).contains(p), f"spot {spot.number} on {other}"
            assert _clearance(other, p) >= ALSO_CLEARANCE, f"spot {spot.number}: {p} touches a line of {other}"


def _segment_distance(a, b, c, d):
    """Shortest distance between segments ab and cd (they never cross where it matters here: a crossing gives 0)."""
    def crosses():
        def side(p, q, r):
            return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0
    if crosses():
        return 0.0
    return min(_distance_to_polyline(a, [c, d], False), _distance_to_polyline(b, [c, d], False),
               _distance_to_polyline(c, [a, b], False), _distance_to_polyline(d, [a, b], False))


def _drawn_lines(node):
    """Every Line shape in a drawing (the X's strokes: charts draw nothing else as a Line)."""
    from reportlab.graphics.shapes import Group, Line
    for item in getattr(node, "contents", []):
        if isinstance(item, Line):
            yield item
        elif isinstance(item, Group):
            yield from _drawn_lines(item)


@pytest.mark.parametrize("fit", [None, style.SCREEN], ids=["booklet", "phone"])
def test_the_drawn_x_is_legible_and_its_halo_never_touches_the_body_outline(content, fit):
    """Measured on the drawing as made, in points: the X's strokes are at least X_LEGIBLE long each way,
    no larger than a tenth of its view, and its white halo stays off the body's outline stroke."""
    for spot in content.spots:
        placements, _, _ = referral_layout(content, spot, key=False, fit=fit)
        pl = next(p for p in placements if p.view == spot.marker.view)
        lines = list(_drawn_lines(referral_figure(content, spot, key=False, fit=fit)))
        halo = [ln for ln in lines if ln.strokeColor == style.HALO]
        assert len(halo) == 2, f"spot {spot.number}: one X, two halo strokes"
        half = abs(halo[0].x2 - halo[0].x1) / 2
        assert X_LEGIBLE - 0.01 <= half <= max(X_LEGIBLE, min(pl.width, pl.height) / 10), \
            f"spot {spot.number}: X half-width {half:.1f} pt on a {pl.width:.0f} x {pl.height:.0f} pt view"
        edge = style.OUTLINE_WIDTH / 2
        for body in outline(spot.marker.view).body:
            page = [pl.pt(p) for p in body]
            for ln in halo:
                a, b = (ln.x1, ln.y1), (ln.x2, ln.y2)
                gap = min(_segment_distance(a, b, page[k - 1], page[k]) for k in range(len(page)))
                assert gap >= ln.strokeWidth / 2 + edge, \
                    f"spot {spot.number} ({fit}): the X's halo comes within {gap:.2f} pt of the outline"


# ---------------------------------------------------------------- answer maps

@pytest.fixture(scope="module")
def topic_notes(content):
    return [n for n in study_notes(content) if n.kind.key in ("condition", "region")]


@pytest.fixture(scope="module")
def store(content):
    return FigureStore(content)


def test_every_condition_and_pain_area_answer_has_its_own_map(content, topic_notes, store):
    """Answers that differ (other spots, or another pain area to shade) never share a map,
    and no answer shows the plain map of all spots."""
    plain = media_name("overview", None, svg_bytes(overview_map(content)))
    by_answer = {}
    for note in topic_notes:
        spots = frozenset(t for t in note.tags if "::Spot::" in t)
        answer = (spots, note.key if note.kind.key == "region" else None)
        by_answer.setdefault(answer, set()).add(media_name("overview", None, svg_bytes(store.get(note.figures[0].key))))
    assert len(topic_notes) > 40
    assert all(len(names) == 1 for names in by_answer.values())
    names = [n for names in by_answer.values() for n in names]
    assert len(set(names)) == len(by_answer) and plain not in names


def _grey(drawing, dpi=150):
    pdf = pdfium.PdfDocument(renderPDF.drawToString(drawing))
    return pdf[0].render(scale=dpi / 72).to_pil().convert("L"), dpi / 72


def test_answer_spots_are_darker_than_the_others_on_each_map(content, topic_notes, store):
    for note in topic_notes:
        answer = {int(t.rsplit("::", 1)[1]) for t in note.tags if "::Spot::" in t}
        drawing = store.get(note.figures[0].key)
        image, scale = _grey(drawing)
        views = _placements(drawing, content, note)
        shades = {True: [], False: []}
        marks = map_marks(content, views, drawing.width, drawing.height, big=tuple(sorted(answer)))
        centres = {mark.number: mark.centre for mark in marks}       # where each dot is drawn (moved off a crowd)
        for number, (x, y) in centres.items():
            reach = 4.4 if number in answer else 1.8     # inside the dot (radius 7 or 3), past a white number
            ring = [(x, y)] + [(x + dx, y + dy) for dx in (-1.2, 0, 1.2) for dy in (-reach, reach)]  # centre, above, below
            values = [image.getpixel((round(qx * scale), round((drawing.height - qy) * scale))) for qx, qy in ring]
            shades[number in answer].append(min(values))   # the dot's own colour: its darkest sample (its number is white)
        assert shades[True] and shades[False], note.key
        assert max(shades[True]) + 40 < min(shades[False]), (note.key, shades)


def _placements(drawing, content, note):
    """The map's view placements, recomputed the way the map lays them out."""
    views = list(MAP_VIEWS)
    if note.kind.key == "region":
        shapes = content.regions[note.key].shapes
        if not any(v in shapes for v in MAP_VIEWS):
            views.append(next(iter(shapes)))
    placements, width, _ = side_by_side([(v, full(v)) for v in views], content.labels, body_scale=ANSWER_BODY_HEIGHT / 960,
                                        close_up_height=24 * style.MM, max_width=ANSWER_WIDTH, titled=False)
    assert abs(width - drawing.width) < 0.01
    return placements


# ---------------------------------------------------------------- content checks

@pytest.fixture
def copy(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.mark.parametrize("bad, message", [("[9999, 100]", "outside the head view"), ("[.nan, 100]", "finite")])
def test_a_bad_chart_point_is_reported_with_file_and_line(copy, bad, message):
    path = next((copy / "spots").glob("01-*.yaml"))
    lines = path.read_text(encoding="utf-8").split("\n")
    k = next(i for i, t in enumerate(lines) if t.startswith("      - [[") and i > lines.index("chart:"))
    lines[k] = lines[k].replace("[[", f"[{bad}, [", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_content(copy)
    problems = [str(p) for p in err.value.problems]
    assert any(f"{path.name}:{k + 1}:" in p and "chart.essential.head" in p and message in p for p in problems), problems
