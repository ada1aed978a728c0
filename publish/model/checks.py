"""Checks beyond one field's type: characters the fonts cannot draw, stray files, figure geometry,
file names, duplicate ids, and links between files (regions, conditions, references, spots)."""
from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ..errors import Problem
from ..fonts import undrawable
from .schema import VIEW_SIZE, NoteRef, RegionsFile, Spot
from .source import Source, display_path

MIN_CLOSE_UP = 0.1        # a locator frame side, as a share of its view's side
SPOT_FILE = re.compile(r"^(\d{2,4})-[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$")


DIRECTION_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def check_drawable(src: Source) -> Iterator[Problem]:
    def walk(node, path):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from walk(v, path + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from walk(v, path + (i,))
        elif isinstance(node, str):
            bad = undrawable(node)
            if bad:
                shown = ", ".join(f"'{c}' (U+{ord(c):04X})" if c.isprintable() else f"U+{ord(c):04X}" for c in bad[:5])
                yield src.problem(path, f"the booklet fonts cannot draw {shown}; replace or remove it")
            turned = sorted({f"U+{ord(c):04X}" for c in node if c in DIRECTION_OVERRIDES})
            if turned:
                yield src.problem(path, f"invisible text-direction control {', '.join(turned)} would reverse how "
                                        "the text shows on cards; delete it")
            controls = sorted({f"U+{ord(c):04X}" for c in node if unicodedata.category(c) == "Cc" and c not in "\t\n"})
            if controls:   # written as an escape such as "\0" in quotes: the outputs would drop or garble it
                yield src.problem(path, f"control character {', '.join(controls)} is not text; delete it")
    yield from walk(src.data, ())


def is_editor_file(name: str) -> bool:
    """Hidden files and editor leftovers, never spots: Emacs lock links (.#x) and autosaves (#x#), macOS
    AppleDouble files (._x), hidden copies (.x) and backups (x~). A Dropbox "conflicted copy" is none of
    these: its name is refused, so that it does not vanish silently."""
    return name.startswith((".", "#")) or name.endswith(("~", "#"))


def check_unread(spot_dir: Path) -> Iterator[Problem]:
    """Files in spots/ that would be silently skipped: a spot saved as .yml or .txt must not just vanish."""
    if spot_dir.is_dir() and os.access(spot_dir, os.R_OK | os.X_OK):   # else load names the unlistable folder
        for path in sorted(spot_dir.iterdir()):
            if path.is_file() and path.suffix != ".yaml" and not is_editor_file(path.name):
                yield Problem(display_path(path), None, None, "", "not read: spot files must be named NN-name.yaml")


def check_figure(spot: Spot, src: Source) -> Iterator[Problem]:
    """Figure geometry that can be checked without the body outlines (tests check marker-in-body): every
    point inside its view, and a close-up big enough to show something. A point far outside would shrink
    the chart to a thumbnail, and a frame a millionth of a unit wide would show nothing, both silently."""
    marker, loc = spot.marker, spot.locator
    if marker:
        yield from _outside_view(marker.view, marker.at, ("marker", "at"), src)
        for view, point in marker.also.items():
            yield from _outside_view(view, point, ("marker", "also", view), src)
    if marker and marker.view in marker.also:
        yield src.problem(("marker", "also", marker.view), f"the marker is already on the {marker.view} view; "
                                                           "'also' is for other views")
    yield from check_chart(spot, src)
    if loc is None:
        return
    x0, y0, x1, y1 = loc.frame
    if not (x0 < x1 and y0 < y1):
        yield src.problem(("locator", "frame"), "frame must be [x0, y0, x1, y1] with x0 < x1 and y0 < y1")
        return
    width, height = VIEW_SIZE[loc.view]
    if not (0 <= x0 and 0 <= y0 and x1 <= width and y1 <= height):
        yield src.problem(("locator", "frame"), f"frame {list(loc.frame)} reaches outside the {loc.view} view "
                                                f"(0..{width:g} x 0..{height:g})")
        return
    if x1 - x0 < width * MIN_CLOSE_UP or y1 - y0 < height * MIN_CLOSE_UP:
        yield src.problem(("locator", "frame"), f"frame {list(loc.frame)} is {x1 - x0:g} x {y1 - y0:g}, too small "
                                                f"to show anything; make each side at least "
                                                f"{width * MIN_CLOSE_UP:g} x {height * MIN_CLOSE_UP:g} "
                                                f"(a tenth of the {loc.view} view)")
        return

    def inside(p) -> bool:
        return x0 <= p[0] <= x1 and y0 <= p[1] <= y1
    if marker and marker.view == loc.view and not inside(marker.at):
        yield src.problem(("marker", "at"), f"the trigger point {list(marker.at)} is outside the locator frame "
                                            f"{list(loc.frame)}, so the close-up would not show it")
    for i, mark in enumerate(loc.landmarks):
        for j, p in enumerate(mark.points):
            if not inside(p):
                yield src.problem(("locator", "landmarks", i, "points", j),
                                  f"landmark point {list(p)} is outside the locator frame {list(loc.frame)}")


def _outside_view(view: str, point, path: tuple, src: Source) -> Iterator[Problem]:
    width, height = VIEW_SIZE[view]
    if not (0 <= point[0] <= width and 0 <= point[1] <= height):
        yield src.problem(path, f"point {list(point)} is outside the {view} view (0..{width:g} x 0..{height:g})")


def check_file_name(path: Path, spot: Spot, src: Source) -> Iterator[Problem]:
    m = SPOT_FILE.match(path.name)
    if not m:
        yield src.problem((), f"file name '{path.name}' should look like NN-short-name.yaml, e.g. 12-gluteus-maximus.yaml")
    elif int(m.group(1)) != spot.number:
        yield src.problem(("number",), f"number {spot.number} does not match the file name '{path.name}'")


def index(file_model, key: str, src: Source | None, problems: list[Problem]) -> dict:
    if file_model is None or src is None:
        return {}
    items = getattr(file_model, key)
    no_duplicates([item.id for item in items], key, "id", src, problems)
    return {item.id: item for item in items}


def no_duplicates(values: list[str], key: str, field: str, src: Source, problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for i, value in enumerate(values):
        if value in seen:
            problems.append(src.problem((key, i, field), f"'{value}' is already used by item {seen[value] + 1}"))
        else:
            seen[value] = i


def _unknown(kind: str, value: str, known) -> str:
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown {kind} '{value}'{hint}"


def check_spot_links(spot: Spot, src: Source, regions, conditions, references, numbers: set[int]) -> Iterator[Problem]:
    for zone in ("essential", "spillover"):
        ids = getattr(spot.pain, zone)
        for i, rid in enumerate(ids):
            path = ("pain", zone, i)
            if rid not in regions:
                yield src.problem(path, _unknown("region", rid, regions))
            elif not regions[rid].shapes:
                yield src.problem(path, f"region '{rid}' has no drawing (no shapes in regions.yaml), so it cannot be shown")
            if rid in ids[:i]:
                yield src.problem(path, f"region '{rid}' is listed twice")
    for rid in set(spot.pain.essential) & set(spot.pain.spillover):
        i = spot.pain.spillover.index(rid)
        yield src.problem(("pain", "spillover", i), f"region '{rid}' is already an essential zone")
    for i, cid in enumerate(spot.conditions):
        if cid not in conditions:
            yield src.problem(("conditions", i), _unknown("condition", cid, conditions))
    for i, ref in enumerate(spot.references):
        if ref not in references:
            yield src.problem(("references", i), _unknown("reference", ref, references))
    for i, muscle in enumerate(spot.muscles):
        if muscle.reference and muscle.reference.id not in references:
            yield src.problem(("muscles", i, "reference", "id"), _unknown("reference", muscle.reference.id, references))
    if not spot.own_muscles:
        yield src.problem(("muscles",), "no muscle has role 'spot'; at least one muscle must be the one the spot lies in")
    names = [m.name.lower() for m in spot.muscles]
    for i, name in enumerate(names):
        if name in names[:i]:
            yield src.problem(("muscles", i, "name"), f"muscle '{spot.muscles[i].name}' is listed twice")
    for key, listed in (("conditions", spot.conditions), ("references", spot.references)):
        for i, value in enumerate(listed):
            if value in listed[:i]:
                yield src.problem((key, i), f"'{value}' is listed twice")
    related = [rel.spot for rel in spot.related]
    for i, number in enumerate(related):
        if number in related[:i]:
            yield src.problem(("related", i, "spot"), f"spot {number} is listed twice")
    for i, rel in enumerate(spot.related):
        if rel.spot == spot.number:
            yield src.problem(("related", i, "spot"), "a spot cannot be related to itself")
        elif rel.spot not in numbers:
            yield src.problem(("related", i, "spot"), f"there is no spot {rel.spot}")
    for s, section in enumerate(spot.feature):
        for p, paragraph in enumerate(section.paragraphs):
            for run in paragraph:
                if isinstance(run, NoteRef) and run.ref not in references:
                    yield src.problem(("feature", s, "paragraphs", p), _unknown("reference in note marker", run.ref, references))


def check_region_shapes(regions: RegionsFile, src: Source) -> Iterator[Problem]:
    """Every point of a region's drawing lies inside its view, as the spots' own charts must."""
    for r, region in enumerate(regions.regions):
        for view, polygons in region.shapes.items():
            for i, polygon in enumerate(polygons):
                for j, point in enumerate(polygon):
                    yield from _outside_view(view, point, ("regions", r, "shapes", view, i, j), src)


def check_chart(spot: Spot, src: Source) -> Iterator[Problem]:
    """Every point of the spot's zone and muscle curves lies inside its view."""
    if spot.chart is None:
        return
    for kind in ("essential", "spillover", "muscle"):
        for view, curves in getattr(spot.chart, kind).items():
            for i, curve in enumerate(curves):
                for j, point in enumerate(curve):
                    yield from _outside_view(view, point, ("chart", kind, view, i, j), src)
