"""Building blocks shared by the sections: headings with marks, page references, boxes, lists."""
from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import CondPageBreak, Flowable, ListFlowable, ListItem, Table, TableStyle

from ...model import Reference
from ..context import Context
from ..marks import ref_key, spot_key
from ..paragraph import Paragraph, tie_last_words
from ..styles import ACCENT, RULE, SANS, SANS_BOLD, TINT, TINT_LINE
from ..text import esc, link, mark

BOX_PADDING = 6
LIST_INDENT = 12
CELL_PADDING = 2.5      # left and right, in the charts


def chapter_heading(ctx: Context, key: str) -> Paragraph:
    """A chapter's title, carrying the chapter's mark (outline entry, contents target, running head)."""
    return Paragraph(mark(key) + tie_last_words(esc(ctx.chapter(key).title)), ctx.styles.title)


def heading(ctx: Context, text: str, *, with_next: bool = False, kicker: str | None = None) -> list[Flowable]:
    """A section heading (content text) that never ends a page.

    Before paragraphs it asks for room for itself and three lines, so the paragraph may still
    split; `with_next` keeps it with the whole next flowable instead (for tables, which cannot split).
    """
    s = ctx.styles
    markup = (f"<font name='{s.kicker.fontName}' size='{s.kicker.fontSize}'>{esc(kicker)}</font><br/>" if kicker
              else "") + esc(text)
    if with_next:
        return [Paragraph(markup, s.section)]
    room = s.section.spaceBefore + s.section.leading * 3 + s.body.leading * 3
    return [CondPageBreak(room), Paragraph(markup, s.section_free)]


def page_link(ctx: Context, key: str) -> str:
    """'p. 31' linked to mark `key`."""
    return link(ctx.content.labels.text("common.page", page=ctx.page(key)), key)


def spots_with_pages(ctx: Context, numbers: Sequence[int], notes: dict[int, str] | None = None) -> str:
    """'Spots 2 (p. 15), 6 (p. 27) and 12 (p. 50)', each linked to its chapter; `notes` adds text
    inside a spot's brackets."""
    notes = notes or {}
    page = ctx.content.labels.text
    parts = [link(f"{n}\u00a0(" + page("common.page", page=ctx.page(spot_key(n))).replace(" ", "\u00a0"), spot_key(n)) + (f"; {notes[n]}" if n in notes else "") + ")"
             for n in numbers]
    return ctx.content.labels.text("booklet.spot_many" if len(parts) > 1 else "booklet.spot_one") + f"\u00a0{ctx.content.labels.join(parts)}"


def spot_link(ctx: Context, number: int) -> str:
    """'Spot 13, p. 31' linked to the chapter of spot `number`."""
    return link(ctx.content.labels.text("booklet.spot_page", number=number, page=ctx.page(spot_key(number))), spot_key(number))


def reference_number(ctx: Context, ref_id: str) -> int:
    """References are numbered in the order of references.yaml."""
    return list(ctx.content.references).index(ref_id) + 1


def short_citation(ref: Reference) -> str:
    """'Travell JG, Simons DG' + 1992 -> 'Travell & Simons 1992'; three or more authors -> 'Simons et al.'."""
    names = [a.strip() for a in ref.authors.split(",") if a.strip()]
    surnames = [n.split()[0] for n in names]
    if "et al." in ref.authors or len(surnames) > 2:
        who = f"{surnames[0]} et al."
    else:
        who = " & ".join(surnames)
    return f"{who} {ref.year}"


def cite(ctx: Context, ref_id: str, part: str | None = None) -> str:
    """A short citation with its reference number, linked to the reference list."""
    ref = ctx.content.references[ref_id]
    text = esc(short_citation(ref)) + (f", {esc(part)}" if part else "")
    return f"{text} {link(f'[{reference_number(ctx, ref_id)}]', ref_key(ref_id))}"


def bullets(ctx: Context, items: Sequence[str], numbered: bool = False) -> ListFlowable:
    """A list of markup items, bulleted or numbered."""
    style = ctx.styles.item
    return ListFlowable(
        [ListItem(Paragraph(text, style)) for text in items],
        bulletType="1" if numbered else "bullet", start=None if numbered else "\u2022",
        bulletFontName=SANS_BOLD if numbered else SANS, bulletFontSize=style.fontSize * (0.85 if numbered else 1),
        bulletColor=style.textColor, leftIndent=LIST_INDENT, spaceBefore=0, spaceAfter=4,
        **({"bulletFormat": "%s."} if numbered else {}))


def box(rows: Sequence[Sequence[Flowable | str]], widths: Sequence[float], extra: Sequence[tuple] = ()) -> Table:
    """A tinted box: a table of cells (each a flowable or a list of them) with a thin outline."""
    table = Table(rows, colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("BOX", (0, 0), (-1, -1), 0.6, TINT_LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("TOPPADDING", (0, 0), (-1, 0), BOX_PADDING),
        ("BOTTOMPADDING", (0, -1), (-1, -1), BOX_PADDING),
        *extra,
    ]))
    return table


def grid_style(header_rows: int = 1, extra: Sequence[tuple] = ()) -> TableStyle:
    """Style of the booklet's charts: Sans throughout, hairlines between rows, a ruled header."""
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.3, RULE),
        *extra,
    ])
