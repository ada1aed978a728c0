"""The key: solid = essential zone, stippled = spill-over zone, X = trigger point."""
from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group

from ..fonts import register
from ..model import Labels
from . import style
from .paint import Placement, cross, drawing, text, text_width, zone

SWATCH = 9.0
ITEM_GAP = 10.0
ITEMS = ("essential", "spillover", "mark")      # label keys under figures. in labels.yaml


def key_row(x: float, y: float, labels: Labels, *, mark: bool = True, mark_label: str = "") -> tuple[Group, float]:
    """One line of key items starting at (x, y) (bottom of the swatches); returns (group, width)."""
    g = Group()
    left = x
    for kind in ITEMS:
        label = labels.text(f"figures.{kind}")
        if kind == "mark" and not mark:
            continue
        if kind == "mark":
            g.add(cross(left + SWATCH / 2, y + SWATCH / 2, size=3.2, width=1.3))
            label = mark_label or label
        else:
            square = ((0, 0), (SWATCH, 0), (SWATCH, SWATCH), (0, SWATCH))
            unit = Placement("front", (0, 0, SWATCH, SWATCH), left, y, 1.0)
            g.add(zone(unit, [square], essential=(kind == "essential")))
        g.add(text(left + SWATCH + 3, y + 1.6, label, size=style.KEY_SIZE))
        left += SWATCH + 3 + text_width(label, style.KEY_SIZE) + ITEM_GAP
    return g, left - ITEM_GAP - x


def legend(labels: Labels) -> Drawing:
    """A small stand-alone key for the booklet and the deck."""
    register()
    g, width = key_row(1, 1, labels)
    d = drawing(width + 2, SWATCH + 2)
    d.add(g)
    return d
