"""Reading a built deck the way a student meets it: imported into a real Anki collection, and the
text of the parts of a card. Shared by the deck, update-date and paper-card tests."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

SPOT_TYPE = 1739304251   # the spot note type's frozen id (publish/anki_fields.py)


def open_collection(folder: Path) -> Collection:
    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / "collection.anki2"))


def import_deck(col: Collection, apkg: Path):
    """Import as Anki does by default: update notes and note types only if the package is newer."""
    request = ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


class _Section(HTMLParser):
    """Collects the text inside the first element whose class list contains `css_class`, leaving out
    elements whose class list contains `skip`."""

    def __init__(self, css_class: str, skip: str = ""):
        super().__init__(convert_charrefs=True)
        self.css_class, self.depth, self.done, self.parts = css_class, 0, False, []
        self.skip, self.skipping = skip, 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.skipping or (self.depth and self.skip in classes):
            self.skipping += 1
        if self.depth:
            self.depth += 1
        elif not self.done and self.css_class in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.skipping:
            self.skipping -= 1
        if self.depth:
            self.depth -= 1
            self.done = self.done or self.depth == 0

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.parts.append(data)


def section(html: str, css_class: str, skip: str = "\0") -> str:
    """The text a student reads inside the part of the card marked `css_class` ('' if none), without
    the parts marked `skip`."""
    parser = _Section(css_class, skip)
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def text(html: str) -> str:
    """What the student reads, as one line of text."""
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]*>", " ", html)).split())


def study_deck(col: Collection) -> None:
    """Open the deck for study, as a student does by clicking it."""
    col.decks.select(col.decks.id_for_name("Perfect Spots"))


def spot_notes(col: Collection) -> dict[int, object]:
    return {int(col.get_note(nid)["Number"]): col.get_note(nid) for nid in col.find_notes(f"mid:{SPOT_TYPE}")}


def cards_by_type(note) -> dict[str, object]:
    return {card.template()["name"]: card for card in note.cards()}


def review_some(col: Collection) -> None:
    """Answer the first ten new cards: six 'Easy' (into review) and four 'Good' (into learning);
    then suspend one unseen card and flag another."""
    study_deck(col)
    for i in range(10):
        card = col.sched.getCard()
        col.sched.answerCard(card, 4 if i < 6 else 3)
    unseen = col.find_cards("is:new")
    col.sched.suspend_cards([unseen[0]])
    col.set_user_flag_for_cards(1, [unseen[1]])


def scheduling(col: Collection):
    """Every card's deck and scheduling state (queue -1: suspended), and the whole review log."""
    columns = ("id", "nid", "did", "ord", "type", "queue", "due", "ivl", "factor", "reps", "lapses", "flags")
    cards = [dict(zip(columns, row, strict=True))
             for row in col.db.all(f"select {', '.join(columns)} from cards order by id")]
    revlog = col.db.all("select * from revlog order by id")
    return cards, revlog
