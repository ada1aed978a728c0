"""One card drawn into its place on a sheet: the question on the front; on the back the answer,
then as many of the answer's figures as fit at a legible size. Both sides come from the same
card definitions as the Anki deck (publish/study/); only the layout is paper's own."""
from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from ..errors import BuildError
from ..figures import FigureKey, smallest_text
from ..model import Labels
from ..study.cards import Card, Entry, FactKind, Item, Note
from ..study.kinds import SPOT
from . import styles
from .forms import Figures
from .sheet import CARD_HEIGHT, CARD_WIDTH, MM, Rect

PADDING = 5 * MM                 # between the cut edge and anything printed: room for duplex drift
GAP = 2.2 * MM
BOX_PADDING = 1.8 * MM           # inside the tinted answer box
BAR = 1.6                        # the answer box's accent bar, points
MIN_FIGURE_SCALE = 0.4           # smaller answer figures are left to the Anki card and the booklet
MIN_FIGURE_TEXT = 6.0            # nor is an answer figure shrunk so far that its labels print smaller (points)
SHRINK = 0.15                    # a second figure may cost the first this much of its size, no more
ALONE, WITH_FIGURE = (12.5, 11, 10), (10.5, 9.5, 8.5)   # question sizes tried in turn
FIGURE_ROOM = 40 * MM            # kept for the drawing on a picture question's front


def draw_front(canvas: Canvas, figures: Figures, place: Rect, card: Card) -> None:
    """The card kind, the question and, for picture questions, the figure filling the rest."""
    inner = _inner(place)
    top = _tag_line(canvas, inner, card.kind.title, "")
    if card.figure is None:
        question, height = _question(card, ALONE, top - inner.y)
        question.drawOn(canvas, inner.x, inner.y + (top - inner.y + height) / 2 - height)
        return
    question, height = _question(card, WITH_FIGURE, top - inner.y - FIGURE_ROOM - GAP)
    question.drawOn(canvas, inner.x, top - height)
    top -= height + GAP
    _draw_figures(figures, [card.figure.key], Rect(inner.x, inner.y, inner.width, top - inner.y), minimum=0)


def _question(card: Card, sizes: tuple[float, ...], room: float) -> tuple[Paragraph, float]:
    """The question at the largest of `sizes` that fits in `room` points of height."""
    for size in sizes:
        question = Paragraph(escape(card.question), styles.question(size))
        _, height = question.wrap(CARD_WIDTH - 2 * PADDING, 10_000)
        if height <= room:
            return question, height
    raise BuildError(f"paper card '{card.kind.name}': the question \"{card.question[:60]}...\" is too long for "
                     f"the front of a {CARD_WIDTH / MM:.0f} x {CARD_HEIGHT / MM:.0f} mm card; shorten it")


def draw_back(canvas: Canvas, figures: Figures, place: Rect, note: Note, card: Card, labels: Labels) -> None:
    """Spot, card kind and booklet page; the heading; the answer in a tinted box, then the card's
    key caution if it has one; figures below."""
    inner = _inner(place)
    tag = labels.text("paper.spot_tag", number=note.key, kind=card.kind.title) if note.kind.key == SPOT.key else card.kind.title
    top = _tag_line(canvas, inner, tag, _page(note))
    top = _draw_down(canvas, [Paragraph(escape(note.heading), styles.heading())], inner.x, top, inner.width) - GAP
    caution = _caution(card, labels)
    kept = caution.wrap(inner.width, inner.height)[1] + GAP if caution else 0.0
    top = _answer_box(canvas, note, card, Rect(inner.x, inner.y + kept, inner.width, top - inner.y - kept)) - GAP
    if caution:
        top = _draw_down(canvas, [caution], inner.x, top, inner.width) - GAP
    shown = note.figures + ((card.figure,) if card.figure else ())     # the question's map comes back on its answer
    keys = [f.key for kind in note.kind.answer_figures(card.kind) for f in shown if f.kind == kind]
    _draw_figures(figures, keys, Rect(inner.x, inner.y, inner.width, top - inner.y), minimum=MIN_FIGURE_SCALE,
                  min_text=MIN_FIGURE_TEXT)


def _caution(card: Card, labels: Labels) -> Paragraph | None:
    """The key caution line a card that teaches finding or pressing a spot carries."""
    if not card.caution:
        return None
    return Paragraph(f'<font name="{styles.SANS_BOLD}" color="{styles.ACCENT.hexval()}">{escape(labels.text("paper.caution"))}</font> '
                     f"{escape(card.caution)}", styles.caution())


def _inner(place: Rect) -> Rect:
    return Rect(place.x + PADDING, place.y + PADDING, place.width - 2 * PADDING, place.height - 2 * PADDING)


def _tag_line(canvas: Canvas, inner: Rect, left: str, right: str) -> float:
    """The small line at the top of each side; returns where the next block starts."""
    tag = Paragraph(escape(left.upper()), styles.tag())
    _, height = tag.wrap(inner.width * 0.7, inner.height)
    tag.drawOn(canvas, inner.x, inner.top - height)
    if right:
        page = Paragraph(escape(right), styles.page_tag())
        page.wrap(inner.width * 0.3, inner.height)
        page.drawOn(canvas, inner.x + inner.width * 0.7, inner.top - height)
    return inner.top - height - GAP / 2


def _page(note: Note) -> str:
    """'Booklet p. 45' for a spot whose page is known; pages of topic cards are in their answers."""
    kind = _fact_kind(note, "page")
    items = note.facts.get("page", ()) if kind else ()
    return f"{kind.label(len(items))} {items[0]}" if kind and items else ""


def _fact_kind(note: Note, key: str) -> FactKind | None:
    return next((f for f in note.kind.facts if f.key == key), None)


def _answer_box(canvas: Canvas, note: Note, card: Card, room: Rect) -> float:
    """Draw what answers the card in a tinted box at the top of `room`; returns the box's bottom."""
    width = room.width - BAR - 2 * BOX_PADDING
    for size in styles.FACT_SIZES:
        flowables = [f for key in card.kind.answer for f in _fact(note, key, size)]
        height = _height(flowables, width) + 2 * BOX_PADDING
        if height <= room.height:
            break
    else:
        raise BuildError(f"paper card '{card.kind.name}' of {note.heading}: the answer is "
                         f"{(height - room.height) / MM:.0f} mm too long for a {CARD_WIDTH / MM:.0f} x "
                         f"{CARD_HEIGHT / MM:.0f} mm card; shorten it")
    bottom = room.top - height
    canvas.saveState()
    canvas.setFillColor(styles.TINT)
    canvas.rect(room.x, bottom, room.width, height, stroke=0, fill=1)
    canvas.setFillColor(styles.ACCENT)
    canvas.rect(room.x, bottom, BAR, height, stroke=0, fill=1)
    canvas.restoreState()
    _draw_down(canvas, flowables, room.x + BAR + BOX_PADDING, room.top - BOX_PADDING, width)
    return bottom


def _fact(note: Note, key: str, size: float) -> list[Flowable]:
    """A labelled fact as the Anki card shows it: on one line after its label, or as a list under it."""
    kind, items = _fact_kind(note, key), note.facts.get(key, ())
    if kind is None or not items:
        return []
    label = f'<font name="{styles.SANS_BOLD}" color="{styles.LABEL.hexval()}">{escape(kind.label(len(items)))}'
    if kind.runs_on(items):
        return [Paragraph(f"{label}:</font> " + " \u00b7 ".join(map(_item, items)), styles.fact(size))]
    bullets = [f"{i}." if kind.numbered else "\u2022" for i in range(1, len(items) + 1)]
    return [Paragraph(label + "</font>", styles.fact(size))] + [
        Paragraph(_item(item), styles.item(size), bulletText=bullet) for item, bullet in zip(items, bullets)]


def _item(item: Item) -> str:
    if isinstance(item, Entry):
        return f"<b>{escape(item.head)}</b> \u2014 {escape(item.text)}"
    return escape(item)


def _height(flowables: list[Flowable], width: float) -> float:
    return sum(f.wrap(width, 10_000)[1] + (f.getSpaceBefore() if i else 0) for i, f in enumerate(flowables))


def _draw_down(canvas: Canvas, flowables: list[Flowable], x: float, top: float, width: float) -> float:
    """Draw `flowables` one under another from `top`; returns the bottom of the last."""
    for i, f in enumerate(flowables):
        _, height = f.wrap(width, 10_000)
        top -= height + (f.getSpaceBefore() if i else 0)
        f.drawOn(canvas, x, top)
    return top


def _figure_row(figures: Figures, keys: list[FigureKey], room: Rect, minimum: float,
                min_text: float) -> list[tuple[FigureKey, float]]:
    """The figures, in order, that fit side by side in `room` at one common height, each with its
    scale (at most 1). A figure is left out if it would be smaller than `minimum` or print text
    under `min_text` points, or if making room for it would shrink those already in the row by
    more than SHRINK."""
    chosen: list[tuple[FigureKey, float]] = []
    for key in keys:
        row = [k for k, _ in chosen] + [key]
        boxes = [figures.drawing(k).getBounds() for k in row]
        height = min(room.height, (room.width - GAP * (len(row) - 1)) / sum((x1 - x0) / (y1 - y0)
                                                                         for x0, y0, x1, y1 in boxes))
        scales = [min(1.0, height / (y1 - y0)) for _, y0, _, y1 in boxes]
        kept = all(new >= (1 - SHRINK) * old for new, (_, old) in zip(scales, chosen))
        legible = all(s * smallest_text(figures.drawing(k)) >= min_text for k, s in zip(row, scales))
        if min(scales) >= minimum and kept and legible:
            chosen = list(zip(row, scales))
    return chosen


def _draw_figures(figures: Figures, keys: list[FigureKey], room: Rect, minimum: float,
                  min_text: float = 0.0) -> None:
    """The figure row, centred in `room`."""
    row = _figure_row(figures, keys, room, minimum, min_text)
    boxes = [figures.drawing(k).getBounds() for k, _ in row]
    widths = [(b[2] - b[0]) * s for b, (_, s) in zip(boxes, row)]
    x = room.x + (room.width - sum(widths) - GAP * (len(row) - 1)) / 2
    for (key, scale), box, width in zip(row, boxes, widths):
        tall = (box[3] - box[1]) * scale
        figures.place(key, scale, x, room.y + (room.height - tall) / 2)
        x += width + GAP


