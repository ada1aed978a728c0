"""The booklet PDFs read back as a reader's software reads them (pikepdf and pypdfium2, never through our
code): page texts, character boxes and sizes, the outline and the links; and the trims' sizes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from publish.booklet.pages import BOTTOM, TOP

CONTENT = Path(__file__).resolve().parent.parent / "content"
MM = 72 / 25.4
TRIMS = {"a5": (148 * MM, 210 * MM), "half-letter": (5.5 * 72, 8.5 * 72)}
BASE14 = {"Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
          "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
          "Times-BoldItalic", "Symbol", "ZapfDingbats"}
HEADING_SIZE = 14       # chapter titles are set larger than this, running text smaller
SECTION_SIZE = 10.5     # section headings are set this size or larger
SAFE = 3 * MM           # nothing printed closer than this to the trim edge
OVERHANG = 1.0          # a glyph's ink may pass its advance width by this much (the hook of an f)


def norm(text: str) -> str:
    """Text compared as a reader reads it: hyphenation undone, case and spacing ignored."""
    text = re.sub(r"[\ufffe\x02\-\u00ad]\s*", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def flat(text: str) -> str:
    """Text with line breaks (and the hyphens pdfium marks at them) undone, case kept."""
    return re.sub(r"\s+", " ", re.sub(r"\ufffe\s*", "", text))


@dataclass
class Page:
    number: int
    width: float
    height: float
    text: str
    chars: list[tuple[str, float, tuple[float, float, float, float]]]   # char, font size, box

    @cached_property
    def body_text(self) -> str:
        """The text between the top and bottom margins: no running head, no folio."""
        return "".join(ch for ch, _, box in self.chars
                       if ch in "\r\n" or BOTTOM <= box[1] and box[3] <= self.height - TOP)

    @cached_property
    def headings(self) -> str:
        """All text set in heading sizes, in reading order."""
        return norm("".join(ch if size > HEADING_SIZE else " " for ch, size, _ in self.chars))


class Booklet:
    """One PDF, read once: page texts, character boxes and sizes, outline, links."""

    def __init__(self, path: Path):
        self.path = path
        self.pdf = pikepdf.open(path)
        doc = pdfium.PdfDocument(path)
        self.pages: list[Page] = []
        for i in range(len(doc)):
            tp = doc[i].get_textpage()
            chars = []
            for c in range(tp.count_chars()):
                ch = chr(pdfium_c.FPDFText_GetUnicode(tp.raw, c))
                chars.append((ch, pdfium_c.FPDFText_GetFontSize(tp.raw, c), tp.get_charbox(c)))
            self.pages.append(Page(i + 1, doc[i].get_width(), doc[i].get_height(), tp.get_text_range(), chars))
        self.doc = doc

    def page(self, number: int) -> Page:
        return self.pages[number - 1]

    @cached_property
    def outline(self) -> list[tuple[str, int, int]]:
        """(title, level, page) of every outline entry, in order."""
        index = {page.objgen: i + 1 for i, page in enumerate(self.pdf.pages)}
        out = []

        def walk(items, level):
            for item in items:
                out.append((item.title, level, index[item.destination[0].objgen]))
                walk(item.children, level + 1)
        with self.pdf.open_outline() as outline:
            walk(outline.root, 0)
        return out

    def chapter_page(self, title: str) -> int:
        return next(page for t, _, page in self.outline if t == title)

    def links(self, number: int) -> list[tuple[str, int]]:
        """(text under the link, destination page) of each internal link on a page."""
        index = {page.objgen: i + 1 for i, page in enumerate(self.pdf.pages)}
        tp = self.doc[number - 1].get_textpage()
        out = []
        for annot in self.pdf.pages[number - 1].get("/Annots", []):
            if annot.get("/Subtype") != "/Link" or "/Dest" not in annot:
                continue
            x0, y0, x1, y1 = (float(v) for v in annot.Rect)
            out.append((tp.get_text_bounded(x0, y0, x1, y1), index[annot.Dest[0].objgen]))
        return out
