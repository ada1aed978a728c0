"""HTML building blocks: escaping (every content string goes through `esc`), and the page shell.

Pages are strings put together from escaped text; nothing from content is ever inserted unescaped,
so markup typed in a title shows as typed.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..model import Content
from . import words


def esc(text: object) -> str:
    """Text (or a number) made safe for element content and quoted attribute values."""
    return html.escape(str(text), quote=True)


def fmt(template: str, **values: object) -> str:
    """A words.py template filled with escaped values."""
    return esc(template).format(**{k: esc(v) for k, v in values.items()})


def slug(text: str) -> str:
    """An id for an anchor: lowercase letters, digits and '-'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def spot_href(number: int) -> str:
    return f"spot-{number:02d}.html"


def spot_name(number: int) -> str:
    return words.SPOT_NAME.format(number=number)


@dataclass(frozen=True)
class Page:
    """One page of the site: its file name, its title (plain text) and its <main> markup."""

    name: str
    title: str
    main: str
    scripts: tuple[str, ...] = ()


def render(content: Content, page: Page) -> str:
    """The whole document: head, skip link, header with navigation, main, footer."""
    book = content.book
    nav = "".join(f'<li><a href="{href}"{_current(href, page.name)}>{esc(label)}</a></li>'
                  for href, label in words.NAV)
    scripts = "".join(f'<script src="{src}"></script>' for src in page.scripts)
    title = page.title if page.name == "index.html" else f"{page.title} \u2013 {book.title}"
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(book.language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="color-scheme" content="light dark">\n'
        f'<title>{esc(title)}</title>\n<link rel="stylesheet" href="site.css">\n</head>\n<body>\n'
        f'<a class="skip" href="#main">{esc(words.SKIP)}</a>\n'
        f'<header class="top"><p class="brand"><a href="index.html">{esc(book.title)}</a></p>\n'
        f'<nav aria-label="{esc(words.NAV_LABEL)}"><ul>{nav}</ul></nav></header>\n'
        f'<main id="main" tabindex="-1">\n{page.main}\n</main>\n'
        f'<footer><p>{esc(words.FOOTER)} {fmt(words.FOOTER_LICENCE, licence=book.licence.name)}</p></footer>\n'
        f'{scripts}</body>\n</html>\n')


def _current(href: str, name: str) -> str:
    return ' aria-current="page"' if href == name else ""


def bullets(items: list[str], numbered: bool = False) -> str:
    """A list of markup items (already escaped)."""
    tag = "ol" if numbered else "ul"
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


class Glossary:
    """Links glossary terms where they occur in content text (the first time on each page)."""

    def __init__(self, content: Content):
        terms = sorted((t.term for t in content.glossary), key=len, reverse=True)
        self._anchor = {t.term.lower(): "term-" + slug(t.term) for t in content.glossary}
        self._pattern = re.compile(r"\b(" + "|".join(map(re.escape, terms)) + r")\b", re.IGNORECASE) if terms else None

    def anchor(self, term: str) -> str:
        return self._anchor[term.lower()]

    def linked(self, text: str, seen: set[str]) -> str:
        """`text` escaped, with each term not yet in `seen` linked to its glossary entry."""
        if self._pattern is None:
            return esc(text)
        out, pos = [], 0
        for m in self._pattern.finditer(text):
            key = m.group(1).lower()
            if key in seen:
                continue
            seen.add(key)
            out.append(esc(text[pos:m.start()]))
            out.append(f'<a class="term" href="glossary.html#{self._anchor[key]}">{esc(m.group(1))}</a>')
            pos = m.end()
        out.append(esc(text[pos:]))
        return "".join(out)
