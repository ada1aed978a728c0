"""Every Anki card of a built deck as the student's phone shows it: imported into a real Anki
collection, each side written as a page with the note type's CSS (the `card` class on the body, as
Anki's reviewer sets it, plus `nightMode` in night mode), next to the deck's media."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from anki_reader import import_deck, open_collection

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{css}</style></head>
<body class="{body}">{html}</body></html>"""


@dataclass(frozen=True)
class CardSide:
    name: str          # 'spot 12 Pain pattern to spot answer'
    kind: str          # the card type's name
    side: str          # 'question' or 'answer'
    html: str
    css: str


def card_sides(apkg: Path, folder: Path) -> list[CardSide]:
    """Both sides of every card in the deck at `apkg`, in the deck's order."""
    col = open_collection(folder)
    import_deck(col, apkg)
    sides = []
    for cid in sorted(col.find_cards(""), key=lambda c: (col.get_card(c).note().id, col.get_card(c).ord)):
        card = col.get_card(cid)
        note_type, note = card.note_type(), card.note()
        name = f"{note_type['name'].split(': ')[-1]} {note.fields[0]} {card.template()['name']}"
        for side, html in (("question", card.question()), ("answer", card.answer())):
            html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
            sides.append(CardSide(f"{name} {side}", card.template()["name"], side, html, note_type["css"]))
    col.close()
    return sides


def write_page(side: CardSide, media: Path, night: bool, index: int) -> Path:
    """The side as an HTML page in the media folder, so the figures' relative names resolve."""
    path = media / f"_side-{index}-{'night' if night else 'day'}.html"
    body = "card nightMode" if night else "card"
    path.write_text(PAGE.format(css=side.css, body=body, html=side.html), encoding="utf-8")
    return path
