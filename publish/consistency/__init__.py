"""Do the booklet, the Anki deck, the paper cards and the web edition of a build say the same things?
booklet.py, deck.py, paper.py and site.py read each output the way its users get it (PDF text, the
.apkg's SQLite, the HTML); compare.py (and site.py for the site) names every difference by spot and field."""
from __future__ import annotations

import sqlite3
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from ..editions import CARD_PATHS, DECK_PATH, PAGE_TRIM, SITE_DIR, TRIMS, booklet_path
from ..errors import BuildError
from ..model import Content
from .compare import Mismatch, booklet_and_deck, content_and_booklet, deck_and_paper

BOOKLET = Path(booklet_path())     # the trim whose pages the deck's page numbers are
OTHER_TRIMS = [Path(booklet_path(t)) for t in TRIMS if t != PAGE_TRIM]   # paginated the same: checked the same
DECK = Path(DECK_PATH)
CARDS = [Path(p) for p in CARD_PATHS]
SITE = Path(SITE_DIR)
UNREADABLE = (OSError, ValueError, KeyError, zipfile.BadZipFile, sqlite3.Error, pdfium.PdfiumError, pikepdf.PdfError,
              IndexError, AttributeError)


@dataclass
class Findings:
    files: list[Path] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)


def check_build(out: Path, content: Content) -> Findings | None:
    """Compare the outputs in `out` with each other and with `content` (whose labels they were built
    with); None when `out` holds none of them. A missing, damaged or unreadable output is a BuildError naming it."""
    from .booklet import read_booklet
    from .deck import read_deck
    from .paper import read_paper
    from .site import read_site, site_and_booklet

    if not any((out / p).exists() for p in (BOOKLET, DECK, *CARDS)):
        return None
    labels = content.labels
    chapters, deck = _read(read_booklet, out / BOOKLET, labels), _read(read_deck, out / DECK, labels)
    findings = Findings([out / BOOKLET, out / DECK], booklet_and_deck(chapters, deck))
    findings.mismatches = content_and_booklet(content, chapters) + findings.mismatches
    papers = [(cards, _read(read_paper, cards, labels)) for cards in (out / c for c in CARDS) if cards.exists()]
    for cards, paper in papers:
        findings.files.append(cards)
        findings.mismatches += deck_and_paper(deck, paper, cards.name, chapters)
    for other in (out / p for p in OTHER_TRIMS if (out / p).exists()):
        findings.files.append(other)
        trim_chapters = _read(read_booklet, other, labels)
        found = booklet_and_deck(trim_chapters, deck)
        for cards, paper in papers:
            found += deck_and_paper(deck, paper, cards.name, trim_chapters)
        findings.mismatches += [Mismatch(f"{m.where} ({other.name})", m.field, m.message) for m in found]
    if (out / SITE / "index.html").exists():
        findings.files.append(out / SITE)
        findings.mismatches += site_and_booklet(_read(lambda site: read_site(site, deck), out / SITE, folder=True),
                                                chapters, deck)
    findings.mismatches = list(dict.fromkeys(findings.mismatches))
    return findings


def _read(reader, path: Path, *more, folder: bool = False):
    if not (path.is_dir() if folder else path.is_file()):
        why = "is missing" if not path.exists() else "is a file, not a folder" if folder else "is a folder, not a file"
        raise BuildError(f"{path} {why}")
    try:
        return reader(path, *more)
    except UNREADABLE as exc:
        raise BuildError(f"cannot read {path}: {exc}") from None
