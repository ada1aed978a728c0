"""Render into a staging folder, check the results, then move them into place together.

Nothing under `out` changes unless every requested output was produced: a crash, an
error or Ctrl-C part-way leaves the previous build exactly as it was.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BuildError
from .model import Content


@dataclass
class Report:
    """What a build produced, for the summary line and for later stages."""

    files: list[Path] = field(default_factory=list)
    pages: int = 0
    cards: int = 0
    spot_pages: dict[int, int] = field(default_factory=dict)

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


def build(content: Content, command: str, out: Path, content_dir: Path) -> Report:
    """Build `command` ('booklet', 'deck' or 'all') from `content` into `out`, atomically."""
    out.mkdir(parents=True, exist_ok=True)
    staging = out / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    report = Report()
    try:
        epoch = source_epoch(content_dir)
        if command in ("booklet", "all"):
            from .booklet import build_booklets
            booklets = build_booklets(content, staging / "booklet", epoch=epoch)
            report.files += booklets.files + print_editions(staging / "booklet")
            report.pages = booklets.pages
            report.spot_pages = booklets.spot_pages
        if command in ("deck", "all"):
            from .deck import build_deck
            deck = build_deck(content, staging / "deck", epoch=epoch, spot_pages=report.spot_pages or None)
            report.files += deck.files
            report.cards = deck.cards
        _preflight([f for f in report.files if f.suffix == ".pdf"])
        _move_into_place(staging, out, report.files)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report.files = [out / f.relative_to(staging) for f in report.files]
    return report


def print_editions(folder: Path) -> list[Path]:
    """Saddle-stitch sheets for home printing and the bleed edition for print shops."""
    from .printing.bleed import add_bleed
    from .printing.imposition import impose

    made = []
    for reader, sheets, paper in (("perfect-spots-a5.pdf", "perfect-spots-a5-on-a4.pdf", "A4"),
                                  ("perfect-spots-half-letter.pdf", "perfect-spots-half-letter-on-letter.pdf", "Letter")):
        impose(folder / reader, folder / sheets, paper)
        made.append(folder / sheets)
    add_bleed(folder / "perfect-spots-a5.pdf", folder / "perfect-spots-a5-bleed.pdf")
    return made + [folder / "perfect-spots-a5-bleed.pdf"]


def _preflight(pdfs: list[Path]) -> None:
    from .printing.preflight import preflight

    failed = [str(r) for r in map(preflight, pdfs) if not r.ok]
    if failed:
        raise BuildError("preflight failed:\n" + "\n".join(failed))


def _move_into_place(staging: Path, out: Path, files: list[Path]) -> None:
    for f in files:
        target = out / f.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(f, target)
