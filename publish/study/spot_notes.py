"""One note per spot: its facts, figures and the six kinds of question about it."""
from __future__ import annotations

from ..figures import FigureKey
from ..figures.overview import map_position
from ..model import Content, Spot
from ..wording import CARD_HEADING, PAGE, lower_first
from .cards import Card, Entry, Figure, Note
from .kinds import SPOT
from .words import citation, muscle_names, spot_line, tag

PATTERN_KEY = "essential zones solid, spill-over zones stippled"


def spot_note(content: Content, spot: Spot, page: int | None) -> Note:
    """The note for `spot`; `page` is its page in the booklet, when known."""
    n = spot.number
    figures = [Figure("pattern", n, FigureKey.of("referral", n), f"Referred pain of Spot {n}: {PATTERN_KEY}")]
    if spot.locator:
        figures.append(Figure("locator", n, FigureKey.of("locator", n),
                              f"How to find Spot {n}: close-up with landmarks"))
    return Note(
        kind=SPOT,
        key=str(n),
        sort=str(n),
        heading=CARD_HEADING.format(number=n, title=spot.title),
        facts=_facts(content, spot, page),
        figures=tuple(figures),
        cards=_cards(content, spot),
        tags=_tags(spot),
    )


def _facts(content: Content, spot: Spot, page: int | None) -> dict[str, tuple]:
    t = spot.treat
    return {
        "place": (spot.place,),
        "muscles": tuple(Entry(m.name, m.detail) if m.detail else m.name for m in spot.muscles),
        "essential": tuple(content.regions[r].label for r in spot.pain.essential),
        "spillover": tuple(content.regions[r].label for r in spot.pain.spillover),
        "conditions": tuple(content.conditions[c].name for c in spot.conditions),
        "landmarks": spot.locate.landmarks,
        "cautions": spot.cautions + tuple(f"{f.heading}: {'; '.join(f.signs)}. {f.intro}"
                                          for f in content.red_flags(spot)),
        "page": (PAGE.format(page=page),) if page else (),
        "steps": spot.locate.steps,
        "summary": (spot.summary,),
        "feel": (spot.feel,),
        "treatment": (Entry("Pressure", t.pressure), Entry("How long", t.duration),
                      Entry("Self-massage", t.self_massage), Entry("Avoid", t.avoid)),
        "related": tuple(Entry(spot_line(content.spot(r.spot)), r.why) for r in spot.related),
        "references": tuple(citation(content.references[r]) for r in spot.references),
    }


def _cards(content: Content, spot: Spot) -> tuple[Card, ...]:
    n, s = spot.number, "s" if len(spot.muscles) > 1 else ""
    zones = "the essential and the spill-over zones" if spot.pain.spillover else "its essential zones"
    quiz = Figure("pattern-quiz", None, FigureKey.of("referral", n, mark=False),
                  f"A referred pain pattern: {PATTERN_KEY}")
    cards = [
        Card(SPOT.card("muscle"), f"Perfect Spot {n} ({spot.title}): which muscle{s} is it in, and which part{s}?"),
        Card(SPOT.card("spot"), _which_spot(content, spot), caution=spot.key_caution),
        Card(SPOT.card("pattern"), "Which Perfect Spot sends pain in this pattern, and which muscle is it in?", quiz),
    ]
    if map_position(spot):
        marked = Figure("map", None, FigureKey.of("overview", highlight=n), "Body map with one trigger point marked X")
        cards.append(Card(SPOT.card("locate"), "Which Perfect Spot is marked with the X, and which muscle is it in?",
                          marked, caution=spot.key_caution))
    cards.append(Card(SPOT.card("pain"), f"Perfect Spot {n} ({spot.place}): where does it send pain? Name {zones}."))
    if spot.conditions:
        cards.append(Card(SPOT.card("conditions"),
                          f"Perfect Spot {n} ({spot.place}): which conditions is it linked with?"))
    return tuple(cards)


def _which_spot(content: Content, spot: Spot) -> str:
    """The muscle-to-spot question about the spot's own muscles (never its context muscles), told apart
    by the spot's title if another spot lies in the same muscles."""
    names = {m.name.lower() for m in spot.own_muscles}
    shared = any(names <= {m.name.lower() for m in other.own_muscles} for other in content.spots if other is not spot)
    known_for = f" and is known for {lower_first(spot.title)}" if shared else ""
    return f"Which Perfect Spot lies in {muscle_names(spot)}{known_for}, and how do you find it?"


def _tags(spot: Spot) -> tuple[str, ...]:
    tags = [tag("Spot", spot.number)]
    tags += [tag("Muscle", m.name) for m in spot.muscles]
    tags += [tag("Region", r) for r in spot.pain.essential + spot.pain.spillover]
    tags += [tag("Condition", c) for c in spot.conditions]
    return tuple(dict.fromkeys(tags))

