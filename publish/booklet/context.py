"""What every section builder gets: the content, the trim, styles, page references and figures."""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing

from ..figures import FigureKey, FigureStore
from ..model import Content, Spot
from .pages import Trim
from .refs import Chapter, Pages
from .styles import Styles


class Art:
    """The body-map figures the booklet uses, from the build's figure store (shared with the deck
    and the paper cards)."""

    def __init__(self, store: FigureStore):
        self.store = store

    def referral(self, spot: Spot, room: tuple[float, float] | None = None) -> Drawing:
        """The spot's chart; given the room (width, height) it will be placed in, laid out for that
        room if it would otherwise be shrunk, so its captions print at their size."""
        return self._within(FigureKey.of("referral", spot.number, key=False), room)

    def locator(self, spot: Spot) -> Drawing:
        return self.store.get(FigureKey.of("locator", spot.number))

    def overview(self, room: tuple[float, float] | None = None) -> Drawing:
        return self._within(FigureKey.of("overview"), room)

    def _within(self, key: FigureKey, room: tuple[float, float] | None) -> Drawing:
        drawing = self.store.get(key)
        if room is None:
            return drawing
        x0, y0, x1, y1 = drawing.getBounds()
        return drawing if x1 - x0 <= room[0] and y1 - y0 <= room[1] else self.store.get(key.fitted(*room))

    def legend(self) -> Drawing:
        return self.store.get(FigureKey.of("legend"))

    def draw_all(self) -> None:
        """Draw every figure the booklet uses now, not on first use."""
        self.overview()
        self.legend()
        for spot in self.store.content.spots:
            self.referral(spot)
            if spot.locator:
                self.locator(spot)


@dataclass(frozen=True)
class Context:
    """One layout pass of one trim size."""

    content: Content
    trim: Trim
    styles: Styles
    page: Pages
    art: Art
    chapters: tuple[Chapter, ...]
    notes_pages: int

    def chapter(self, key: str) -> Chapter:
        return next(c for c in self.chapters if c.key == key)
