"""Reference sections: the quick-reference chart, notes and references, and the glossary."""
from __future__ import annotations

from reportlab.platypus import Flowable, Table

from ...model import NoteRef, Spot
from ..context import Context
from ..paragraph import Paragraph
from ..flowables import Section
from ..refs import Chapter
from ..text import bold, capital, esc, italic, join_words, link, mark, web_link
from .common import chapter_heading, grid_style, page_link, ref_key, reference_number, spot_key, spots_with_pages
from .spots import cite_key

QUICK = Chapter("quick-reference", "Quick reference")
REFERENCES = Chapter("references", "Notes and references")
GLOSSARY = Chapter("glossary", "Glossary")
QUICK_COLUMNS = (("#", 0.055), ("Spot", 0.19), ("Muscles", 0.2), ("Pain areas", 0.255), ("Conditions", 0.225),
                 ("p.", 0.075))


def term_key(index: int) -> str:
    return f"term-{index}"


def quick_reference(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    content = ctx.content
    rows = [[Paragraph(name, s.cell_head) for name, _ in QUICK_COLUMNS[:-1]] +
            [Paragraph(QUICK_COLUMNS[-1][0], s.cell_head_right)]]
    for spot in content.spots:
        pain = [esc(content.regions[r].label) for r in spot.pain.essential]
        pain += [italic(content.regions[r].label) for r in spot.pain.spillover]
        rows.append([
            Paragraph(bold(str(spot.number)), s.cell),
            Paragraph(bold(spot.title), s.cell),
            Paragraph(", ".join(esc(m.name) for m in spot.muscles), s.cell),
            Paragraph(capital(", ".join(pain)), s.cell),
            Paragraph(", ".join(esc(content.conditions[c].name) for c in spot.conditions) or "\u2013", s.cell),
            Paragraph(link(ctx.page(spot_key(spot)), spot_key(spot)), s.cell_right),
        ])
    widths = [share * ctx.trim.frame_width for _, share in QUICK_COLUMNS]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style(1))
    return [
        Section("the quick reference"),
        chapter_heading(ctx, QUICK.key),
        Paragraph("Every spot on one chart. Pain areas list the essential zones first, then the spill-over "
                  "zones in italics.", s.body),
        table,
    ]


def _cited_by(ctx: Context, ref_id: str) -> str:
    """'Cited for Spots 2 (p. 15) and 12 (p. 50; note on p. 54).', with page links."""
    numbers, notes = [], {}
    for spot in ctx.content.spots:
        by_muscle = any(m.reference and m.reference.id == ref_id for m in spot.muscles)
        keys = _note_keys(spot, ref_id)
        if ref_id in spot.references or by_muscle or keys:
            numbers.append(spot.number)
        if keys:
            pages = join_words(page_link(ctx, key) for key in keys)
            notes[spot.number] = f"note{'s' if len(keys) > 1 else ''} on {pages}"
    return f"Cited for {spots_with_pages(ctx, numbers, notes)}." if numbers else ""


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
        Paragraph("Raised numbers in the text and numbers in square brackets refer to this list.", s.body),
    ]
    for ref_id, ref in ctx.content.references.items():
        parts = [f"{esc(ref.authors)} ({ref.year}). {italic(ref.title)}."]
        if ref.container:
            parts.append(f"{esc(ref.container)}.")
        if ref.pmid:
            url = f"https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/"
            parts.append(web_link(f"PubMed {ref.pmid}", url) + ".")
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
    return story
