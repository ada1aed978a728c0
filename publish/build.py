"""Render into a staging folder, check the results, then move them into place together.

Nothing under `out` changes unless every requested output was produced: a crash, an
error or Ctrl-C part-way leaves the previous build exactly as it was.
"""
from __future__ import annotations

import calendar
import fcntl
import os
import shutil
import signal
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .cache import OutputCache, inputs_key
from .errors import BuildError
from .figures import drawn_once
from .model import Content
from .parallel import run_all
from .stopwatch import timed

# A build renders into out/.staging-PID while it holds a lock on `out` (a second build into the same
# folder is refused); the journal there lists the outputs once all of them are made and checked.
STAGING = ".staging-"
JOURNAL = "MOVING"
HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


@dataclass
class Report:
    """What a build produced, for the summary line and for later stages, and the seconds each stage
    took (the two booklet trims, each with its print editions and preflight, run side by side)."""

    files: list[Path] = field(default_factory=list)
    pages: int = 0
    cards: int = 0
    spot_pages: dict[int, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self, out: Path) -> list[str]:
        parts = []
        if self.pages:
            parts.append(f"{self.pages} booklet pages")
        if self.cards:
            parts.append(f"{self.cards} cards")
        parts.append(f"{len(self.files)} files written to {out}")
        return parts


def source_epoch(content_dir: Path) -> int | None:
    """A timestamp that is the same for the same content and grows when content changes.

    SOURCE_DATE_EPOCH if set; else, in a git checkout, the commit time of the last change to
    the content folder, unless the folder has uncommitted edits, in which case the newest
    modification time of its files (so a rebuilt deck still counts as newer in Anki).
    None outside git with no SOURCE_DATE_EPOCH: callers then use the book's date.
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    git = ["git", "-C", str(content_dir)]
    try:
        dirty = subprocess.run(git + ["status", "--porcelain", "--", "."], capture_output=True, text=True, check=True).stdout
        committed = subprocess.run(git + ["log", "-1", "--format=%ct", "--", "."], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    if dirty.strip() or not committed.strip():
        return max(int(p.stat().st_mtime) for p in content_dir.rglob("*") if p.is_file())
    return int(committed)


@drawn_once()   # each figure is drawn once, for the booklet, the deck and the cards
def build(content: Content, command: str, out: Path, content_dir: Path) -> Report:
    """Build `command` ('booklet', 'deck', 'site' or 'all') from `content` into `out`, atomically.
    The site carries the booklet's page numbers and offers the PDFs and the deck, so 'site' makes
    (or takes from the cache) those too."""
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out} is a file, not a folder; give --out a folder")
    out.mkdir(parents=True, exist_ok=True)
    lock = _lock(out)
    staging = out / f"{STAGING}{os.getpid()}"
    report = Report()
    try:
        _recover(out)
        staging.mkdir()
        epoch = source_epoch(content_dir)
        dated = epoch if epoch is not None else calendar.timegm(content.book.date.timetuple())  # as renderers do
        cache = OutputCache(out, inputs_key(content_dir, dated))
        made: list[tuple[str, dict, object]] = []     # units made now, kept once they are in place
        if command in ("booklet", "all", "site"):
            booklet = _unit(cache, "booklet", staging, None, made,
                            partial(_booklet, content, staging / "booklet", epoch, report.timings))
            report.files += booklet["files"]
            report.pages = booklet["pages"]
            report.spot_pages = {int(n): page for n, page in booklet["spot_pages"].items()}
        if command in ("deck", "all", "site"):
            cards = _unit(cache, "cards", staging, sorted(report.spot_pages.items()), made,
                          partial(_cards, content, staging, epoch, report.spot_pages, report.timings))
            report.files += cards["files"]
            report.cards = cards["cards"]
        if command in ("site", "all"):
            report.files += _unit(cache, "site", staging, sorted(report.spot_pages.items()), made,
                                  partial(_site, content, staging, report.spot_pages, list(report.files),
                                          report.timings))["files"]
        _move_into_place(staging, out, report.files)
        for unit, facts, extra in made:
            cache.store(unit, out, [out / f.relative_to(staging) for f in facts["files"]], facts, extra)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        os.close(lock)
    report.files = [out / f.relative_to(staging) for f in report.files]
    return report


PRINT_SHEETS = {"perfect-spots-a5.pdf": ("perfect-spots-a5-on-a4.pdf", "A4"),
                "perfect-spots-half-letter.pdf": ("perfect-spots-half-letter-on-letter.pdf", "Letter")}
BLEED_EDITIONS = {"perfect-spots-a5.pdf": "perfect-spots-a5-bleed.pdf"}


def finish_trim(reader: Path, timings: dict[str, float]) -> list[Path]:
    """A reader PDF's print editions: saddle-stitch sheets for home printing and, for A5, the bleed
    edition for print shops; then preflight of all of them. Runs in the trim's own process."""
    from .printing.bleed import add_bleed
    from .printing.imposition import impose

    trim = reader.stem.removeprefix("perfect-spots-")
    sheets, paper = PRINT_SHEETS[reader.name]
    made = [reader.with_name(sheets)]
    with timed(timings, f"print editions {trim}"):
        impose(reader, made[0], paper)
        if reader.name in BLEED_EDITIONS:
            made.append(reader.with_name(BLEED_EDITIONS[reader.name]))
            add_bleed(reader, made[-1])
    with timed(timings, f"preflight {trim}"):
        _preflight([reader, *made])
    return made


def _unit(cache: OutputCache, name: str, staging: Path, extra: object, made: list, make) -> dict:
    """A unit's facts ('files' and what the report needs): kept from an earlier build when nothing it
    is made from has changed, else made now (and listed in `made`)."""
    facts = cache.fetch(name, staging, extra)
    if facts is None:
        facts = make()
        made.append((name, facts, extra))
    return facts


def _booklet(content: Content, folder: Path, epoch: int | None, timings: dict[str, float]) -> dict:
    """Both trims with their print editions, each trim in its own process."""
    from .booklet import build_booklets

    booklets = build_booklets(content, folder, epoch=epoch, finish=finish_trim)
    timings.update(booklets.timings)
    return {"files": booklets.files, "pages": booklets.pages, "spot_pages": booklets.spot_pages}


def _cards(content: Content, staging: Path, epoch: int | None, spot_pages: dict[int, int],
           timings: dict[str, float]) -> dict:
    """The Anki deck and the paper cards, side by side."""
    (deck, cards, deck_timings), (paper, paper_timings) = run_all([
        partial(_deck, content, staging / "deck", epoch, spot_pages),
        partial(_paper_cards, content, staging / "cards", epoch, spot_pages)])
    timings.update(deck_timings | paper_timings)
    return {"files": deck + paper, "cards": cards}


def _deck(content: Content, folder: Path, epoch: int | None, spot_pages: dict[int, int]):
    """The Anki deck: (files, cards, timings)."""
    from .deck import build_deck

    timings: dict[str, float] = {}
    with timed(timings, "deck"):
        deck = build_deck(content, folder, epoch=epoch, spot_pages=spot_pages or None)
    return deck.files, deck.cards, timings


def _paper_cards(content: Content, folder: Path, epoch: int | None, spot_pages: dict[int, int]):
    """The print-and-cut cards, preflighted: (files, timings)."""
    from .paper import build_cards

    timings: dict[str, float] = {}
    with timed(timings, "paper cards"):
        files = build_cards(content, folder, epoch=epoch, spot_pages=spot_pages or None).files
    with timed(timings, "preflight cards"):
        _preflight(files)
    return files, timings


def _site(content: Content, staging: Path, spot_pages: dict[int, int], downloads: list[Path],
          timings: dict[str, float]) -> dict:
    """The web edition, with copies of the booklet PDFs and the deck to download."""
    from .site import build_site

    with timed(timings, "site"):
        return {"files": build_site(content, staging / "site", spot_pages, downloads)}


def _preflight(pdfs: list[Path]) -> None:
    from .printing.preflight import preflight

    failed = [str(r) for r in map(preflight, pdfs) if not r.ok]
    if failed:
        raise BuildError("preflight failed:\n" + "\n".join(failed))


def _move_into_place(staging: Path, out: Path, files: list[Path]) -> None:
    """Move `files` into place as one set. Once the journal naming them is on disk, Ctrl-C, kill and
    hang-up wait until the last file is in; if the build dies harder (SIGKILL, power cut), the next
    build finishes the move before it starts (_recover)."""
    names = [f.relative_to(staging).as_posix() for f in files]
    for target in (out / name for name in names):
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir():
            raise BuildError(f"{target} is a folder; move it away so the build can put its file there")
        if target.parent.stat().st_dev != staging.stat().st_dev:
            raise BuildError(f"{target.parent} is on another disk than {out}, so its files cannot be "
                             "swapped in one step; make it a plain folder")
    for f in files:
        _fsync(f)
    with _signals_held():
        draft = staging / (JOURNAL + ".part")
        draft.write_text("".join(name + "\n" for name in names), encoding="utf-8")
        _fsync(draft)
        os.replace(draft, staging / JOURNAL)
        _fsync(staging)
        _move(staging, out, names)


def _lock(out: Path) -> int:
    """Hold `out` for this build alone: an flock on the folder, which the system drops if the process dies."""
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise BuildError(f"another build is writing to {out}; run this one again when it has finished") from None
    return fd


def _recover(out: Path) -> None:
    """Clear up after builds that were killed: finish moving a set whose journal was written, drop the rest."""
    for staging in sorted(out.glob(STAGING + "*")):
        journal = staging / JOURNAL
        if journal.is_file():
            with _signals_held():
                _move(staging, out, journal.read_text(encoding="utf-8").splitlines())
        shutil.rmtree(staging, ignore_errors=True)


def _move(staging: Path, out: Path, names: list[str]) -> None:
    """Rename each named file from `staging` over its place in `out`; a file already moved is skipped."""
    for name in names:
        if (staging / name).is_file():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, out / name)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _signals_held():
    """Hold Ctrl-C, kill and hang-up until the block is done; they take effect as it ends."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
