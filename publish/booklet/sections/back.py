"""The last pages: lined notes pages (as many as make the page count a multiple of 4) and the back cover."""
from __future__ import annotations

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer, Table, TableStyle

from ..context import Context
from ..paragraph import Paragraph
from ..flowables import Ruled, Section
from ..pages import OUTER
from ..refs import Chapter
from ..styles import SANS
from ..text import bold, esc, mark

NOTES = Chapter("notes", "Notes")


def notes_pages(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = [Section("the notes pages"), NextPageTemplate("body")]
    for i in range(ctx.notes_pages):
        story += [PageBreak(), Paragraph((mark(NOTES.key) if i == 0 else "") + NOTES.title, s.title), Ruled()]
    return story


def back_cover(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    book = ctx.content.book
    spots = ctx.content.spots
    half = (len(spots) + 1) // 2
    cells = [Paragraph(f"{bold(str(spot.number))}\u2002{esc(spot.title)}", s.cell) for spot in spots]
    table = Table([[cells[i], cells[i + half] if i + half < len(cells) else ""] for i in range(half)],
                  colWidths=[(ctx.trim.width - 2 * OUTER) / 2] * 2)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [
        Section("the back cover"),
        NextPageTemplate("back"),
        PageBreak(),
        Paragraph(esc(book.title), s.title),
        Paragraph(esc(book.subtitle), s.lead),
        Spacer(0, 6),
        Paragraph(f"The {len(spots)} spots", s.section),
        table,
        Spacer(0, 10),
        Paragraph(esc(book.disclaimer), s.imprint),
        Paragraph(f"{bold(book.licence.name)}. {esc(book.licence.summary)}", s.imprint),
    ]
