"""Print-and-cut flashcards: the Anki deck's cards (publish/study/) laid out on A4 and US
Letter sheets for duplex printing. sheet.py places them, card.py draws one card, document.py
writes the PDF."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from pathlib import Path

from ..study import study_notes
from ..model import Content
from .document import write_cards
from .sheet import PAPERS

__all__ = ["PAPERS", "CardsResult", "build_cards", "file_name"]


@dataclass
class CardsResult:
    files: list[Path] = field(default_factory=list)
    cards: int = 0
    sheets: int = 0


def file_name(slug: str) -> str:
    return f"perfect-spots-cards-{slug}.pdf"


def build_cards(content: Content, dest: Path, *, epoch: int | None = None,
                spot_pages: dict[int, int] | None = None) -> CardsResult:
    """Write dest/perfect-spots-cards-a4.pdf and ...-letter.pdf; `spot_pages` adds booklet pages."""
    dest.mkdir(parents=True, exist_ok=True)
    timestamp = epoch if epoch is not None else calendar.timegm(content.book.date.timetuple())
    notes = study_notes(content, spot_pages)
    result = CardsResult(cards=sum(len(n.cards) for n in notes))
    for paper in PAPERS:
        path = dest / file_name(paper.slug)
        result.sheets = write_cards(notes, content.book, paper, path, timestamp)
        result.files.append(path)
    return result
