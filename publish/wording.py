"""The small wording helpers every renderer uses, and `pattern`, with which the consistency checks
read back what a label template (content/labels.yaml) printed."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from .model.guide_schema import PLACEHOLDER


def pattern(template: str) -> str:
    """A regular expression matching `template` filled in: numbers and pages as (\\d+), text as (.+)."""
    parts = re.split(r"(\{\w+\})", template)
    return "".join(r"(\d+)" if p in ("{number}", "{page}") else "(.+)" if p.startswith("{") else re.escape(p)
                   for p in parts)


def join(words: Iterable[str], last: str = "and") -> str:
    """['a', 'b', 'c'] -> 'a, b and c' (items are used as given: escape them first where needed)."""
    words = list(words)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def upper_first(text: str) -> str:
    """First letter upper case, the rest untouched ('back of the neck' -> 'Back of the neck')."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """'Low back pain' -> 'low back pain', but 'TMJ syndrome' stays as it is."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def filled(text: str, values: Mapping[str, str], escape: Callable[[str], str]) -> str:
    """`text` (guide prose) escaped for the output by `escape`, each {placeholder} replaced by its value
    (already marked up for that output: a link, a page number)."""
    pieces = PLACEHOLDER.split(text)
    return "".join(values[piece] if i % 2 else escape(piece) for i, piece in enumerate(pieces))
