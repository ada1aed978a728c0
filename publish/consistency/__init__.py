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

from ..editions import CARD_PATHS, DECK_PATH, SITE_DIR, booklet_path
from ..errors import BuildError
from ..model import Labels
from .compare import Mismatch, booklet_and_deck, deck_and_paper

BOOKLET = Path(booklet_path())     # the trim whose pages the deck's page numbers are
DECK = Path(DECK_PATH)
CARDS = [Path(p) for p in CARD_PATHS]
SITE = Path(SITE_DIR)
UNREADABLE = (OSError, ValueError, KeyError, zipfile.BadZipFile, sqlite3.Error, pdfium.PdfiumError, pikepdf.PdfError,
              IndexError, AttributeError)


@dataclass
class Findings:
    files: list[Path] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)


def check_build(out: Path, labels: Labels) -> Findings | None:
    """Compare the outputs in `out`, built with `labels`; None when it holds no booklet and deck to compare."""
    from .booklet import read_booklet
    from .deck import read_deck
    from .paper import read_paper
    from .site import read_site, site_and_booklet

    if not ((out / BOOKLET).exists() and (out / DECK).exists()):
        return None
    chapters, deck = _read(read_booklet, out / BOOKLET, labels), _read(read_deck, out / DECK, labels)
    findings = Findings([out / BOOKLET, out / DECK], booklet_and_deck(chapters, deck))
    for cards in (out / c for c in CARDS):
        if cards.exists():
            findings.files.append(cards)
            findings.mismatches += deck_and_paper(deck, _read(read_paper, cards, labels), cards.name, chapters)
    if (out / SITE / "index.html").exists():
        findings.files.append(out / SITE)
        findings.mismatches += site_and_booklet(_read(lambda folder: read_site(folder, deck), out / SITE),
                                                chapters, deck)
    findings.mismatches = list(dict.fromkeys(findings.mismatches))
    return findings


def _read(reader, path: Path, *more):
    try:
        return reader(path, *more)
    except UNREADABLE as exc:
        raise BuildError(f"cannot read {path}: {exc}") from None
