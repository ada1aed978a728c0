"""What every section builder gets: the content, the trim, styles, page references and figures."""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing

from .. import figures
from ..model import Content, Spot
from .pages import Trim
from .refs import Chapter, Pages
from .styles import Styles


class Art:
    """The body-map figures the booklet uses. Each is drawn once while figures.drawn_once() is active
    (build_booklets keeps it active), so both trim sizes and the deck share the same drawings."""

    def __init__(self, content: Content):
        self.content = content

    def referral(self, spot: Spot) -> Drawing:
        return figures.referral_figure(self.content, spot, key=False)

    def locator(self, spot: Spot) -> Drawing:
        return figures.locator_figure(self.content, spot)

    def overview(self) -> Drawing:
        return figures.overview_map(self.content)

    def legend(self) -> Drawing:
        return figures.legend()

    def draw_all(self) -> None:
        """Draw every figure the booklet uses now, not on first use."""
        self.overview()
        self.legend()
        for spot in self.content.spots:
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
