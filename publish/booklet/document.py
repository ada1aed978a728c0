"""Lay the booklet out once and write each trim size.

Every trim has the same text block (pages.py), so the booklet is laid out once, on pages the size of
the text block, in runs of chapters side by side (chunks.py): a dry layout finds the page of every mark
(`settle`; or a build starts from the pages the last one found), then one layout prints from those page
numbers (`lay_out`, again while they move). Each trim then places the laid-out pages on its own page
size with its running heads, folios, tabs and covers (placement.py), side by side in forked processes:
both editions have the same pages by construction.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..editions import PAGE_TRIM
from ..errors import BuildError
from ..figures import FigureStore
from ..fonts import register
from ..model import Content
from ..parallel import run_all
from ..stopwatch import timed
from .chunks import Pass, context, lay_out_pass
from .context import Art
from .laid_out import LaidOut
from .marks import spot_key
from .pages import TRIMS, Trim
from .placement import place
from .refs import Pages
from .sections import draw_figures
from .sections.back import NOTES

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
    draw_figures(context(content, Pages({}, len(content.spots)), art, MIN_NOTES_PAGES))
    return art


def settle(content: Content, art: Art, timings: dict[str, float]) -> Start:
    """The pages of every mark, found by a dry layout."""
    with timed(timings, "booklet pages"):
        found = lay_out_pass(content, art, content.book_epoch, {}, MIN_NOTES_PAGES, dry=True)
        return Start(found.found, _notes_needed(found, MIN_NOTES_PAGES))


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
        found = lay_out_pass(content, art, epoch, previous, notes, dry=attempt == 0 and not previous)
        needed = _notes_needed(found, notes)
        if found.found == previous and needed == notes and found.laid is not None:
            missing = found.wanted - set(found.found)
            if missing:
                raise BuildError(f"the booklet refers to pages of marks it never printed: {', '.join(sorted(missing))}")
            return found.laid
        previous, notes = found.found, needed
    raise BuildError(f"the page numbers of the booklet did not settle after {MAX_PASSES} layout passes")


def _notes_needed(found: Pass, notes: int) -> int:
    """Notes pages the layout pass `found`, made with `notes` of them, needs."""
    notes_at = found.found[NOTES.key]
    return notes_needed(notes_at - 1, back_pages=found.page_count - (notes_at + notes - 1))
