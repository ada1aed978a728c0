"""Place several views side by side, each with its title underneath, and crop body views to a focus."""
from __future__ import annotations

from typing import Sequence

from reportlab.graphics.shapes import Group

from . import style
from .paint import Box, Placement, text, text_width
from .views import VIEWS, outline

BODY_VIEWS = ("front", "back", "side")
SIDE_OFFSET = 320.0        # side-view y = front/back y - SIDE_OFFSET (same scale, cut at the waist)
GAP = 10.0                 # between views
TITLE_SPACE = 12.0         # below each view for its title


def side_by_side(items: Sequence[tuple[str, Box]], *, body_scale: float, close_up_height: float,
                 max_width: float, x: float = 0.0, y: float = 0.0) -> tuple[list[Placement], float, float]:
    """Placements for (view, box) pairs left to right from (x, y), bottoms aligned TITLE_SPACE above y.

    Body views share `body_scale` (points per view unit); head and foot views are scaled to
    `close_up_height`; everything shrinks together if the row would be wider than `max_width`.
    Returns (placements, width, height).
    """
    scales = [body_scale if v in BODY_VIEWS else close_up_height / (b[3] - b[1]) for v, b in items]
    widths = [(b[2] - b[0]) * s for (v, b), s in zip(items, scales)]
    natural = sum(widths) + GAP * (len(items) - 1)
    shrink = min(1.0, max_width / natural)
    placements = []
    left = x
    for (view, box), scale, w in zip(items, scales, widths):
        slot = max(w * shrink, text_width(VIEWS[view].title, style.TITLE_SIZE) + 2)   # room for the title
        placements.append(Placement(view, box, left + (slot - w * shrink) / 2, y + TITLE_SPACE, scale * shrink))
        left += slot + GAP * shrink
    width = left - GAP * shrink - x
    height = TITLE_SPACE + max(p.height for p in placements)
    return placements, width, height


def full(view: str) -> Box:
    """The whole frame of `view`."""
    return (0.0, 0.0, VIEWS[view].width, VIEWS[view].height)


def body_box(view: str, y0: float, y1: float, pad: float = 14.0) -> Box:
    """The part of a body view between heights y0 and y1 (front/back units), as wide as the body there."""
    if view == "side":
        y0, y1 = max(0.0, y0 - SIDE_OFFSET), min(VIEWS["side"].height, y1 - SIDE_OFFSET)
    xs = [p[0] for poly in outline(view).body for p in poly if y0 <= p[1] <= y1]
    width = VIEWS[view].width
    return (max(0.0, min(xs) - pad), y0, min(width, max(xs) + pad), y1)


def titles(placements: Sequence[Placement]) -> Group:
    """Each view's title centred under it."""
    g = Group()
    for pl in placements:
        g.add(text(pl.x + pl.width / 2, pl.y - TITLE_SPACE + 3.0, VIEWS[pl.view].title, size=style.TITLE_SIZE,
                   anchor="middle", colour=style.MUTED))
    return g
