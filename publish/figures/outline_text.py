"""SVG text turned into glyph outlines from the project's own Noto fonts.

An SVG shown as an image cannot load a web font, and the deck cannot embed one, so every device would
substitute its own face (with other widths, so labels would overrun their boxes). Outlined, a label
looks the same everywhere. Each outlined label keeps its words as `aria-label` and its size as
`font-size`, so the text can still be read and measured from the file.
"""
from __future__ import annotations

import html
import re
from functools import cache

from fontTools.pens.basePen import BasePen
from fontTools.ttLib import TTFont

from ..fonts import FACES, FONT_DIR

# ReportLab's renderSVG writes each String as one <text> element in this form (x already moved for
# the anchor, y flipped back by the transform).
_TEXT = re.compile(r'<text x="(?P<x>[-\d.e]+)" y="(?P<y>[-\d.e]+)" style="font-family: (?P<face>[\w-]+); '
                   r'font-size: (?P<size>[\d.]+)px;(?P<paint>[^"]*)" transform="(?P<transform>[^"]*)">'
                   r'(?P<text>[^<]*)</text>')


class _PathPen(BasePen):
    """Collects a glyph as SVG path commands, placed at (x, y) and scaled, with y pointing down."""

    def __init__(self, glyph_set, x: float, y: float, scale: float):
        super().__init__(glyph_set)
        self.x, self.y, self.scale = x, y, scale
        self.parts: list[str] = []

    def _pt(self, p) -> str:
        return f"{self.x + p[0] * self.scale:.2f} {self.y - p[1] * self.scale:.2f}"

    def _moveTo(self, p):
        self.parts.append("M" + self._pt(p))

    def _lineTo(self, p):
        self.parts.append("L" + self._pt(p))

    def _curveToOne(self, p1, p2, p3):
        self.parts.append("C" + " ".join(self._pt(p) for p in (p1, p2, p3)))

    def _closePath(self):
        self.parts.append("Z")


@cache
def _font(face: str) -> TTFont:
    return TTFont(FONT_DIR / FACES[face], lazy=True)


def glyph_path(value: str, x: float, y: float, size: float, face: str) -> str:
    """The SVG path data of `value` set in `face` at `size` from baseline point (x, y), y down;
    advances as ReportLab measures them (no kerning), so the outline is exactly as wide."""
    font = _font(face)
    glyphs, cmap, metrics = font.getGlyphSet(), font.getBestCmap(), font["hmtx"].metrics
    scale = size / font["head"].unitsPerEm
    parts: list[str] = []
    for ch in value:
        name = cmap.get(ord(ch), ".notdef")
        pen = _PathPen(glyphs, x, y, scale)
        glyphs[name].draw(pen)
        parts += pen.parts
        x += metrics[name][0] * scale
    return "".join(parts)


def outline_text(svg: str) -> str:
    """`svg` (as ReportLab writes it) with every <text> replaced by a filled path of its glyphs."""
    def outlined(m: re.Match) -> str:
        value = html.unescape(m["text"])
        d = glyph_path(value, float(m["x"]), float(m["y"]), float(m["size"]), m["face"])
        return (f'<path d="{d}" aria-label="{html.escape(value)}" font-size="{m["size"]}" '
                f'style="fill-rule: nonzero;{m["paint"]}" transform="{m["transform"]}"/>')
    out = _TEXT.sub(outlined, svg)
    if "<text" in out:
        raise ValueError("SVG text in an unexpected form: cannot outline it")
    return out
