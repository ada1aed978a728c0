"""The vocabulary of study cards: plain data that any card renderer (Anki, paper) can lay out.

A note kind declares once which facts its notes carry and which cards it asks; a note fills
them in for one spot, condition or pain area. Text is plain and unescaped; figures are named by
a FigureKey that each renderer resolves in the build's FigureStore, so making notes draws nothing.
Nothing here knows about HTML or Anki.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..figures import FigureKey


@dataclass(frozen=True)
class Entry:
    """A list item with a lead: 'gluteus maximus' + 'the thick upper inner edge...'."""

    head: str
    text: str


Item = str | Entry

SHORT = 60  # characters: plain items up to this long run on in one line


@dataclass(frozen=True)
class FactKind:
    """One kind of fact on the answer side, e.g. the muscles a spot lies in."""

    key: str
    one: str                 # label when there is one item
    many: str                # label when there are several
    glance: bool = True      # at a glance on every answer; False: background, folded away
    numbered: bool = False   # steps to follow in order

    def label(self, count: int) -> str:
        return self.one if count == 1 else self.many

    def runs_on(self, items: tuple[Item, ...]) -> bool:
        """One item or a few short ones read on one line after the label ('buttock · sacrum · low back');
        longer ones, entries and numbered steps read as a list under it."""
        short = all(isinstance(i, str) and len(i) <= SHORT for i in items)
        return not self.numbered and (len(items) == 1 or short)


@dataclass(frozen=True)
class CardKind:
    """One kind of question a note asks."""

    key: str
    name: str                       # e.g. 'Pain pattern to spot'; also the Anki card type name
    answer: tuple[str, ...]         # keys of the facts that answer it, shown first
    figure: str | None = None       # kind of figure shown with the question
    figures: tuple[str, ...] = ()   # answer figures to show first, e.g. the locator for 'where'
    title: str = ""                 # the name cards print, from labels.yaml (`name` stays Anki's identity)


@dataclass(frozen=True)
class NoteKind:
    """What every note of one kind carries: its facts, answer figures and cards, in order."""

    key: str
    facts: tuple[FactKind, ...]
    figures: tuple[str, ...]
    cards: tuple[CardKind, ...]

    def card(self, key: str) -> CardKind:
        return next(c for c in self.cards if c.key == key)

    def answer_figures(self, card: CardKind) -> tuple[str, ...]:
        """The note's figure kinds in the order `card` shows them."""
        return card.figures + tuple(f for f in self.figures if f not in card.figures)


@dataclass(frozen=True)
class Figure:
    """A drawing on a card. `spot` names the spot it shows, or is None when it must not tell."""

    kind: str
    spot: int | None
    key: FigureKey
    alt: str


@dataclass(frozen=True)
class Card:
    """One question: its words and, for picture questions, the figure. A card that teaches finding
    or pressing a spot carries the spot's key caution, for layouts (paper) that show no full list."""

    kind: CardKind
    question: str
    figure: Figure | None = None
    caution: str | None = None


@dataclass(frozen=True)
class Note:
    """Everything about one spot, condition or pain area, and the cards that ask about it."""

    kind: NoteKind
    key: str                                    # stable identity: '12', 'sciatica', 'low_back'
    sort: str                                   # what lists of these notes sort by
    heading: str                                # names the subject at the top of each answer
    facts: Mapping[str, tuple[Item, ...]]       # fact key -> items; absent or empty: not known
    figures: tuple[Figure, ...]                 # shown on every answer
    cards: tuple[Card, ...]
    tags: tuple[str, ...]
