"""The Content aggregate: every validated file of a content folder, cross-referenced."""
from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass

from .guide_schema import Guide, RedFlags
from .labels import Labels
from .schema import Book, Condition, Reference, Region, Spot, Term


@dataclass(frozen=True)
class Content:
    """Everything the renderers need, validated and cross-referenced."""

    book: Book
    regions: Mapping[str, Region]
    conditions: Mapping[str, Condition]
    references: Mapping[str, Reference]
    glossary: tuple[Term, ...]
    spots: tuple[Spot, ...]
    guide: Guide
    labels: Labels
    ignored: tuple[str, ...] = ()   # hidden and editor files in spots/, not read

    @property
    def book_epoch(self) -> int:
        """The book's date at 00:00 UTC, in seconds: the build date when no other is given."""
        return calendar.timegm(self.book.date.timetuple())

    def red_flags(self, spot: Spot) -> tuple[RedFlags, ...]:
        """The red-flag lists the spot's chapter prints, defined once in guide.yaml."""
        return tuple(f for f in self.guide.red_flags if f.id in spot.red_flags)

    def spot(self, number: int) -> Spot:
        return next(s for s in self.spots if s.number == number)

    def spots_for_region(self, region_id: str) -> tuple[tuple[Spot, str], ...]:
        """(spot, 'essential' | 'spillover') for every spot that refers pain to the region."""
        out = []
        for s in self.spots:
            if region_id in s.pain.essential:
                out.append((s, "essential"))
            elif region_id in s.pain.spillover:
                out.append((s, "spillover"))
        return tuple(out)

    def spots_for_condition(self, condition_id: str) -> tuple[Spot, ...]:
        return tuple(s for s in self.spots if condition_id in s.conditions)
