"""Words more than one output prints, and that the consistency checks read back, in one place: a
wording change then fails at test time instead of showing up as a false mismatch. Also the small
wording helpers every renderer uses."""
from __future__ import annotations

import re
from collections.abc import Iterable

SPOT_PREFIX = "Spot {number}:"
SPOT_LINE = SPOT_PREFIX + " {title}"            # booklet chapters; related spots on cards
CARD_HEADING = "Perfect Spot {number}: {title}"  # the heading of a spot's card answers
PAGE = "p. {page}"
BOOKLET = "Booklet"                              # label of a card's page reference: 'Booklet p. 45'
MUSCLES_ROW, PAIN_ROW, CONDITIONS_ROW = "Muscles", "Pain", "Conditions"   # the at-a-glance box's rows
REFERENCE_ROWS = ("References", "Reference")
ESSENTIAL, SPILLOVER = "Essential:", "Spill-over:"
NO_SPILLOVER = "none recorded"


def spot_line(number: int, title: str) -> str:
    """'Spot 12: Low back pain from the buttock'."""
    return SPOT_LINE.format(number=number, title=title)


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
