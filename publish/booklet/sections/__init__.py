"""The booklet's parts in reading order: one list, from which both the story (the flowables) and the
chapters (outline, contents, running heads) derive. A new section is one Part in PARTS."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from ...model import Content
from ..context import Context
from ..flowables import Deferred
from ..refs import Chapter
from . import back, finders, front, index, opening, reference, spots


@dataclass(frozen=True)
class Part:
    """One part of the booklet: what makes its flowables, the chapter it opens (if any), whether it
    starts on a new page, and the page template that follows it (if it changes)."""

    make: Callable[[Context], list[Flowable]]
    chapter: Chapter | None = None
    new_page: bool = True
    then_template: str | None = None


def parts(content: Content) -> tuple[Part, ...]:
    """Every part, in page order; spot chapters sit one level below 'The spots'."""
    spot_parts = [Part(partial(spots.chapter, spot=s), chapter) for s, chapter in
                  zip(content.spots, opening.chapters(content))]
    listed = (
        Part(front.cover, new_page=False, then_template="body"),
        Part(front.about, front.ABOUT),
        Part(front.contents, front.CONTENTS),
        Part(front.how_to_use, front.HOW_TO),
        Part(finders.symptom_finder, finders.SYMPTOMS),
        Part(finders.condition_finder, finders.CONDITIONS),
        Part(finders.overview, finders.OVERVIEW),
        *spot_parts,
        Part(reference.quick_reference, reference.QUICK),
        Part(reference.references, reference.REFERENCES),
        Part(reference.glossary, reference.GLOSSARY),
        Part(index.index, index.INDEX, new_page=False),         # index and notes set their own templates
        Part(back.notes_pages, back.NOTES, new_page=False),
        Part(back.back_cover, new_page=False),
    )
    return tuple(replace(p, chapter=_titled(content, p.chapter)) for p in listed)


def _titled(content: Content, chapter: Chapter | None) -> Chapter | None:
    """Chapters other than the spots' name their title by its label key; here it becomes the label's text."""
    if chapter is None or chapter.spot is not None:
        return chapter
    return replace(chapter, title=content.labels.text(chapter.title))


def runs(content: Content, spots_per_run: int) -> list[tuple[int, int]]:
    """The parts cut into runs of whole parts, (start, end) each, that can be laid out apart: each run
    after the first begins with a spot chapter, on a new page. The front matter goes with the first
    run, the back matter with the last; the spots are shared out evenly, `spots_per_run` at most, and
    always in two runs at least when there are two spots."""
    all_parts = parts(content)
    spot_at = [i for i, p in enumerate(all_parts) if p.chapter is not None and p.chapter.spot is not None]
    count = min(len(spot_at), max(2, -(-len(spot_at) // spots_per_run)))
    cuts = [spot_at[len(spot_at) * k // count] for k in range(1, count)] if count > 1 else []
    bounds = [0, *cuts, len(all_parts)]
    return list(zip(bounds, bounds[1:]))


def draw_figures(ctx: Context) -> None:
    """Draw now every figure a part lays out for the room it gives it (the overview on the cover and
    on the maps page, each chapter's chart), by making those flowables once: call before the runs are
    laid out in their own processes, which then share these drawings instead of each making its own."""
    front.cover(ctx)
    finders.overview(ctx)
    for spot in ctx.content.spots:
        opening.opening(ctx, spot)


def chapters(content: Content) -> tuple[Chapter, ...]:
    """Every chapter in page order."""
    return tuple(p.chapter for p in parts(content) if p.chapter is not None)


def story(ctx: Context, start: int = 0, end: int | None = None) -> list[Flowable]:
    """The flowables of parts[start:end] (all: the whole booklet), the first on the layout's first page.
    The parts are made when the layout reaches them (Deferred), so a long booklet never holds them all."""
    flowables: list[Flowable] = []
    for i, part in enumerate(parts(ctx.content)[start:end]):
        if part.new_page and i:
            flowables.append(PageBreak())
        flowables.append(Deferred(partial(part.make, ctx)))
        if part.then_template:
            flowables.append(NextPageTemplate(part.then_template))
    return flowables

