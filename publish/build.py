"""A build, in the manner of a static site generator's: gather what is asked for, render each unit
into a staging folder (reusing kept outputs whose inputs did not change), check what was made, and
move it all into place at once (staging.py). Nothing under `out` changes unless every requested output
was produced: a crash, an error or Ctrl-C part-way leaves the previous build exactly as it was.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from pathlib import Path

from .cache import OutputCache, content_digest, inputs_key
from .deck.dates import LEDGER_FILE, Ledger, read_ledger, write_ledger
from .editions import BOOKLET_DIR, CARDS_DIR, DECK_DIR, PAGE_TRIM, SITE_DIR, TRIMS, Trim
from .epoch import holdable, pinned_epoch
from .errors import BuildError
from .figures import FigureStore
from .model import Content
from .model.schema import EARLIEST_DATE, LATEST_DATE
from .parallel import run_all
from .staging import move_into_place, staging_folder
from .stopwatch import timed
from .uptodate import record

PAGE_MAP = "booklet-pages"


class Target(StrEnum):
    """What a build is asked for: the booklet, the deck (with the paper cards, and the booklet whose
    page numbers every card carries), the web edition (with what it carries and offers: the booklet
    and the deck), or everything. Every target leaves outputs that agree with each other."""

    BOOKLET = "booklet"
    DECK = "deck"
    SITE = "site"
    ALL = "all"

    @property
    def units(self) -> tuple[str, ...]:
        return {"booklet": ("booklet",), "deck": ("booklet", "cards"), "site": ("booklet", "cards", "site"),
                "all": ("booklet", "cards", "site")}[self.value]


@dataclass
class BookletUnit:
    """Every trim with its print editions; the page-number trim's page count and each spot's first page."""

    files: list[Path]
    pages: int
    spot_pages: dict[int, int]

    def to_json(self) -> dict:
        return {"pages": self.pages, "spot_pages": {str(n): p for n, p in self.spot_pages.items()}}

    @classmethod
    def from_json(cls, files: list[Path], facts: dict) -> BookletUnit:
        return cls(files, facts["pages"], {int(n): p for n, p in facts["spot_pages"].items()})


@dataclass
class CardsUnit:
    """The Anki deck and the paper cards."""

    files: list[Path]
    cards: int
    ledger: Ledger | None = None   # the deck's date ledger after this build, when made with one

    def to_json(self) -> dict:
        return {"cards": self.cards}

    @classmethod
    def from_json(cls, files: list[Path], facts: dict) -> CardsUnit:
        return cls(files, facts["cards"])


@dataclass
class Report:
    """What a build produced, for the summary line and for later stages, and the seconds each stage
    took (the booklet trims, each with its print editions and preflight, run side by side)."""

    files: list[Path] = field(default_factory=list)
    pages: int = 0
    cards: int = 0
    spot_pages: dict[int, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    unsettled: bool = False   # the content changed while it was read: the outputs were not kept

    def summary(self, out: Path) -> list[str]:
        parts = []
        if self.pages:
            parts.append(f"{self.pages} booklet pages")
        if self.cards:
            parts.append(f"{self.cards} cards")
        parts.append(f"{len(self.files)} files written to {out}")
        if self.unsettled:
            parts.append("the content changed while it was read, so nothing was kept for reuse; "
                         "build again to include the latest edits")
        return parts


def source_epoch(content_dir: Path) -> int | None:
    """A timestamp that is the same for the same content and grows when content changes.

    SOURCE_DATE_EPOCH if set; else, in a git checkout, the commit time of the last change to
    the content folder, unless the folder has uncommitted edits, in which case the newest
    modification time of its files (so a rebuilt deck still counts as newer in Anki).
    None outside git with no SOURCE_DATE_EPOCH: callers then use the book's date.
    The deck's date ledger is not content: the build writes it, and it must not move this date.
    """
    pinned = pinned_epoch()
    if pinned is not None:
        return pinned
    git = ["git", "-C", str(content_dir)]
    paths = ["--", ".", f":(exclude){LEDGER_FILE}"]
    try:
        dirty = subprocess.run(git + ["status", "--porcelain", *paths], capture_output=True, text=True, check=True).stdout
        committed = subprocess.run(git + ["log", "-1", "--format=%ct", *paths], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    if dirty.strip() or not committed.strip():
        return _checked(max(int(p.stat().st_mtime) for p in content_dir.rglob("*")
                            if p.is_file() and p != content_dir / LEDGER_FILE),
                        f"the newest modification time in {content_dir}")
    return _checked(int(committed), f"the last commit of {content_dir}")


def _checked(epoch: int, source: str) -> int:
    """`epoch` if every output can carry it (a zip entry, and so the deck, holds 1980 to 2107; Anki's note
    ids are made from it and must not be 0), else a BuildError naming where it came from."""
    if not holdable(epoch):
        raise BuildError(f"the build date from {source} ({epoch}) is outside {EARLIEST_DATE.year} to "
                         f"{LATEST_DATE.year}, the years every output (the deck's zip file) can carry")
    return epoch


def build(content: Content, target: Target | str, out: Path, content_dir: Path, read: str | None = None,
          fingerprint: str | None = None) -> Report:
    """Build `target` from `content` into `out`, atomically. The site carries the booklet's page numbers
    and offers the PDFs and the deck, so 'site' makes (or takes from the cache) those too.

    `read` is the content folder's digest taken before `content` was loaded from it: kept outputs are
    keyed on the bytes the build read, so when the folder changed since, nothing is fetched or kept.
    `fingerprint` (uptodate.py), taken then too, is recorded with the files put in place, so that the
    next build of the same inputs sees at once that there is nothing to do."""
    units = Target(target).units
    report = Report()
    epoch = source_epoch(content_dir)
    dated = content.book_epoch if epoch is None else epoch  # as renderers do
    # With SOURCE_DATE_EPOCH every note is dated by it; else by the ledger, new and changed notes by `dated`.
    ledger = None if pinned_epoch() is not None else read_ledger(content_dir)
    with staging_folder(out) as staging:
        now = content_digest(content_dir)
        report.unsettled = read is not None and read != now
        cache = OutputCache(out, None if report.unsettled else inputs_key(now, dated))
        start = cache.hint(PAGE_MAP)     # where the booklet's last layout found its pages: saves a dry pass
        renderer = Renderer(content, staging, epoch, FigureStore(content), report.timings, start)
        made: list[tuple[str, BookletUnit | CardsUnit | SiteUnit, object]] = []   # units made now, kept once in place
        if "booklet" in units:
            booklet = _unit(cache, "booklet", staging, None, made, BookletUnit, renderer.booklet)
            report.files += booklet.files
            report.pages, report.spot_pages = booklet.pages, booklet.spot_pages
        if "cards" in units:
            pages = report.spot_pages
            cards = _unit(cache, "cards", staging, [sorted(pages.items()), ledger and ledger.text()], made,
                          CardsUnit, partial(renderer.cards, pages, ledger, dated))
            report.files += cards.files
            report.cards = cards.cards
            if cards.ledger is not None:   # made now: the ledger after it, which the next build reads
                write_ledger(content_dir, cards.ledger)
                made[-1] = ("cards", cards, [sorted(pages.items()), cards.ledger.text()])
        if "site" in units:
            site = _unit(cache, "site", staging, sorted(report.spot_pages.items()), made, SiteUnit,
                         partial(renderer.site, report.spot_pages, list(report.files)))
            report.files += site.files
        move_into_place(staging, out, report.files)
        for name, unit, extra in made:
            cache.store(name, out, [out / f.relative_to(staging) for f in unit.files], unit.to_json(), extra)
        report.files = [out / f.relative_to(staging) for f in report.files]
        if renderer.found is not None:
            cache.keep_hint(PAGE_MAP, renderer.found)
        if fingerprint is not None and not report.unsettled:
            record(out, str(Target(target)), fingerprint, report.files)
    return report


def _unit(cache: OutputCache, name: str, staging: Path, extra: object, made: list, kind, make):
    """A unit kept from an earlier build when nothing it is made from has changed, else made now
    (and listed in `made`)."""
    kept = cache.fetch(name, staging, extra)
    if kept is not None:
        return kind.from_json(kept.pop("files"), kept)
    unit = make()
    made.append((name, unit, extra))
    return unit


@dataclass
class SiteUnit:
    """The web edition."""

    files: list[Path]

    def to_json(self) -> dict:
        return {}

    @classmethod
    def from_json(cls, files: list[Path], facts: dict) -> SiteUnit:
        return cls(files)


@dataclass
class Renderer:
    """Renders the units of one build into `staging`. Every figure a unit needs is drawn into the
    shared store before the unit's work is forked, so each distinct figure is drawn once."""

    content: Content
    staging: Path
    epoch: int | None
    store: FigureStore
    timings: dict[str, float]
    start: object = None            # a page map kept by an earlier build (JSON), if any
    found: dict | None = None       # the page map this build's layout found (JSON), to keep

    def booklet(self) -> BookletUnit:
        """The booklet laid out once, then placed on every trim, each with its print editions and preflight in its own process."""
        from .booklet import Start, lay_out, prepare, settle

        with timed(self.timings, "figures"):
            art = prepare(self.content, self.store)
        start = Start.from_json(self.start) or settle(self.content, art, self.timings)
        with timed(self.timings, "booklet layout"):
            laid = lay_out(self.content, art, self.content.book_epoch if self.epoch is None else self.epoch, start)
        self.found = Start.of(laid).to_json()
        results = run_all([partial(self._trim, trim, laid) for trim in TRIMS])
        files: list[Path] = []
        for made, trim_result in results:
            files += made
            self.timings.update(trim_result.timings)
        main = results[TRIMS.index(PAGE_TRIM)][1]
        return BookletUnit(files, main.pages, main.spot_pages)

    def _trim(self, trim: Trim, laid):
        from .booklet import write_trim
        from .booklet.pages import Trim as BookletTrim
        from .printing import preflight_all, print_editions

        result = write_trim(self.content, BookletTrim.of(trim), laid, self.epoch,
                            self.staging / BOOKLET_DIR / trim.reader_file)
        made = [result.path, *print_editions(trim, result.path, result.timings)]
        with timed(result.timings, f"preflight {trim.slug}"):
            preflight_all(made)
        return made, result

    def cards(self, spot_pages: dict[int, int], ledger: Ledger | None, dated: int) -> CardsUnit:
        """The Anki deck and the paper cards, side by side; with a ledger, also the ledger after the deck."""
        from .study import figure_keys, study_notes

        with timed(self.timings, "card figures"):
            keys = figure_keys(study_notes(self.content))
            self.store.draw_all(keys + [key.for_screen() for key in keys])    # the deck's phone layouts
        deck_epoch = self.epoch if ledger is None else dated
        (deck, count, dates, deck_timings), (paper, paper_timings) = run_all([
            partial(self._deck, spot_pages, deck_epoch, ledger), partial(self._paper_cards, spot_pages)])
        self.timings.update(deck_timings | paper_timings)
        return CardsUnit(deck + paper, count, dates)

    def _deck(self, spot_pages: dict[int, int], epoch: int | None, ledger: Ledger | None):
        """The Anki deck: (files, cards, ledger after it, timings)."""
        from .deck import build_deck

        timings: dict[str, float] = {}
        with timed(timings, "deck"):
            deck = build_deck(self.content, self.staging / DECK_DIR, epoch=epoch,
                              spot_pages=spot_pages or None, store=self.store, ledger=ledger)
        return deck.files, deck.cards, deck.ledger, timings

    def _paper_cards(self, spot_pages: dict[int, int]):
        from .paper import build_cards
        from .printing import preflight_all

        timings: dict[str, float] = {}
        with timed(timings, "paper cards"):
            files = build_cards(self.content, self.staging / CARDS_DIR, epoch=self.epoch,
                                spot_pages=spot_pages or None, store=self.store).files
        with timed(timings, "preflight cards"):
            preflight_all(files)
        return files, timings

    def site(self, spot_pages: dict[int, int], downloads: list[Path]) -> SiteUnit:
        """The web edition, with copies of the booklet PDFs and the deck to download."""
        from .site import build_site

        with timed(self.timings, "site"):
            return SiteUnit(build_site(self.content, self.staging / SITE_DIR, spot_pages, downloads, self.store))
