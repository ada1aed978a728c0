"""Trim sizes, margins, the laid-out page and its templates, and what each trim draws around it:
cover bands, running heads, folios and thumb tabs.

Every trim holds the same text block, the largest that fits all of them with at least the minimum
margins below; a larger trim shares its extra room between the inner and outer margins (in their
proportion) and above and below. So the booklet is laid out once, on pages the size of the text block
(with a little room around it, PAD, for anything that reaches past the frame), and each laid-out page
is placed on every trim (placement.py): every page reference is right in every edition, and only the
running heads, folios, tabs and cover bands are drawn per trim.

Odd pages are right-hand (recto) pages: their binding edge, and so the wider inner margin, is
on the left. Art that touches the trim edge (cover bands, thumb tabs) is drawn 3 mm past it so
that the print-shop edition's bleed has something to show. Tab numbers keep out of the home-print
safe zone (editions.SAFE_ZONE) on every edition, since the home-print sheets are made from the
reader pages.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Protocol

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Frame, PageTemplate

from .. import editions
from ..editions import BLEED, SAFE_ZONE
from .styles import ACCENT, MUTED, RULE, SANS, SANS_BOLD, WHITE
from .text import shortened

INNER, OUTER, TOP, BOTTOM = 16 * mm, 12 * mm, 15 * mm, 15 * mm     # the smallest margins of any trim
HEAD_BASELINE = 10 * mm        # from the top trim edge
FOLIO_BASELINE = 9 * mm        # from the bottom trim edge
COLUMN_GAP = 6 * mm
TAB_WIDTH, TAB_SLOTS = 10.5 * mm, 14
TAB_FONT_SIZE = 8
TAB_NUMBER_INSET = SAFE_ZONE + 2 * mm     # from the trim edge to the centre of a tab number
TEXT_WIDTH = min(t.width for t in editions.TRIMS) - INNER - OUTER
TEXT_HEIGHT = min(t.height for t in editions.TRIMS) - TOP - BOTTOM
COVER_WIDTH = min(t.width for t in editions.TRIMS) - 2 * OUTER
COVER_BAND = 24 * mm           # the band of colour along the bottom of both covers
COVER_FRAME_Y = COVER_BAND + 8 * mm
COVER_ROOM = TEXT_HEIGHT + BOTTOM - COVER_FRAME_Y   # height of the covers' frame: the shortest trim's
PAD = 6 * mm                   # room around the frames on a laid-out page
LAID_OUT_SIZE = (max(COVER_WIDTH, TEXT_WIDTH) + 2 * PAD, TEXT_HEIGHT + 2 * PAD)


@dataclass(frozen=True)
class Trim(editions.Trim):
    """A trim size (editions.py) with the booklet's margins: where its text frames sit."""

    @classmethod
    def of(cls, trim: editions.Trim) -> Trim:
        return cls(**{f.name: getattr(trim, f.name) for f in fields(trim)})

    @property
    def frame_width(self) -> float:
        return TEXT_WIDTH

    @property
    def frame_height(self) -> float:
        return TEXT_HEIGHT

    @property
    def cover_width(self) -> float:
        """Width of the covers' text, the same on every trim (the back cover may run over a page)."""
        return COVER_WIDTH

    @property
    def inner(self) -> float:
        return INNER + (self.width - INNER - OUTER - TEXT_WIDTH) * INNER / (INNER + OUTER)

    @property
    def outer(self) -> float:
        return self.width - TEXT_WIDTH - self.inner

    @property
    def bottom(self) -> float:
        return BOTTOM + (self.height - TOP - BOTTOM - TEXT_HEIGHT) / 2

    @property
    def top(self) -> float:
        return self.height - TEXT_HEIGHT - self.bottom

    def frame_x(self, page: int) -> float:
        """Left edge of the text frame on `page` (1-based): the inner margin is on the spine side."""
        return self.inner if page % 2 else self.outer

    def origin(self, page: int, cover: bool) -> tuple[float, float]:
        """Where the lower left corner of laid-out page `page` goes on this trim."""
        if cover:
            return (self.width - COVER_WIDTH) / 2 - PAD, COVER_FRAME_Y - PAD
        return self.frame_x(page) - PAD, self.bottom - PAD


TRIMS = tuple(Trim.of(t) for t in editions.TRIMS)


class Recorder(Protocol):
    """The document being laid out, which notes what each trim draws around the page just finished."""

    def page_done(self, cover: bool) -> None: ...


class BodyTemplate(PageTemplate):
    """The text block, in one or more columns (the same on left and right pages: the trims mirror
    the margins when they place the page)."""

    def __init__(self, id: str, columns: int = 1):
        width = (TEXT_WIDTH - COLUMN_GAP * (columns - 1)) / columns
        frames = [_frame(f"{id}-{c}", PAD + c * (width + COLUMN_GAP), width, TEXT_HEIGHT) for c in range(columns)]
        super().__init__(id=id, frames=frames, pagesize=LAID_OUT_SIZE)

    def afterDrawPage(self, canv, doc: Recorder):
        doc.page_done(cover=False)


class CoverTemplate(PageTemplate):
    """A cover's text, above the band of colour each trim draws along the bottom; no folio."""

    def __init__(self, id: str):
        super().__init__(id=id, frames=[_frame(id, PAD, COVER_WIDTH, COVER_ROOM)], pagesize=LAID_OUT_SIZE)

    def afterDrawPage(self, canv, doc: Recorder):
        doc.page_done(cover=True)


def _frame(id: str, x: float, width: float, height: float) -> Frame:
    return Frame(x, PAD, width, height, id=id, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def templates() -> list[PageTemplate]:
    """The page templates every booklet uses, by id: cover, body, two-column, back."""
    return [CoverTemplate("cover"), BodyTemplate("body"), BodyTemplate("columns", 2), CoverTemplate("back")]


@dataclass(frozen=True)
class Furniture:
    """What a trim draws around one laid-out page: a cover's band, or the running head (none on a
    chapter's opening page), the folio and, in a spot's chapter, its thumb tab (number, slot). The
    running head is the book's title on left-hand pages and the chapter's on right-hand ones; which a
    page is, only its place in the whole booklet says (the booklet is laid out in parts)."""

    cover: bool
    book: str = ""
    chapter: str = ""
    opening: bool = False
    tab: tuple[int, int] | None = None

    def head(self, page: int) -> str:
        if self.opening:
            return ""
        return self.book if page % 2 == 0 else self.chapter


def draw_furniture(canv, trim: Trim, page: int, furniture: Furniture, band_text: str) -> None:
    """Draw `furniture` on `page` of `trim`."""
    if furniture.cover:
        _cover_band(canv, trim, band_text)
        return
    _running_head(canv, trim, page, furniture.head(page))
    _folio(canv, trim, page)
    if furniture.tab is not None:
        _thumb_tab(canv, trim, page, *furniture.tab)


def _cover_band(canv, trim: Trim, text: str) -> None:
    """A band of colour along the bottom, running into the bleed, with the edition in it."""
    canv.saveState()
    canv.setFillColor(ACCENT)
    canv.rect(-BLEED, -BLEED, trim.width + 2 * BLEED, COVER_BAND + BLEED, stroke=0, fill=1)
    canv.setFont(SANS, 8.5)
    canv.setFillColor(WHITE)
    canv.drawCentredString(trim.width / 2, COVER_BAND / 2 - 3, text)
    canv.restoreState()


def _outer_x(trim: Trim, page: int) -> tuple[float, str]:
    """x of the outer frame edge and the alignment that hugs it."""
    if page % 2:
        return trim.width - trim.outer, "right"
    return trim.outer, "left"


def _running_head(canv, trim: Trim, page: int, text: str) -> None:
    if not text:
        return
    y = trim.height - HEAD_BASELINE
    x, side = _outer_x(trim, page)
    canv.saveState()
    canv.setFont(SANS, 7.5)
    canv.setFillColor(MUTED)
    (canv.drawRightString if side == "right" else canv.drawString)(x, y, shortened(text, SANS, 7.5, trim.frame_width))
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.4)
    left = trim.frame_x(page)
    canv.line(left, y - 3.2, left + trim.frame_width, y - 3.2)
    canv.restoreState()


def _folio(canv, trim: Trim, page: int) -> None:
    x, side = _outer_x(trim, page)
    canv.saveState()
    canv.setFont(SANS_BOLD, 8)
    canv.setFillColor(MUTED)
    (canv.drawRightString if side == "right" else canv.drawString)(x, FOLIO_BASELINE, str(page))
    canv.restoreState()


def _thumb_tab(canv, trim: Trim, page: int, number: int, slot: int) -> None:
    """A coloured tab on the outer edge whose height on the page steps down with the spot's place."""
    step = trim.frame_height / TAB_SLOTS
    top = trim.height - trim.top - (slot % TAB_SLOTS) * step
    right_hand = page % 2
    x = trim.width - TAB_WIDTH if right_hand else -BLEED
    canv.saveState()
    canv.setFillColor(ACCENT)
    canv.rect(x, top - step + 1, TAB_WIDTH + BLEED, step - 2, stroke=0, fill=1)
    canv.setFillColor(WHITE)
    canv.setFont(SANS_BOLD, TAB_FONT_SIZE)
    centre = trim.width - TAB_NUMBER_INSET if right_hand else TAB_NUMBER_INSET
    label = str(number)
    if stringWidth(label, SANS_BOLD, TAB_FONT_SIZE) / 2 <= TAB_NUMBER_INSET - SAFE_ZONE - 0.3 * mm:
        canv.drawCentredString(centre, top - step / 2 - 3, label)
    else:   # too wide to stay out of the safe zone: read along the edge, as on printed thumb tabs
        canv.translate(centre + 3, top - step / 2)
        canv.rotate(90)
        canv.drawCentredString(0, 0, label)
    canv.restoreState()
