"""Every word the outputs print that is not a fact: read from content/labels.yaml, so a content folder
in another language needs no code change. The code names each label by key and fills its {placeholders};
the file must give every key the code uses, with exactly the placeholders the code fills."""
from __future__ import annotations

import datetime as dt
import difflib
import string
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from ..errors import Problem
from .label_keys import KEYS, LISTS
from .source import Source

THOUSANDS = {"en": ",", "de": ".", "es": ".", "fr": "\u202f", "nl": "."}   # by primary language subtag


@dataclass(frozen=True)
class Labels:
    """The label texts by dotted key ('booklet.finding_it'), and the book's language for numbers."""

    texts: Mapping[str, str]
    language: str = "en"

    def text(self, key: str, **values: object) -> str:
        """The label `key` with its placeholders filled; whole numbers are written the language's way."""
        if set(values) != set(KEYS[key]):
            raise KeyError(f"label '{key}' takes {sorted(KEYS[key])}, not {sorted(values)}")
        shown = {k: self.number(v) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in values.items()}
        return self.texts[key].format_map(shown)

    def number(self, value: int) -> str:
        """12345 -> '12,345' in English, '12.345' in German."""
        sep = THOUSANDS.get(self.language.split("-")[0].lower(), ",")
        return f"{value:,}".replace(",", sep)

    def words(self, key: str) -> tuple[str, ...]:
        """A list label, e.g. the month names."""
        return tuple(self.texts[key].split())

    def join(self, words: Iterable[str], last: str = "common.and") -> str:
        """['a', 'b', 'c'] -> 'a, b and c', with the language's 'and' (or 'or': last='common.or')."""
        words = list(words)
        if len(words) < 2:
            return "".join(words)
        return f"{', '.join(words[:-1])} {self.text(last)} {words[-1]}"

    def long_date(self, day: dt.date) -> str:
        """'25 November 2026', in the language's words and order."""
        return self.text("common.date", day=str(day.day), month=self.words("common.months")[day.month - 1],
                         year=str(day.year))


def read_labels(src: Source, language: str) -> tuple[Labels | None, list[Problem]]:
    """The labels of a parsed labels.yaml, or None and what is wrong with it."""
    if not isinstance(src.data, dict):
        return None, [src.problem((), "labels.yaml must be a mapping of label groups, e.g. 'booklet:'")]
    texts: dict[str, str] = {}
    problems = list(_flatten(src, src.data, (), texts))
    for key in sorted(set(KEYS) - set(texts)):
        problems.append(src.problem(_nearest(src, key), f"label '{key}' is missing; every label the outputs print "
                                                        "must be given", at_key=True))
    for key, text in texts.items():
        problems.extend(_check_text(src, key, text))
    return (None, problems) if problems else (Labels(texts, language), [])


def _flatten(src: Source, node: object, path: tuple, out: dict[str, str]) -> Iterator[Problem]:
    if isinstance(node, dict):
        for name, value in node.items():
            yield from _flatten(src, value, path + (name,), out)
        return
    if isinstance(node, list):
        for i, value in enumerate(node):
            yield from _flatten(src, value, path + (i,), out)
        return
    key = ".".join(map(str, path))
    if key not in KEYS:
        close = difflib.get_close_matches(key, list(KEYS), n=1, cutoff=0.7)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        yield src.problem(path, f"unknown label '{key}'{hint}", at_key=True)
    elif not isinstance(node, str) or not node.strip():
        yield src.problem(path, "a label is text (quote it if it looks like a number or yes/no)")
    else:
        out[key] = node


def _check_text(src: Source, key: str, text: str) -> Iterator[Problem]:
    path = _path(key)
    try:
        used = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        yield src.problem(path, f"{exc}; write a literal brace as '{{{{' or '}}}}'")
        return
    wanted = set(KEYS[key])
    for name in sorted(used - wanted):
        known = ", ".join(f"{{{n}}}" for n in KEYS[key]) or "none"
        yield src.problem(path, f"unknown placeholder '{{{name}}}' (this label fills: {known})")
    for name in sorted(wanted - used):
        yield src.problem(path, f"placeholder '{{{name}}}' is missing; this label must show it")
    markup = sorted(set(text) & set("<>&"))
    if markup:
        yield src.problem(path, f"'{markup[0]}' is not allowed in a label: labels are plain text, and the booklet and "
                                "the cards would read it as markup")
    if key in LISTS and len(text.split()) != LISTS[key]:
        yield src.problem(path, f"expected {LISTS[key]} words separated by spaces, found {len(text.split())}")


def _nearest(src: Source, key: str) -> tuple:
    """The deepest group of `key` the file has, so a missing label is reported where it belongs."""
    path = _path(key)
    while path and path not in src.keys:
        path = path[:-1]
    return path


def _path(key: str) -> tuple:
    """'cards.fact.spot.place.0' -> ('cards', 'fact', 'spot', 'place', 0), the path Source marks use."""
    return tuple(int(p) if p.isdigit() else p for p in key.split("."))
