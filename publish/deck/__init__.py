"""The Anki deck: the study notes (publish/study/) packaged with genanki.

html.py, notetypes.py, style.py, media.py, package.py and apkg.py (with the note types' frozen
ids and field names in publish/anki_fields.py) turn the renderer-neutral
notes into Anki note types, fields and a reproducible .apkg.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..editions import DECK_FILE
from ..figures import FigureStore
from ..model import Content
from ..study import study_notes
from .dates import Ledger


@dataclass
class DeckResult:
    files: list[Path] = field(default_factory=list)
    cards: int = 0
    ledger: Ledger | None = None


def build_deck(content: Content, dest: Path, *, epoch: int | None = None,
               spot_pages: dict[int, int] | None = None,
               store: FigureStore | None = None, ledger: Ledger | None = None) -> DeckResult:
    """Write dest/perfect-spots.apkg. Without a `ledger`, every note is dated `epoch` (default: the
    book's date, 00:00 UTC). With one (see dates.py), only new and changed notes get a new date, no
    earlier than `epoch`, so that Anki updates exactly those on re-import."""
    from .package import write_deck  # genanki is needed here only, not by the card definitions

    dest.mkdir(parents=True, exist_ok=True)
    timestamp = content.book_epoch if epoch is None else epoch
    path = dest / DECK_FILE
    cards, ledger = write_deck(study_notes(content, spot_pages), content.book, path, timestamp,
                               store or FigureStore(content), content.labels, ledger)
    return DeckResult([path], cards, ledger)
