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

    def referral(self, spot: Spot) -> Drawing:
        return self.store.get(FigureKey.of("referral", spot.number, key=False))

    def locator(self, spot: Spot) -> Drawing:
        return self.store.get(FigureKey.of("locator", spot.number))

    def overview(self) -> Drawing:
        return self.store.get(FigureKey.of("overview"))

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
