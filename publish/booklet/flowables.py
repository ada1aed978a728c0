"""Small flowables of our own: section markers, scaled figures, finder dots, lined writing space,
the caution mark."""
from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.shapes import Drawing, Group
from reportlab.lib.units import mm
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import ActionFlowable

from ..figures import style as figure_style
from ..rl_internals import is_dry, name_block
from .styles import CAUTION, RULE, SANS, SANS_BOLD, WHITE

LINE_SPACING = 8 * mm
PANEL_LINE_SPACING = 7 * mm
PANEL_MIN_HEIGHT = 38 * mm     # less room than this at a chapter's end is left blank


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


class NotesPanel(Flowable):
    """A ruled panel with a small label, filling what is left of a chapter's last page; nothing when
    that is too little to write in, or when the chapter ended exactly at a page foot (a fresh page)."""

    def __init__(self, label: str, page_height: float):
        super().__init__()
        self.label = label
        self.page_height = page_height

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        usable = PANEL_MIN_HEIGHT <= availHeight < self.page_height - LINE_SPACING
        self.lines = int((availHeight - 14) // PANEL_LINE_SPACING) if usable else 0
        self.height = 14 + self.lines * PANEL_LINE_SPACING if self.lines else 0
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return []

    def draw(self):
        if not self.lines:
            return
        c = self.canv
        c.saveState()
        c.setFillColor(RULE)
        c.setFont(SANS_BOLD, 7)
        c.drawString(0, self.height - 7, self.label.upper())
        c.setStrokeColor(RULE)
        c.setLineWidth(0.35)
        c.line(0, self.height - 10, self.width, self.height - 10)
        for i in range(self.lines):
            c.line(0, i * PANEL_LINE_SPACING, self.width, i * PANEL_LINE_SPACING)
        c.restoreState()


class CautionMark(Flowable):
    """A warning triangle with an exclamation mark: a shape that reads as a warning in grayscale too."""

    def __init__(self, size: float = 9):
        super().__init__()
        self.width = self.height = size

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        c, w = self.canv, self.width
        c.saveState()
        c.setFillColor(CAUTION)
        path = c.beginPath()
        path.moveTo(0, 0)
        path.lineTo(w, 0)
        path.lineTo(w / 2, w * 0.92)
        path.close()
        c.drawPath(path, stroke=0, fill=1)
        c.setFillColor(WHITE)
        c.setFont(SANS_BOLD, w * 0.7)
        c.drawCentredString(w / 2, w * 0.1, "!")
        c.restoreState()
