"""Study notes to Anki notes: field values, stable GUIDs, one deck, and the .apkg file."""
from __future__ import annotations

from pathlib import Path

import genanki

from ..anki_fields import NOTE_TYPES, NoteType
from ..figures import FigureStore
from ..model import Book, Labels
from ..study.cards import Note
from .apkg import write_apkg
from .dates import Ledger, fingerprint
from .fonts import card_fonts
from .html import escape, fact_html, image_html
from .media import Media
from .notetypes import models as note_models

DECK_NAME = "Perfect Spots"
DECK_ID = 1876431097  # Anki matches decks by name; genanki needs an id all the same
GUID_NAMESPACE = "perfect-spots"


def write_deck(notes: tuple[Note, ...], book: Book, path: Path, timestamp: int, store: FigureStore,
               labels: Labels, ledger: Ledger | None = None) -> tuple[int, Ledger | None]:
    """Write `notes` as the deck's .apkg at `path`; returns the number of cards and the ledger after it.

    Without a ledger every note and note type is dated `timestamp`. With one, each keeps its recorded
    date while what it shows is unchanged, and new or changed ones are dated `timestamp` or later."""
    media = Media(store)
    deck = genanki.Deck(DECK_ID, DECK_NAME, description=_description(book))
    fields = [field_values(NOTE_TYPES[note.kind.key], note, media) for note in notes]
    plain = note_models(labels)
    font_css, fonts = card_fonts([value for values in fields for value in values]
                                 + [t[k] for model in plain.values() for t in model.templates for k in ("qfmt", "afmt")])
    models = {key: DatedModel(model, font_css) for key, model in plain.items()}
    keys: dict[str, DatedNote | DatedModel] = {}
    for position, (note, values) in enumerate(zip(notes, fields), start=1):
        anki_note = DatedNote(
            model=models[note.kind.key],
            fields=values,
            tags=list(note.tags),
            guid=genanki.guid_for(GUID_NAMESPACE, note.kind.key, note.key),
            due=position)
        deck.add_note(anki_note)
        keys[f"{note.kind.key} {note.key}"] = anki_note
    keys |= {f"note type {model.model_id}": model for model in models.values()}
    dates = dict.fromkeys(keys, timestamp)
    if ledger is not None:
        ledger = ledger.dated({key: item.fingerprint() for key, item in keys.items()}, timestamp)
        dates = {key: dated.date for key, dated in ledger.entries}
    for key, item in keys.items():
        item.date = dates[key]
    write_apkg(genanki.Package(deck), media.files | fonts, path, ledger.latest if ledger is not None else timestamp)
    return sum(len(n.cards) for n in deck.notes), ledger


class DatedNote(genanki.Note):
    """A note carrying its own date (genanki dates every note by the package's)."""

    date = 0

    def fingerprint(self) -> str:
        return fingerprint([self.model.model_id, self.fields, self.tags])

    def write_to_db(self, cursor, timestamp, deck_id, id_gen):
        super().write_to_db(cursor, self.date, deck_id, id_gen)


class DatedModel(genanki.Model):
    """A note type carrying its own date, which must move when its fields, card types or style change."""

    date = 0

    def __init__(self, model: genanki.Model, font_css: str = ""):
        super().__init__(model.model_id, model.name, fields=model.fields, templates=model.templates,
                         css=font_css + model.css, sort_field_index=model.sort_field_index)

    def fingerprint(self) -> str:
        return fingerprint(genanki.Model.to_json(self, 0, DECK_ID))

    def to_json(self, timestamp, deck_id):
        return super().to_json(self.date, deck_id)


def field_values(note_type: NoteType, note: Note, media: Media) -> list[str]:
    """The note's fields in the note type's order; every source the note fills must have a field."""
    values = {"sort": escape(note.sort), "heading": escape(note.heading)}
    for kind in note.kind.facts:
        values[f"fact:{kind.key}"] = fact_html(kind, note.facts.get(kind.key, ()))
    figures = list(note.figures)
    for card in note.cards:
        values[f"question:{card.kind.key}"] = escape(card.question)
        figures += [card.figure] if card.figure else []
    for figure in figures:
        values[f"figure:{figure.kind}"] = image_html(media.add(figure), figure.alt)
    unplaced = set(values) - {source for source, _ in note_type.fields}
    if unplaced:
        raise ValueError(f"note type '{note_type.name}' has no field for {', '.join(sorted(unplaced))}")
    return [values.get(source, "") for source, _ in note_type.fields]


def _description(book: Book) -> str:
    return (f"<p><b>{escape(book.title)}</b> {escape(book.edition)}: {escape(book.subtitle)}.</p>"
            f"<p>{escape(book.disclaimer)}</p>"
            f"<p>{escape(book.licence.name)}. {escape(book.licence.summary)}</p>")
