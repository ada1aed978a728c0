"""Cross-checks for the general guide and each spot's safety fields: placeholders the build can
fill, red-flag lists that exist and are defined once, and a key caution wherever a spot has cautions
(the paper cards print only that one). Kept apart from load.py so these rules read in one place."""
from __future__ import annotations

import difflib
from typing import Iterator

from ..errors import Problem
from .guide_schema import GUIDE_PLACEHOLDERS, PLACEHOLDER, Guide
from .schema import Spot
from .source import Source


def check_guide(guide: Guide, src: Source) -> Iterator[Problem]:
    """Every {placeholder} is one the build fills; every red-flag id is used once."""
    data = guide.model_dump()
    for path, text in _texts(data, ()):
        for name in PLACEHOLDER.findall(text):
            if name not in GUIDE_PLACEHOLDERS:
                close = difflib.get_close_matches(name, list(GUIDE_PLACEHOLDERS), n=1, cutoff=0.6)
                hint = f"did you mean '{{{close[0]}}}'?" if close else "known: " + ", ".join(
                    f"{{{k}}}" for k in GUIDE_PLACEHOLDERS)
                yield src.problem(path, f"unknown placeholder '{{{name}}}' ({hint})")
    seen: set[str] = set()
    for i, flags in enumerate(guide.red_flags):
        if flags.id in seen:
            yield src.problem(("red_flags", i, "id"), f"red-flag list '{flags.id}' is defined twice; keep one")
        seen.add(flags.id)


def check_spot_safety(spot: Spot, src: Source, guide: Guide) -> Iterator[Problem]:
    if spot.cautions and spot.key_caution is None:
        yield src.problem(("cautions",), "a spot with cautions needs a key_caution: the one line the paper cards "
                                         "that teach finding or pressing it print", at_key=True)
    known = [f.id for f in guide.red_flags]
    for i, flag_id in enumerate(spot.red_flags):
        if flag_id not in known:
            close = difflib.get_close_matches(flag_id, known, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            yield src.problem(("red_flags", i), f"unknown red-flag list '{flag_id}'{hint}; lists are defined in guide.yaml")
        elif flag_id in spot.red_flags[:i]:
            yield src.problem(("red_flags", i), f"red-flag list '{flag_id}' is listed twice")


def _texts(node, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, path + (key,))
    elif isinstance(node, (list, tuple)):
        for i, value in enumerate(node):
            yield from _texts(value, path + (i,))
    elif isinstance(node, str):
        yield path, node
