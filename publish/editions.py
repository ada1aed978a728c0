"""Every edition the publisher writes, in one place: trim sizes, print sheets, bleed, the card
papers and every output's file name. Adding a trim means adding one `Trim` to TRIMS here; the
booklet lays it out, the build imposes it, preflight knows its size and the checks find its files.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

MM = 72 / 25.4      # points per millimetre
INCH = 72           # points per inch
BLEED = 3 * MM      # print-shop bleed; art that touches the trim edge is drawn this far past it
SAFE_ZONE = 6 * MM  # home printers leave this much of the sheet edge unprinted: only background colour there
STEM = "perfect-spots"


@dataclass(frozen=True)
class Paper:
    """A sheet of printer paper, portrait. `short` is how sheet editions and preflight name it."""

    slug: str
    name: str
    short: str
    width: float
    height: float

    @property
    def landscape(self) -> tuple[float, float]:
        return self.height, self.width


A4 = Paper("a4", "A4", "A4", 210 * MM, 297 * MM)
LETTER = Paper("letter", "US Letter", "Letter", 8.5 * INCH, 11 * INCH)
CARD_PAPERS = (A4, LETTER)


@dataclass(frozen=True)
class Trim:
    """A page size the booklet is laid out for, with its print editions: saddle-stitch sheets two-up
    on `sheet`, and (if `bleed`) single pages with bleed for print shops. `short` is how preflight
    names it."""

    name: str
    slug: str
    short: str
    width: float
    height: float
    sheet: Paper
    bleed: bool = False

    @property
    def reader_file(self) -> str:
        return f"{STEM}-{self.slug}.pdf"

    @property
    def sheets_file(self) -> str:
        return f"{STEM}-{self.slug}-on-{self.sheet.slug}.pdf"

    @property
    def bleed_file(self) -> str | None:
        return f"{STEM}-{self.slug}-bleed.pdf" if self.bleed else None


A5 = Trim("A5", "a5", "A5", 148 * MM, 210 * MM, sheet=A4, bleed=True)
HALF_LETTER = Trim("US half-letter", "half-letter", "half-letter", 5.5 * INCH, 8.5 * INCH, sheet=LETTER)
TRIMS = (A5, HALF_LETTER)
PAGE_TRIM = A5      # the trim whose page numbers the deck and the paper cards quote

BOOKLET_DIR, DECK_DIR, CARDS_DIR, SITE_DIR = "booklet", "deck", "cards", "site"
DECK_FILE = f"{STEM}.apkg"


def cards_file(paper: Paper) -> str:
    return f"{STEM}-cards-{paper.slug}.pdf"


def booklet_path(trim: Trim = PAGE_TRIM) -> PurePosixPath:
    """Where a trim's reader edition lands, relative to the output folder."""
    return PurePosixPath(BOOKLET_DIR, trim.reader_file)


DECK_PATH = PurePosixPath(DECK_DIR, DECK_FILE)
CARD_PATHS = tuple(PurePosixPath(CARDS_DIR, cards_file(p)) for p in CARD_PAPERS)


def preflight_sizes() -> dict[str, tuple[float, float]]:
    """Every page size a finished PDF may have, by the name preflight reports: the booklet trims, the
    saddle-stitch sheets (landscape) and the card papers (portrait)."""
    sizes = {t.short: (t.width, t.height) for t in TRIMS}
    sizes |= {f"{t.sheet.short} landscape": t.sheet.landscape for t in TRIMS}
    sizes |= {p.short: (p.width, p.height) for p in CARD_PAPERS}
    return sizes


def safe_zones() -> dict[str, float]:
    """How far from the sheet edge nothing but background colour may print, by preflight name: the
    home-print saddle-stitch sheets. Reader pages are not printed edge to edge, and a print shop
    trims the bleed edition, so their tabs may run to the edge."""
    return {f"{t.sheet.short} landscape": SAFE_ZONE for t in TRIMS}


def booklet_sizes() -> set[str]:
    """The preflight names of the booklet trims (page counts must be multiples of 4)."""
    return {t.short for t in TRIMS}
