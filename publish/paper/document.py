"""A print-and-cut PDF: for each sheet a page of fronts, then a page of backs in mirrored places."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import PDFName
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from .. import __version__
from ..figures import FigureStore
from ..fonts import register
from ..model import Book, Labels
from ..rl_internals import fix_date
from ..study.cards import Note
from . import styles
from .card import draw_back, draw_front
from .forms import Figures
from .sheet import CARD_WIDTH, MARK_GAP, MARK_LENGTH, Paper, Sheet

MARK_WIDTH = 0.3
SIDES = ("fronts", "backs")


def write_cards(notes: tuple[Note, ...], book: Book, paper: Paper, path: Path, epoch: int,
                store: FigureStore, labels: Labels) -> int:
    """Write every card of `notes` to `path`; returns the number of sheets."""
    register()
    cards = [(note, card) for note in notes for card in note.cards]
    sheet = Sheet(paper)
    batches = [cards[i:i + sheet.per_sheet] for i in range(0, len(cards), sheet.per_sheet)]
    canvas = Canvas(str(path), pagesize=(paper.width, paper.height), invariant=1, lang=book.language,
                    initialFontName=styles.SANS, initialFontSize=8)
    fix_date(canvas, epoch)
    figures = Figures(canvas, store)
    canvas.setTitle(labels.text("paper.title", title=book.title, paper=paper.name))
    canvas.setAuthor(", ".join(book.authors))
    canvas.setSubject(labels.text("paper.subject", count=len(cards)))
    canvas.setCreator(f"Perfect Spots publisher {__version__}")
    canvas.setViewerPreference("Duplex", PDFName("DuplexFlipLongEdge"))   # print dialogs preset from these
    canvas.setViewerPreference("PrintScaling", PDFName("None"))           # scaling would misalign the backs
    for number, batch in enumerate(batches, 1):
        for side in SIDES:
            for slot, (note, card) in enumerate(batch):
                if side == "fronts":
                    draw_front(canvas, figures, sheet.front(slot), card)
                else:
                    draw_back(canvas, figures, sheet.back(slot), note, card, labels)
            _margins(canvas, sheet, labels.text("paper.sheet", title=book.title, number=number, count=len(batches),
                                                side=labels.text("paper." + side)),
                     labels.text(f"paper.{side}_guide"))
            canvas.showPage()
    canvas.save()
    return len(batches)


def _margins(canvas: Canvas, sheet: Sheet, left: str, right: str) -> None:
    """Cut marks, and a line under each column of the bottom row, between the marks."""
    canvas.saveState()
    canvas.setStrokeColor(styles.MARK)
    canvas.setLineWidth(MARK_WIDTH)
    for x1, y1, x2, y2 in sheet.cut_marks():
        canvas.line(x1, y1, x2, y2)
    canvas.restoreState()
    for column, text in enumerate((left, right)):
        line = Paragraph(escape(text), styles.margin())
        line.wrap(CARD_WIDTH, 20)
        line.drawOn(canvas, sheet.left + column * CARD_WIDTH, sheet.bottom - MARK_GAP - MARK_LENGTH)
