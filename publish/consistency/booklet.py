"""What the booklet PDF says about each spot: its chapter (from the outline) and the rows of the
at-a-glance box on the chapter's first page, read back from the page text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from ..model import Labels
from ..wording import pattern
from .pdftext import Char, flat, page_chars


@dataclass(frozen=True)
class Words:
    """What the booklet prints around the facts, from the labels it was built with."""

    chapter: re.Pattern
    muscles: str
    pain: str
    conditions: str
    rows: tuple[str, ...]
    zones: re.Pattern
    no_spillover: str

    @classmethod
    def of(cls, labels: Labels) -> Words:
        text = labels.texts
        muscles, pain, conditions = (text[f"common.{k}_row"].upper() for k in ("muscles", "pain", "conditions"))
        return cls(re.compile(pattern(text["common.spot_line"])), muscles, pain, conditions,
                   (muscles, pain, conditions, text["common.references_row"].upper(), text["common.reference_row"].upper()),
                   re.compile(f"{re.escape(text['common.essential'])} (.*) {re.escape(text['common.spillover'])} (.*)"),
                   text["common.no_spillover"])


@dataclass(frozen=True)
class Glance:
    """The at-a-glance rows as printed: muscles as (name, detail); the rest as one line each."""

    muscles: tuple[tuple[str, str], ...]
    essential: str
    spillover: str
    conditions: str


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str
    page: int
    glance: Glance | None     # None: no at-a-glance box found on the chapter's first two pages


def read_booklet(path: Path, labels: Labels) -> dict[int, Chapter]:
    """Spot number -> its chapter, for every 'Spot N: title' entry in the outline. The at-a-glance box
    is on the chapter's first page, or on the next when a tall box (many muscles) did not fit under the chart."""
    chapters, words = {}, Words.of(labels)
    doc = pdfium.PdfDocument(str(path))
    try:
        for number, title, page in _outline(path, words):
            glances = (_glance(page_chars(doc[index]), words) for index in (page - 1, page) if index < len(doc))
            chapters[number] = Chapter(number, title, page, next((g for g in glances if g is not None), None))
    finally:
        doc.close()
    return chapters


def _outline(path: Path, words: Words) -> list[tuple[int, str, int]]:
    with pikepdf.open(path) as pdf:
        index = {page.objgen: i for i, page in enumerate(pdf.pages)}
        found = []
        with pdf.open_outline() as outline:
            stack = list(outline.root)
            while stack:
                item = stack.pop(0)
                stack[:0] = list(item.children)
                match = words.chapter.fullmatch(item.title)
                if match and item.destination is not None:
                    found.append((int(match[1]), match[2], index[item.destination[0].objgen] + 1))  # type: ignore[index]
    return found


def _glance(chars: list[Char], words: Words) -> Glance | None:
    rows = _rows(chars, words)
    if words.muscles not in rows or words.pain not in rows:
        return None
    pain = words.zones.fullmatch(flat(rows[words.pain]))
    essential, spillover = (pain[1], pain[2]) if pain else (flat(rows[words.pain]), "")
    return Glance(_muscles(rows[words.muscles]), essential, "" if spillover == words.no_spillover else spillover,
                  flat(rows.get(words.conditions, [])))


def _rows(chars: list[Char], words: Words) -> dict[str, list[Char]]:
    """The box's rows by label: a row starts with its label in bold capitals at the start of a line, and
    the box ends where a line starts well below the one before it (the page's foot, when no reference row
    closes the box)."""
    rows: dict[str, list[Char]] = {}
    current = None
    i = 0
    while i < len(chars):
        at_line_start = i == 0 or chars[i - 1].text == "\n"
        if at_line_start and current is not None and _gap_above(chars, i):
            current = None
        label = next((lab for lab in words.rows if at_line_start and _bold_word(chars, i, lab)), None)
        if label:
            current = rows.setdefault(label, [])
            i += len(label) + 1
            continue
        if current is not None:
            current.append(chars[i])
        i += 1
    return rows


def _gap_above(chars: list[Char], i: int) -> bool:
    """Does the line starting at `i` start more than two line heights below the end of the line before it?"""
    above = next((c for c in reversed(chars[:i]) if c.text.strip()), None)
    here = next((c for c in chars[i:] if c.text.strip()), None)
    if above is None or here is None:
        return False
    return above.bottom - here.top > 2 * max(above.top - above.bottom, here.top - here.bottom)


def _bold_word(chars: list[Char], i: int, word: str) -> bool:
    end = i + len(word)
    return (end < len(chars) and chars[end].text == " " and all(c.bold for c in chars[i:end])
            and "".join(c.text for c in chars[i:end]) == word)


def _muscles(chars: list[Char]) -> tuple[tuple[str, str], ...]:
    """Each muscle is a paragraph starting with its name in bold; the detail, if any, follows a dash."""
    muscles: list[tuple[list[Char], list[Char]]] = []
    for i, c in enumerate(chars):
        new_line = i == 0 or chars[i - 1].text == "\n"
        if c.bold and c.text.strip() and (not muscles or muscles[-1][1] or new_line):
            muscles.append(([], []))
        if muscles:
            muscles[-1][1 if muscles[-1][1] or not c.bold else 0].append(c)
    return tuple((flat(name), flat(detail).removeprefix("\u2013").strip()) for name, detail in muscles)
