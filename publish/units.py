"""The units a build makes (the booklet; the cards: deck and paper; the site) and how each is rendered
into the staging folder.

The booklet's pages are found first (`Renderer.start_booklet`: from the page map an earlier build kept,
else a dry layout); with them, the rest of the booklet, the cards and the site can be made side by side,
each in its own process. A job run in a child process returns everything it found (its unit, its stage
times, the page map to keep), since nothing it sets on the renderer reaches the parent.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .deck.dates import Ledger
from .editions import BOOKLET_DIR, CARDS_DIR, DECK_DIR, PAGE_TRIM, SITE_DIR, TRIMS, Trim
from .figures import FigureStore
from .model import Content
from .parallel import run_all
from .stopwatch import timed

if TYPE_CHECKING:
    from .booklet import Start
    from .booklet.context import Art

Timings = dict[str, float]


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
class SiteUnit:
    """The web edition."""

    files: list[Path]

    def to_json(self) -> dict:
        return {}

    @classmethod
    def from_json(cls, files: list[Path], facts: dict) -> SiteUnit:
        return cls(files)


@dataclass
class Made:
    """What a unit's job hands back from its process: the unit, its stage times and, for the booklet,
    the page map its layout found (JSON), for the next build to start from."""

    unit: BookletUnit | CardsUnit | SiteUnit
    timings: Timings
    found: dict | None = None


@dataclass
class Renderer:
    """Renders the units of one build into `staging`. Every figure a unit needs is drawn into the
    shared store before that unit's work is forked, so each distinct figure is drawn once."""

    content: Content
    staging: Path
    epoch: int | None
    store: FigureStore
    timings: Timings
    start: object = None                    # a page map kept by an earlier build (JSON), if any
    booklet_start: tuple[Art, Start] | None = field(default=None, init=False)

    def start_booklet(self) -> dict[int, int]:
        """Draw the booklet's figures and find its pages (from the kept page map, else by a dry layout):
        each spot's first page, which the cards and the site print."""
        from .booklet import Start, prepare, settle
        from .booklet.marks import spot_key

        with timed(self.timings, "figures"):
            art = prepare(self.content, self.store)
        start = Start.from_json(self.start) or settle(self.content, art, self.timings)
        self.booklet_start = (art, start)
        return {s.number: start.pages.get(spot_key(s), 0) for s in self.content.spots}

    def share(self, units: list[str]) -> None:
        """Draw now, before `units` are made side by side, the figures more than one of them needs (the
        site's charts are the deck's too), so that no process draws one again."""
        if "site" in units and "cards" in units:
            from .site.art import figure_keys

            self.store.draw_all(figure_keys(self.content))

    def booklet(self) -> Made:
        """The booklet laid out once from where `start_booklet` found its pages, then placed on every trim,
        each with its print editions and preflight in its own process; with the page map to keep."""
        from .booklet import Start, lay_out

        assert self.booklet_start is not None, "start_booklet() first"
        art, start = self.booklet_start
        timings: Timings = {}
        with timed(timings, "booklet layout"):
            laid = lay_out(self.content, art, self.content.book_epoch if self.epoch is None else self.epoch, start)
        results = run_all([partial(self._trim, trim, laid) for trim in TRIMS])
        files: list[Path] = []
        for made, trim_result in results:
            files += made
            timings.update(trim_result.timings)
        main = results[TRIMS.index(PAGE_TRIM)][1]
        return Made(BookletUnit(files, main.pages, main.spot_pages), timings, Start.of(laid).to_json())

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

    def cards(self, spot_pages: dict[int, int], ledger: Ledger | None, dated: int) -> Made:
        """The Anki deck and the paper cards, side by side; with a ledger, also the ledger after the deck."""
        from .study import figure_keys, study_notes

        timings: Timings = {}
        with timed(timings, "card figures"):
            keys = figure_keys(study_notes(self.content))
            self.store.draw_all(keys + [key.for_screen() for key in keys])    # the deck's phone layouts
        deck_epoch = self.epoch if ledger is None else dated
        (deck, count, dates, deck_timings), (paper, paper_timings) = run_all([
            partial(self._deck, spot_pages, deck_epoch, ledger), partial(self._paper_cards, spot_pages)])
        return Made(CardsUnit(deck + paper, count, dates), timings | deck_timings | paper_timings)

    def _deck(self, spot_pages: dict[int, int], epoch: int | None, ledger: Ledger | None):
        """The Anki deck: (files, cards, ledger after it, timings)."""
        from .deck import build_deck

        timings: Timings = {}
        with timed(timings, "deck"):
            deck = build_deck(self.content, self.staging / DECK_DIR, epoch=epoch,
                              spot_pages=spot_pages or None, store=self.store, ledger=ledger)
        return deck.files, deck.cards, deck.ledger, timings

    def _paper_cards(self, spot_pages: dict[int, int]):
        from .paper import build_cards
        from .printing import preflight_all

        timings: Timings = {}
        with timed(timings, "paper cards"):
            files = build_cards(self.content, self.staging / CARDS_DIR, epoch=self.epoch,
                                spot_pages=spot_pages or None, store=self.store).files
        with timed(timings, "preflight cards"):
            preflight_all(files)
        return files, timings

    def site(self, spot_pages: dict[int, int]) -> Made:
        """The web edition, but for the copies of the booklet PDFs and the deck it offers (`offer`)."""
        from .site import write_site

        timings: Timings = {}
        with timed(timings, "site"):
            site = SiteUnit(write_site(self.content, self.staging / SITE_DIR, spot_pages, self.store))
        return Made(site, timings)

    def offer(self, site: SiteUnit, downloads: list[Path]) -> None:
        """Copies of the booklet PDFs and the deck in the site's downloads."""
        from .site import copy_downloads

        site.files += copy_downloads(self.staging / SITE_DIR, downloads)
