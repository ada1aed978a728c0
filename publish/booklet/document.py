"""Assemble the booklet, lay it out once, and write each trim size.

Every trim has the same text block (pages.py), so the booklet is laid out once, on pages the size of
the text block: a dry layout finds the page of every mark (`settle`), then one layout prints from
those page numbers (`lay_out`, again while they move). Each trim then places the laid-out pages on its
own page size with its running heads, folios, tabs and covers (placement.py), side by side in forked
processes: both editions have the same pages by construction.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from reportlab.platypus import BaseDocTemplate
from reportlab.platypus.doctemplate import LayoutError

from ..editions import PAGE_TRIM
from ..errors import BuildError
from ..figures import FigureStore
from ..fonts import register
from ..model import Content
from ..parallel import run_all
from ..rl_internals import block_name, fix_date, set_dry, skip_save, text_cursor
from ..stopwatch import timed
from .context import Art, Context
from .flowables import Deferred
from .laid_out import Anchor, LaidOut, LinkRecordingCanvas, OutlineEntry
from .marks import spot_key
from .pages import LAID_OUT_SIZE, TRIMS, Furniture, Trim, templates
from .placement import place
from .refs import Pages
from .sections import chapters, story
from .sections.back import NOTES
from .styles import SERIF, styles

MAX_PASSES = 6
MIN_NOTES_PAGES = 2


@dataclass
class TrimResult:
    """One trim's reader edition: its file, page count, each spot's first page, and the seconds it took."""

    path: Path
    pages: int
    spot_pages: dict[int, int]
    timings: dict[str, float]


@dataclass
class BookletResult:
    """What build_booklets wrote: the files, and each trim's result by slug."""

    files: list[Path] = field(default_factory=list)
    trims: dict[str, TrimResult] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        """Pages of the trim the cards quote page numbers from."""
        return self.trims[PAGE_TRIM.slug].pages

    @property
    def spot_pages(self) -> dict[int, int]:
        return self.trims[PAGE_TRIM.slug].spot_pages


@dataclass(frozen=True)
class Start:
    """Where a layout starts: the page of every mark and the number of notes pages, as a dry layout
    or an earlier build found them (empty: print placeholders and find them). Any start gives the same
    booklet: the layout repeats until the pages it prints are the pages it finds."""

    pages: dict[str, int] = field(default_factory=dict)
    notes: int = MIN_NOTES_PAGES

    def to_json(self) -> dict:
        return {"pages": self.pages, "notes": self.notes}

    @classmethod
    def from_json(cls, data: object) -> Start | None:
        """A start kept as JSON by an earlier build, or None if `data` is not one."""
        if not isinstance(data, dict):
            return None
        pages, notes = data.get("pages"), data.get("notes")
        if not (isinstance(pages, dict) and all(isinstance(k, str) and type(v) is int and v > 0
                                                for k, v in pages.items())
                and type(notes) is int and MIN_NOTES_PAGES <= notes < MIN_NOTES_PAGES + 4):
            return None
        return cls(pages, notes)

    @classmethod
    def of(cls, laid: LaidOut) -> Start:
        """Where a layout that found what `laid` found starts without a dry pass."""
        return cls(laid.pages, laid.notes)


def prepare(content: Content, store: FigureStore | None = None) -> Art:
    """Fonts registered and every figure the booklet uses drawn: call before forking, so that the
    trims (and the deck after them) share the drawings."""
    register()
    art = Art(store or FigureStore(content))
    art.draw_all()
    return art


def settle(content: Content, art: Art, timings: dict[str, float]) -> Start:
    """The pages of every mark, found by a dry layout."""
    with timed(timings, "booklet pages"):
        ctx = _context(content, Pages({}), art, MIN_NOTES_PAGES)
        doc = _render(ctx, content.book_epoch, dry=True)
        return Start(ctx.page.found, _notes_needed(ctx.page, MIN_NOTES_PAGES, doc.page))


def write_trim(content: Content, trim: Trim, laid: LaidOut, epoch: int | None, path: Path) -> TrimResult:
    """Place the laid-out booklet on `trim` and write its reader edition to `path`."""
    timings: dict[str, float] = {}
    with timed(timings, f"booklet {trim.slug}"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(place(content, laid, trim, content.book_epoch if epoch is None else epoch))
    spot_pages = {s.number: laid.pages[spot_key(s)] for s in content.spots}
    return TrimResult(path, laid.page_count, spot_pages, timings)


def build_booklets(content: Content, dest: Path, *, epoch: int | None,
                   store: FigureStore | None = None) -> BookletResult:
    """Every trim's reader edition in `dest`: laid out once, then placed on the trims side by side in forked processes."""
    art = prepare(content, store)
    laid = lay_out(content, art, content.book_epoch if epoch is None else epoch, settle(content, art, {}))
    made = run_all([partial(write_trim, content, trim, laid, epoch, dest / trim.reader_file) for trim in TRIMS])
    return BookletResult([r.path for r in made], {trim.slug: r for trim, r in zip(TRIMS, made)})


def notes_needed(pages_before: int, back_pages: int = 1) -> int:
    """Notes pages (at least MIN_NOTES_PAGES) that, with the back cover, make a multiple of 4."""
    return MIN_NOTES_PAGES + (-(pages_before + MIN_NOTES_PAGES + back_pages)) % 4


def lay_out(content: Content, art: Art, epoch: int, start: Start = Start()) -> LaidOut:
    """Lay the booklet out again while the page references or the number of notes pages change.

    Without a `start`, the first pass prints placeholders for every page number, so it is never the
    last: it only finds the pages (dry: no figures drawn, no PDF written)."""
    previous, notes = start.pages, start.notes
    for attempt in range(MAX_PASSES):
        pages = Pages(previous)
        ctx = _context(content, pages, art, notes)
        doc = _render(ctx, epoch, dry=attempt == 0 and not previous)
        needed = _notes_needed(pages, notes, doc.page)
        if pages.settled and needed == notes and not doc.dry:
            if pages.missing:
                raise BuildError(f"the booklet refers to pages of marks it never printed: "
                                 f"{', '.join(sorted(pages.missing))}")
            return doc.laid_out()
        previous, notes = pages.found, needed
    raise BuildError(f"the page numbers of the booklet did not settle after {MAX_PASSES} layout passes")


def _context(content: Content, pages: Pages, art: Art, notes: int) -> Context:
    return Context(content, TRIMS[0], styles(content.book.language), pages, art, chapters(content), notes)


def _notes_needed(pages: Pages, notes: int, count: int) -> int:
    """Notes pages the layout that found `pages` in `count` pages, with `notes` of them, needs."""
    notes_at = pages.found[NOTES.key]
    return notes_needed(notes_at - 1, back_pages=count - (notes_at + notes - 1))


def _render(ctx: Context, epoch: int, *, dry: bool = False) -> BookletDoc:
    """The document after laying the booklet out (its PDF written unless dry)."""
    doc = BookletDoc(io.BytesIO(), ctx, epoch, dry=dry)
    try:
        doc.build(story(ctx))
    except LayoutError:
        raise BuildError(_too_large(ctx, doc)) from None
    return doc


def _too_large(ctx: Context, doc: BookletDoc) -> str:
    """What did not fit, where, and by how much."""
    block = doc.handling
    name = block_name(block)
    width, height = ctx.trim.frame_width, ctx.trim.frame_height
    tall = block.wrap(width, height)[1] if block is not None else 0
    return (f"{doc.section[:1].upper()}{doc.section[1:]}: {name} is {tall:.0f} pt tall, more than a whole "
            f"page of the booklet holds ({height:.0f} pt); shorten the longest text in it")


class BookletDoc(BaseDocTemplate):
    """A booklet being laid out: records marks, links and what the trims draw around each page.
    A dry layout only finds where everything goes: it draws no figures and writes no PDF."""

    def __init__(self, out: io.BytesIO, ctx: Context, epoch: int, *, dry: bool = False):
        super().__init__(out, pagesize=LAID_OUT_SIZE, pageTemplates=templates(), invariant=1,
                         initialFontName=SERIF, initialFontSize=9.5, initialLeading=12)
        self.out = out
        self.ctx = ctx
        self.epoch = epoch
        self.chapters = {c.key: c for c in ctx.chapters}
        self.current = None
        self.openings: set[int] = set()
        self.section = "the front matter"
        self.handling = None
        self.dry = dry
        self.furniture: list[Furniture] = []
        self.anchors: list[Anchor] = []
        self.outline: list[OutlineEntry] = []
        if dry:
            skip_save(self)

    def build(self, flowables):
        super().build(flowables, canvasmaker=self._canvas)

    def _canvas(self, *args, **kwargs) -> LinkRecordingCanvas:
        canv = LinkRecordingCanvas(*args, **kwargs)
        fix_date(canv, self.epoch)
        set_dry(canv, self.dry)
        return canv

    def laid_out(self) -> LaidOut:
        return LaidOut(self.out.getvalue(), self.ctx.page.found, self.ctx.notes_pages, tuple(self.furniture),
                       tuple(self.anchors), tuple(self.outline), tuple(self.canv.links))

    def handle_flowable(self, flowables):
        while flowables and isinstance(flowables[0], Deferred):
            flowables[0:1] = flowables[0].make()
        self.handling = flowables[0] if flowables else None
        super().handle_flowable(flowables)

    def handle_documentBegin(self):
        super().handle_documentBegin()
        self.canv.setNamedCB("mark", self._mark)

    def _mark(self, canv, kind, key):
        page = canv.getPageNumber()
        if not self.ctx.page.record(key, page):
            return
        x, y, leading = text_cursor(canv)
        self.anchors.append(Anchor(key, page, *canv.absolutePosition(x, y + leading)))
        chapter = self.chapters.get(key)
        if chapter is not None:
            self.outline.append(OutlineEntry(chapter.title, key, chapter.level))
            self.current = chapter
            self.openings.add(page)

    def page_done(self, cover: bool) -> None:
        """Note what the trims draw around the page just laid out."""
        page = self.page
        if cover:
            self.furniture.append(Furniture(cover=True))
            return
        head = "" if page in self.openings else self.running_head(page)
        self.furniture.append(Furniture(cover=False, head=head, tab=self.tab))

    def running_head(self, page: int) -> str:
        """Book title on left-hand pages, the chapter on right-hand pages."""
        if page % 2 == 0:
            return self.ctx.content.book.title
        return (self.current.running or self.current.title) if self.current else ""

    @property
    def tab(self) -> tuple[int, int] | None:
        if self.current is None or self.current.spot is None:
            return None
        return self.current.spot, self.current.slot
