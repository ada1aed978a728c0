"""The booklet laid out once, for every trim: its pages (the size of the text block, pages.py) and what
the trims draw around them, which the layout records as it goes: each page's furniture, every mark's
position (for bookmarks), the outline and every link.

Links and bookmarks are not written into the laid-out pages: a trim moves each page to its own margins,
so it makes them itself, at the moved positions (placement.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from ..rl_internals import absolute_rect
from .pages import Furniture


@dataclass(frozen=True)
class Anchor:
    """Where a mark is: its page and the top left of its line on the laid-out page."""

    key: str
    page: int
    left: float
    top: float


@dataclass(frozen=True)
class Link:
    """A link area on a laid-out page: to a mark (`kind` None) or to a URL of ReportLab's `kind`."""

    page: int
    rect: tuple[float, ...]
    target: str
    kind: str | None = None


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    key: str
    level: int


@dataclass(frozen=True)
class LaidOut:
    """The laid-out pages as PDFs (one a run, in order: chunks.py), the page of every mark, the number
    of notes pages, and what each trim draws around them."""

    pdfs: tuple[bytes, ...]
    pages: dict[str, int]
    notes: int
    furniture: tuple[Furniture, ...]
    anchors: tuple[Anchor, ...]
    outline: tuple[OutlineEntry, ...]
    links: tuple[Link, ...]

    @property
    def page_count(self) -> int:
        return len(self.furniture)


class LinkRecordingCanvas(Canvas):
    """A canvas that notes the link areas paragraphs ask for instead of writing them."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.links: list[Link] = []

    def linkRect(self, contents, destinationname, Rect=None, addtopage=1, name=None, relative=1, **kw):  # noqa: N803
        self._note(Rect, relative, destinationname, None)

    def linkURL(self, url, rect, relative=0, kind="URI", **kw):
        self._note(rect, relative, url, kind)

    def _note(self, rect, relative, target: str, kind: str | None) -> None:
        self.links.append(Link(self.getPageNumber(), tuple(absolute_rect(self, rect, relative)), target, kind))
