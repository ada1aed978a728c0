"""What the print-and-cut PDF says: for each card, the front's kind and question and, from the
mirrored place on the next page, the back's spot, kind, booklet page and heading."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from ..editions import CARD_PAPERS
from ..model import Labels
from ..paper.sheet import Rect, Sheet
from ..wording import pattern
from .pdftext import Char, flat, page_chars

TOLERANCE = 1.0     # points, matching the page size to a paper


@dataclass(frozen=True)
class PaperCard:
    sheet: int
    slot: int
    front_kind: str      # the tag line, e.g. 'PAIN PATTERN TO SPOT'
    question: str
    back_tag: str        # e.g. 'SPOT 12 · PAIN PATTERN TO SPOT'
    page: int | None     # 'Booklet p. N' on the back
    heading: str


def read_paper(path: Path, labels: Labels) -> list[PaperCard]:
    """Every card on the sheets of `path`, in the order printed."""
    page_line = re.compile(pattern(f'{labels.texts["cards.fact.spot.page.0"]} {labels.texts["common.page"]}'))
    doc = pdfium.PdfDocument(str(path))
    try:
        width, height = doc[0].get_size()
        paper = next((p for p in CARD_PAPERS if abs(p.width - width) < TOLERANCE and abs(p.height - height) < TOLERANCE),
                     None)
        if paper is None:
            raise ValueError(f"{path.name}: {width:.0f} x {height:.0f} pt is neither A4 nor US Letter")
        sheet = Sheet(paper)
        cards = []
        for number in range(len(doc) // 2):
            fronts, backs = page_chars(doc[2 * number]), page_chars(doc[2 * number + 1])
            for slot in range(sheet.per_sheet):
                front, back = _inside(fronts, sheet.front(slot)), _inside(backs, sheet.back(slot))
                if front or back:
                    cards.append(_card(number + 1, slot, front, back, page_line))
        return [c for c in cards if not _continued(c.front_kind, labels)]   # the rest of the card before
    finally:
        doc.close()


def _continued(tag: str, labels: Labels) -> bool:
    """Is `tag` a front's tag line that carries on the card before ('PAIN PATTERN TO SPOT · CONTINUED',
    paper/layout.py)?"""
    before, after = labels.text("paper.continued", text="\0").upper().split("\0")
    return len(tag) > len(before) + len(after) and tag.startswith(before) and tag.endswith(after)


def _inside(chars: list[Char], place: Rect) -> list[Char]:
    return [c for c in chars if place.x <= (c.left + c.right) / 2 <= place.x + place.width
            and place.y <= (c.bottom + c.top) / 2 <= place.top]


def _card(sheet: int, slot: int, front: list[Char], back: list[Char], page_line: re.Pattern) -> PaperCard:
    front_tag, _ = _tag_line(front)
    back_tag, page = _tag_line(back)
    found = page_line.fullmatch(page)
    return PaperCard(sheet, slot, front_tag, _title(front), back_tag, int(found[1]) if found else None,
                     _title(back))


def _tag_line(chars: list[Char]) -> tuple[str, str]:
    """The first line: its bold part (spot and card kind) and its regular part (booklet page)."""
    line = []
    for c in chars:
        if c.text == "\n":
            break
        line.append(c)
    return flat([c for c in line if c.bold]), flat([c for c in line if not c.bold])


def _title(chars: list[Char]) -> str:
    """The side's largest type (the question, or the heading) from its first character to its last."""
    if not chars:
        return ""
    size = max(c.size for c in chars)
    ends = [i for i, c in enumerate(chars) if c.size == size]
    return flat(chars[ends[0]:ends[-1] + 1])
