"""Body-map figures: geometry in the real content, deterministic SVG, rendered colours and embedded fonts."""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from reportlab.graphics import renderPDF
from reportlab.pdfgen import canvas

from publish.errors import ContentError
from publish.figures import media_name, svg_bytes
from publish.figures.geometry import inside
from publish.figures.legend import legend
from publish.figures.locator import locator_figure, locator_layout
from publish.figures.overview import map_position, overview_map
from publish.figures.referral import referral_figure, referral_layout, referral_views
from publish.figures.views import VIEWS, outline
from publish.figures.zones import muscle_polygons, zone_polygons
from publish.fonts import register
from publish.model import load_content

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
BASE14 = {"Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
          "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
          "Times-BoldItalic", "Symbol", "ZapfDingbats"}


@pytest.fixture(scope="session")
def content():
    register()
    return load_content(CONTENT)


@pytest.fixture(scope="session")
def all_figures(content):
    """Every figure the booklet and deck use, as (name, builder) pairs; builders make a fresh Drawing."""
    out = [("overview", lambda: overview_map(content)), ("legend", lambda: legend(content.labels))]
    for spot in content.spots:
        n = spot.number
        out += [(f"spot {n} pattern", lambda s=spot: referral_figure(content, s)),
                (f"spot {n} pattern, unmarked", lambda s=spot: referral_figure(content, s, mark=False)),
                (f"spot {n} locator", lambda s=spot: locator_figure(content, s)),
                (f"spot {n} on the map", lambda n=n: overview_map(content, highlight=n))]
    return out


def _distance_to_outline(point, polygon) -> float:
    best = float("inf")
    for k in range(len(polygon)):
        (x1, y1), (x2, y2) = polygon[k], polygon[(k + 1) % len(polygon)]
        dx, dy = x2 - x1, y2 - y1
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((point[0] - x1) * dx + (point[1] - y1) * dy) / (dx * dx + dy * dy)))
        best = min(best, ((point[0] - x1 - t * dx) ** 2 + (point[1] - y1 - t * dy) ** 2) ** 0.5)
    return best


# ---------------------------------------------------------------- geometry in the content

def test_every_region_used_by_a_spot_is_drawn_on_a_view_of_its_figure(content):
    for spot in content.spots:
        views = referral_views(content, spot)
        for rid in spot.pain.essential + spot.pain.spillover:
            shapes = content.regions[rid].shapes
            assert shapes, f"spot {spot.number}: region {rid} has no shapes"
            assert any(v in shapes for v in views), f"spot {spot.number}: region {rid} is on none of {views}"


def test_every_region_has_geometry(content):
    missing = [rid for rid, region in content.regions.items() if not region.shapes]
    assert not missing


def test_zones_lie_inside_the_body(content):
    for rid, region in content.regions.items():
        for view, polygons in region.shapes.items():
            body = outline(view).body
            for polygon in polygons:
                for p in polygon:
                    ok = outline(view).contains(p) or min(_distance_to_outline(p, b) for b in body) < 1.0
                    assert ok, f"{rid} on {view}: {p} is outside the body"


def test_every_spot_has_a_marker_inside_the_body_and_a_locator(content):
    for spot in content.spots:
        assert spot.marker is not None and spot.locator is not None, f"spot {spot.number}"
        points = [(spot.marker.view, spot.marker.at), *spot.marker.also.items()]
        for view, p in points:
            assert outline(view).contains(p), f"spot {spot.number}: {p} is outside the {view} outline"
        frame = spot.locator.frame
        info = VIEWS[spot.locator.view]
        assert 0 <= frame[0] < frame[2] <= info.width and 0 <= frame[1] < frame[3] <= info.height


def test_the_overview_map_places_every_spot_once_on_front_back_or_sole(content):
    places = {spot.number: map_position(spot) for spot in content.spots}
    assert all(places.values()), [n for n, p in places.items() if p is None]
    assert {view for view, _ in places.values()} == {"front", "back", "foot"}


def test_outline_point_in_polygon_is_honest():
    front = outline("front")
    assert front.contains((270, 300))          # middle of the chest
    assert not front.contains((270, 700))      # between the legs
    assert not front.contains((100, 100))      # beside the head
    assert inside((1, 1), [(0, 0), (2, 0), (2, 2), (0, 2)]) and not inside((3, 1), [(0, 0), (2, 0), (2, 2), (0, 2)])


# ---------------------------------------------------------------- SVG

def test_svgs_are_well_formed_deterministic_and_their_text_outlined(all_figures):
    for name, build in all_figures:
        first, second = svg_bytes(build()), svg_bytes(build())
        assert first == second, f"{name}: SVG differs between two runs"
        root = ET.fromstring(first)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert not [e for e in root.iter() if e.tag.endswith("text")], f"{name}: text left for the viewer's font"
        assert b"font-family" not in first, name


def test_outlined_text_keeps_its_words_and_draws_them_at_their_size(content):
    """The glyph outlines of a label are as tall as its font size says ('Back' rises from the baseline
    to the ascender of its k, 0.714 to 0.8 em in Noto Sans), and the words stay readable from the file."""
    root = ET.fromstring(svg_bytes(referral_figure(content, content.spot(12))))
    labels = {e.get("aria-label"): e for e in root.iter() if e.get("aria-label")}
    assert {"Back", "essential zone", "trigger point (Spot 12)"} <= set(labels)
    back = labels["Back"]
    ys = [float(v) for v in re.findall(r"[-\d.]+ ([-\d.]+)", back.get("d"))]
    assert 0.714 <= (max(ys) - min(ys)) / float(back.get("font-size")) <= 0.8


def test_unmarked_pattern_gives_the_spot_away_nowhere(content):
    for spot in content.spots:
        texts = [t.get("aria-label") or "" for t in
                 ET.fromstring(svg_bytes(referral_figure(content, spot, mark=False))).iter()]
        assert not any(ch.isdigit() for t in texts for ch in t), f"spot {spot.number}: {texts}"
        marked = svg_bytes(referral_figure(content, spot))
        assert f"Spot {spot.number}".encode() in marked


def test_media_names_follow_the_content():
    a, b = b"<svg>a</svg>", b"<svg>b</svg>"
    assert re.fullmatch(r"spot-12-pattern-[0-9a-f]{12}\.svg", media_name("pattern", 12, a))
    assert re.fullmatch(r"map-[0-9a-f]{12}\.svg", media_name("map", None, a))
    assert media_name("map", None, a) != media_name("map", None, b)
    assert media_name("map", None, a) == media_name("map", None, a)


def test_locator_labels_stay_inside_the_close_up_and_apart(content):
    for spot in content.spots:
        pl, labels = locator_layout(content, spot)
        named_muscle = 1 if muscle_polygons(spot, spot.locator.view) else 0
        assert len(labels) == len(spot.locator.landmarks) + 1 + named_muscle    # every landmark, the spot, its muscle
        for label in labels:
            x0, y0, x1, y1 = label.box
            assert pl.x <= x0 and x1 <= pl.x + pl.width and pl.y <= y0 and y1 <= pl.y + pl.height, \
                f"spot {spot.number}: '{label.lines}' sticks out of the close-up"
        for i, a in enumerate(labels):
            for b in labels[i + 1:]:
                apart = a.box[2] <= b.box[0] or b.box[2] <= a.box[0] or a.box[3] <= b.box[1] or b.box[3] <= a.box[1]
                assert apart, f"spot {spot.number}: labels {a.lines} and {b.lines} overlap"


# ---------------------------------------------------------------- rendering

def _render(drawing, dpi=150):
    """The drawing alone on a PDF page (the canvas's own start-up font set to ours, so any
    base-14 font found in the PDF came from the figure), and that page as a grey image."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(drawing.width, drawing.height), initialFontName="Sans",
                        pageCompression=0, invariant=1)
    renderPDF.draw(drawing, pdf, 0, 0)
    pdf.showPage()
    pdf.save()
    return buf.getvalue(), pdfium.PdfDocument(buf.getvalue())[0].render(scale=dpi / 72).to_pil().convert("L")


def _sample_point(content, spot, view, essential, margin):
    """A point `margin` units inside the spot's essential (or spill-over) zone as drawn, clear of the
    other kind of zone, of the X and of the outline's inner lines (such as the spine line)."""
    others = () if essential else zone_polygons(content, spot, view, True)   # essential is drawn on top
    strokes = outline(view).lines
    for polygon in zone_polygons(content, spot, view, essential):
        xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
        for k in range(1, 12):
            for j in range(1, 12):
                p = (min(xs) + (max(xs) - min(xs)) * k / 12, min(ys) + (max(ys) - min(ys)) * j / 12)
                if (inside(p, polygon) and _distance_to_outline(p, polygon) > margin
                        and not any(inside(p, o) or _distance_to_outline(p, o) < margin for o in others)
                        and all(_distance_to_outline(p, s) > margin for s in strokes)
                        and (spot.marker is None or abs(p[0] - spot.marker.at[0]) + abs(p[1] - spot.marker.at[1]) > 25)):
                    return p
    return None


def _patch(image, x, y, radius=4):
    return [image.getpixel((i, j)) for i in range(x - radius, x + radius + 1) for j in range(y - radius, y + radius + 1)]


def _mean(image, x, y, radius=4):
    box = _patch(image, x, y, radius)
    return sum(box) / len(box)


@pytest.mark.parametrize("number", range(1, 15))
def test_essential_zones_render_darker_than_spillover_zones(content, number):
    spot = content.spot(number)
    if not spot.pain.spillover:
        pytest.skip("no spill-over zone to compare with")
    placements, width, height = referral_layout(content, spot, mark=False)
    _, image = _render(referral_figure(content, spot, mark=False))
    scale = image.width / width
    shades = {"essential": [], "spillover": []}
    spreads = {"essential": [], "spillover": []}     # darkest to lightest pixel around the sample
    for kind in shades:
        for pl in placements:
            p = _sample_point(content, spot, pl.view, kind == "essential", margin=7 / (scale * pl.scale))
            if p is not None:
                x, y = pl.pt(p)
                px, py = round(x * scale), round((height - y) * scale)
                shades[kind].append(_mean(image, px, py))
                spreads[kind].append(max(_patch(image, px, py)) - min(_patch(image, px, py)))
    assert shades["essential"] and shades["spillover"], shades
    skin = _mean(image, *_skin_pixel(content, spot, placements, height, scale))
    assert max(shades["essential"]) < 80, shades                       # near-black in grey
    assert max(shades["essential"]) + 80 < min(shades["spillover"]), shades
    assert max(shades["spillover"]) < skin - 10, (shades, skin)         # still visibly marked
    assert min(spreads["spillover"]) > 60, spreads                      # stippled: a pattern, not a hue alone
    assert max(spreads["essential"]) < 30, spreads                      # solid


def _skin_pixel(content, spot, placements, height, scale):
    """A body pixel of the first view in no zone and away from every stroke, searched on a grid."""
    pl = placements[0]
    margin = 7 / (scale * pl.scale)
    zones = [p for essential in (True, False) for p in zone_polygons(content, spot, pl.view, essential)]
    strokes = outline(pl.view).body + outline(pl.view).lines
    x0, y0, x1, y1 = pl.box
    for k in range(1, 20):
        for j in range(1, 20):
            p = (x0 + (x1 - x0) * k / 20, y0 + (y1 - y0) * j / 20)
            if (outline(pl.view).contains(p) and not any(inside(p, z) or _distance_to_outline(p, z) < margin for z in zones)
                    and all(_distance_to_outline(p, s) > margin for s in strokes)):
                x, y = pl.pt(p)
                return round(x * scale), round((height - y) * scale)
    raise AssertionError("no bare skin found")


def test_labels_use_only_embedded_non_base14_fonts(content):
    spot = content.spot(4)
    for drawing in (referral_figure(content, spot), locator_figure(content, spot), overview_map(content), legend(content.labels)):
        pdf_bytes, _ = _render(drawing, dpi=20)
        with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
            fonts = list(pdf.pages[0].Resources.get("/Font", {}).values())
            assert fonts, "the figure has labels, so it must use a font"
            for font in fonts:
                name = str(font.BaseFont).lstrip("/").split("+")[-1]
                assert name not in BASE14, name
                descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                assert "/FontFile2" in descendant.FontDescriptor, f"{name} is not embedded"


# ---------------------------------------------------------------- validation of figure geometry

@pytest.fixture
def copy(content_copy):
    return content_copy()


def _spot_file(folder: Path, number: int) -> Path:
    return next((folder / "spots").glob(f"{number:02d}-*.yaml"))


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        load_content(folder)
    return [str(p) for p in err.value.problems]


def test_a_region_without_shapes_is_reported_at_the_spot_line_that_uses_it(copy):
    regions = copy / "regions.yaml"
    lines = regions.read_text(encoding="utf-8").split("\n")
    start = lines.index("  - id: sacrum")
    end = start + 1
    while lines[end].startswith("    "):
        end += 1
    kept = [line for line in lines[start:end] if not line.startswith("    shapes:") and not line.startswith("      ")]
    regions.write_text("\n".join(lines[:start] + kept + lines[end:]), encoding="utf-8")
    spot_path = _spot_file(copy, 12)
    line = next(i for i, text in enumerate(spot_path.read_text(encoding="utf-8").split("\n"), 1)
                if text.strip().startswith("essential:"))
    problems = _problems(copy)
    expected = [p for p in problems if "region 'sacrum' has no drawing" in p and spot_path.name in p]
    assert expected, problems
    assert re.search(rf"{re.escape(spot_path.name)}:{line}:\d+: pain\.essential\[\d\]:", expected[0]), expected[0]


def test_a_marker_outside_its_close_up_is_reported_with_its_line(copy):
    path = _spot_file(copy, 12)
    text = path.read_text(encoding="utf-8")
    at_line = next(i for i, t in enumerate(text.split("\n"), 1) if t.startswith("  at: "))
    path.write_text(re.sub(r"(?m)^  at: .*$", "  at: [100, 100]", text, count=1), encoding="utf-8")
    problems = _problems(copy)
    assert any(f"{path.name}:{at_line}:" in p and "marker.at" in p and "outside the locator frame" in p
               for p in problems), problems


def test_crowded_text_is_caught():
    """The legibility measure a paper card asks before printing a figure laid out for a small room."""
    from reportlab.graphics.shapes import Drawing, Group

    from publish.figures import crowded
    from publish.figures.paint import text
    register()
    apart = Drawing(200, 100, text(10, 10, "iliac crest"), text(10, 60, "greater trochanter"))
    assert not crowded(apart)
    assert crowded(Drawing(200, 100, text(10, 10, "iliac crest"), text(14, 13, "greater trochanter")))   # overlapping
    assert crowded(Drawing(200, 100, text(180, 10, "iliac crest")))                                      # past the edge
    moved = Group(text(10, 10, "iliac crest"))
    moved.translate(0, 50)
    assert crowded(Drawing(200, 100, moved, text(12, 62, "greater trochanter")))                         # in a group
    assert crowded(Drawing(60, 30, text(2, 4, "iliac crest"), text(2, 18, "trochanter")))                # text over the picture


def test_booklet_and_phone_figures_are_not_crowded(content):
    from publish.figures import FigureKey, FigureStore, crowded
    store = FigureStore(content)
    for spot in content.spots:
        for kind in ("referral", "locator"):
            key = FigureKey.of(kind, spot.number)
            assert not crowded(store.get(key)), key
            assert not crowded(store.get(key.for_screen())), key.for_screen()


def _length_inside(a, b, box) -> float:
    """How much of segment ab lies inside box (x0, y0, x1, y1): Liang-Barsky clipping."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - box[0]), (dx, box[2] - a[0]), (-dy, a[1] - box[1]), (dy, box[3] - a[1])):
        if p == 0:
            if q < 0:
                return 0.0
        elif p < 0:
            t0 = max(t0, q / p)
        else:
            t1 = min(t1, q / p)
    return max(0.0, t1 - t0) * (dx * dx + dy * dy) ** 0.5


def test_close_up_labels_leave_the_dots_the_x_and_the_spine_in_view(content):
    """No label box covers a landmark dot, the X or any of the spine line; and over all close-ups the
    labels cover little of the dashed landmark lines and inner lines (measured, in points)."""
    covered = 0.0
    for spot in content.spots:
        pl, labels = locator_layout(content, spot)
        marks = [[pl.pt(p) for p in m.points] for m in spot.locator.landmarks if len(m.points) > 1]
        inner = [piece for line in outline(pl.view).lines for piece in pl.polylines(line)]
        spine = [piece for line in outline(pl.view).lines if pl.view == "back" and all(x == 270 for x, _ in line)
                 for piece in pl.polylines(line)]
        dots = [pl.pt(m.points[0]) for m in spot.locator.landmarks if len(m.points) == 1]
        if spot.marker.view == spot.locator.view:
            dots.append(pl.pt(spot.marker.at))
        for label in labels:
            x0, y0, x1, y1 = label.box
            for d in dots:
                assert not (x0 - 2.6 < d[0] < x1 + 2.6 and y0 - 2.6 < d[1] < y1 + 2.6), \
                    f"spot {spot.number}: '{' '.join(label.lines)}' covers the dot or X at {d}"
            on_spine = sum(_length_inside(a, b, label.box) for line in spine for a, b in zip(line, line[1:]))
            assert on_spine == 0, f"spot {spot.number}: '{' '.join(label.lines)}' hides {on_spine:.1f} pt of the spine line"
            covered += sum(_length_inside(a, b, label.box) for line in marks + inner for a, b in zip(line, line[1:]))
    assert covered < 120, f"labels cover {covered:.0f} pt of landmark and inner lines"
