"""A build, in the manner of a static site generator's: gather what is asked for, render each unit
into a staging folder (reusing kept outputs whose inputs did not change), check what was made, and
move it all into place at once (staging.py). Nothing under `out` changes unless every requested output
was produced: a crash, an error or Ctrl-C part-way leaves the previous build exactly as it was.
"""
from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from pathlib import Path

from .cache import OutputCache, content_digest, inputs_key
from .deck.dates import LEDGER_FILE, Ledger, read_ledger, write_ledger
from .epoch import holdable, pinned_epoch
from .errors import BuildError
from .figures import FigureStore
from .model import Content
from .model.schema import EARLIEST_DATE, LATEST_DATE
from .parallel import run_all
from .staging import move_into_place, staging_folder
from .stopwatch import timed
from .units import BookletUnit, CardsUnit, Made, Renderer, SiteUnit
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
        renderer = Renderer(content, staging, epoch, FigureStore(content), report.timings, cache.hint(PAGE_MAP))
        made = _make(units, cache, renderer, report, ledger, dated)
        cards = made.get("cards", (None, None))[0]
        if isinstance(cards, CardsUnit) and cards.ledger is not None:   # the ledger after it, for the next build
            write_ledger(content_dir, cards.ledger)
            made["cards"] = (cards, [sorted(report.spot_pages.items()), cards.ledger.text()])
        move_into_place(staging, out, report.files)
        for name, (unit, extra) in made.items():
            cache.store(name, out, [out / f.relative_to(staging) for f in unit.files], unit.to_json(), extra)
        report.files = [out / f.relative_to(staging) for f in report.files]
        if fingerprint is not None and not report.unsettled:
            record(out, str(Target(target)), fingerprint, report.files)
    return report


Unit = BookletUnit | CardsUnit | SiteUnit
KINDS: dict[str, type[BookletUnit] | type[CardsUnit] | type[SiteUnit]] = {
    "booklet": BookletUnit, "cards": CardsUnit, "site": SiteUnit}


def _make(units: tuple[str, ...], cache: OutputCache, renderer: Renderer, report: Report, ledger: Ledger | None,
          dated: int) -> dict[str, tuple[Unit, object]]:
    """Fetch or make every unit in `units`, filling `report`; returns the units made now, by name, with
    what their cache entries are keyed on besides the inputs.

    The booklet's pages are found first; then the booklet, the cards and the site are made side by side.
    The cards and the site print those pages: should the finished layout have moved a chapter (it can,
    after an edit, when it starts from the kept page map), they are made again with its pages."""
    made: dict[str, tuple[Unit, object]] = {}
    done: dict[str, Unit] = {}
    found: list[dict] = []      # the page map the booklet's layout found

    def extra(name: str, pages: dict[int, int]) -> object:
        return {"booklet": None, "cards": [sorted(pages.items()), ledger and ledger.text()],
                "site": sorted(pages.items())}[name]

    def fetch(names: list[str], pages: dict[int, int]) -> list[str]:
        """Take each of `names` from the cache; the names it does not keep."""
        todo = []
        for name in names:
            facts = cache.fetch(name, renderer.staging, extra(name, pages))
            if facts is None:
                todo.append(name)
            else:
                done[name] = KINDS[name].from_json(facts.pop("files"), facts)
        return todo

    def make(todo: list[str], pages: dict[int, int]) -> None:
        """Make each of `todo` now, side by side."""
        jobs: dict[str, Callable[[], Made]] = {"booklet": renderer.booklet, "site": partial(renderer.site, pages),
                                               "cards": partial(renderer.cards, pages, ledger, dated)}
        renderer.share(todo)
        for name, result in zip(todo, run_all([jobs[name] for name in todo])):
            report.timings.update(result.timings)
            found.extend([result.found] if result.found else [])
            done[name] = result.unit
            made[name] = (result.unit, extra(name, pages))

    pages: dict[int, int] = {}
    todo = fetch(["booklet"], pages) if "booklet" in units else []
    if todo:            # not kept: find its pages first, then lay it out beside the rest
        pages = renderer.start_booklet()
    elif "booklet" in units:
        pages = _booklet(done).spot_pages
    make(todo + fetch([name for name in units if name != "booklet"], pages), pages)
    if "booklet" in made and _booklet(done).spot_pages != pages:
        again: list[str] = [name for name in ("cards", "site") if name in units]
        for name in again:
            made.pop(name, None)
        with timed(report.timings, "made again: the layout moved a chapter"):
            make(fetch(again, _booklet(done).spot_pages), _booklet(done).spot_pages)
    site = made.get("site", (None, None))[0]
    if isinstance(site, SiteUnit):
        renderer.offer(site, [f for name in ("booklet", "cards") if name in done for f in done[name].files])
    for name in units:
        unit = done[name]
        report.files += unit.files
        if isinstance(unit, BookletUnit):
            report.pages, report.spot_pages = unit.pages, unit.spot_pages
        elif isinstance(unit, CardsUnit):
            report.cards = unit.cards
    if found:
        cache.keep_hint(PAGE_MAP, found[-1])
    return made


def _booklet(done: dict[str, Unit]) -> BookletUnit:
    unit = done["booklet"]
    assert isinstance(unit, BookletUnit)
    return unit
