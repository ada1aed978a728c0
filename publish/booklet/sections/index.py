"""The index: muscles, conditions, pain areas and glossary terms, each with the pages they are on."""
from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from ..context import Context
from ..flowables import Section
from ..marks import condition_key, glance_key, region_key, term_key
from ..paragraph import Paragraph
from ..refs import Chapter
from ..text import capital, esc, italic, link
from .common import chapter_heading

INDEX = Chapter("index", "booklet.chapter.index")


@dataclass
class Entry:
    """One index line: what is printed, the marks it points to, and any 'see' cross-references."""

    text: str
    keys: list[str] = field(default_factory=list)
    see: list[str] = field(default_factory=list)


def entries(ctx: Context) -> list[Entry]:
    """Every index entry, sorted as printed; entries with the same words are merged."""
    content = ctx.content
    found: dict[str, Entry] = {}

    def add(text: str, key: str | None = None, see: str | None = None) -> None:
        entry = found.setdefault(text.lower(), Entry(capital(text)))
        if key and key not in entry.keys:
            entry.keys.append(key)
        if see and capital(see) not in entry.see:
            entry.see.append(capital(see))

    used_conditions = [c for c in content.conditions if content.spots_for_condition(c)]
    used_regions = [r for r in content.regions if content.spots_for_region(r)]
    for cid in used_conditions:
        add(content.conditions[cid].name, condition_key(cid))
    for rid in used_regions:
        add(content.regions[rid].label, region_key(rid))
    for spot in content.spots:
        for muscle in spot.muscles:
            add(muscle.name, glance_key(spot, "muscles"))
        for rid in spot.pain.essential + spot.pain.spillover:
            add(content.regions[rid].label, glance_key(spot, "pain"))
        for cid in spot.conditions:
            add(content.conditions[cid].name, glance_key(spot, "conditions"))
    for i, term in enumerate(content.glossary):
        add(term.term, term_key(i))
    for cid in used_conditions:
        for other in content.conditions[cid].also:
            if other.lower() not in found or not found[other.lower()].keys:
                add(other, see=content.conditions[cid].name)
    for group, member in sorted(_group_members(content)):
        if group.lower() not in found or not found[group.lower()].keys:
            add(group, see=member)
    return sorted(found.values(), key=lambda e: (e.text.lower(), e.text))


def _group_members(content) -> set[tuple[str, str]]:
    """(group, muscle) for every muscle that names its group, e.g. ('rotator cuff', 'infraspinatus')."""
    return {(m.group, m.name) for spot in content.spots for m in spot.muscles if m.group}


def _line(ctx: Context, entry: Entry) -> str:
    if entry.see and not entry.keys:
        return f"{esc(entry.text)}, {italic(ctx.content.labels.text('booklet.see'))} {'; '.join(map(esc, entry.see))}"
    by_page: dict[int | str, str] = {}
    for key in entry.keys:
        by_page.setdefault(ctx.page(key), key)
    links = [link(str(p), by_page[p]) for p in sorted(by_page, key=lambda p: int(p))]
    # the last two pages held together, so a page number never stands alone on a line
    return esc(entry.text) + "\u2002" + ",\u00a0".join([", ".join(links[:-1]), links[-1]] if len(links) > 1 else links)


def index(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = [Section("the index"), NextPageTemplate("columns"), PageBreak(),
                             chapter_heading(ctx, INDEX.key)]
    letter = None
    for entry in entries(ctx):
        first = entry.text[:1].upper()
        if first != letter:
            letter = first
            story.append(Paragraph(esc(letter), s.index_letter))
        story.append(Paragraph(_line(ctx, entry), s.index_entry))
    return story
