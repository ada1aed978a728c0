"""Notes that start from the client's side: a condition, or where it hurts, and the spots behind it."""
from __future__ import annotations

from ..figures import FigureKey
from ..model import Condition, Content, Region, Spot
from ..wording import join, lower_first, upper_first
from .cards import Card, Entry, Figure, Note
from .kinds import CONDITION, REGION
from .words import muscle_names, spot_line, tag


def marked_map(content: Content, spots: tuple[Spot, ...], region: Region | None = None) -> Figure:
    """The answer's own body map: its spots enlarged in the accent colour, the others grey,
    and for a pain area the area shaded."""
    numbers = tuple(sorted({s.number for s in spots}))
    alt = f"Body map with Spot{'s' if len(numbers) > 1 else ''} {join([str(n) for n in numbers], 'and')} marked"
    key = FigureKey.of("answer_map", spots=numbers, region=region.id if region else None)
    return Figure("overview", None, key, alt + (f" and the area shaded ({region.label})" if region else ""))


def condition_note(content: Content, condition: Condition, pages: dict[int, int]) -> Note | None:
    """The note for `condition`, or None when no spot is linked with it."""
    spots = content.spots_for_condition(condition.id)
    if not spots:
        return None
    also = f" (also called {join(condition.also, 'or')})" if condition.also else ""
    return Note(
        kind=CONDITION,
        key=condition.id,
        sort=condition.name,
        heading=condition.name,
        facts={
            "also": condition.also,
            "summary": (condition.summary,),
            "spots": tuple(_spot_entry(s, pages) for s in spots),
        },
        figures=(marked_map(content, spots),),
        cards=(Card(CONDITION.card("spots"),
                    f"Which Perfect Spots are linked with {lower_first(condition.name)}{also}?"),),
        tags=(tag("Condition", condition.id),) + tuple(tag("Spot", s.number) for s in spots),
    )


def region_note(content: Content, region: Region, pages: dict[int, int]) -> Note | None:
    """The note for pain felt in `region`, or None when no spot refers pain there."""
    found = content.spots_for_region(region.id)
    if not found:
        return None
    return Note(
        kind=REGION,
        key=region.id,
        sort=region.label,
        heading=f"Pain: {region.label}",
        facts={
            "group": (region.group,),
            "essential": tuple(_spot_entry(s, pages) for s, zone in found if zone == "essential"),
            "spillover": tuple(_spot_entry(s, pages) for s, zone in found if zone == "spillover"),
        },
        figures=(marked_map(content, tuple(s for s, _ in found), region),),
        cards=(Card(REGION.card("spots"), f"Where it hurts: {region.label}. "
                                          "Which Perfect Spots can send pain there?"),),
        tags=(tag("Region", region.id),) + tuple(tag("Spot", s.number) for s, _ in found),
    )


def _spot_entry(spot: Spot, pages: dict[int, int]) -> Entry:
    page = f"; booklet p. {pages[spot.number]}" if spot.number in pages else ""
    return Entry(spot_line(spot), upper_first(muscle_names(spot)) + page)
