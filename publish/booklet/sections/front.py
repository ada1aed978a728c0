"""Front matter: cover, title page with credits, contents, and how to use the booklet."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ...deck.study import study_notes
from ..context import Context
from ..flowables import Section, fit
from ..pages import OUTER, TOP, CoverTemplate
from ..paragraph import Paragraph, tie_last_words
from ..refs import Chapter
from ..styles import SANS
from ..text import bold, esc, italic, link, web_link
from .common import box, bullets, chapter_heading, page_link
from .finders import CONDITIONS, OVERVIEW, SYMPTOMS

ABOUT = Chapter("about", "About this booklet")
CONTENTS = Chapter("contents", "Contents")
HOW_TO = Chapter("how-to-use", "How to use this booklet")


def long_date(ctx: Context) -> str:
    d = ctx.content.book.date
    return f"{d.day} {d:%B %Y}"


def cover(ctx: Context) -> list[Flowable]:
    """Title, subtitle and audience at the top; the body map as large as the rest of the page allows,
    centred between them and the band (which carries the edition)."""
    s = ctx.styles
    book = ctx.content.book
    width = ctx.trim.width - 2 * OUTER
    room = ctx.trim.height - CoverTemplate.BAND - 8 * mm - TOP
    text = [Spacer(0, 4), Paragraph(esc(book.title), s.cover_title), Spacer(0, 4),
            Paragraph(tie_last_words(esc(book.subtitle)), s.cover_subtitle)]
    if book.audience:
        text += [Spacer(0, 5), Paragraph(tie_last_words(esc(book.audience)), s.audience)]
    used = sum(f.wrap(width, room)[1] for f in text) + 10
    figure = fit(ctx.art.overview(), width, room - used - 6)
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
        Paragraph(f"{bold(book.title)}: {esc(book.subtitle)}. Edition {esc(book.edition)}, {long_date(ctx)}, "
                  f"by {esc(', '.join(book.authors))}.", s.imprint),
        Paragraph("Credits", s.section),
        *[Paragraph(esc(c), s.imprint) for c in book.credits],
        Spacer(0, 4),
        box([[Paragraph("NOT MEDICAL ADVICE", s.cell_label)], [Paragraph(esc(book.disclaimer), s.cell)]],
            [ctx.trim.frame_width]),
        Paragraph("Licence", s.section),
        Paragraph(licence_text, s.imprint),
        Paragraph("Set in Noto Serif and Noto Sans, used under the SIL Open Font License 1.1.", s.imprint),
    ]


def contents(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    rows = []
    for chapter in ctx.chapters:
        if chapter in (ABOUT, CONTENTS):
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
    s = ctx.styles
    n = len(ctx.content.spots)
    return [
        Section("how to use this booklet"),
        chapter_heading(ctx, HOW_TO.key),
        Paragraph(f"Each of the {n} spot chapters covers one trigger point: the muscle it lies in, where its pain "
                  "is felt, how to find it with your fingers, what pressing on it feels like and how to treat it. "
                  f"Come in from where someone hurts with the symptom finder ({page_link(ctx, SYMPTOMS.key)}), "
                  f"from what they have been told with the condition finder ({page_link(ctx, CONDITIONS.key)}), or "
                  f"from the body maps ({page_link(ctx, OVERVIEW.key)}), which show every spot at once.", s.body),
        Paragraph("Reading the charts", s.section),
        Paragraph("The large figure in each chapter is a referral chart. It shows where the spot sends its pain, "
                  "which is often some distance from the spot itself.", s.body),
        fit(ctx.art.legend(), ctx.trim.frame_width, 40),
        Spacer(0, 6),
        bullets(ctx, [
            f"{bold('Solid, dark areas')} are the essential zone: where nearly everyone with an active trigger "
            "point at this spot feels its pain.",
            f"{bold('Light, dotted areas')} are the spill-over zone: places where only some people feel it.",
            f"{bold('The X')} marks the trigger point. It is drawn on one side only; the same spot exists on "
            "both sides of the body, and either side or both may be active.",
            f"{bold('The close-up')} shows the landmarks used to find the spot: dots for bony points, dashed "
            "lines for edges and borders.",
        ]),
        Paragraph("The at-a-glance box under the chart lists the muscles, the pain areas and the conditions "
                  "the spot is linked to. Related spots at the end of each chapter often act together with it; "
                  "their pages are given, and every page number in this booklet is a link in the PDF.", s.body),
        Paragraph("Pressure and safety", s.section),
        bullets(ctx, [
            "Ask before you press, and agree on a word or signal for \u201cless\u201d. Keep checking in.",
            "Start gently and build up slowly. Aim for a strong but welcome ache that the person recognises as "
            "their own pain. Sharp, burning, electric or numb sensations mean ease off or move.",
            "Tolerance varies enormously between people and between days. Each chapter gives the pressure and "
            "timing that suit its spot.",
            "Do not work on broken or inflamed skin, fresh bruises or injuries, varicose veins, lumps or "
            "swellings that have not been checked, or an area that has become numb or weak.",
            "Some tenderness the next day is common. Pain that lasts or grows is not: stop and ask for advice.",
        ]),
        Paragraph("Flashcards", s.section),
        Paragraph(f"The Anki deck {italic('perfect-spots.apkg')} holds {card_count(ctx)} flashcards drawn from "
                  "the same facts. Open the file with Anki (desktop: File, Import; AnkiDroid: menu, Import; "
                  "AnkiMobile: open the file and choose Anki) and keep the default options; importing a newer "
                  "release updates the cards in place and keeps your reviews. The same cards print on paper "
                  f"from {italic('perfect-spots-cards-a4.pdf')} or {italic('perfect-spots-cards-letter.pdf')}: "
                  "print double-sided at actual size, flip on the long edge, and cut along the marks. Every "
                  "card gives the page of this booklet that explains it.", s.body),
        Paragraph("When to see a clinician", s.section),
        Paragraph(esc(ctx.content.book.disclaimer), s.body),
        Paragraph("A trigger point can imitate other problems, and other problems can imitate a trigger point. "
                  "Refer before treating when pain follows a fall or accident, wakes the person at night, "
                  "comes with general illness, or does not fit the patterns in this booklet. The cautions in "
                  "each chapter add what is specific to that part of the body.", s.body),
    ]


def card_count(ctx: Context) -> int:
    """Cards in the deck built from the same content (and printed on the paper cards)."""
    return sum(len(note.cards) for note in study_notes(ctx.content))
