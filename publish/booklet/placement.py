"""Place the laid-out booklet on one trim.

ReportLab draws the trim's pages with what belongs to the trim: cover bands, running heads, folios,
thumb tabs, and the links, bookmarks, outline and document information, all at the positions the
trim's margins give. pikepdf then sets each laid-out page under its trim page as a form XObject,
moved to the same margins (under, so that it is read first: the furniture never overlaps it). Laying out is the costly part; placing costs little, so every trim gets the
same pages for a fraction of a layout.
"""
from __future__ import annotations

import io
from collections import defaultdict
from contextlib import ExitStack
from typing import TypeVar

import pikepdf
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from .. import __version__
from ..model import Content
from ..rl_internals import fix_date
from .laid_out import Anchor, LaidOut, Link
from .pages import Trim, draw_furniture
from .styles import SANS

OnPage = TypeVar("OnPage", Anchor, Link)


def place(content: Content, laid: LaidOut, trim: Trim, epoch: int) -> bytes:
    """The reader edition of `trim`: every laid-out page placed on it, with the trim's furniture."""
    with pikepdf.open(io.BytesIO(_trim_pages(content, laid, trim, epoch))) as pdf, ExitStack() as stack:
        runs = [stack.enter_context(pikepdf.open(io.BytesIO(run))) for run in laid.pdfs]
        sources = (source for run in runs for source in run.pages)
        for number, (page, source) in enumerate(zip(pdf.pages, sources, strict=True), start=1):
            form = page.add_resource(pdf.copy_foreign(source.as_form_xobject()), pikepdf.Name.XObject,
                                     pikepdf.Name.LaidOut)
            x, y = trim.origin(number, laid.furniture[number - 1].cover)
            page.contents_add(pdf.make_stream(f"q 1 0 0 1 {fp_str(x)} {fp_str(y)} cm {form} Do Q\n".encode()),
                              prepend=True)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    return out.getvalue()


def _trim_pages(content: Content, laid: LaidOut, trim: Trim, epoch: int) -> bytes:
    """The trim's pages with everything but the laid-out pages: furniture, links, bookmarks, outline."""
    book = content.book
    out = io.BytesIO()
    canv = Canvas(out, pagesize=(trim.width, trim.height), invariant=1, lang=book.language, initialFontName=SANS)
    fix_date(canv, epoch)
    canv.setTitle(book.title)
    canv.setAuthor(", ".join(book.authors))
    canv.setSubject(book.subtitle)
    canv.setKeywords(list(book.keywords))
    canv.setCreator(f"Perfect Spots publisher {__version__}")
    canv.setViewerPreference("DisplayDocTitle", "true")
    canv.showOutline()
    band = content.labels.text("booklet.band", edition=book.edition, year=str(book.date.year))
    anchors, links = _by_page(laid.anchors), _by_page(laid.links)
    outline = {entry.key: entry for entry in laid.outline}
    for page, furniture in enumerate(laid.furniture, start=1):
        dx, dy = trim.origin(page, furniture.cover)
        draw_furniture(canv, trim, page, furniture, band)
        for anchor in anchors.get(page, ()):
            canv.bookmarkHorizontalAbsolute(anchor.key, anchor.top + dy, left=anchor.left + dx)
            if anchor.key in outline:
                entry = outline[anchor.key]
                canv.addOutlineEntry(entry.title, entry.key, entry.level)
        for link in links.get(page, ()):
            x0, y0, x1, y1 = link.rect
            rect = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
            if link.kind is None:
                canv.linkAbsolute("", link.target, Rect=rect)
            else:
                canv.linkURL(link.target, rect, kind=link.kind)
        canv.showPage()
    canv.save()
    return out.getvalue()


def _by_page(items: tuple[OnPage, ...]) -> dict[int, list[OnPage]]:
    grouped: dict[int, list[OnPage]] = defaultdict(list)
    for item in items:
        grouped[item.page].append(item)
    return grouped
