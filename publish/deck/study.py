"""All study notes, in the order a student meets them: the spots, then conditions, then pain areas."""
from __future__ import annotations

from ..model import Content
from .cards import Note
from .spot_notes import spot_note
from .topic_notes import condition_note, region_note


def study_notes(content: Content, spot_pages: dict[int, int] | None = None) -> tuple[Note, ...]:
    """Every note built from `content`; `spot_pages` (spot -> booklet page) adds page references."""
    pages = spot_pages or {}
    notes = [spot_note(content, s, pages.get(s.number)) for s in content.spots]
    notes += [condition_note(content, c, pages) for c in content.conditions.values()]
    notes += [region_note(content, r, pages) for r in content.regions.values()]
    return tuple(n for n in notes if n is not None)
