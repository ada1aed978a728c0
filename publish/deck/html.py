"""Plain card data to the HTML that goes into Anki fields. Every piece of content text is escaped here."""
from __future__ import annotations

import html

from ..study.cards import Entry, FactKind, Item


def escape(text: str) -> str:
    """Text shown as written: markup and Anki's [sound:...] / [latex] brackets stay literal."""
    return html.escape(text, quote=True).replace("[", "&#91;")


def item_html(item: Item) -> str:
    if isinstance(item, Entry):
        return f'<b>{escape(item.head)}</b><span class="part"> — {escape(item.text)}</span>'
    return escape(item)


def fact_html(kind: FactKind, items: tuple[Item, ...]) -> str:
    """A labelled fact: one item or a few short ones after the label, others as a list under it."""
    if not items:
        return ""
    label = escape(kind.label(len(items)))
    css = f"fact fact-{kind.key}"
    if kind.runs_on(items):
        text = " · ".join(item_html(i) for i in items)
        return f'<div class="{css}"><span class="label">{label}:</span> {text}</div>'
    tag = "ol" if kind.numbered else "ul"
    rows = "".join(f"<li>{item_html(i)}</li>" for i in items)
    return f'<div class="{css}"><div class="label">{label}:</div><{tag}>{rows}</{tag}></div>'


def image_html(media_name: str, alt: str) -> str:
    return f'<img src="{escape(media_name)}" alt="{escape(alt)}">'
