"""A print-and-cut PDF: for each sheet a page of fronts, then a page of backs in mirrored places.
Each laid-out side is drawn once as a form and placed in its slot."""
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
from . import styles
from .faces import Mark, PaperCard, draw, figure_keys
from .forms import Figures
from .sheet import CARD_HEIGHT, CARD_WIDTH, MARK_GAP, MARK_LENGTH, Paper, Rect, Sheet

MARK_WIDTH = 0.3
SIDES = ("fronts", "backs")


def write_cards(cards: list[PaperCard], book: Book, paper: Paper, path: Path, epoch: int,
                store: FigureStore, labels: Labels) -> int:
    """Write the laid-out `cards` to `path`; returns the number of sheets."""
    register()
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
            for slot, card in enumerate(batch):
                face = card.front if side == "fronts" else card.back
                place = sheet.front(slot) if side == "fronts" else sheet.back(slot)
                _place(canvas, figures, face, place, f"card{(number - 1) * sheet.per_sheet + slot + 1}-{side}")
            _margins(canvas, sheet, labels.text("paper.sheet", title=book.title, number=number, count=len(batches),
                                                side=labels.text("paper." + side)),
                     _guide(labels, side, number, len(cards), len(batches), sheet.per_sheet))
            canvas.showPage()
    canvas.save()
    return len(batches)


def _guide(labels: Labels, side: str, sheet: int, cards: int, sheets: int, per_sheet: int) -> str:
    """What to do with the page; the first sheet also says how many cards and sheets make the set."""
    guide = labels.text(f"paper.{side}_guide")
    if sheet > 1:
        return guide
    last = cards - (sheets - 1) * per_sheet
    made = (labels.text("paper.set_many", cards=cards, sheets=sheets) if sheets > 1
            else labels.text("paper.set_one", cards=cards))
    if sheets > 1 and last < per_sheet:
        made = labels.text("paper.set_last", set=made, last=last)
    return f"{made} \u00b7 {guide}"


def _place(canvas: Canvas, figures: Figures, face: tuple[Mark, ...], place: Rect, name: str) -> None:
    """Draw `face` once as a form (its figures' forms made first: forms do not nest while being made)
    and place it at `place`."""
    for key in figure_keys(face):
        figures.form(key)
    canvas.beginForm(name, 0, 0, CARD_WIDTH, CARD_HEIGHT)
    draw(canvas, figures, face)
    canvas.endForm()
    canvas.saveState()
    canvas.translate(place.x, place.y)
    canvas.doForm(name)
    canvas.restoreState()


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
