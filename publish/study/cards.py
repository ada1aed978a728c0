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
from ..model import Labels


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
    numbered: bool = False   # steps to follow in order
    one: str = ""            # label when there is one item (labels.yaml, by `kinds.localized`)
    many: str = ""           # label when there are several

    def label(self, count: int) -> str:
        return self.one if count == 1 else self.many

    def runs_on(self, items: tuple[Item, ...]) -> bool:
        """One plain item or a few short ones read on one line after the label ('buttock · sacrum · low
        back'); longer ones, entries and numbered steps read as a list under it (so an entry's own lead,
        'Spot 14: ...', never follows a label on the same line)."""
        plain = all(isinstance(i, str) for i in items)
        return plain and not self.numbered and (len(items) == 1 or all(isinstance(i, str) and len(i) <= SHORT for i in items))


NUMBER = "number"                          # in a CardKind's `line`: 'Spot 9', the note's number
IDENTITY = (NUMBER, "muscles", "page")     # line parts shown by name only, on one line: 'Spot 9 · ... · p. 36'


@dataclass(frozen=True)
class CardKind:
    """One kind of question a note asks, and its answer plan (minimum information): `line` is the one
    line that answers the question; `answer` the facts and `figures` the drawings this kind teaches;
    everything else the note knows is folded away under 'More'. In `line`, NUMBER is 'Spot 9', muscles
    and entries show by name only and the page without its label; other facts keep their labels."""

    key: str
    name: str                       # e.g. 'Pain pattern to spot'; also the Anki card type name
    line: tuple[str, ...]           # NUMBER and fact keys that make the one-line answer
    answer: tuple[str, ...] = ()    # fact keys the card teaches, under the line
    figure: str | None = None       # kind of figure shown with the question
    figures: tuple[str, ...] = ()   # kinds of figure the answer shows (the rest are under 'More')
    caution: bool = False           # teaches finding or pressing the spot: its cautions stay in view
    title: str = ""                 # the name cards print, from labels.yaml (`name` stays Anki's identity)

    @property
    def shown(self) -> tuple[str, ...]:
        """Fact keys in view on the answer (the rest are folded away)."""
        shown = [k for k in self.line if k != NUMBER] + list(self.answer) + (["cautions"] if self.caution else [])
        return tuple(dict.fromkeys(shown))


@dataclass(frozen=True)
class NoteKind:
    """What every note of one kind carries: its facts, answer figures and cards, in order."""

    key: str
    facts: tuple[FactKind, ...]
    figures: tuple[str, ...]
    cards: tuple[CardKind, ...]

    def card(self, key: str) -> CardKind:
        return next(c for c in self.cards if c.key == key)

    def folded(self, card: CardKind) -> tuple[tuple[FactKind, ...], tuple[str, ...]]:
        """The facts and figure kinds `card` folds away under 'More'."""
        figures = self.figures + tuple(c.figure for c in self.cards if c.figure)
        return (tuple(f for f in self.facts if f.key not in card.shown),
                tuple(dict.fromkeys(f for f in figures if f not in card.figures and f != "pattern-quiz")))


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


def identity_line(note: Note, card: CardKind, labels: Labels) -> str:
    """'Spot 9 · pectoralis major · p. 36': the parts of `card`'s line that name the spot, by name only."""
    parts = []
    for key in card.line:
        items = (note.key,) if key == NUMBER else note.facts.get(key, ()) if key in IDENTITY else ()
        names = ", ".join(i.head if isinstance(i, Entry) else i for i in items)
        parts += [labels.text("cards.spot", number=names) if key == NUMBER else names] if names else []
    return " \u00b7 ".join(parts)
