"""Small flowables of our own: section markers, scaled figures, finder dots, lined writing space."""
from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.shapes import Drawing, Group
from reportlab.lib.units import mm
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import ActionFlowable

from ..figures import style as figure_style
from ..rl_internals import is_dry, name_block
from .styles import RULE, SANS

LINE_SPACING = 8 * mm


class Section(ActionFlowable):
    """Zero-size: tells the document which part of the booklet follows (for error messages)."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name

    def apply(self, doc):
        doc.section = self.name


def named(flowable: Flowable, block: str) -> Flowable:
    """Give a table or box a name for error messages ('its at-a-glance box is too tall')."""
    name_block(flowable, block)
    return flowable


class Deferred(Flowable):
    """Stands for flowables made only when the layout reaches it (BookletDoc expands it then): the
    story stays short however long the booklet, and what is laid out can be freed."""

    def __init__(self, make: Callable[[], list[Flowable]]):
        super().__init__()
        self.make = make


class Figure(Drawing):
    """A body-map drawing placed in the booklet; a dry layout pass (canvas.dry) leaves it undrawn."""

    def draw(self, *args, **kwargs):
        if not is_dry(self.canv):
            super().draw(*args, **kwargs)


def fit(drawing: Drawing, width: float, height: float) -> Drawing:
    """`drawing` cropped to what it draws, scaled down (never up) to fit inside width x height,
    and centred in its column; a label that sticks out of the declared box stays inside the column."""
    x0, y0, x1, y1 = drawing.getBounds()
    scale = min(1.0, width / (x1 - x0), height / (y1 - y0))
    group = Group(*drawing.contents, transform=(scale, 0, 0, scale, -x0 * scale, -y0 * scale))
    out = Figure((x1 - x0) * scale, (y1 - y0) * scale, group)
    out.hAlign = "CENTER"
    out.initialFontName = SANS     # else ReportLab opens every drawing with Helvetica, unembedded
    return out


class Dot(Flowable):
    """The symptom finder's cell mark: a solid dot for an essential zone, a ring for spill-over."""

    SIZE = 6.4

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return availWidth, self.SIZE

    def draw(self):
        r = self.SIZE / 2
        c = self.canv
        c.saveState()
        c.setStrokeColor(figure_style.ESSENTIAL)
        if self.kind == "essential":
            c.setFillColor(figure_style.ESSENTIAL)
            c.circle(self.width / 2, r, r, stroke=0, fill=1)
        else:
            c.setFillColor(figure_style.SPILLOVER)
            c.setLineWidth(0.9)
            c.circle(self.width / 2, r, r - 0.45, stroke=1, fill=1)
        c.restoreState()


class Ruled(Flowable):
    """Ruled lines filling the rest of the frame: space to write in."""

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.lines = int(availHeight // LINE_SPACING)
        self.height = self.lines * LINE_SPACING
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.35)
        for i in range(self.lines):
            c.line(0, i * LINE_SPACING, self.width, i * LINE_SPACING)
        c.restoreState()
