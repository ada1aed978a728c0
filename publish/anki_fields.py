"""The Anki note types' identity: fixed ids, names and field names, one per study note kind.

This is the contract between the deck writer (deck/, which adds templates and styling with genanki)
and the reader that checks a built deck (consistency/). Identity rules (measured with anki 26.9):
Anki matches a note type by id and keeps using it only while its field names and card type names
stay the same; any change there makes a duplicate "+" note type on import. So names below are
frozen: add a field or card type only together with a new model id, and tell students to import
with "Merge note types" ticked.
"""
from __future__ import annotations

from dataclasses import dataclass

from .study.cards import NoteKind
from .study.kinds import CONDITION, REGION, SPOT


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
