"""Front matter: cover, title page with credits, contents, and how to use the booklet."""
from __future__ import annotations

from typing import Sequence

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ...editions import CARD_PAPERS, DECK_FILE, cards_file
from ...model import GuideSection, Lead
from ...study import card_count
from ...wording import filled
from ..context import Context
from ..flowables import Section, fit
from ..pages import COVER_ROOM
from ..paragraph import Paragraph, tie_last_words
from ..refs import Chapter
from ..styles import SANS
from ..text import bold, esc, italic, link, web_link
from .common import box, bullets, chapter_heading, page_link
from .finders import CONDITIONS, OVERVIEW, SYMPTOMS

ABOUT = Chapter("about", "booklet.chapter.about")
CONTENTS = Chapter("contents", "booklet.chapter.contents")
HOW_TO = Chapter("how-to-use", "booklet.chapter.how_to")


def long_date(ctx: Context) -> str:
    return ctx.content.labels.long_date(ctx.content.book.date)


def cover(ctx: Context) -> list[Flowable]:
    """Title, subtitle and audience at the top; the body map as large as the rest of the page allows,
    centred between them and the band (which carries the edition)."""
    s = ctx.styles
    book = ctx.content.book
    width = ctx.trim.cover_width
    room = COVER_ROOM
    text = [Spacer(0, 4), Paragraph(esc(book.title), s.cover_title), Spacer(0, 4),
            Paragraph(tie_last_words(esc(book.subtitle)), s.cover_subtitle)]
    if book.audience:
        text += [Spacer(0, 5), Paragraph(tie_last_words(esc(book.audience)), s.audience)]
    used = sum(f.wrap(width, room)[1] for f in text) + 10
    figure = fit(ctx.art.overview((width, room - used - 6)), width, room - used - 6)
    gap = (room - used - figure.height) / 2
    return [Section("the cover"), *text, Spacer(0, 10 + gap), figure]


def about(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    book = ctx.content.book
    licence = book.licence
    licence_text = f"{bold(licence.name)}. {esc(licence.summary)}"
    if licence.url:
        licence_text += f" {web_link(licence.url, licence.url)}"
    return [
        Section("the title page"),
        chapter_heading(ctx, ABOUT.key),
        Paragraph(ctx.content.labels.text("booklet.imprint", title=bold(book.title), subtitle=esc(book.subtitle),
                                           edition=esc(book.edition), date=long_date(ctx),
                                           authors=esc(', '.join(book.authors))), s.imprint),
        Paragraph(ctx.content.labels.text("booklet.credits"), s.section),
        *[Paragraph(esc(c), s.imprint) for c in book.credits],
        Spacer(0, 4),
        box([[Paragraph(ctx.content.labels.text("booklet.not_medical_advice"), s.cell_label)], [Paragraph(esc(book.disclaimer), s.cell)]],
            [ctx.trim.frame_width]),
        Paragraph(ctx.content.labels.text("booklet.licence"), s.section),
        Paragraph(licence_text, s.imprint),
        Paragraph(ctx.content.labels.text("booklet.fonts"), s.imprint),
    ]


def contents(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    rows = []
    for chapter in ctx.chapters:
        if chapter.key in (ABOUT.key, CONTENTS.key):
            continue
        style = s.toc_spot if chapter.level else s.toc
        title = (f"{bold(str(chapter.spot))}\u2002{esc(ctx.content.spot(chapter.spot).title)}" if chapter.spot
                 else bold(chapter.title))
        rows.append([Paragraph(link(title, chapter.key), style),
                     Paragraph(link(ctx.page(chapter.key), chapter.key), s.toc_page)])
    table = Table(rows, colWidths=[ctx.trim.frame_width - 24, 24], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return [Section("the contents"), chapter_heading(ctx, CONTENTS.key), Spacer(0, 6), table]


def how_to_use(ctx: Context) -> list[Flowable]:
    """The guide from guide.yaml, its placeholders filled with counts and linked pages."""
    s = ctx.styles
    guide = ctx.content.guide
    number = ctx.content.labels.number
    values = {"spots": number(len(ctx.content.spots)), "cards": number(_card_count(ctx)),
              "symptom_finder": page_link(ctx, SYMPTOMS.key), "condition_finder": page_link(ctx, CONDITIONS.key),
              "maps": page_link(ctx, OVERVIEW.key), "deck_file": italic(DECK_FILE),
              "card_files": ctx.content.labels.join((italic(cards_file(p)) for p in CARD_PAPERS), "common.or")}

    def para(text: str) -> Paragraph:
        return Paragraph(_filled(text, values), s.body)

    def section(part: GuideSection, *, after_paragraphs: Sequence[Flowable] = (),
                first: Sequence[Flowable] = ()) -> list[Flowable]:
        story = [Paragraph(esc(part.heading), s.section), *first, *map(para, part.paragraphs), *after_paragraphs]
        if part.points:
            story.append(bullets(ctx, [_point(p, values) for p in part.points]))
        return story + [para(text) for text in part.closing]

    return [
        Section("how to use this booklet"),
        chapter_heading(ctx, HOW_TO.key),
        *map(para, guide.introduction),
        *section(guide.charts, after_paragraphs=[fit(ctx.art.legend(), ctx.trim.frame_width, 40), Spacer(0, 6)]),
        *section(guide.safety),
        *section(guide.flashcards),
        *section(guide.clinician, first=[Paragraph(esc(ctx.content.book.disclaimer), s.body)]),
    ]


def _filled(text: str, values: dict[str, str]) -> str:
    return filled(text, values, esc)


def _point(point: str | Lead, values: dict[str, str]) -> str:
    if isinstance(point, Lead):
        return f"{bold(point.lead)} {_filled(point.text, values)}"
    return _filled(point, values)


def _card_count(ctx: Context) -> int:
    """Cards in the deck built from the same content (and printed on the paper cards)."""
    return card_count(ctx.content)
