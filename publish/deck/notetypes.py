"""The Anki note types: fixed ids, field names and card type names, and the templates.

Identity rules (measured with anki 26.9): Anki matches a note type by id and keeps using it only
while its field names and card type names stay the same; any change there makes a duplicate
"+" note type on import. So names below are frozen: add a field or card type only together with
a new model id, and tell students to import with "Merge note types" ticked.
"""
from __future__ import annotations

from dataclasses import dataclass

import genanki

from ..study.cards import NoteKind
from ..study.kinds import CONDITION, REGION, SPOT
from .style import CSS


@dataclass(frozen=True)
class NoteType:
    """How one note kind is stored in Anki.

    `fields` pairs a source with the Anki field name: 'sort', 'heading', 'fact:<key>',
    'figure:<kind>' or 'question:<card key>'. The first field is the sort field.
    Card types are the note kind's cards, named by `CardKind.name`, in order.
    """

    kind: NoteKind
    model_id: int
    name: str
    fields: tuple[tuple[str, str], ...]

    def field_name(self, source: str) -> str:
        return dict(self.fields)[source]

    def model(self) -> genanki.Model:
        return genanki.Model(
            self.model_id, self.name,
            fields=[{"name": name} for _, name in self.fields],
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
        return _if(ask, f'<div class="ps {self.kind.key}"><div class="kind">{{{{Card}}}}</div>'
                        f'<div class="question">{_ref(ask)}</div>{picture}</div>')

    def _answer(self, card_key: str) -> str:
        """The question's words, then what answers it, the figures, the facts at a glance and the rest folded."""
        card = self.kind.card(card_key)
        facts = [f for f in self.kind.facts if f.key not in card.answer]
        answer = "".join(self._fact(k) for k in card.answer)
        figures = "".join(self._figure(f) for f in self.kind.answer_figures(card))
        glance = "".join(self._fact(f.key) for f in facts if f.glance)
        folded = [f for f in facts if not f.glance]
        more = "".join(self._fact(f.key) for f in folded)
        topics = ", ".join(f.many.lower() for f in folded)
        return "".join([
            f'<div class="ps {self.kind.key}"><div class="kind">{{{{Card}}}}</div>',
            f'<div class="question">{_ref(self.field_name("question:" + card_key))}</div>',
            f'<hr id="answer"><div class="heading">{_ref(self.field_name("heading"))}</div>',
            f'<div class="answer">{answer}</div>',
            f'<div class="figures">{figures}</div>' if figures else "",
            glance,
            f'<details><summary>More <span class="topics">{topics}</span></summary>{more}</details>' if more else "",
            "</div>",
        ])

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


SPOT_TYPE = NoteType(
    SPOT, 1739304251, "Perfect Spots: spot",
    fields=(
        ("sort", "Number"), ("heading", "Heading"),
        ("fact:place", "Place"), ("fact:muscles", "Muscles"),
        ("fact:essential", "Essential zones"), ("fact:spillover", "Spill-over zones"),
        ("fact:conditions", "Conditions"), ("fact:landmarks", "Landmarks"), ("fact:cautions", "Cautions"),
        ("fact:page", "BookletPage"), ("fact:steps", "Steps"), ("fact:summary", "Summary"), ("fact:feel", "Feel"),
        ("fact:treatment", "Treatment"), ("fact:related", "Related"), ("fact:references", "Sources"),
        ("figure:pattern", "Pattern figure"), ("figure:locator", "Locator figure"),
        ("figure:pattern-quiz", "Pattern quiz figure"), ("figure:map", "Map figure"),
        ("question:muscle", "Muscle question"), ("question:spot", "Spot question"),
        ("question:pattern", "Pattern question"), ("question:locate", "Map question"),
        ("question:pain", "Pain question"), ("question:conditions", "Conditions question"),
    ),
)

CONDITION_TYPE = NoteType(
    CONDITION, 1216094732, "Perfect Spots: condition",
    fields=(("sort", "Condition"), ("heading", "Heading"), ("fact:also", "Also called"),
            ("fact:summary", "Summary"), ("fact:spots", "Spots"), ("figure:overview", "Map figure"),
            ("question:spots", "Question")),
)

REGION_TYPE = NoteType(
    REGION, 1581935640, "Perfect Spots: pain area",
    fields=(("sort", "Pain area"), ("heading", "Heading"), ("fact:group", "Body area"),
            ("fact:essential", "Essential zone of"), ("fact:spillover", "Spill-over zone of"),
            ("figure:overview", "Map figure"), ("question:spots", "Question")),
)

NOTE_TYPES = {t.kind.key: t for t in (SPOT_TYPE, CONDITION_TYPE, REGION_TYPE)}
