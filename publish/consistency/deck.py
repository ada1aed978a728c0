"""What the .apkg says, read the way Anki reads it: the collection's notes, fields and cards
(zipfile + sqlite3), each fact field's HTML turned back into its items."""
from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from ..anki_fields import CONDITION_TYPE, REGION_TYPE, SPOT_TYPE, NoteType
from ..model import Labels
from ..wording import pattern

KIND = re.compile(r'<div class="kind">(.*?)</div>')    # the card kind's name as the card shows it
QUESTION_FIELD = re.compile(r"^\{\{#([^}]+)\}\}")
TYPES = {str(t.model_id): t for t in (SPOT_TYPE, CONDITION_TYPE, REGION_TYPE)}
WHERE = {"spot": "Spot {}", "condition": 'Condition "{}"', "region": 'Pain area "{}"'}   # by note kind

Item = tuple[str, str]     # (lead in bold, text); plain items have no lead


@dataclass(frozen=True)
class SpotFacts:
    title: str
    page: int | None
    muscles: tuple[Item, ...]
    essential: tuple[str, ...]
    spillover: tuple[str, ...]
    conditions: tuple[str, ...]


@dataclass(frozen=True)
class Listed:
    """A spot as a condition or pain-area card lists it."""

    spot: int
    page: int | None


@dataclass(frozen=True)
class DeckCard:
    where: str        # 'Spot 12', 'Condition "Sciatica"', 'Pain area "heel"'
    spot: int | None  # the spot a spot card asks about
    heading: str
    kind: str         # the card type's name
    question: str


@dataclass(frozen=True)
class Deck:
    spots: dict[int, SpotFacts]
    conditions: dict[str, tuple[Listed, ...]]                  # condition name -> spots
    regions: dict[str, dict[str, tuple[Listed, ...]]]          # pain area -> 'essential' / 'spillover' -> spots
    cards: tuple[DeckCard, ...]


def read_deck(path: Path, labels: Labels) -> Deck:
    heading, page = re.compile(pattern(labels.texts["common.card_heading"])), re.compile(
        r"\b" + pattern(labels.texts["common.page"]) + "$")
    spot_entry = re.compile(pattern(labels.texts["common.spot_line"]))
    with zipfile.ZipFile(path) as package:
        data = package.read("collection.anki2")
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(data)
        models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
        notes = {nid: (str(mid), dict(zip([f["name"] for f in models[str(mid)]["flds"]], flds.split("\x1f"))))
                 for nid, mid, flds in db.execute("SELECT id, mid, flds FROM notes ORDER BY id")}
        card_rows = db.execute("SELECT nid, ord FROM cards ORDER BY nid, ord").fetchall()
    finally:
        db.close()
    spots, conditions, regions = {}, {}, {}
    for mid, fields in notes.values():
        if mid == str(SPOT_TYPE.model_id):
            number, facts = _spot(fields, heading, page)
            spots[number] = facts
        elif mid == str(CONDITION_TYPE.model_id):
            conditions[_text(fields, CONDITION_TYPE, "sort")] = _listed(fields, CONDITION_TYPE, "spots", spot_entry, page)
        elif mid == str(REGION_TYPE.model_id):
            regions[_text(fields, REGION_TYPE, "sort")] = {zone: _listed(fields, REGION_TYPE, zone, spot_entry, page)
                                                            for zone in ("essential", "spillover")}
    cards = tuple(_card(models[notes[nid][0]], notes[nid][1], ordinal) for nid, ordinal in card_rows
                  if notes[nid][0] in TYPES)
    return Deck(spots, conditions, regions, cards)


def _spot(fields: dict[str, str], heading: re.Pattern, page_line: re.Pattern) -> tuple[int, SpotFacts]:
    match = heading.fullmatch(_text(fields, SPOT_TYPE, "heading"))
    number, title = (int(match[1]), match[2]) if match else (int(_text(fields, SPOT_TYPE, "sort")), "")
    page = [text for _, text in items(fields[SPOT_TYPE.field_name("fact:page")])]
    found = page_line.search(page[0]) if page else None

    def plain(key: str) -> tuple[str, ...]:
        return tuple(text for _, text in items(fields[SPOT_TYPE.field_name(f"fact:{key}")]))

    muscles = tuple((head, text) if head else (text, "") for head, text in
                    items(fields[SPOT_TYPE.field_name("fact:muscles")]))     # a muscle without detail is plain
    return number, SpotFacts(title, int(found[1]) if found else None, muscles,
                             plain("essential"), plain("spillover"), plain("conditions"))


def _listed(fields: dict[str, str], note_type: NoteType, key: str, spot_entry: re.Pattern,
            page_line: re.Pattern) -> tuple[Listed, ...]:
    listed = []
    for head, text in items(fields[note_type.field_name(f"fact:{key}")]):
        spot, page = spot_entry.match(head), page_line.search(text)
        if spot:
            listed.append(Listed(int(spot[1]), int(page[1]) if page else None))
    return tuple(listed)


def _card(model: dict, fields: dict[str, str], ordinal: int) -> DeckCard:
    note_type = TYPES[str(model["id"])]
    template = next(t for t in model["tmpls"] if t["ord"] == ordinal)
    question = QUESTION_FIELD.match(template["qfmt"])
    sort = _text(fields, note_type, "sort")
    spot = int(sort) if note_type is SPOT_TYPE and sort.isdigit() else None
    shown = KIND.search(template["qfmt"])
    return DeckCard(WHERE[note_type.kind.key].format(sort), spot, _text(fields, note_type, "heading"),
                    unescape(shown[1]) if shown else template["name"],
                    unescape(fields[question[1]]) if question else "")


def _text(fields: dict[str, str], note_type: NoteType, source: str) -> str:
    return unescape(fields[note_type.field_name(source)])


class _Items(HTMLParser):
    """A fact field's items: its list items, or the ' · '-separated run after its label."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items: list[list[str]] = []
        self.label = self.bold = self.inline = False

    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("class") == "label":
            self.label, self.inline = True, tag == "span"
        elif tag == "li":
            self.items.append(["", ""])
        elif tag == "b":
            self.bold = True

    def handle_endtag(self, tag):
        if self.label:
            self.label = False
            if self.inline:
                self.items.append(["", ""])
        elif tag == "b":
            self.bold = False

    def handle_data(self, data):
        if self.label or not self.items:
            return
        parts = data.split(" \u00b7 ") if self.inline else [data]
        for i, part in enumerate(parts):
            if i:
                self.items.append(["", ""])
            self.items[-1][0 if self.bold else 1] += part


def items(html: str) -> tuple[Item, ...]:
    """'<b>gluteus maximus</b> — the thick upper edge' -> ('gluteus maximus', 'the thick upper edge')."""
    parser = _Items()
    parser.feed(html)
    return tuple((" ".join(head.split()), " ".join(text.split()).removeprefix("\u2014").strip())
                 for head, text in parser.items if head.strip() or text.strip())
