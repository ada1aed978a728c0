"""The three note kinds, declared once: the facts each note carries and the cards it asks.

Card kind names are Anki card type names, and the Anki note types map each fact key to a
field (publish/anki_fields.py): Anki treats a renamed card type or field as a different note type, so
these names and keys are frozen (tests/test_deck.py pins them). The words cards print (fact labels and
card titles) come from content/labels.yaml (`localized`).
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Labels
from .cards import NUMBER, CardKind, FactKind, NoteKind

SPOT = NoteKind(
    key="spot",
    facts=(
        FactKind("place"),
        FactKind("muscles"),
        FactKind("essential"),
        FactKind("spillover"),
        FactKind("conditions"),
        FactKind("landmarks"),
        FactKind("cautions"),
        FactKind("page"),
        FactKind("steps", numbered=True),
        FactKind("summary"),
        FactKind("feel"),
        FactKind("treatment"),
        FactKind("related"),
        FactKind("references"),
    ),
    figures=("pattern", "locator"),
    cards=(
        CardKind("muscle", "Spot to muscle", line=(NUMBER, "muscles"), answer=("muscles",), figures=("locator",)),
        CardKind("spot", "Muscle to spot", line=(NUMBER, "page"), answer=("place", "steps"), figures=("locator",),
                 caution=True),
        CardKind("pattern", "Pain pattern to spot", line=(NUMBER, "muscles", "page"),
                 answer=("essential", "spillover"), figure="pattern-quiz", figures=("pattern",)),
        CardKind("locate", "Map to spot", line=(NUMBER, "muscles", "page"), answer=("place",), figure="map",
                 figures=("map",), caution=True),
        CardKind("pain", "Spot to pain zones", line=("essential", "spillover"), figures=("pattern",)),
        CardKind("conditions", "Spot to conditions", line=("conditions",)),
    ),
)

CONDITION = NoteKind(
    key="condition",
    facts=(
        FactKind("also"),
        FactKind("summary"),
        FactKind("spots"),
    ),
    figures=("overview",),
    cards=(CardKind("spots", "Condition to spots", line=("spots",), figures=("overview",)),),
)

REGION = NoteKind(
    key="region",
    facts=(
        FactKind("group"),
        FactKind("essential"),
        FactKind("spillover"),
    ),
    figures=("overview",),
    cards=(CardKind("spots", "Pain area to spots", line=("essential", "spillover"), figures=("overview",)),),
)


def localized(kind: NoteKind, labels: Labels) -> NoteKind:
    """`kind` with the fact labels and card titles of labels.yaml; keys and card type names unchanged."""
    def text(*path: str) -> str:
        return labels.text(".".join(("cards",) + path))

    facts = tuple(replace(f, one=text("fact", kind.key, f.key, "0"), many=text("fact", kind.key, f.key, "1"))
                  for f in kind.facts)
    cards = tuple(replace(c, title=text("kind", kind.key, c.key)) for c in kind.cards)
    return replace(kind, facts=facts, cards=cards)
