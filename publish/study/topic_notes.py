"""Notes that start from the client's side: a condition, or where it hurts, and the spots behind it."""
from __future__ import annotations

from ..figures import FigureKey
from ..model import Condition, Content, Region, Spot
from ..wording import lower_first, upper_first
from .cards import Card, Entry, Figure, Note
from .kinds import CONDITION, REGION, localized
from .words import muscle_names, spot_line, tag


def marked_map(content: Content, spots: tuple[Spot, ...], region: Region | None = None) -> Figure:
    """The answer's own body map: its spots enlarged in the accent colour, the others grey,
    and for a pain area the area shaded."""
    numbers = tuple(sorted({s.number for s in spots}))
    text = content.labels.text
    alt = text("cards.marked_many" if len(numbers) > 1 else "cards.marked_one",
               spots=content.labels.join([content.labels.number(n) for n in numbers]))
    key = FigureKey.of("answer_map", spots=numbers, region=region.id if region else None)
    return Figure("overview", None, key, text("cards.marked_area", map=alt, area=region.label) if region else alt)


def condition_note(content: Content, condition: Condition, pages: dict[int, int]) -> Note | None:
    """The note for `condition`, or None when no spot is linked with it."""
    spots = content.spots_for_condition(condition.id)
    if not spots:
        return None
    name, text = lower_first(condition.name), content.labels.text
    question = (text("cards.question.condition_also", condition=name, also=content.labels.join(condition.also, "common.or"))
                if condition.also else text("cards.question.condition", condition=name))
    kind = localized(CONDITION, content.labels)
    return Note(
        kind=kind,
        key=condition.id,
        sort=condition.name,
        heading=condition.name,
        facts={
            "also": condition.also,
            "summary": (condition.summary,),
            "spots": tuple(_spot_entry(content, s, pages) for s in spots),
        },
        figures=(marked_map(content, spots),),
        cards=(Card(kind.card("spots"), question),),
        tags=(tag("Condition", condition.id),) + tuple(tag("Spot", s.number) for s in spots),
    )


def region_note(content: Content, region: Region, pages: dict[int, int]) -> Note | None:
    """The note for pain felt in `region`, or None when no spot refers pain there."""
    found = content.spots_for_region(region.id)
    if not found:
        return None
    kind, text = localized(REGION, content.labels), content.labels.text
    return Note(
        kind=kind,
        key=region.id,
        sort=region.label,
        heading=text("cards.region_heading", area=region.label),
        facts={
            "group": (region.group,),
            "essential": tuple(_spot_entry(content, s, pages) for s, zone in found if zone == "essential"),
            "spillover": tuple(_spot_entry(content, s, pages) for s, zone in found if zone == "spillover"),
        },
        figures=(marked_map(content, tuple(s for s, _ in found), region),),
        cards=(Card(kind.card("spots"), text("cards.question.region", area=region.label)),),
        tags=(tag("Region", region.id),) + tuple(tag("Spot", s.number) for s, _ in found),
    )


def _spot_entry(content: Content, spot: Spot, pages: dict[int, int]) -> Entry:
    muscles = upper_first(muscle_names(content, spot))
    if spot.number in pages:
        muscles = content.labels.text("cards.listed_page", muscles=muscles, page=pages[spot.number])
    return Entry(spot_line(content, spot), muscles)
