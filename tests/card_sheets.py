"""The print-and-cut card PDFs read back as a student's software reads them (pypdfium2): the grid found
from the cut marks, the text in each cell, and each card's front with the back behind it."""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

EPOCH = 1_700_000_000


def norm(text: str) -> str:
    """Text as read: line breaks (and hyphens pdfium marks at them) undone, list bullets and numbers dropped."""
    text = re.sub(r"[\ufffe\x02]", "", text).replace("-\r\n", "-")
    text = re.sub(r"(^|\n)\s*(\u2022|\d+\.)\s", r"\1", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Cell:
    row: int
    column: int
    x0: float
    y0: float
    x1: float
    y1: float


class Sheets:
    """One card PDF: its grid (found from the cut marks) and the text in each cell of each page."""

    def __init__(self, path: Path):
        self.path = path
        self.doc = pdfium.PdfDocument(path)
        self.width, self.height = self.doc[0].get_size()

    def marks(self, index: int) -> list[tuple[float, float, float, float]]:
        """Thin stroked lines drawn on the page itself (figures are forms, answer boxes are wide)."""
        paths = self.doc[index].get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=0)
        return [b for b in (p.get_bounds() for p in paths) if min(b[2] - b[0], b[3] - b[1]) < 1]

    def cells(self, index: int) -> list[Cell]:
        marks = self.marks(index)
        xs = sorted({round((m[0] + m[2]) / 2, 2) for m in marks if m[2] - m[0] < 1})
        ys = sorted({round((m[1] + m[3]) / 2, 2) for m in marks if m[3] - m[1] < 1}, reverse=True)
        return [Cell(r, c, xs[c], ys[r + 1], xs[c + 1], ys[r]) for r in range(len(ys) - 1) for c in range(len(xs) - 1)]

    def text(self, index: int, cell: Cell) -> str:
        return self.doc[index].get_textpage().get_text_bounded(cell.x0, cell.y0, cell.x1, cell.y1)

    def first_char(self, index: int, cell: Cell) -> tuple[float, float] | None:
        """Origin (x, baseline) of the first character of the top line in `cell`: where its card's text starts."""
        textpage = self.doc[index].get_textpage()
        x, y = ctypes.c_double(), ctypes.c_double()
        origins = []
        for i in range(textpage.count_chars()):
            left, _, right, _ = textpage.get_charbox(i)
            pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, x, y)
            if right > left and cell.x0 < x.value < cell.x1 and cell.y0 < y.value < cell.y1:
                origins.append((x.value, y.value))
        if not origins:
            return None
        top = max(b for _, b in origins)
        return min(a for a, b in origins if b == top), top

    def pairs(self) -> list[tuple[str, str]]:
        """(front text, back text) of every card: the back read from the front's mirrored cell."""
        found = []
        for front in range(0, len(self.doc), 2):
            cells = self.cells(front)
            columns = max(c.column for c in cells) + 1
            for cell in cells:
                mirrored = next(c for c in cells if c.row == cell.row and c.column == columns - 1 - cell.column)
                front_text = norm(self.text(front, cell))
                if front_text:
                    found.append((front_text, norm(self.text(front + 1, mirrored))))
        return found
