"""The pieces a printed card is made of, as the Anki card words them (publish/study/): the tag line,
the question, the one-line answer and the facts, the key caution, and the row of figures. Only the
sizes are paper's own; layout.py puts the pieces on the card."""
from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

from ..figures import FigureKey, FigureStore, crowded, smallest_text
from ..model import Labels
from ..study.cards import IDENTITY, Entry, FactKind, Item, Note, identity_line
from ..study.cards import Card as StudyCard
from . import styles
from .faces import Art, Mark, Text
from .sheet import Rect

GAP = 2.2 * 72 / 25.4
SHRINK = 0.15                    # a second figure may cost the first this much of its size, no more


def tag_line(inner: Rect, left: str, right: str) -> tuple[list[Mark], float]:
    """The small line at the top of each side, and where the next block starts."""
    tag = Paragraph(escape(left.upper()), styles.tag())
    _, tall = tag.wrap(inner.width * 0.7, inner.height)
    marks: list[Mark] = [Text(tag, inner.x, inner.top - tall)]
    if right:
        page = Paragraph(escape(right), styles.page_tag())
        page.wrap(inner.width * 0.3, inner.height)
        marks.append(Text(page, inner.x + inner.width * 0.7, inner.top - tall))
    return marks, inner.top - tall - GAP / 2


def question(text: str, size: float) -> Paragraph:
    return Paragraph(escape(text), styles.question(size))


def page_tag(note: Note) -> str:
    """'Booklet p. 45' for a spot whose page is known; pages of topic cards are in their answers."""
    kind = fact_kind(note, "page")
    items = note.facts.get("page", ()) if kind else ()
    return f"{kind.label(len(items))} {items[0]}" if kind and items else ""


def fact_kind(note: Note, key: str) -> FactKind | None:
    return next((f for f in note.kind.facts if f.key == key), None)


def answer(note: Note, card: StudyCard, size: float, labels: Labels) -> list[Flowable]:
    """The one-line answer ('Spot 9 · pectoralis major · p. 36' in bold), then the labelled facts
    the card's line names, then the facts the card teaches."""
    line = identity_line(note, card.kind, labels)
    first = [Paragraph(f'<font name="{styles.SANS_BOLD}">{escape(line)}</font>', styles.fact(size + 0.6))] if line else []
    keys = [k for k in card.kind.line if k not in IDENTITY] + list(card.kind.answer)
    return first + [f for key in keys for f in fact(note, key, size)]


def fact(note: Note, key: str, size: float) -> list[Flowable]:
    """A labelled fact as the Anki card shows it: on one line after its label, or as a list under it."""
    kind, items = fact_kind(note, key), note.facts.get(key, ())
    if kind is None or not items:
        return []
    label = f'<font name="{styles.SANS_BOLD}" color="{styles.LABEL.hexval()}">{escape(kind.label(len(items)))}:'
    if kind.runs_on(items):
        return [Paragraph(f"{label}</font> " + " \u00b7 ".join(map(_item, items)), styles.fact(size))]
    bullets = [f"{i}." if kind.numbered else "\u2022" for i in range(1, len(items) + 1)]
    return [Paragraph(label + "</font>", styles.fact(size))] + [
        Paragraph(_item(item), styles.item(size), bulletText=bullet) for item, bullet in zip(items, bullets)]


def _item(item: Item) -> str:
    if isinstance(item, Entry):
        return f"<b>{escape(item.head)}</b> \u2014 {escape(item.text)}"
    return escape(item)


def caution(card: StudyCard, labels: Labels) -> Paragraph | None:
    """The key caution line a card that teaches finding or pressing a spot carries."""
    if not card.caution:
        return None
    return Paragraph(f'<font name="{styles.SANS_BOLD}" color="{styles.ACCENT.hexval()}">'
                     f'{escape(labels.text("paper.caution"))}</font> '
                     f"{escape(card.caution)}", styles.caution())


def back_figures(store: FigureStore, keys: list[FigureKey], room: Rect, minimum: float,
                 min_text: float) -> list[Mark]:
    """The card kind's figures under the answer, laid out for the room left (`FigureKey.for_card`:
    views stacked where that draws them larger, text at full size), with their lesser text (a chart's
    key, a close-up's landmarks) left out when only that makes them fit. None where a figure would
    come out under `minimum` of its booklet size, print text under `min_text` points, or not find
    room for its labels (`figures.crowded`): the Anki card and the booklet show it."""
    if not keys or room.height <= 0:
        return []
    share = (room.width - GAP * (len(keys) - 1)) / len(keys)
    for spare in (False, True):
        laid = [key.for_card(share, room.height, spare) for key in keys]
        marks = [m for m in figure_row(store, laid, room, 0.0, min_text) if isinstance(m, Art)]
        if len(marks) == len(keys) and all(m.scale * _linear(store, m.key, key) >= minimum
                                           and not crowded(store.get(m.key)) for m, key in zip(marks, keys)):
            return list(marks)
    return []


def _linear(store: FigureStore, laid: FigureKey, booklet: FigureKey) -> float:
    """How large `laid` is drawn against the booklet's drawing of the same figure (ratio of lengths)."""
    a, b = store.get(laid), store.get(booklet)
    return ((a.width * a.height) / (b.width * b.height)) ** 0.5


def figure_row(store: FigureStore, keys: list[FigureKey], room: Rect, minimum: float,
               min_text: float = 0.0) -> list[Mark]:
    """The figures, in order, that fit side by side in `room` at one common height (scale at most 1),
    centred. A figure is left out if it would be smaller than `minimum` or print text under
    `min_text` points, or if making room for it would shrink those already in the row by more than SHRINK."""
    chosen: list[tuple[FigureKey, float]] = []
    for key in keys:
        row = [k for k, _ in chosen] + [key]
        boxes = [store.get(k).getBounds() for k in row]
        tall = min(room.height, (room.width - GAP * (len(row) - 1)) / sum((x1 - x0) / (y1 - y0)
                                                                       for x0, y0, x1, y1 in boxes))
        scales = [min(1.0, tall / (y1 - y0)) for _, y0, _, y1 in boxes]
        kept = all(new >= (1 - SHRINK) * old for new, (_, old) in zip(scales, chosen))
        legible = all(s * smallest_text(store.get(k)) >= min_text for k, s in zip(row, scales))
        if min(scales) >= minimum and kept and legible:
            chosen = list(zip(row, scales))
    boxes = [store.get(k).getBounds() for k, _ in chosen]
    widths = [(b[2] - b[0]) * s for b, (_, s) in zip(boxes, chosen)]
    x = room.x + (room.width - sum(widths) - GAP * (len(chosen) - 1)) / 2
    marks: list[Mark] = []
    for (key, scale), box, width in zip(chosen, boxes, widths):
        marks.append(Art(key, scale, x, room.y + (room.height - (box[3] - box[1]) * scale) / 2))
        x += width + GAP
    return marks
