"""The last pages: lined notes pages (as many as make the page count a multiple of 4) and the back cover."""
from __future__ import annotations

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer, Table, TableStyle

from ...editions import CARD_PAPERS, DECK_FILE, cards_file
from ...study import card_count
from ..context import Context
from ..flowables import Ruled, Section
from ..paragraph import Paragraph, tie_last_words
from ..refs import Chapter
from ..styles import SANS, TINT_LINE
from ..text import bold, esc, italic, mark, web_link

NOTES = Chapter("notes", "booklet.chapter.notes")


def notes_pages(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = [Section("the notes pages"), NextPageTemplate("body")]
    story += [PageBreak(), Paragraph(mark(NOTES.key) + ctx.chapter(NOTES.key).title, s.title), Ruled()]
    for _ in range(ctx.notes_pages - 1):
        story += [PageBreak(), Ruled()]
    return story


def back_cover(ctx: Context) -> list[Flowable]:
    """The spots at a glance, where the deck and cards come from, the not-medical-advice note, the licence."""
    s = ctx.styles
    book = ctx.content.book
    spots = ctx.content.spots
    half = (len(spots) + 1) // 2
    cells = [Paragraph(f"{bold(str(spot.number))}\u2002{tie_last_words(esc(spot.title))}", s.cell) for spot in spots]
    table = Table([[cells[i], cells[i + half] if i + half < len(cells) else ""] for i in range(half)],
                  colWidths=[ctx.trim.cover_width / 2] * 2)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.3, TINT_LINE)]))
    licence = f"{bold(book.licence.name)}. {esc(book.licence.summary)}"
    if book.licence.url:
        licence += f" {web_link(book.licence.url, book.licence.url)}"
    deck = ctx.content.labels.text("booklet.deck_source", deck=italic(DECK_FILE), cards=card_count(ctx.content),
                                     cards_pdf=ctx.content.labels.join((italic(cards_file(p)) for p in CARD_PAPERS), "common.or"))
    return [
        Section("the back cover"),
        NextPageTemplate("back"),
        PageBreak(),
        Paragraph(esc(book.title), s.title),
        Paragraph(tie_last_words(esc(book.subtitle)), s.lead),
        Paragraph(ctx.content.labels.text("booklet.back_spots", count=len(spots)), s.section),
        table,
        Paragraph(ctx.content.labels.text("booklet.flashcards"), s.section),
        Paragraph(deck, s.imprint),
        Paragraph(ctx.content.labels.text("booklet.licence"), s.section),
        Paragraph(licence, s.imprint),
        Spacer(0, 4),
        Paragraph(esc(book.disclaimer), s.imprint),
    ]
