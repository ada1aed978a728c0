"""The key: solid = essential zone, stippled = spill-over zone, X = trigger point."""
from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group

from ..fonts import register
from ..model import Labels
from . import style
from .paint import Placement, cross, drawing, text, text_width, zone

SWATCH = 9.0
ITEM_GAP = 10.0
LINE_GAP = 5.0                      # between lines of a key that wraps
ITEMS = ("essential", "spillover", "mark")      # label keys under figures. in labels.yaml


def key_row(x: float, y: float, labels: Labels, *, mark: bool = True, mark_label: str = "") -> tuple[Group, float]:
    """One line of key items starting at (x, y) (bottom of the swatches); returns (group, width)."""
    g, width, _ = key_lines(x, y, labels, mark=mark, mark_label=mark_label, max_width=float("inf"))
    return g, width


def key_lines(x: float, y: float, labels: Labels, *, mark: bool = True, mark_label: str = "",
              max_width: float) -> tuple[Group, float, float]:
    """The key items from (x, y) (bottom of the last line), wrapped onto as many centred lines as
    `max_width` needs; mark_label replaces the mark's label. Returns (group, width, height)."""
    items = [(kind, (kind == "mark" and mark_label) or labels.text(f"figures.{kind}"))
             for kind in ITEMS if kind != "mark" or mark]
    lines: list[list[tuple[str, str]]] = [[]]
    for item in items:
        if lines[-1] and _width(lines[-1] + [item]) > max_width:
            lines.append([])
        lines[-1].append(item)
    width = max(_width(line) for line in lines)
    g = Group()
    for k, line in enumerate(reversed(lines)):
        left = x + (width - _width(line)) / 2
        for kind, label in line:
            _item(g, kind, label, left, y + k * (SWATCH + LINE_GAP))
            left += _item_width(label) + ITEM_GAP
    return g, width, len(lines) * (SWATCH + LINE_GAP) - LINE_GAP


def _item(g: Group, kind: str, label: str, left: float, y: float) -> None:
    if kind == "mark":
        g.add(cross(left + SWATCH / 2, y + SWATCH / 2, size=3.2, width=1.3))
    else:
        square = ((0, 0), (SWATCH, 0), (SWATCH, SWATCH), (0, SWATCH))
        unit = Placement("front", (0, 0, SWATCH, SWATCH), left, y, 1.0)
        g.add(zone(unit, [square], essential=(kind == "essential")))
    g.add(text(left + SWATCH + 3, y + 1.6, label, size=style.KEY_SIZE))


def _item_width(label: str) -> float:
    return SWATCH + 3 + text_width(label, style.KEY_SIZE)


def _width(line: list[tuple[str, str]]) -> float:
    return sum(_item_width(label) for _, label in line) + ITEM_GAP * (len(line) - 1)


def legend(labels: Labels) -> Drawing:
    """A small stand-alone key for the booklet and the deck."""
    register()
    g, width = key_row(1, 1, labels)
    d = drawing(width + 2, SWATCH + 2)
    d.add(g)
    return d
