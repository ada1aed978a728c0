"""Titles, names and headings at the model's length caps, with a word of 64 letters in each, wrap and break
in every place the booklet sets them: the real `booklet` command builds and preflights every edition
(no text outside the trim), and the whole title is printed in its chapter opening while the running
heads of the chapter are cut to one line; and no page of the web edition and no Anki card scrolls
sideways on a phone."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import yaml
from chromium import launched

from anki_reader import import_deck, open_collection
from publish.deck import build_deck
from publish.model import load_content
from publish.model.schema import Edition, Line, Name
from publish.site import build_site

ROOT = Path(__file__).resolve().parent.parent
WORD = "Pneumonoultramicroscopicsilicovolcanoconiosisextraordinarilylong"


def cap(annotation) -> int:
    return next(m.max_length for m in annotation.__metadata__ if getattr(m, "max_length", None))


def filled(start: str, length: int) -> str:
    """`start`, the long word, then words up to exactly `length` characters."""
    text = f"{start} {WORD}"
    while len(text) < length:
        text += " pain"
    return text[:length].rstrip(" ") + "s" * (length - len(text[:length].rstrip(" ")))


def at_the_caps(content: Path) -> str:
    """Every title-like field of the book, spot 5, a region, a condition and a glossary term at its cap."""
    def edit(name: str, change) -> None:
        path = next(content.glob(name))
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    title = filled("Tennis elbow and", cap(Name))
    edit("book.yaml", lambda d: d.update(title=filled("Perfect Spots", cap(Name)), subtitle=filled("Fourteen", cap(Line)),
                                          audience=filled("for", cap(Line)), edition=WORD[:cap(Edition)]))
    edit("spots/05-*.yaml", lambda d: (d.update(title=title, place=filled("back of the forearm", cap(Line))),
                                       d["muscles"][0].update(name=filled("brachioradialis", cap(Name)))))
    edit("regions.yaml", lambda d: d["regions"][0].update(label=filled("forehead", cap(Name))))
    edit("conditions.yaml", lambda d: d["conditions"][0].update(name=filled("Tension headache", cap(Name))))
    edit("glossary.yaml", lambda d: d["glossary"][0].update(term=filled("trigger point", cap(Name))))
    return title


def letters(text: str) -> str:
    """Text as a reader compares it: no line breaks, spaces or hyphens added at line ends."""
    return re.sub(r"[\s\-\u00ad]", "", text)


def test_titles_at_their_caps_build_inside_the_trim(content_copy, tmp_path):
    content = content_copy()
    title = at_the_caps(content)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "publish", "booklet", "--content", str(content),
                             "--out", str(tmp_path / "out")], env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr   # preflight: no text outside the trim

    pages = [page.get_textpage().get_text_range()
             for page in pdfium.PdfDocument(tmp_path / "out/booklet/perfect-spots-a5.pdf")]
    opening = [i for i, text in enumerate(pages) if "PERFECT SPOT" in text and letters(title) in letters(text)]
    assert opening, "the whole title is not printed on any chapter opening"
    heads = [text for text in pages[opening[0] + 1:opening[0] + 4] if "Spot 5 \u00b7" in text]
    assert heads and all("\u2026" in text and letters(title) not in letters(text) for text in heads), \
        "the chapter's running heads are not cut to one line"


def wider_than_a_phone(paths: list[Path]) -> list[str]:
    """The pages among `paths` that scroll sideways in Chromium 320 px wide."""
    with launched() as browser:
        page = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True).new_page()
        wide = []
        for path in paths:
            page.goto(path.as_uri())
            if page.evaluate("document.documentElement.scrollWidth") > 320:
                wide.append(path.name)
    return wide


def test_titles_at_their_caps_never_widen_a_web_page(content_copy, tmp_path):
    content = content_copy()
    at_the_caps(content)
    build_site(load_content(content), tmp_path / "site")
    assert wider_than_a_phone(sorted((tmp_path / "site").glob("*.html"))) == []


def test_titles_at_their_caps_never_widen_an_anki_card(content_copy, tmp_path):
    content = content_copy()
    at_the_caps(content)
    apkg = build_deck(load_content(content), tmp_path / "deck", epoch=1_700_000_000).files[0]
    col = open_collection(tmp_path / "anki")
    try:
        import_deck(col, apkg)
        cards = [col.get_card(cid) for cid in col.find_cards("")]
        pages = []
        for i, card in enumerate(cards):   # as Anki shows it: the note type's stylesheet, the card in .card
            html = f'<meta name="viewport" content="width=device-width"><style>{card.note_type()["css"]}</style>' \
                   f'<body class="card">{card.answer()}</body>'
            pages.append(tmp_path / f"card-{i:03d}.html")
            pages[-1].write_text(html, encoding="utf-8")
    finally:
        col.close()
    assert wider_than_a_phone(pages) == []
