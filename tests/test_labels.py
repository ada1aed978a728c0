"""Labels come from content/labels.yaml: checked with file and line, and a content folder with German
labels builds the booklet, the deck and the paper cards with no English label left, hyphenated in German."""
from __future__ import annotations

import re
import shutil
import string
from pathlib import Path

import pypdfium2 as pdfium
import pyphen
import pytest
import yaml

from anki_reader import import_deck, open_collection, text
from publish.booklet import build_booklets
from publish.deck import build_deck
from publish.errors import ContentError
from publish.model import load_content
from publish.paper import build_cards

ROOT = Path(__file__).resolve().parent.parent
GERMAN = ROOT / "tests" / "fixtures" / "labels-de.yaml"


def _folder(tmp_path: Path, labels: str, language: str = "en-GB") -> Path:
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    (folder / "labels.yaml").write_text(labels, encoding="utf-8")
    book = (folder / "book.yaml").read_text(encoding="utf-8")
    (folder / "book.yaml").write_text(book.replace("language: en-GB", f"language: {language}"), encoding="utf-8")
    return folder


def _problems(tmp_path: Path, labels: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(_folder(tmp_path, labels))
    return [str(p) for p in caught.value.problems]


ENGLISH = (ROOT / "content" / "labels.yaml").read_text(encoding="utf-8")


def test_an_unknown_placeholder_is_named_with_its_line(tmp_path):
    text = ENGLISH.replace('spot_line: "Spot {number}: {title}"', 'spot_line: "Spot {numbr}: {title}"')
    line = text.splitlines().index('  spot_line: "Spot {numbr}: {title}"') + 1
    problems = _problems(tmp_path, text)
    assert any(f"labels.yaml:{line}:" in p and "unknown placeholder '{numbr}'" in p for p in problems)
    assert any("placeholder '{number}' is missing" in p for p in problems)


def test_a_missing_and_an_unknown_label_are_named(tmp_path):
    text = ENGLISH.replace("  my_notes: My notes\n", "  my_note: My notes\n")
    problems = _problems(tmp_path, text)
    assert any("label 'booklet.my_notes' is missing" in p for p in problems)
    assert any("unknown label 'booklet.my_note'; did you mean 'booklet.my_notes'?" in p for p in problems)


def test_markup_characters_in_a_label_are_refused(tmp_path):
    problems = _problems(tmp_path, ENGLISH.replace("  see: see\n", "  see: <i>see</i>\n"))
    assert any("booklet.see: '<' is not allowed in a label" in p for p in problems)


def test_numbers_follow_the_language(tmp_path):
    labels = load_content(_folder(tmp_path, GERMAN.read_text(encoding="utf-8"), "de-DE")).labels
    assert labels.text("booklet.back_spots", count=1400) == "Die 1.400 Punkte"
    assert load_content(ROOT / "content").labels.text("booklet.back_spots", count=1400) == "The 1,400 spots"


def _english_fragments(content_dir: Path) -> set[str]:
    """Runs of two or more words from the English labels that the content's own prose never uses."""
    prose = " ".join(p.read_text(encoding="utf-8") for p in content_dir.rglob("*.yaml") if p.name != "labels.yaml")
    prose = re.sub(r"\s+", " ", prose).lower()
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        else:
            for literal, *_ in string.Formatter().parse(node):
                words = re.findall(r"[A-Za-z][A-Za-z-]+", literal)
                if len(words) >= 2:
                    run = " ".join(words)
                    if run.lower() not in prose:
                        found.add(run)
    walk(yaml.safe_load(ENGLISH))
    return found


def _pdf_text(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def _deck_text(path: Path, folder: Path) -> str:
    """Every card's question and answer as Anki shows them, after importing the deck into a real collection.
    (The note types' field and card type names are Anki identities, frozen in English, and never shown.)"""
    col = open_collection(folder)
    try:
        import_deck(col, path)
        cards = [col.get_card(cid) for cid in col.find_cards("")]
        return " ".join(text(card.question()) + " " + text(card.answer()) for card in cards)
    finally:
        col.close()


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\ufffe\s*", "", text.replace("\u00a0", " ")))


def test_german_labels_leave_no_english_label_in_any_output(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    folder = _folder(tmp_path, GERMAN.read_text(encoding="utf-8"), "de-DE")
    content = load_content(folder)
    booklet = build_booklets(content, tmp_path / "out" / "booklet", epoch=None)
    deck = build_deck(content, tmp_path / "out" / "deck")
    cards = build_cards(content, tmp_path / "out" / "cards")
    raw = {p.name: _pdf_text(p) for p in [*booklet.files, *cards.files] if p.suffix == ".pdf"}
    outputs = {name: _words(text) for name, text in raw.items()}
    outputs["deck"] = _words(_deck_text(deck.files[0], tmp_path / "anki"))
    fragments = _english_fragments(folder)
    assert len(fragments) > 40
    for name, printed in outputs.items():
        left = sorted(f for f in fragments if f.lower() in printed.lower())
        assert not left, f"{name} still prints English labels: {left}"
    a5 = next(name for name in outputs if name.endswith("-a5.pdf"))
    for german in ("Schritt für Schritt", "MEINE NOTIZEN", "Wie er sich anfühlt", "Schmerzsuche", "25. November 2026"):
        assert german in outputs[a5]
    assert "Muskel zum Punkt" in outputs["deck"] and "Perfekter Punkt 12" in outputs["deck"]
    assert "VORSICHT:" in outputs[next(n for n in outputs if n.endswith("cards-a4.pdf"))].upper()
    # every word the booklet breaks at a line end is broken where German hyphenation allows
    dictionary = pyphen.Pyphen(lang="de_DE")
    breaks = re.findall(r"([A-Za-zäöüß]+)\ufffe\s*([a-zäöüß]+)", raw[a5])     # pdfium marks a break U+FFFE
    assert breaks
    for head, tail in breaks:
        assert len(head) in dictionary.positions(head + tail), f"{head}-{tail} is not a German break"
