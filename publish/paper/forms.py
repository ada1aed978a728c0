"""Each figure written once into a PDF as a form (an XObject) and placed wherever a card shows it:
the overview map alone appears on some seventy cards."""
from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group
from reportlab.pdfgen.canvas import Canvas

from ..figures import FigureKey, FigureStore
from .styles import SANS

BLEED = 2.0     # points kept around a drawing's bounds so no stroke is clipped


class Figures:
    """The forms of one PDF, named in the order first used (so the bytes are reproducible); the
    drawings come from the build's figure store."""

    def __init__(self, canvas: Canvas, store: FigureStore):
        self.canvas = canvas
        self.store = store
        self.names: dict[FigureKey, str] = {}

    def drawing(self, key: FigureKey) -> Drawing:
        return self.store.get(key)

    def place(self, key: FigureKey, scale: float, x: float, y: float) -> None:
        """Draw the figure `key` scaled by `scale` with the bottom left of its bounds at (x, y)."""
        x0, y0, _, _ = self.drawing(key).getBounds()
        c = self.canvas
        c.saveState()
        c.translate(x - x0 * scale, y - y0 * scale)
        c.scale(scale, scale)
        c.doForm(self.form(key))
        c.restoreState()

    def form(self, key: FigureKey) -> str:
        """The name of the form holding `key`, made on first use."""
        name = self.names.get(key)
        if name is None:
            name = self.names[key] = f"figure{len(self.names) + 1}"
            drawing = self.drawing(key)
            x0, y0, x1, y1 = drawing.getBounds()
            self.canvas.beginForm(name, x0 - BLEED, y0 - BLEED, x1 + BLEED, y1 + BLEED)
            copy = Drawing(drawing.width, drawing.height, Group(*drawing.contents))
            copy.initialFontName = SANS    # else ReportLab opens every drawing with Helvetica, unembedded
            renderPDF.draw(copy, self.canvas, 0, 0)
            self.canvas.endForm()
        return name
