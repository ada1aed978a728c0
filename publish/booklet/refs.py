"""Page references: where each mark landed in the previous layout pass, and where it lands now.

Every printed page number (contents, finders, cross-references, index) is read from the
previous pass; the build repeats until a pass finds every mark where the previous one did,
so the numbers printed are the pages the targets are really on.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

PAGES_PER_SPOT, OTHER_PAGES = 4, 20    # about how long a booklet is: its page numbers' width


@dataclass(frozen=True)
class Chapter:
    """A mark that opens a chapter: an outline entry, a contents line and a running head."""

    key: str
    title: str
    level: int = 0
    running: str = ""
    spot: int | None = None     # spot chapters get a thumb tab with this number
    slot: int = 0               # ... at this height


class Pages:
    """The page map of one layout pass."""

    def __init__(self, previous: Mapping[str, int], spots: int = 0):
        self.previous = dict(previous)
        # printed before any page is known: as many digits as the booklet's page numbers will have, so
        # that the pages a dry layout finds are the pages the printed one keeps
        self.placeholder = "0" * len(str(PAGES_PER_SPOT * spots + OTHER_PAGES))
        self.found: dict[str, int] = {}
        self.wanted: set[str] = set()

    def __call__(self, key: str) -> str:
        """The page number of mark `key` as printed text."""
        self.wanted.add(key)
        page = self.previous.get(key)
        return str(page) if page else self.placeholder

    def record(self, key: str, page: int) -> bool:
        """Note that mark `key` was drawn on `page`; False if it was already drawn before."""
        if key in self.found:
            return False
        self.found[key] = page
        return True

    @property
    def settled(self) -> bool:
        return self.found == self.previous

    @property
    def missing(self) -> set[str]:
        """Marks referred to but never drawn."""
        return self.wanted - set(self.found)
