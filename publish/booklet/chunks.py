"""One layout pass of the booklet, in runs laid out side by side.

The parts (sections/) are cut into runs of whole chapters (`sections.runs`), each laid out in its own
process, and their pages joined. Every part starts on a new page and nothing on a laid-out page depends
on its page number (the trims draw folios, running heads and tabs), so a run laid out alone gives the
pages it gives in the whole booklet; only its marks' page numbers count on from the runs before it.
The runs depend on the content alone, never on the number of cores, so every build gives the same bytes;
each process holds only its run's pages.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import partial

from reportlab.platypus.doctemplate import LayoutError

from ..errors import BuildError
from ..model import Content
from ..parallel import run_all
from .context import Art, Context
from .laid_out import Anchor, LaidOut, Link, OutlineEntry
from .layout_doc import BookletDoc, too_large
from .pages import TRIMS, Furniture
from .refs import Pages
from .sections import chapters, runs, story
from .styles import styles

SPOTS_PER_RUN = 150     # a run's share of a long booklet: more runs than cores only costs font copies


@dataclass(frozen=True)
class Run:
    """One run laid out: its PDF (None when dry), and its pages, marks, links and furniture, with
    page numbers counted from the run's first page."""

    pdf: bytes | None
    found: dict[str, int]
    wanted: frozenset[str]
    furniture: tuple[Furniture, ...]
    anchors: tuple[Anchor, ...]
    outline: tuple[OutlineEntry, ...]
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Pass:
    """A whole layout pass: the page of every mark, the marks referred to, and (unless dry) the
    laid-out booklet."""

    found: dict[str, int]
    wanted: frozenset[str]
    page_count: int
    laid: LaidOut | None


def lay_out_pass(content: Content, art: Art, epoch: int, previous: dict[str, int], notes: int, dry: bool) -> Pass:
    """Lay every run out, printing the page numbers in `previous`, with `notes` notes pages."""
    made = run_all([partial(_run, content, art, epoch, bounds, previous, notes, dry)
                    for bounds in runs(content, SPOTS_PER_RUN)])
    found: dict[str, int] = {}
    furniture: list[Furniture] = []
    anchors: list[Anchor] = []
    links: list[Link] = []
    for run in made:
        offset = len(furniture)
        for key, page in run.found.items():
            found.setdefault(key, page + offset)
        furniture += run.furniture
        anchors += [Anchor(a.key, a.page + offset, a.left, a.top) for a in run.anchors if found[a.key] == a.page + offset]
        links += [Link(k.page + offset, k.rect, k.target, k.kind) for k in run.links]
    wanted = frozenset().union(*(run.wanted for run in made))
    laid = None if dry else LaidOut(tuple(run.pdf or b"" for run in made), found, notes, tuple(furniture),
                                    tuple(anchors), tuple(o for run in made for o in run.outline), tuple(links))
    return Pass(found, wanted, len(furniture), laid)


def context(content: Content, pages: Pages, art: Art, notes: int) -> Context:
    return Context(content, TRIMS[0], styles(content.book.language), pages, art, chapters(content), notes)


def _run(content: Content, art: Art, epoch: int, bounds: tuple[int, int], previous: dict[str, int], notes: int,
         dry: bool) -> Run:
    ctx = context(content, Pages(previous, len(content.spots)), art, notes)
    out = io.BytesIO()
    doc = BookletDoc(out, ctx, epoch, first="cover" if bounds[0] == 0 else "body", dry=dry)
    try:
        doc.build(story(ctx, *bounds))
    except LayoutError:
        raise BuildError(too_large(ctx, doc)) from None
    return Run(None if dry else out.getvalue(), ctx.page.found, frozenset(ctx.page.wanted), tuple(doc.furniture),
               tuple(doc.anchors), tuple(doc.outline), tuple(doc.canv.links))
