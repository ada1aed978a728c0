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


class _RecordingPen(BasePen):
    """Collects a glyph's outline in font units as (command, points): M, L, C (cubic, as BasePen
    decomposes quadratic curves) and Z."""

    def __init__(self, glyph_set) -> None:
        super().__init__(glyph_set)
        self.commands: list[tuple[str, tuple]] = []

    def _moveTo(self, p):
        self.commands.append(("M", (p,)))

    def _lineTo(self, p):
        self.commands.append(("L", (p,)))

    def _curveToOne(self, p1, p2, p3):
        self.commands.append(("C", (p1, p2, p3)))

    def _closePath(self):
        self.commands.append(("Z", ()))


@cache
def _font(face: str) -> TTFont:
    return TTFont(FONT_DIR / FACES[face], lazy=True)


@cache   # a label's letters recur in every figure: each glyph is drawn from the font once
def _glyph(face: str, char: str) -> tuple[tuple[tuple[str, tuple], ...], float]:
    """The outline of `char` in `face` (font units, y up) and its advance width."""
    font = _font(face)
    glyphs = font.getGlyphSet()
    name = font.getBestCmap().get(ord(char), ".notdef")
    pen = _RecordingPen(glyphs)
    glyphs[name].draw(pen)
    return tuple(pen.commands), font["hmtx"].metrics[name][0]


def glyph_path(value: str, x: float, y: float, size: float, face: str) -> str:
    """The SVG path data of `value` set in `face` at `size` from baseline point (x, y), y down;
    advances as ReportLab measures them (no kerning), so the outline is exactly as wide."""
    scale = size / _font(face)["head"].unitsPerEm
    parts: list[str] = []
    for ch in value:
        commands, advance = _glyph(face, ch)
        for command, points in commands:
            parts.append(command + " ".join(f"{x + p[0] * scale:.2f} {y - p[1] * scale:.2f}" for p in points))
        x += advance * scale
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
