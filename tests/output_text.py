"""Every text output as a reader meets it, as plain text: the A5 booklet and the A4 paper cards read back
with pypdfium2, and each card's question and answer HTML from the deck imported into a new Anki collection."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

from publish.booklet.document import Art, lay_out
from publish.booklet.pages import Trim
from publish.booklet.placement import place
from publish.deck import build_deck
from publish.editions import A5 as A5_EDITION
from publish.figures import FigureStore
from publish.fonts import register
from publish.model import load_content
from publish.paper import build_cards

EPOCH = 1_700_000_000


def pdf_text(pdf: bytes | Path) -> str:
    return "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


def booklet_text(content_dir: Path) -> str:
    """The A5 booklet's text."""
    register()
    content = load_content(content_dir)
    return pdf_text(place(content, lay_out(content, Art(FigureStore(content)), EPOCH), Trim.of(A5_EDITION), EPOCH))


def flashcards_text(content_dir: Path, folder: Path) -> str:
    """The A4 paper flashcards' text."""
    return pdf_text(build_cards(load_content(content_dir), folder / "cards", epoch=EPOCH).files[0])


def card_html(content_dir: Path, folder: Path) -> list[str]:
    """The HTML of every card's question and answer, from the deck imported into a new Anki collection."""
    apkg = build_deck(load_content(content_dir), folder / "deck", epoch=EPOCH).files[0]
    col = Collection(str(folder / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions()))
        cards = [col.get_card(cid) for cid in col.find_cards("")]
        return [html for card in cards for html in (card.question(), card.answer())]
    finally:
        col.close()
