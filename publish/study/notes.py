"""All study notes, in the order a student meets them: the spots, then conditions, then pain areas."""
from __future__ import annotations

from ..figures import FigureKey
from ..model import Content
from .cards import Note
from .spot_notes import spot_note
from .topic_notes import condition_note, region_note


def study_notes(content: Content, spot_pages: dict[int, int] | None = None) -> tuple[Note, ...]:
    """Every note built from `content`; `spot_pages` (spot -> booklet page) adds page references."""
    pages = spot_pages or {}
    notes: list[Note | None] = [spot_note(content, s, pages.get(s.number)) for s in content.spots]
    notes += [condition_note(content, c, pages) for c in content.conditions.values()]
    notes += [region_note(content, r, pages) for r in content.regions.values()]
    return tuple(n for n in notes if n is not None)


def card_count(content: Content) -> int:
    """Cards in the deck built from `content` (and printed on the paper cards)."""
    return sum(len(note.cards) for note in study_notes(content))


def figure_keys(notes: tuple[Note, ...]) -> list[FigureKey]:
    """Every figure the notes show, once each, in the order they first appear."""
    keys = [f.key for n in notes for f in n.figures] + [c.figure.key for n in notes for c in n.cards if c.figure]
    return list(dict.fromkeys(keys))
