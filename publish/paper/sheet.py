"""Where the cards sit on a sheet: a grid centred on the paper, each back the mirror image of its
front (for duplex printing flipped on the long edge), and cut marks outside the grid."""
from __future__ import annotations

from dataclasses import dataclass

from ..editions import MM, Paper

CARD_WIDTH, CARD_HEIGHT = 95 * MM, 86 * MM
COLUMNS, ROWS = 2, 3
MARK_GAP, MARK_LENGTH = 1.5 * MM, 4 * MM     # cut marks start this far outside the grid


@dataclass(frozen=True)
class Rect:
    """A card's place on a page, in points from the bottom left corner."""

    x: float
    y: float
    width: float = CARD_WIDTH
    height: float = CARD_HEIGHT

    @property
    def top(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class Sheet:
    """One paper size's grid. Slots count from the top left, row by row, as seen on the front."""

    paper: Paper

    per_sheet = COLUMNS * ROWS

    @property
    def left(self) -> float:
        return (self.paper.width - COLUMNS * CARD_WIDTH) / 2

    @property
    def bottom(self) -> float:
        return (self.paper.height - ROWS * CARD_HEIGHT) / 2

    def front(self, slot: int) -> Rect:
        column, row = slot % COLUMNS, slot // COLUMNS
        return Rect(self.left + column * CARD_WIDTH, self.bottom + (ROWS - 1 - row) * CARD_HEIGHT)

    def back(self, slot: int) -> Rect:
        """The front's place mirrored left to right: where its back lands after a long-edge flip."""
        front = self.front(slot)
        return Rect(self.paper.width - front.x - CARD_WIDTH, front.y)

    def cut_marks(self) -> list[tuple[float, float, float, float]]:
        """Short lines (x1, y1, x2, y2) continuing every grid line into the margin, clear of the cards."""
        left, bottom = self.left, self.bottom
        right, top = left + COLUMNS * CARD_WIDTH, bottom + ROWS * CARD_HEIGHT
        near, far = MARK_GAP, MARK_GAP + MARK_LENGTH
        marks = []
        for i in range(COLUMNS + 1):
            x = left + i * CARD_WIDTH
            marks += [(x, top + near, x, top + far), (x, bottom - near, x, bottom - far)]
        for j in range(ROWS + 1):
            y = bottom + j * CARD_HEIGHT
            marks += [(left - near, y, left - far, y), (right + near, y, right + far, y)]
        return marks
