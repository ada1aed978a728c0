"""The ReportLab document one part of the booklet is laid out in: it records every mark, link and what
the trims draw around each page, so that the laid-out pages need nothing from the trims (chunks.py
lays the parts out; placement.py puts them on the trims)."""
from __future__ import annotations

import io

from reportlab.platypus import BaseDocTemplate

from ..rl_internals import block_name, fix_date, set_dry, skip_save, text_cursor
from .context import Context
from .flowables import Deferred
from .laid_out import Anchor, LinkRecordingCanvas, OutlineEntry
from .pages import LAID_OUT_SIZE, Furniture, templates
from .refs import Chapter
from .styles import SERIF


def too_large(ctx: Context, doc: BookletDoc) -> str:
    """What did not fit, where, and by how much."""
    block = doc.handling
    name = block_name(block)
    width, height = ctx.trim.frame_width, ctx.trim.frame_height
    tall = block.wrap(width, height)[1] if block is not None else 0
    return (f"{doc.section[:1].upper()}{doc.section[1:]}: {name} is {tall:.0f} pt tall, more than a whole "
            f"page of the booklet holds ({height:.0f} pt); shorten the longest text in it")


class BookletDoc(BaseDocTemplate):
    """Some parts of the booklet being laid out: records marks, links and what the trims draw around
    each page, with page numbers counted from the first page of these parts. `first` is the template of
    that first page. A dry layout only finds where everything goes: it draws no figures, writes no PDF."""

    def __init__(self, out: io.BytesIO, ctx: Context, epoch: int, *, first: str = "cover", dry: bool = False):
        kept = templates()
        super().__init__(out, pagesize=LAID_OUT_SIZE, pageTemplates=sorted(kept, key=lambda t: t.id != first),
                         invariant=1, initialFontName=SERIF, initialFontSize=9.5, initialLeading=12)
        self.out = out
        self.ctx = ctx
        self.epoch = epoch
        self.chapters = {c.key: c for c in ctx.chapters}
        self.current: Chapter | None = None
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
        if cover:
            self.furniture.append(Furniture(cover=True))
            return
        chapter = (self.current.running or self.current.title) if self.current else ""
        tab = (self.current.spot, self.current.slot) if self.current and self.current.spot is not None else None
        self.furniture.append(Furniture(False, self.ctx.content.book.title, chapter, self.page in self.openings, tab))
