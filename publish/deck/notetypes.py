"""The Anki note types as genanki models: templates and the stylesheet for each note type of
anki_fields.py (whose ids and names are frozen; see there)."""
from __future__ import annotations

from dataclasses import dataclass

import genanki

from ..anki_fields import NOTE_TYPES, NoteType
from ..model import Labels
from ..study.cards import IDENTITY, NUMBER, CardKind
from ..study.kinds import localized
from .html import escape
from .style import CSS


@dataclass(frozen=True)
class Templates:
    """The card templates of one note type."""

    note_type: NoteType
    labels: Labels

    @property
    def kind(self):
        return self.note_type.kind

    def title(self, card_key: str) -> str:
        """The card kind's name as cards print it (the card type's name in Anki stays `name`)."""
        return escape(localized(self.kind, self.labels).card(card_key).title)

    def field_name(self, source: str) -> str:
        return self.note_type.field_name(source)

    def model(self) -> genanki.Model:
        t = self.note_type
        return genanki.Model(
            t.model_id, t.name,
            fields=[{"name": name} for _, name in t.fields],
            templates=[self._template(card.key, card.name) for card in self.kind.cards],
            css=CSS, sort_field_index=0)

    def _template(self, card_key: str, name: str) -> dict:
        """A card type; the browser's columns show just the question and the heading."""
        return {"name": name, "qfmt": self._question(card_key), "afmt": self._answer(card_key),
                "bqfmt": _ref(self.field_name(f"question:{card_key}")), "bafmt": _ref(self.field_name("heading"))}

    def _question(self, card_key: str) -> str:
        """The question; the whole side depends on the question field, so an empty one makes no card."""
        ask = self.field_name(f"question:{card_key}")
        figure = self.kind.card(card_key).figure
        picture = f'<div class="figures">{self._figure(figure)}</div>' if figure else ""
        return _if(ask, f'<div class="ps {self.kind.key}"><div class="kind">{self.title(card_key)}</div>'
                        f'<div class="question">{_ref(ask)}</div>{picture}</div>')

    def _answer(self, card_key: str) -> str:
        """The question's words; the one-line answer; what this kind teaches (facts, figures, and the
        cautions on cards that teach finding or pressing); the rest folded under 'More'."""
        card = self.kind.card(card_key)
        facts, figure_kinds = self.kind.folded(card)
        taught = "".join(self._fact(k) for k in card.answer)
        figures = "".join(self._figure(f) for f in card.figures)
        more = "".join(self._fact(f.key) for f in facts) + "".join(self._figure(f) for f in figure_kinds)
        titles = {f.key: f.many for f in localized(self.kind, self.labels).facts}
        topics = ", ".join(titles[f.key].lower() for f in facts)
        return "".join([
            f'<div class="ps {self.kind.key}"><div class="kind">{self.title(card_key)}</div>',
            f'<div class="question">{_ref(self.field_name("question:" + card_key))}</div>',
            f'<hr id="answer"><div class="answer">{self._line(card)}{taught}</div>',
            f'<div class="figures">{figures}</div>' if figures else "",
            self._fact("cautions") if card.caution else "",
            f'<details><summary>{escape(self.labels.text("cards.more"))} <span class="topics">{topics}</span></summary>'
            f'<div class="heading">{_ref(self.field_name("heading"))}</div>{more}</details>',
            "</div>",
        ])

    def _line(self, card: CardKind) -> str:
        """The one line that answers: 'Spot 9 · pectoralis major · p. 36' for the spot's identity (number,
        muscle names, page), then any labelled facts the card names in its line."""
        number = escape(self.labels.text("cards.spot", number="\0")).replace("\0", _ref(self.field_name("sort")))
        short = [f'<span class="piece">{number}</span>' if k == NUMBER
                 else _if(self.field_name(f"fact:{k}"), f'<span class="piece">{self._fact(k)}</span>')
                 for k in card.line if k in IDENTITY]
        rest = "".join(self._fact(k) for k in card.line if k not in IDENTITY)
        return f'<div class="answer-line">{"".join(short)}{rest}</div>'

    def _fact(self, key: str) -> str:
        return _ref(self.field_name(f"fact:{key}"))

    def _figure(self, kind: str) -> str:
        field = self.field_name(f"figure:{kind}")
        return _if(field, f'<div class="figure figure-{kind}">{_ref(field)}</div>')


def _ref(field: str) -> str:
    return "{{" + field + "}}"


def _if(field: str, inner: str) -> str:
    """Anki's conditional: `inner` only when `field` is not empty."""
    return "{{#" + field + "}}" + inner + "{{/" + field + "}}"


def models(labels: Labels) -> dict[str, genanki.Model]:
    """note kind key -> its genanki model, its words from `labels`."""
    return {key: Templates(t, labels).model() for key, t in NOTE_TYPES.items()}
