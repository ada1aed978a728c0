"""Every study card laid out once for paper, card by card, independent of the sheet it lands on.

Front: the card kind, the question and, for picture questions, the figure. Back: spot, kind and
booklet page; the heading; the answer in a tinted box (the one-line answer first); the key caution
on cards that teach finding or pressing; then the card kind's own figures if they fit legibly.
Type shrinks to each part's smallest size first; what still does not fit continues on the next card,
marked 'continued' front and back, so the deck never depends on paper and duplex order holds."""
from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

from ..figures import FigureStore
from ..model import Labels
from ..study.cards import Card, Note
from ..study.kinds import SPOT
from . import card as piece
from . import styles
from .faces import Box, Mark, PaperCard, Text
from .flow import fit, height, stack
from .sheet import CARD_HEIGHT, CARD_WIDTH, MM, Rect

PADDING = 5 * MM                 # between the cut edge and anything printed: room for duplex drift
GAP = piece.GAP
BOX_PADDING = 1.8 * MM           # inside the tinted answer box
BAR = 1.6
MIN_FIGURE_SCALE = 0.4           # answer figures drawn smaller than this share of their booklet size are left
                                 # to the Anki card and the booklet
MIN_FIGURE_TEXT = 6.0            # nor is an answer figure shrunk so far that its labels print smaller (points)
ALONE, WITH_FIGURE = (12.5, 11, 10), (10.5, 9.5, 8.5)   # question sizes tried in turn
FIGURE_ROOM = 40 * MM            # kept for the drawing on a picture question's front
INNER = Rect(PADDING, PADDING, CARD_WIDTH - 2 * PADDING, CARD_HEIGHT - 2 * PADDING)


def lay_out(notes: tuple[Note, ...], store: FigureStore, labels: Labels) -> list[PaperCard]:
    """Every card of `notes`, in order, each taking as many printed cards as it needs."""
    return [printed for note in notes for card in note.cards for printed in _card(note, card, store, labels)]


def _card(note: Note, card: Card, store: FigureStore, labels: Labels) -> list[PaperCard]:
    where = f"paper card '{card.kind.name}' of {note.heading}"
    fronts, backs = _fronts(card, store, labels, where), _backs(note, card, store, labels, where)
    count = max(len(fronts), len(backs))
    fronts += [_front(card, [], labels, continued=True)[0] for _ in range(count - len(fronts))]
    backs += [_back_top(note, card, labels, continued=True)[0] for _ in range(count - len(backs))]
    return [PaperCard(tuple(f), tuple(b)) for f, b in zip(fronts, backs)]


def _front(card: Card, paragraphs: list[Flowable], labels: Labels, continued: bool) -> tuple[list[Mark], float]:
    """A front's tag line and, under it, `paragraphs` from the top; returns the marks and their bottom."""
    name = labels.text("paper.continued", text=card.kind.title) if continued else card.kind.title
    marks, top = piece.tag_line(INNER, name, "")
    placed, bottom = stack(paragraphs, INNER.x, top, INNER.width)
    return marks + [Text(f, x, y) for f, x, y in placed], bottom


def _fronts(card: Card, store: FigureStore, labels: Labels, where: str) -> list[list[Mark]]:
    """The question at the largest size that fits (centred when alone, above its figure otherwise);
    a question too long even at the smallest size continues on the next fronts."""
    _, top = piece.tag_line(INNER, card.kind.title, "")
    room = top - INNER.y - (FIGURE_ROOM + GAP if card.figure else 0)
    sizes = WITH_FIGURE if card.figure else ALONE
    for size in sizes:
        asked = piece.question(card.question, size)
        if height([asked], INNER.width) <= room:
            break
    first, rest = fit([asked], INNER.width, room, where)
    marks, bottom = _front(card, first, labels, continued=False)
    if card.figure:
        room_left = Rect(INNER.x, INNER.y, INNER.width, bottom - GAP - INNER.y)   # the figure laid out for it
        marks += piece.figure_row(store, [card.figure.key.fitted(room_left.width, room_left.height)], room_left,
                                  minimum=0)
    elif not rest:
        lift = (bottom - INNER.y) / 2           # a question alone sits in the middle of the card
        marks = marks[:1] + [Text(m.flowable, m.x, m.y - lift) for m in marks[1:] if isinstance(m, Text)]
    fronts = [marks]
    while rest:
        first, rest = fit(rest, INNER.width, top - INNER.y, where)
        fronts.append(_front(card, first, labels, continued=True)[0])
    return fronts


def _back_top(note: Note, card: Card, labels: Labels, continued: bool) -> tuple[list[Mark], float]:
    """The tag line ('SPOT 9 · PAIN PATTERN TO SPOT', booklet page); returns it and its bottom."""
    left = (labels.text("paper.spot_tag", number=note.key, kind=card.kind.title) if note.kind.key == SPOT.key
            else card.kind.title)
    right = piece.page_tag(note)
    if continued:
        right = labels.text("paper.continued", text=right) if right else labels.text("paper.continued_alone")
    return piece.tag_line(INNER, left, right)


def _backs(note: Note, card: Card, store: FigureStore, labels: Labels, where: str) -> list[list[Mark]]:
    """The heading, then the answer box at the largest fact size that fits; what does not fit goes on
    to further backs. The caution on each; the figures in what room the last one leaves."""
    caution = piece.caution(card, labels)
    kept = caution.wrap(INNER.width, INNER.height)[1] + GAP if caution else 0.0
    width = INNER.width - BAR - 2 * BOX_PADDING
    heading = [Paragraph(escape(note.heading), styles.heading())]
    marks, top = _back_top(note, card, labels, continued=False)
    room = top - INNER.y - kept - height(heading, INNER.width) - GAP - 2 * BOX_PADDING
    for size in styles.FACT_SIZES:
        answer = piece.answer(note, card, size, labels)
        if height(answer, width) <= room:
            break
    backs, bottom = [], top
    while True:
        heading, bottom = _plain(marks, heading, top, INNER.y + kept, where)
        if not heading and answer:
            first, answer = fit(answer, width, bottom - GAP - INNER.y - kept - 2 * BOX_PADDING, where) \
                if bottom - GAP - INNER.y - kept - 2 * BOX_PADDING > 0 else ([], answer)
            bottom = _box(marks, first, bottom - GAP, width) if first else bottom
        if caution:
            bottom = _plain(marks, [caution], bottom - GAP, INNER.y, where)[1]
        backs.append(marks)
        if not heading and not answer:
            break
        marks, top = _back_top(note, card, labels, continued=True)
    shown = note.figures + ((card.figure,) if card.figure else ())
    keys = [f.key for kind in card.kind.figures for f in shown if f.kind == kind]
    backs[-1] += piece.back_figures(store, keys, Rect(INNER.x, INNER.y, INNER.width, bottom - GAP - INNER.y),
                                    MIN_FIGURE_SCALE, MIN_FIGURE_TEXT)
    return backs


def _plain(marks: list[Mark], flowables: list[Flowable], top: float, floor: float,
           where: str) -> tuple[list[Flowable], float]:
    """Add what of `flowables` fits between `top` and `floor` to `marks`; returns the rest and the bottom."""
    if not flowables:
        return [], top
    first, rest = fit(flowables, INNER.width, top - floor, where)
    placed, bottom = stack(first, INNER.x, top, INNER.width)
    marks += [Text(f, x, y) for f, x, y in placed]
    return rest, bottom


def _box(marks: list[Mark], flowables: list[Flowable], top: float, width: float) -> float:
    """Add the tinted box holding `flowables` under `top` to `marks`; returns its bottom."""
    placed, bottom = stack(flowables, INNER.x + BAR + BOX_PADDING, top - BOX_PADDING, width)
    bottom -= BOX_PADDING
    marks.append(Box(INNER.x, bottom, INNER.width, top - bottom))
    marks += [Text(f, x, y) for f, x, y in placed]
    return bottom
