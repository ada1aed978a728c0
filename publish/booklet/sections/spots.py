"""One chapter per spot: its opening (opening.py), then find / feel / treat / cautions, the
long-form feature where there is one, and related spots with their pages."""
from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ...model import NoteRef, Spot
from ..context import Context
from ..flowables import CautionMark, NotesPanel, Section, fit, named
from ..marks import cite_key, ref_key
from ..paragraph import Paragraph
from ..styles import CAUTION, CAUTION_TINT, SANS
from ..text import bold, esc, link, mark
from .common import box, bullets, heading, reference_number, spot_link
from .opening import opening

FIGURE_SHARE = 0.46     # of the frame width, for the locator figure beside the steps


def chapter(ctx: Context, spot: Spot) -> list[Flowable]:
    story: list[Flowable] = [Section(f"Spot {spot.number} ({spot.title})"), *opening(ctx, spot)]
    story += _find(ctx, spot)
    story += [*heading(ctx, ctx.content.labels.text("booklet.feel")), Paragraph(esc(spot.feel), ctx.styles.body)]
    story += _treat(ctx, spot)
    story += _cautions(ctx, spot)
    story += _red_flags(ctx, spot)
    story += _feature(ctx, spot)
    story += _related(ctx, spot)
    return story + [NotesPanel(ctx.content.labels.text("booklet.my_notes"), ctx.trim.frame_height)]


def _find(ctx: Context, spot: Spot) -> list[Flowable]:
    s = ctx.styles
    text = [Paragraph(ctx.content.labels.text("booklet.landmarks"), s.subsection), bullets(ctx, [esc(x) for x in spot.locate.landmarks]),
            Paragraph(ctx.content.labels.text("booklet.steps"), s.subsection), bullets(ctx, [esc(x) for x in spot.locate.steps], numbered=True)]
    if spot.locator is None:
        return [*heading(ctx, ctx.content.labels.text("booklet.finding")), *text]
    width = ctx.trim.frame_width
    figure = fit(ctx.art.locator(spot), FIGURE_SHARE * width, 0.4 * ctx.trim.frame_height)
    table = Table([[text, figure]], colWidths=[(1 - FIGURE_SHARE) * width, FIGURE_SHARE * width], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, 0), 0), ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
                               ("RIGHTPADDING", (0, 0), (0, 0), 8)]))
    return [*heading(ctx, ctx.content.labels.text("booklet.finding"), with_next=True), named(table, "its landmarks and steps beside the close-up")]


def _treat(ctx: Context, spot: Spot) -> list[Flowable]:
    s = ctx.styles
    t = spot.treat
    parts = ((label, getattr(t, label)) for label in ("pressure", "duration", "self_massage", "avoid"))
    return [*heading(ctx, ctx.content.labels.text("booklet.treating"))] + [Paragraph(f"{bold(ctx.content.labels.text('booklet.' + label))} {esc(text)}", s.body) for label, text in parts]


def _cautions(ctx: Context, spot: Spot) -> list[Flowable]:
    """The cautions in a warm box with a warning mark, unlike every other (cool) box."""
    if not spot.cautions:
        return []
    s = ctx.styles
    label = Paragraph(ctx.content.labels.text("booklet.caution" if len(spot.cautions) == 1 else "booklet.cautions").upper(), s.caution_label)
    title = Table([[CautionMark(), label]], colWidths=[13, None], hAlign="LEFT")
    title.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    rows = [[title]] + [[Paragraph(esc(c), s.cell)] for c in spot.cautions]
    colours = [("BACKGROUND", (0, 0), (-1, -1), CAUTION_TINT), ("BOX", (0, 0), (-1, -1), 0.6, CAUTION),
               ("LINEBEFORE", (0, 0), (0, -1), 3, CAUTION)]
    return [Spacer(0, 4), named(box(rows, [ctx.trim.frame_width], colours), "its cautions box")]


def _red_flags(ctx: Context, spot: Spot) -> list[Flowable]:
    """Each red-flag list the spot names, printed from its one definition in guide.yaml."""
    s = ctx.styles
    story: list[Flowable] = []
    for flags in ctx.content.red_flags(spot):
        rows = [[Paragraph(esc(flags.heading.upper()), s.cell_label)], [Paragraph(esc(flags.intro), s.cell)]]
        rows += [[Paragraph(f"\u2022\u2002{esc(sign)}", s.cell)] for sign in flags.signs]
        table = box(rows, [ctx.trim.frame_width])
        table.repeatRows = 2        # split between signs if it must, heading and advice repeated on the next page
        story += [Spacer(0, 4), named(table, f"its {flags.heading}")]
    return story


def _feature(ctx: Context, spot: Spot) -> list[Flowable]:
    """The long-form sections, with numbered note markers linked to the reference list."""
    story: list[Flowable] = []
    for i, section in enumerate(spot.feature):
        story += heading(ctx, section.heading, kicker=ctx.content.labels.text("booklet.in_depth") if i == 0 else None)
        for j, paragraph in enumerate(section.paragraphs):
            story.append(Paragraph("".join(_run(ctx, spot, run, (i, j, k)) for k, run in enumerate(paragraph)),
                                   ctx.styles.body))
    return story


def _run(ctx: Context, spot: Spot, run: str | NoteRef, where: tuple[int, int, int]) -> str:
    if isinstance(run, str):
        return esc(run)
    number = reference_number(ctx, run.ref)
    return mark(cite_key(spot, *where)) + f"<super>{link(str(number), ref_key(run.ref))}</super>"


def _related(ctx: Context, spot: Spot) -> list[Flowable]:
    if not spot.related:
        return []
    entries = [Paragraph(ctx.content.labels.text("booklet.related_entry", title=bold(ctx.content.spot(rel.spot).title),
                                   link=spot_link(ctx, rel.spot), why=esc(rel.why)),
                         ctx.styles.body) for rel in spot.related]
    return [named(KeepTogether([*heading(ctx, ctx.content.labels.text("booklet.related"), with_next=True), *entries]), "its related spots")]
