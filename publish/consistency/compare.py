"""Compare what the booklet, the deck and the paper cards say, and describe every difference
by the spot (or condition, or pain area) and the field it is in."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Content
from .booklet import Chapter
from .deck import Deck, Listed
from .paper import PaperCard

ZONES = {"essential": "essential zone", "spillover": "spill-over zone"}


@dataclass(frozen=True)
class Mismatch:
    where: str      # 'Spot 12', 'Condition "Sciatica"', ...
    field: str      # 'muscles', 'page', 'card "Spot to muscle"', ...
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.field}: {self.message}"


def content_and_booklet(content: Content, chapters: dict[int, Chapter]) -> list[Mismatch]:
    """The content's spots against the booklet's chapters: a build made from other content (older, or
    another folder) is named, not taken as agreeing because its outputs agree with each other."""
    found = []
    spots = {spot.number: spot for spot in content.spots}
    for number in sorted(spots.keys() | chapters.keys()):
        spot, chapter = spots.get(number), chapters.get(number)
        if chapter is None:
            found.append(Mismatch(f"Spot {number}", "spot", "is in the content but has no chapter in the booklet"))
        elif spot is None:
            found.append(Mismatch(f"Spot {number}", "spot", f"has a chapter in the booklet (p. {chapter.page}) "
                                                            "but is not in the content"))
        elif reader_text(spot.title) != reader_text(chapter.title):
            found.append(Mismatch(f"Spot {number}", "title", f'the content says "{spot.title}", '
                                                             f'the booklet "{chapter.title}"'))
    return found


def booklet_and_deck(chapters: dict[int, Chapter], deck: Deck) -> list[Mismatch]:
    """Every spot's chapter against its cards: title, page and the at-a-glance rows; then each
    condition and pain area the booklet links to a spot against the cards that list them."""
    found = []
    for number in sorted(chapters.keys() | deck.spots.keys()):
        where = f"Spot {number}"
        chapter, facts = chapters.get(number), deck.spots.get(number)
        if chapter is None:
            found.append(Mismatch(where, "spot", "has cards but no chapter in the booklet"))
            continue
        if facts is None:
            found.append(Mismatch(where, "spot", f"has a chapter in the booklet (p. {chapter.page}) but no cards"))
            continue
        found += _same(where, "title", chapter.title, facts.title)
        if facts.page != chapter.page:
            says = f"p. {facts.page}" if facts.page else "no page"
            found.append(Mismatch(where, "page", f"the cards say {says}, the chapter starts on p. {chapter.page}"))
        if chapter.glance is None:
            found.append(Mismatch(where, "at a glance", f"no at-a-glance box found on p. {chapter.page}"))
            continue
        found += _muscles(where, chapter.glance.muscles, facts.muscles)
        labels, names = _known(number, deck)
        for field, printed, carded, known in (
                ("essential zones", chapter.glance.essential, facts.essential, labels),
                ("spill-over zones", chapter.glance.spillover, facts.spillover, labels),
                ("conditions", chapter.glance.conditions, facts.conditions, names)):
            found += _items(where, field, tuple(_spelled(x, known) for x in split(printed, known)), carded)
    found += _links(chapters, deck)
    return found


def deck_and_paper(deck: Deck, paper: list[PaperCard], name: str, chapters: dict[int, Chapter]) -> list[Mismatch]:
    """Every card of the deck printed exactly once in `name`, with the same question, its back
    behind its front, and the spot's booklet page."""
    found = []
    wanted = {(reader_text(c.heading), c.kind): c for c in deck.cards}
    printed = Counter((reader_text(p.heading), _kind(p.front_kind, deck)) for p in paper)
    for key, card in wanted.items():
        if printed[key] != 1:
            times = f"printed {printed[key]} times in {name}" if printed[key] else f"missing from {name}"
            found.append(Mismatch(card.where, f'card "{card.kind}"', times))
    for p in paper:
        asked = wanted.get((reader_text(p.heading), _kind(p.front_kind, deck)))
        place = f"{name}, sheet {p.sheet}, card {p.slot + 1}"
        if asked is None:
            found.append(Mismatch(p.heading or place, "card", f"{place} is not in the deck"))
            continue
        field = f'card "{asked.kind}"'
        if reader_text(p.question) != reader_text(asked.question):
            found.append(Mismatch(asked.where, field, f'{place} asks "{p.question}", the deck "{asked.question}"'))
        if p.back_tag.rsplit(" \u00b7 ", 1)[-1] != asked.kind.upper():
            found.append(Mismatch(asked.where, field, f"{place}: the back behind it is \"{p.back_tag}\""))
        if asked.spot in chapters and p.page != chapters[asked.spot].page:
            says = f"p. {p.page}" if p.page else "no page"
            found.append(Mismatch(asked.where, "page", f"{place} says {says}, the chapter starts on "
                                                       f"p. {chapters[asked.spot].page}"))
    return found


def split(text: str, known: set[str]) -> tuple[str, ...]:
    """'a, b, c' -> ('a', 'b', 'c'), keeping together known items that contain a comma."""
    items, rest = [], text
    while rest:
        match = max((k for k in known if rest == k or rest.startswith(k + ", ")), key=len, default=None)
        item = match or rest.split(", ", 1)[0]
        items.append(item)
        rest = rest[len(item) + 2:]
    return tuple(items)


def _known(number: int, deck: Deck) -> tuple[set[str], set[str]]:
    """The pain areas and the conditions the deck knows, for splitting the booklet's lists of them."""
    facts = deck.spots.get(number)
    labels = set(facts.essential + facts.spillover if facts else ()) | deck.regions.keys()
    return labels, set(facts.conditions if facts else ()) | deck.conditions.keys()


def _same(where: str, field: str, printed: str, carded: str) -> list[Mismatch]:
    if reader_text(printed) == reader_text(carded):
        return []
    return [Mismatch(where, field, f'the booklet says "{printed}", the cards "{carded}"')]


def _muscles(where: str, printed: tuple[tuple[str, str], ...], carded: tuple[tuple[str, str], ...]) -> list[Mismatch]:
    found = _items(where, "muscles", tuple(n for n, _ in printed), tuple(n for n, _ in carded))
    details = {reader_text(n): d for n, d in carded}
    for name, detail in printed:
        if reader_text(name) in details:
            found += _same(where, f'muscles: detail of "{name}"', detail, details[reader_text(name)])
    return found


def _items(where: str, field: str, printed: tuple[str, ...], carded: tuple[str, ...]) -> list[Mismatch]:
    """Items missing on either side, or the same items in another order."""
    a, b = [reader_text(x) for x in printed], [reader_text(x) for x in carded]
    found = [Mismatch(where, field, f'"{x}" is in the booklet but on no card')
             for x, n in zip(printed, a) if n not in b]
    found += [Mismatch(where, field, f'"{x}" is on the cards but not in the booklet')
              for x, n in zip(carded, b) if n not in a]
    if not found and a != b:
        found.append(Mismatch(where, field, f'the booklet lists "{", ".join(printed)}", '
                                            f'the cards "{", ".join(carded)}"'))
    return found


def _links(chapters: dict[int, Chapter], deck: Deck) -> list[Mismatch]:
    """Pain areas and conditions: the spots the booklet links them to against the cards that ask
    'which spots?', and the booklet pages those cards give."""
    in_booklet: set[tuple[str, str, int]] = set()
    for number, chapter in chapters.items():
        if chapter.glance is None:
            continue
        labels, names = _known(number, deck)
        for zone in ZONES:
            in_booklet |= {(ZONES[zone], reader_text(r), number) for r in split(getattr(chapter.glance, zone), labels)}
        in_booklet |= {("condition", reader_text(_spelled(c, names)), number) for c in split(chapter.glance.conditions, names)}
    on_cards: dict[tuple[str, str, int], Listed] = {}
    for label, zones in deck.regions.items():
        for zone, listed in zones.items():
            on_cards |= {(ZONES[zone], reader_text(label), s.spot): s for s in listed}
    for name, listed in deck.conditions.items():
        on_cards |= {("condition", reader_text(name), s.spot): s for s in listed}
    found = []
    for kind, topic, number in sorted(in_booklet - on_cards.keys(), key=lambda k: (k[2], k[0], k[1])):
        found.append(Mismatch(f"Spot {number}", _topic(kind), f'"{topic}" ({kind}) is in the booklet, but its '
                                                              f'"which spots?" card does not list Spot {number}'))
    for kind, topic, number in sorted(on_cards.keys() - in_booklet, key=lambda k: (k[2], k[0], k[1])):
        found.append(Mismatch(f"Spot {number}", _topic(kind), f'the "which spots?" card for "{topic}" ({kind}) lists '
                                                              f"Spot {number}, the booklet does not"))
    for (_kind, topic, number), entry in sorted(on_cards.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][1])):
        if number in chapters and entry.page != chapters[number].page:
            says = f"p. {entry.page}" if entry.page else "no page"
            found.append(Mismatch(f"Spot {number}", "page", f'the card for "{topic}" says {says}, the chapter '
                                                             f"starts on p. {chapters[number].page}"))
    return found


def _topic(kind: str) -> str:
    return "conditions" if kind == "condition" else "pain areas"


def _kind(tag: str, deck: Deck) -> str:
    """The card type named by a printed tag line ('PAIN AREA TO SPOTS')."""
    return next((c.kind for c in deck.cards if c.kind.upper() == tag), tag)


_STRAIGHT = str.maketrans("\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb", "'''\"\"\"\"\"")


def reader_text(text: str) -> str:
    """Text as a reader compares it: the booklet's curly quotes are the cards' straight ones, and any run of
    white space (a tab or a line separator in a title) is one space."""
    return " ".join(text.translate(_STRAIGHT).split())


def _spelled(printed: str, known: set[str]) -> str:
    """A name from a booklet list ('migraine', lower case inside the list) as the cards spell it."""
    return next((k for k in known if reader_text(k).casefold() == reader_text(printed).casefold()), printed)
