"""One note per spot: its facts, figures and the six kinds of question about it."""
from __future__ import annotations

from ..figures import FigureKey
from ..figures.overview import map_position
from ..model import Content, Spot
from ..wording import lower_first
from .cards import Card, Entry, Figure, Note
from .kinds import SPOT, localized
from .words import citation, muscle_names, spot_line, tag


def spot_note(content: Content, spot: Spot, page: int | None) -> Note:
    """The note for `spot`; `page` is its page in the booklet, when known."""
    n, text = spot.number, content.labels.text
    figures = [Figure("pattern", n, FigureKey.of("referral", n), text("cards.pattern_alt", number=n))]
    if spot.locator:
        figures.append(Figure("locator", n, FigureKey.of("locator", n),
                              text("cards.locator_alt", number=n)))
    return Note(
        kind=localized(SPOT, content.labels),
        key=str(n),
        sort=str(n),
        heading=text("common.card_heading", number=n, title=spot.title),
        facts=_facts(content, spot, page),
        figures=tuple(figures),
        cards=_cards(content, spot),
        tags=_tags(spot),
    )


def _facts(content: Content, spot: Spot, page: int | None) -> dict[str, tuple]:
    t, text = spot.treat, content.labels.text
    return {
        "place": (spot.place,),
        "muscles": tuple(Entry(m.name, m.detail) if m.detail else m.name for m in spot.muscles),
        "essential": tuple(content.regions[r].label for r in spot.pain.essential),
        "spillover": tuple(content.regions[r].label for r in spot.pain.spillover),
        "conditions": tuple(content.conditions[c].name for c in spot.conditions),
        "landmarks": spot.locate.landmarks,
        "cautions": spot.cautions + tuple(f"{f.heading}: {'; '.join(f.signs)}. {f.intro}"
                                          for f in content.red_flags(spot)),
        "page": (text("common.page", page=page),) if page else (),
        "steps": spot.locate.steps,
        "summary": (spot.summary,),
        "feel": (spot.feel,),
        "treatment": tuple(Entry(text("cards.treat." + part), getattr(t, part))
                           for part in ("pressure", "duration", "self_massage", "avoid")),
        "related": tuple(Entry(spot_line(content, content.spot(r.spot)), r.why) for r in spot.related),
        "references": tuple(citation(content.references[r]) for r in spot.references),
    }


def _cards(content: Content, spot: Spot) -> tuple[Card, ...]:
    n, text, kind = spot.number, content.labels.text, localized(SPOT, content.labels)
    muscle = "cards.question.muscle_many" if len(spot.muscles) > 1 else "cards.question.muscle_one"
    zones = "cards.question.pain_both" if spot.pain.spillover else "cards.question.pain_essential"
    quiz = Figure("pattern-quiz", None, FigureKey.of("referral", n, mark=False), text("cards.quiz_alt"))
    cards = [
        Card(kind.card("muscle"), text(muscle, number=n, title=spot.title)),
        Card(kind.card("spot"), _which_spot(content, spot), caution=spot.key_caution),
        Card(kind.card("pattern"), text("cards.question.pattern"), quiz),
    ]
    if map_position(spot):
        marked = Figure("map", None, FigureKey.of("overview", highlight=n), text("cards.map_alt"))
        cards.append(Card(kind.card("locate"), text("cards.question.locate"), marked, caution=spot.key_caution))
    cards.append(Card(kind.card("pain"), text(zones, number=n, place=spot.place)))
    if spot.conditions:
        cards.append(Card(kind.card("conditions"), text("cards.question.conditions", number=n, place=spot.place)))
    return tuple(cards)


def _which_spot(content: Content, spot: Spot) -> str:
    """The muscle-to-spot question about the spot's own muscles (never its context muscles), told apart
    by the spot's title if another spot lies in the same muscles."""
    names = {m.name.lower() for m in spot.own_muscles}
    shared = any(names <= {m.name.lower() for m in other.own_muscles} for other in content.spots if other is not spot)
    if shared:
        return content.labels.text("cards.question.spot_known_for", muscles=muscle_names(content, spot),
                                   title=lower_first(spot.title))
    return content.labels.text("cards.question.spot", muscles=muscle_names(content, spot))


def _tags(spot: Spot) -> tuple[str, ...]:
    tags = [tag("Spot", spot.number)]
    tags += [tag("Muscle", m.name) for m in spot.muscles]
    tags += [tag("Region", r) for r in spot.pain.essential + spot.pain.spillover]
    tags += [tag("Condition", c) for c in spot.conditions]
    return tuple(dict.fromkeys(tags))

