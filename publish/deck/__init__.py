"""The Anki deck: study notes from the content model (cards, kinds, study), packaged with genanki.

Card definitions (cards.py, kinds.py, spot_notes.py, topic_notes.py, study.py) are plain data
shared with any other card renderer; html.py, notetypes.py, style.py, media.py, package.py and
apkg.py turn them into Anki note types, fields and a reproducible .apkg.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Content
from .dates import Ledger
from .study import study_notes

FILE_NAME = "perfect-spots.apkg"


@dataclass
class DeckResult:
    files: list[Path] = field(default_factory=list)
    cards: int = 0
    ledger: Ledger | None = None    # the notes' dates after this build, when it was given one


def build_deck(content: Content, dest: Path, *, epoch: int | None = None,
               spot_pages: dict[int, int] | None = None, ledger: Ledger | None = None) -> DeckResult:
    """Write dest/perfect-spots.apkg. Without a `ledger`, every note is dated `epoch` (default: the
    book's date, 00:00 UTC). With one (see dates.py), only new and changed notes get a new date, no
    earlier than `epoch`, so that Anki updates exactly those on re-import."""
    from .package import write_deck  # genanki is needed here only, not by the card definitions

    dest.mkdir(parents=True, exist_ok=True)
    timestamp = epoch if epoch is not None else calendar.timegm(content.book.date.timetuple())
    path = dest / FILE_NAME
    cards, ledger = write_deck(study_notes(content, spot_pages), content.book, path, timestamp, ledger)
    return DeckResult([path], cards, ledger)
