"""Colours and type of the paper cards: the palette of the booklet and the deck, sized for a 95 x 86 mm card."""
from __future__ import annotations

from functools import cache

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ..fonts import register
from ..study import palette

INK = HexColor(palette.INK)
ACCENT = HexColor(palette.ACCENT)
LABEL = HexColor(palette.LABEL)
TINT = HexColor(palette.TINT)
MARK = HexColor("#555555")

SANS, SANS_BOLD = "Sans", "Sans-Bold"
TAG_SIZE = 6.5                              # the kind / spot / page line at the top of a card
FACT_SIZES = (7.8, 7.4, 7.0, 6.6, 6.2)      # tried in turn until the answer fits on the back


@cache
def tag() -> ParagraphStyle:
    register()
    return ParagraphStyle("tag", fontName=SANS_BOLD, fontSize=TAG_SIZE, leading=8, textColor=ACCENT)


@cache
def page_tag() -> ParagraphStyle:
    return ParagraphStyle("page-tag", tag(), fontName=SANS, textColor=LABEL, alignment=TA_RIGHT)


@cache
def margin() -> ParagraphStyle:
    return ParagraphStyle("margin", page_tag(), alignment=TA_CENTER)


@cache
def question(size: float) -> ParagraphStyle:
    return ParagraphStyle(f"question-{size}", fontName=SANS_BOLD, fontSize=size, leading=size * 1.28, textColor=INK)


@cache
def heading() -> ParagraphStyle:
    return ParagraphStyle("heading", fontName=SANS_BOLD, fontSize=9.5, leading=11.5, textColor=ACCENT)


@cache
def fact(size: float) -> ParagraphStyle:
    return ParagraphStyle(f"fact-{size}", fontName=SANS, fontSize=size, leading=size * 1.24, textColor=INK,
                          spaceBefore=size * 0.3)


@cache
def caution() -> ParagraphStyle:
    return ParagraphStyle("caution", fontName=SANS, fontSize=7.2, leading=8.8, textColor=INK)


@cache
def item(size: float) -> ParagraphStyle:
    return ParagraphStyle(f"item-{size}", fact(size), leftIndent=size * 1.3, bulletIndent=size * 0.1,
                          bulletFontName=SANS, bulletFontSize=size, spaceBefore=size * 0.12)
