"""The first page of a spot chapter: number and title, summary, the referral chart and under it
the at-a-glance box (muscles, pain areas, conditions, references), the chart sized to fill the page."""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ...model import Content, Spot
from ..context import Context
from ..flowables import fit, named
from ..marks import glance_key, spot_key
from ..paragraph import Paragraph, tie_last_words
from ..refs import Chapter
from ..styles import ACCENT, SANS
from ..text import bold, capital, esc, list_of_names, mark
from .common import BOX_PADDING, box, cite

BADGE = 34
LABEL_WIDTH = 62
GAP = 6
KEY_GAP = 3                         # between the chart and its key
SLACK = 14                          # points kept free for rounding and paragraph spacing
FIGURE_MIN, FIGURE_MAX = 0.3, 0.56  # of the frame height, for the chart


def chapters(content: Content) -> list[Chapter]:
    text = content.labels.text
    return [Chapter(spot_key(s), text("common.spot_line", number=s.number, title=s.title), level=1,
                    running=text("booklet.running_head", number=s.number, title=s.title),
                    spot=s.number, slot=i) for i, s in enumerate(content.spots)]


def opening(ctx: Context, spot: Spot) -> list[Flowable]:
    width, height = ctx.trim.frame_width, ctx.trim.frame_height
    title, summary, glance = _title(ctx, spot), Paragraph(esc(spot.summary), ctx.styles.lead), _glance(ctx, spot)
    used = sum(f.wrap(width, height)[1] for f in (title, summary, glance)) + summary.style.spaceAfter + 2 * GAP
    key = fit(ctx.art.legend(), width, height)
    room = min(FIGURE_MAX * height, max(FIGURE_MIN * height, height - used - SLACK)) - key.height - KEY_GAP
    return [title, Spacer(0, GAP), summary, fit(ctx.art.referral(spot, (width, room)), width, room), Spacer(0, KEY_GAP), key,
            Spacer(0, GAP), named(KeepTogether([glance]), "its at-a-glance box")]


def _title(ctx: Context, spot: Spot) -> Table:
    s = ctx.styles
    text = [Paragraph(ctx.content.labels.text("booklet.kicker"), s.kicker),
            Paragraph(mark(spot_key(spot)) + tie_last_words(esc(spot.title)), s.title),
            Paragraph(tie_last_words(esc(capital(spot.place))), s.place)]
    table = Table([[Paragraph(str(spot.number), s.badge), text]], colWidths=[BADGE, ctx.trim.frame_width - BADGE],
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("BACKGROUND", (0, 0), (0, 0), ACCENT),
        ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
        ("VALIGN", (1, 0), (1, 0), "TOP"),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("RIGHTPADDING", (0, 0), (0, 0), 0),
        ("LEFTPADDING", (1, 0), (1, 0), 9),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _glance(ctx: Context, spot: Spot) -> Table:
    """At a glance: muscles, pain areas, conditions and references as label / value rows."""
    s = ctx.styles
    regions, conditions, text = ctx.content.regions, ctx.content.conditions, ctx.content.labels.text

    names: list[str] = []

    def row(label: str, paragraphs: list[str], key: str | None = None) -> list:
        first = mark(key) if key else ""
        names.append(label.upper())
        return [Paragraph(label.upper(), s.cell_label),
                [Paragraph((first if i == 0 else "") + p, s.cell_item) for i, p in enumerate(paragraphs)]]

    muscles = [bold(m.name) + (f" \u2013 {esc(m.detail)}" if m.detail else "") for m in spot.muscles]
    essential = ", ".join(esc(regions[r].label) for r in spot.pain.essential)
    spill = ", ".join(esc(regions[r].label) for r in spot.pain.spillover) or text("common.no_spillover")
    rows = [
        row(text("common.muscles_row"), muscles, glance_key(spot, "muscles")),
        row(text("common.pain_row"), [f"{bold(text('common.essential'))} {essential}",
                                      f"{bold(text('common.spillover'))} {spill}"], glance_key(spot, "pain")),
    ]
    if spot.conditions:
        rows.append(row(text("common.conditions_row"), [list_of_names(conditions[c].name for c in spot.conditions)],
                        glance_key(spot, "conditions")))
    cited = _citations(spot)
    if cited:
        parts = {m.reference.id: m.reference.part for m in spot.muscles if m.reference}
        rows.append(row(text("common.references_row" if len(cited) > 1 else "common.reference_row"),
                        ["; ".join(cite(ctx, r, parts.get(r)) for r in cited)]))
    width = ctx.trim.frame_width
    label_width = max([LABEL_WIDTH] + [stringWidth(n, s.cell_label.fontName, s.cell_label.fontSize) + 2 * BOX_PADDING + 1
                                       for n in names])     # a longer row name (another language) widens the column
    return named(box(rows, [label_width, width - label_width]), "its at-a-glance box")


def _citations(spot: Spot) -> list[str]:
    """The spot's reference ids, textbook chapters (from its muscles) first, each once."""
    ids = [m.reference.id for m in spot.muscles if m.reference]
    return list(dict.fromkeys(ids + list(spot.references)))
