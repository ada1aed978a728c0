"""Study notes to Anki notes: field values, stable GUIDs, one deck, and the .apkg file."""
from __future__ import annotations

from pathlib import Path

import genanki

from ..anki_fields import NOTE_TYPES, NoteType
from ..figures import FigureStore
from ..model import Book
from ..study.cards import Note
from .apkg import write_apkg
from .html import escape, fact_html, image_html
from .media import Media
from .notetypes import models as note_models

DECK_NAME = "Perfect Spots"
DECK_ID = 1876431097  # Anki matches decks by name; genanki needs an id all the same
GUID_NAMESPACE = "perfect-spots"


def write_deck(notes: tuple[Note, ...], book: Book, path: Path, timestamp: int, store: FigureStore) -> int:
    """Write `notes` as the deck's .apkg at `path`; returns the number of cards."""
    media = Media(store)
    deck = genanki.Deck(DECK_ID, DECK_NAME, description=_description(book))
    models = note_models()
    for position, note in enumerate(notes, start=1):
        note_type = NOTE_TYPES[note.kind.key]
        deck.add_note(genanki.Note(
            model=models[note.kind.key],
            fields=field_values(note_type, note, media),
            tags=list(note.tags),
            guid=genanki.guid_for(GUID_NAMESPACE, note.kind.key, note.key),
            due=position))
    write_apkg(genanki.Package(deck), media.files, path, timestamp)
    return sum(len(n.cards) for n in deck.notes)


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
