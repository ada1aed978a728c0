"""Turning content text into safe paragraph markup, and the hyphenation dictionary.

Content strings never reach ReportLab's paragraph parser unescaped: `<`, `>` and `&` in a
YAML value print literally and can never open a tag. Markup is only ever added around
already-escaped text by the helpers below.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape as _escape

import pyphen
from reportlab.pdfbase.pdfmetrics import stringWidth

from .. import wording


def esc(text: str) -> str:
    """Content text as paragraph markup that prints exactly `text`."""
    return _escape(text)


def bold(text: str) -> str:
    return f"<b>{esc(text)}</b>"


def italic(text: str) -> str:
    return f"<i>{esc(text)}</i>"


def link(markup: str, key: str) -> str:
    """`markup` (already markup) as a link to the anchor `key`."""
    return f'<a href="#{key}">{markup}</a>'


def web_link(text: str, url: str) -> str:
    """`text` (content text) as a link to an outside address."""
    return f'<a href="{_escape(url, {chr(34): "&quot;"})}">{esc(text)}</a>'


def mark(key: str) -> str:
    """An invisible mark: when drawn, records its page under `key` and becomes a link target."""
    return f'<onDraw name="mark" label="{key}"/>'


join_words = wording.join           # the booklet's names for the shared helpers
capital = wording.upper_first


def in_list(text: str) -> str:
    """A name as it reads inside a list: 'Migraine' -> 'migraine', but 'TMJ syndrome' stays."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def list_of_names(names: Iterable[str]) -> str:
    """'Neck pain', 'Migraine' -> 'Neck pain, migraine': capitalised only at the start (escaped here)."""
    names = list(names)
    return ", ".join(esc(name if i == 0 else in_list(name)) for i, name in enumerate(names))


def hyphenator(language: str) -> Callable[[str], Iterable[tuple[str, str]]] | str:
    """A ReportLab hyphenation callable for a BCP 47 tag such as 'en-GB', or '' if there is no dictionary."""
    tag = language.replace("-", "_")
    for candidate in (tag, tag.split("_")[0]):
        if candidate in pyphen.LANGUAGES:
            dictionary = pyphen.Pyphen(lang=candidate, left=3, right=3)

            def pairs(word: str) -> Iterable[tuple[str, str]]:
                # Breaks next to a hyphen the word already has are left to ReportLab, which splits
                # there without adding a second hyphen; nor may a break leave under three letters
                # between it and that hyphen ('sel-f-treatment' in German).
                return [(h, t) for h, t in dictionary.iterate(word)
                        if len(h.rsplit("-", 1)[-1]) >= 3 and len(t.split("-", 1)[0]) >= 3]
            return pairs
    return ""


def shortened(text: str, font: str, size: float, width: float) -> str:
    """`text` cut to one line of `width` points, at a word if one fits, with an ellipsis: a running
    head has a single line, and a long title must not run past the trim."""
    if stringWidth(text, font, size) <= width:
        return text
    room = width - stringWidth("\u2026", font, size)
    cut = len(text)
    while cut and stringWidth(text[:cut], font, size) > room:
        cut -= 1
    space = text.rfind(" ", 0, cut + 1)
    if space > cut // 2:
        cut = space
    return text[:cut].rstrip(" \u00b7,;:\u2013") + "\u2026"
