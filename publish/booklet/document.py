"""Assemble the booklet, lay it out until every page reference is right, and write both trim sizes."""
from __future__ import annotations

import calendar
import io
import time
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate
from reportlab.platypus.doctemplate import LayoutError

from .. import __version__
from ..errors import BuildError
from ..fonts import register
from ..model import Content
from .context import Art, Context
from .pages import A5, TRIMS, Trim, templates
from .refs import Pages
from .sections import chapters, story
from .sections.back import NOTES
from .sections.common import spot_key
from .styles import SERIF, styles

MAX_PASSES = 6
MIN_NOTES_PAGES = 2


@dataclass
class BookletResult:
    """What build_booklets wrote: the files, the A5 page count and each spot's first A5 page."""

    files: list[Path] = field(default_factory=list)
    pages: int = 0
    spot_pages: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Layout:
    pdf: bytes
    pages: dict[str, int]
    page_count: int


def build_booklets(content: Content, dest: Path, *, epoch: int | None) -> BookletResult:
    """Write dest/perfect-spots-a5.pdf and dest/perfect-spots-half-letter.pdf."""
    register()
    dest.mkdir(parents=True, exist_ok=True)
    if epoch is None:
        epoch = calendar.timegm(content.book.date.timetuple())
    art = Art(content)
    result = BookletResult()
    for trim in TRIMS:
        layout = lay_out(content, trim, art, epoch)
        path = dest / f"perfect-spots-{trim.slug}.pdf"
        path.write_bytes(layout.pdf)
        result.files.append(path)
        if trim is A5:
            result.pages = layout.page_count
            result.spot_pages = {s.number: layout.pages[spot_key(s)] for s in content.spots}
    return result


def notes_needed(pages_before: int) -> int:
    """Notes pages (at least MIN_NOTES_PAGES) that, with the back cover, make a multiple of 4."""
    return MIN_NOTES_PAGES + (-(pages_before + MIN_NOTES_PAGES + 1)) % 4


def lay_out(content: Content, trim: Trim, art: Art, epoch: int) -> Layout:
    """Lay the booklet out again while the page references or the number of notes pages change."""
    previous: dict[str, int] = {}
    notes = MIN_NOTES_PAGES
    all_chapters = chapters(content)
    for _ in range(MAX_PASSES):
        pages = Pages(previous)
        ctx = Context(content, trim, styles(content.book.language), pages, art, all_chapters, notes)
        pdf, count = _render(ctx, epoch)
        needed = notes_needed(pages.found[NOTES.key] - 1)
        if pages.settled and needed == notes:
            if pages.missing:
                raise BuildError(f"the {trim.name} booklet refers to pages of marks it never printed: "
                                 f"{', '.join(sorted(pages.missing))}")
            return Layout(pdf, pages.found, count)
        previous, notes = pages.found, needed
    raise BuildError(f"the page numbers of the {trim.name} booklet did not settle after {MAX_PASSES} layout passes")


def _render(ctx: Context, epoch: int) -> tuple[bytes, int]:
    out = io.BytesIO()
    doc = BookletDoc(out, ctx, epoch)
    try:
        doc.build(story(ctx))
    except LayoutError:
        raise BuildError(_too_large(ctx, doc)) from None
    return out.getvalue(), doc.page


def _too_large(ctx: Context, doc: BookletDoc) -> str:
    """What did not fit, where, and by how much."""
    block = doc.handling
    name = getattr(block, "block", "a table or box")
    width, height = ctx.trim.frame_width, ctx.trim.frame_height
    tall = block.wrap(width, height)[1] if block is not None else 0
    return (f"{doc.section[:1].upper()}{doc.section[1:]}: {name} is {tall:.0f} pt tall, more than a whole "
            f"{ctx.trim.name} page holds ({height:.0f} pt); shorten the longest text in it")


class BookletDoc(BaseDocTemplate):
    """A booklet being laid out: records marks, keeps running-head state, fixes the timestamp."""

    def __init__(self, out, ctx: Context, epoch: int):
        book = ctx.content.book
        super().__init__(
            out, pagesize=(ctx.trim.width, ctx.trim.height),
            pageTemplates=templates(ctx.trim, f"Edition {book.edition} \u00b7 {book.date.year}"),
            title=book.title, author=", ".join(book.authors), subject=book.subtitle, keywords=list(book.keywords),
            creator=f"Perfect Spots publisher {__version__}", lang=book.language, invariant=1,
            initialFontName=SERIF, initialFontSize=9.5, initialLeading=12, displayDocTitle=1)
        self.ctx = ctx
        self.epoch = epoch
        self.chapters = {c.key: c for c in ctx.chapters}
        self.current = None
        self.openings: set[int] = set()
        self.section = "the front matter"
        self.handling = None

    def build(self, flowables):
        super().build(flowables, canvasmaker=self._canvas)

    def _canvas(self, *args, **kwargs) -> Canvas:
        canv = Canvas(*args, **kwargs)
        canv._doc._timeStamp = _timestamp(self.epoch)
        return canv

    def handle_flowable(self, flowables):
        self.handling = flowables[0] if flowables else None
        super().handle_flowable(flowables)

    def handle_documentBegin(self):
        super().handle_documentBegin()
        self.canv.setNamedCB("mark", self._mark)
        self.canv.showOutline()

    def _mark(self, canv, kind, key):
        page = canv.getPageNumber()
        if not self.ctx.page.record(key, page):
            return
        where = canv._curr_tx_info
        canv.bookmarkHorizontal(key, where["cur_x"], where["cur_y"] + where["leading"])
        chapter = self.chapters.get(key)
        if chapter is not None:
            canv.addOutlineEntry(chapter.title, key, chapter.level)
            self.current = chapter
            self.openings.add(page)

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


def _timestamp(epoch: int) -> TimeStamp:
    """ReportLab's timestamp object, set to `epoch` in UTC."""
    stamp = TimeStamp(invariant=1)
    stamp.t = epoch
    stamp.lt = time.gmtime(epoch)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp
