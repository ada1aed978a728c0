"""Reading a built deck the way a student meets it: imported into a real Anki collection, and the
text of the parts of a card. Shared by the deck and paper-card tests."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest


def open_collection(folder: Path) -> Collection:
    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / "collection.anki2"))


def import_deck(col: Collection, apkg: Path):
    """Import as Anki does by default: update notes and note types only if the package is newer."""
    request = ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


class _Section(HTMLParser):
    """Collects the text inside the first element whose class list contains `css_class`."""

    def __init__(self, css_class: str):
        super().__init__(convert_charrefs=True)
        self.css_class, self.depth, self.done, self.parts = css_class, 0, False, []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif not self.done and self.css_class in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            self.done = self.done or self.depth == 0

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def section(html: str, css_class: str) -> str:
    """The text a student reads inside the part of the card marked `css_class` ('' if none)."""
    parser = _Section(css_class)
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())
