"""The booklet's parts in reading order, and the chapters (outline, contents, running heads) they open."""
from __future__ import annotations

from functools import partial

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from ...model import Content
from ..context import Context
from ..flowables import Deferred
from ..refs import Chapter
from . import back, finders, front, index, opening, reference, spots


def chapters(content: Content) -> tuple[Chapter, ...]:
    """Every chapter in page order; spot chapters sit one level below 'The spots'."""
    return (front.ABOUT, front.CONTENTS, front.HOW_TO, finders.SYMPTOMS, finders.CONDITIONS, finders.OVERVIEW,
            *opening.chapters(content), reference.QUICK, reference.REFERENCES, reference.GLOSSARY, index.INDEX,
            back.NOTES)


def story(ctx: Context) -> list[Flowable]:
    """All flowables of the booklet; each part after the cover starts on a new page. The parts are
    made when the layout reaches them (Deferred), so a long booklet never holds them all at once."""
    parts = [front.about, front.contents, front.how_to_use, finders.symptom_finder, finders.condition_finder,
             finders.overview, *[lambda c, s=s: spots.chapter(c, s) for s in ctx.content.spots],
             reference.quick_reference, reference.references, reference.glossary]
    flowables: list[Flowable] = front.cover(ctx) + [NextPageTemplate("body")]
    for part in parts:
        flowables += [PageBreak(), Deferred(partial(part, ctx))]
    return flowables + [Deferred(partial(part, ctx)) for part in (index.index, back.notes_pages, back.back_cover)]
