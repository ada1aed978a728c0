"""The five body views: their frames (y down, like SVG), titles and outline drawings.

Outline data lives in `outlines/VIEW.svg` (see `outlines/ATTRIBUTION`): one `<path id="body">`
(the silhouette, used for fills and the point-in-body test) and `class="line"` paths (inner lines
such as the ear, spine or finger gaps), stroked at one weight whatever the zoom.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from ..model.schema import VIEW_SIZE
from .geometry import Point, Polygon, inside_any, open_runs, parse_path

OUTLINE_DIR = Path(__file__).resolve().parent / "outlines"


@dataclass(frozen=True)
class ViewInfo:
    name: str
    width: float
    height: float
    title: str


_TITLES = {"front": "Front", "back": "Back", "side": "Right side", "head": "Right side of head",
           "foot": "Sole of right foot"}
VIEWS = {view: ViewInfo(view, *VIEW_SIZE[view], _TITLES[view]) for view in _TITLES}
# A close-up centred below this height shows another part than the view's name says.
_LOWER_PARTS = {"head": (290.0, "neck")}     # below the base of the skull and the jaw


def crop_view(view: str, frame: tuple[float, float, float, float]) -> str:
    """The name (a figures.view label) of a close-up of `view` showing `frame`: named by what the crop
    shows, so a head-view crop of the neck is 'neck' ('Right side of neck')."""
    below, part = _LOWER_PARTS.get(view, (float("inf"), view))
    return part if (frame[1] + frame[3]) / 2 >= below else view


@dataclass(frozen=True)
class Outline:
    """A view's drawing: silhouette polygons and stroked inner lines."""

    info: ViewInfo
    body: tuple[Polygon, ...]
    lines: tuple[Polygon, ...]

    @cached_property
    def edges(self) -> tuple[Polygon, ...]:
        """The silhouette's stroked edges: its polygons as open runs, without the stretches along the
        frame (where a view cuts the body off, as at the neck of the head view)."""
        frame = (0, 0, self.info.width, self.info.height)
        return tuple(tuple(run) for poly in self.body for run in open_runs(poly, frame))

    def contains(self, point: Point) -> bool:
        """Is `point` inside the body silhouette?"""
        return inside_any(point, self.body)


MIDLINE = 270.0                     # x of the body's midline in the front and back frames


def midline_lines(view: str) -> tuple[Polygon, ...]:
    """The view's inner lines on the body's midline (the spine on the back view): nothing a student
    reads as 'press here' may sit on them."""
    if view not in ("front", "back"):
        return ()
    return tuple(line for line in outline(view).lines if all(x == MIDLINE for x, _ in line))


@cache
def outline(view: str) -> Outline:
    """The outline of `view` ('front', 'back', 'side', 'head' or 'foot'), read once."""
    info = VIEWS[view]
    root = ET.parse(OUTLINE_DIR / f"{view}.svg").getroot()
    body: list[Polygon] = []
    lines: list[Polygon] = []
    for el in root.iter("{http://www.w3.org/2000/svg}path"):
        d = el.get("d", "")
        if el.get("id") == "body":
            body.extend(parse_path(d))
        elif el.get("class") == "line":
            lines.extend(parse_path(d, repeat_start=True))
    if not body:
        raise ValueError(f"{view}.svg has no <path id=\"body\">")
    return Outline(info, tuple(body), tuple(lines))
