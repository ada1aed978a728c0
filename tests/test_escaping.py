"""Escaping, property-based: any text the fonts can draw, markup look-alikes included, put into a spot's
title, summary and muscle detail, is printed in the booklet and on the paper flashcards and shown on the
imported Anki cards exactly as written, and never turns into markup."""
from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from output_text import booklet_text, card_html, flashcards_text

from publish.fonts import drawable
from publish.model.checks import DIRECTION_OVERRIDES
from publish.model.source import INVISIBLE_JOINERS

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

# Text that means something to ReportLab's paragraph parser, to HTML or to Anki's templates and players.
LOOK_ALIKES = ["<", ">", "&", '"', "'", "<b>", "</i>", "<br/>", "<script>alert(1)</script>", "&amp;", "&lt;",
               "&#91;", "{{", "}}", "{{Front}}", "{{c1::x}}", "[sound:x]", "[latex]x[/latex]", "::", "<!--", "]]>"]
DRAWABLE = sorted(chr(c) for c in drawable()
                  if unicodedata.category(chr(c)) != "Cc" and chr(c) not in DIRECTION_OVERRIDES
                  and c not in INVISIBLE_JOINERS)   # dropped on reading: tests/test_invisible_joiners.py
WORD = st.one_of(st.sampled_from(LOOK_ALIKES), st.text(st.sampled_from(DRAWABLE), min_size=1, max_size=8))
TEXT = st.lists(WORD, min_size=1, max_size=5).map(" ".join).filter(str.strip)

# What a reader cannot see in print: line breaks, spaces, hyphens added at line ends, format characters.
INVISIBLE = re.compile(r"[\s\-\u00ad\u2010\u2011]")


def visible(text: str) -> str:
    """`text` as a reader compares it: line breaks, spaces, hyphens and format characters removed, and
    compatibility forms folded (a PDF reads the ligature glyph 'ﬀ' back as the letters 'ff')."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in INVISIBLE.sub("", text) if unicodedata.category(c) != "Cf")


def straight(text: str) -> str:
    """Quotes folded to straight ones: the booklet sets straight quotes as the language's curly quotes."""
    return re.sub("[\u2018\u2019\u201a\u2039\u203a]", "'", re.sub("[\u201c\u201d\u201e\u00ab\u00bb]", '"', text))


@pytest.fixture(scope="module")
def one_spot(tmp_path_factory) -> Path:
    """A copy of the content with one spot (so each example builds in about a second)."""
    folder = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(CONTENT_DIR, folder)
    kept, *others = sorted((folder / "spots").glob("*.yaml"))
    for path in others:
        path.unlink()
    spot = yaml.safe_load(kept.read_text(encoding="utf-8"))
    spot.pop("related", None)
    kept.write_text(yaml.safe_dump(spot, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def card_tags(one_spot, tmp_path_factory) -> set[str]:
    """Every element the deck's own templates use, from the unchanged spot."""
    return {tag for html in card_html(one_spot, tmp_path_factory.mktemp("deck")) for tag in Page.of(html).tags}


def with_text(base: Path, folder: Path, title: str, summary: str, detail: str) -> Path:
    """A copy of `base` whose spot has this title, summary and first-muscle detail."""
    content = folder / "content"
    shutil.copytree(base, content)
    path = next((content / "spots").glob("*.yaml"))
    spot = yaml.safe_load(path.read_text(encoding="utf-8"))
    spot.update(title=title, summary=summary)
    spot["muscles"][0]["detail"] = detail
    path.write_text(yaml.safe_dump(spot, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return content


class Page(HTMLParser):
    """A card's text as the student reads it (entities decoded) and the elements it is made of."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.tags = "", set()

    @classmethod
    def of(cls, html: str) -> Page:
        page = cls()
        page.feed(html)
        page.close()
        return page

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)

    def handle_data(self, data):
        self.text += data


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, summary=TEXT, detail=TEXT)
@example(title="\ufb00 <b>x</b>", summary="{{Front}} &amp;", detail="[sound:x]")
def test_text_reads_back_as_written(one_spot, card_tags, title, summary, detail):
    with tempfile.TemporaryDirectory() as tmp:
        content = with_text(one_spot, Path(tmp), title, summary, detail)
        printed = visible(booklet_text(content))
        flashcards = visible(flashcards_text(content, Path(tmp)))
        pages = [Page.of(html) for html in card_html(content, Path(tmp))]
    for text in (title.strip(), summary.strip(), detail.strip()):
        assert straight(visible(text)) in straight(printed), f"{text!r} is not printed in the booklet as written"
        shown = unicodedata.normalize("NFC", text)  # Anki stores note text in composed form
        assert any(shown in page.text for page in pages), f"{text!r} is not on any card as written"
    for text in (title.strip(), detail.strip()):  # paper cards carry questions and answers, not the summary
        assert visible(text) in flashcards, f"{text!r} is not printed on the flashcards as written"
    injected = set().union(*(page.tags for page in pages)) - card_tags
    assert not injected, f"content text became markup on the cards: {injected}"
