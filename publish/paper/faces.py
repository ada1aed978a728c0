"""A laid-out side of a printed card: what to draw where, in the card's own coordinates (points from
its bottom left corner). Laid out once, each side is drawn as a form and placed on every paper size."""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ..figures import FigureKey
from . import styles
from .forms import Figures

BAR = 1.6   # the answer box's accent bar, points


@dataclass(frozen=True)
class Text:
    """A wrapped flowable with its bottom left corner at (x, y)."""

    flowable: Flowable
    x: float
    y: float


@dataclass(frozen=True)
class Box:
    """The tinted answer box with its accent bar on the left."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Art:
    """A figure scaled by `scale`, the bottom left of its bounds at (x, y)."""

    key: FigureKey
    scale: float
    x: float
    y: float


Mark = Text | Box | Art


@dataclass(frozen=True)
class PaperCard:
    """One printed card: its front and its back. A long answer or question takes several."""

    front: tuple[Mark, ...]
    back: tuple[Mark, ...]


def figure_keys(side: tuple[Mark, ...]) -> list[FigureKey]:
    return [m.key for m in side if isinstance(m, Art)]


def draw(canvas: Canvas, figures: Figures, side: tuple[Mark, ...]) -> None:
    """Draw `side` at the canvas origin (boxes first, so text and figures lie on them)."""
    for mark in sorted(side, key=lambda m: not isinstance(m, Box)):
        if isinstance(mark, Box):
            canvas.saveState()
            canvas.setFillColor(styles.TINT)
            canvas.rect(mark.x, mark.y, mark.width, mark.height, stroke=0, fill=1)
            canvas.setFillColor(styles.ACCENT)
            canvas.rect(mark.x, mark.y, BAR, mark.height, stroke=0, fill=1)
            canvas.restoreState()
        elif isinstance(mark, Art):
            figures.place(mark.key, mark.scale, mark.x, mark.y)
        else:
            mark.flowable.drawOn(canvas, mark.x, mark.y)
