"""Print-and-cut flashcards: the Anki deck's cards (publish/study/) laid out on A4 and US
Letter sheets for duplex printing. layout.py lays each card out once (card.py makes its
pieces), sheet.py places them, document.py writes each PDF."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..editions import CARD_PAPERS, cards_file
from ..figures import FigureStore
from ..model import Content
from ..parallel import run_all
from ..study import study_notes
from .document import write_cards
from .layout import lay_out

__all__ = ["CardsResult", "build_cards"]


@dataclass
class CardsResult:
    files: list[Path] = field(default_factory=list)
    cards: int = 0
    sheets: int = 0


def build_cards(content: Content, dest: Path, *, epoch: int | None = None,
                spot_pages: dict[int, int] | None = None, store: FigureStore | None = None) -> CardsResult:
    """Write dest/perfect-spots-cards-a4.pdf and ...-letter.pdf; `spot_pages` adds booklet pages.
    `store` holds the build's drawings (a new one is made if none is given)."""
    dest.mkdir(parents=True, exist_ok=True)
    timestamp = content.book_epoch if epoch is None else epoch
    notes = study_notes(content, spot_pages)
    store = store or FigureStore(content)
    printed = lay_out(notes, store, content.labels)         # once: every paper size places the same cards
    paths = [dest / cards_file(paper) for paper in CARD_PAPERS]
    sheets = run_all([partial(write_cards, printed, content.book, paper, path, timestamp, store, content.labels)
                      for paper, path in zip(CARD_PAPERS, paths)])    # each paper size in its own process
    return CardsResult(paths, sum(len(n.cards) for n in notes), sheets[-1])
