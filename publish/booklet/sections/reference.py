"""Reference sections: the quick-reference chart, notes and references, and the glossary."""
from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table

from ...model import NoteRef, Spot
from ..context import Context
from ..flowables import NotesPanel, Section
from ..marks import cite_key, ref_key, spot_key, term_key
from ..paragraph import NBSP, Paragraph
from ..refs import Chapter
from ..text import bold, capital, esc, italic, link, mark, web_link
from .common import CELL_PADDING, chapter_heading, grid_style, page_link, reference_number, spots_with_pages
from .finders import CONDITIONS

QUICK = Chapter("quick-reference", "booklet.chapter.quick_reference")
REFERENCES = Chapter("references", "booklet.chapter.references")
GLOSSARY = Chapter("glossary", "booklet.chapter.glossary")
NUMBER_WIDTH, PAGE_WIDTH = 14, 24
PLACE_SHARE = 0.52      # of what the number, page and muscle columns leave, for spot and place
MUSCLES_SHARE = 0.34    # of the frame, at most, for the muscle column: a longer name wraps
HANG = 6                # indent of a muscle name's second line


def quick_reference(ctx: Context) -> list[Flowable]:
    """One row per spot: title and place, the muscles that hold it (each on its own line, broken only
    between words, and only when it is longer than the column), the essential zones and the page.
    Conditions stay in the condition finder, spill-over zones and neighbouring muscles in the chapters."""
    s = ctx.styles
    content = ctx.content
    widths = _quick_widths(ctx)
    room = widths[2] - 2 * CELL_PADDING

    hanging = ParagraphStyle("muscle", parent=s.cell, leftIndent=HANG, firstLineIndent=-HANG)

    def muscles(spot: Spot) -> list[Paragraph]:
        """One paragraph a muscle; a name longer than the column goes on, indented, on the next line."""
        return [Paragraph(esc(m.name).replace(" ", NBSP)
                          if stringWidth(m.name, s.cell.fontName, s.cell.fontSize) <= room else esc(m.name), hanging)
                for m in spot.own_muscles]
    head = [Paragraph(name, s.cell_head) for name in (ctx.content.labels.text("booklet.quick_" + k) for k in ("number", "spot", "muscles", "essential"))]
    rows: list[list[Flowable | list[Paragraph]]] = [
        [*head, Paragraph(ctx.content.labels.text("booklet.quick_page"), s.cell_head_right)]]
    for spot in content.spots:
        rows.append([
            Paragraph(bold(str(spot.number)), s.cell),
            Paragraph(f"{bold(spot.title)}<br/>{italic(spot.place)}", s.cell),
            muscles(spot),
            Paragraph(capital(", ".join(esc(content.regions[r].label) for r in spot.pain.essential)), s.cell),
            Paragraph(link(ctx.page(spot_key(spot)), spot_key(spot)), s.cell_right),
        ])
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style(1, [("BOTTOMPADDING", (0, 1), (-1, -1), 4), ("TOPPADDING", (0, 1), (-1, -1), 3.5)]))
    return [
        Section("the quick reference"),
        chapter_heading(ctx, QUICK.key),
        Paragraph(ctx.content.labels.text("booklet.quick_intro", link=page_link(ctx, CONDITIONS.key)), s.body_plain),
        table,
    ]


def _quick_widths(ctx: Context) -> list[float]:
    """The muscle column is as wide as the longest muscle name, so that no name ever breaks, unless that
    would squeeze the spot and zone columns: then the longest names wrap."""
    style = ctx.styles.cell
    longest = max(stringWidth(m.name, style.fontName, style.fontSize) for spot in ctx.content.spots
                  for m in spot.own_muscles)
    muscles = min(longest + 2 * CELL_PADDING + 1, MUSCLES_SHARE * ctx.trim.frame_width)
    rest = ctx.trim.frame_width - NUMBER_WIDTH - PAGE_WIDTH - muscles
    return [NUMBER_WIDTH, PLACE_SHARE * rest, muscles, (1 - PLACE_SHARE) * rest, PAGE_WIDTH]


def _cited_by(ctx: Context, ref_id: str) -> str:
    """'Cited for Spots 2 (p. 15) and 12 (p. 50; note on p. 54).', with page links."""
    numbers, notes = [], {}
    for spot in ctx.content.spots:
        by_muscle = any(m.reference and m.reference.id == ref_id for m in spot.muscles)
        keys = _note_keys(spot, ref_id)
        if ref_id in spot.references or by_muscle or keys:
            numbers.append(spot.number)
        if keys:
            pages = ctx.content.labels.join(page_link(ctx, key) for key in keys)
            notes[spot.number] = ctx.content.labels.text("booklet.notes_on" if len(keys) > 1 else "booklet.note_on", pages=pages)
    return ctx.content.labels.text("booklet.cited_for", spots=spots_with_pages(ctx, numbers, notes)) if numbers else ""


def _note_keys(spot: Spot, ref_id: str) -> list[str]:
    return [cite_key(spot, i, j, k)
            for i, section in enumerate(spot.feature)
            for j, paragraph in enumerate(section.paragraphs)
            for k, run in enumerate(paragraph) if isinstance(run, NoteRef) and run.ref == ref_id]


def references(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = [
        Section("the notes and references"),
        chapter_heading(ctx, REFERENCES.key),
        Paragraph(ctx.content.labels.text("booklet.references_intro"), s.body),
    ]
    for ref_id, ref in ctx.content.references.items():
        parts = [f"{esc(ref.authors)} ({ref.year}). {italic(ref.title)}."]
        if ref.container:
            parts.append(f"{esc(ref.container)}.")
        if ref.pmid:
            url = f"https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/"
            parts.append(web_link(ctx.content.labels.text("booklet.pubmed", pmid=ref.pmid), url) + ".")
        if ref.note:
            parts.append(esc(ref.note))
        cited = _cited_by(ctx, ref_id)
        if cited:
            parts.append(cited)
        story.append(Paragraph(f"{mark(ref_key(ref_id))}{bold(str(reference_number(ctx, ref_id)))}.\u2002"
                               + " ".join(parts), s.entry))
    return story


def glossary(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = [Section("the glossary"), chapter_heading(ctx, GLOSSARY.key)]
    for i, term in enumerate(ctx.content.glossary):
        story.append(Paragraph(f"{mark(term_key(i))}{bold(term.term)}\u2002{esc(term.definition)}", s.entry))
    return story + [NotesPanel(ctx.content.labels.text("booklet.my_notes"), ctx.trim.frame_height)]
