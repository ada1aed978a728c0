"""The text of a PDF page as a reader sees it, character by character, with what pypdfium2 knows
of each: weight, size and box. Hyphens ReportLab added at line ends are taken out again."""
from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

SKIPPED = {0x0D, 0x02, 0xFFFE}   # carriage returns, and a hyphen ReportLab added to break a word
BOLD = 600


@dataclass(frozen=True)
class Char:
    text: str
    bold: bool
    size: float
    left: float
    bottom: float
    right: float
    top: float


def page_chars(page: pdfium.PdfPage) -> list[Char]:
    """Every character of `page` in reading order; line breaks are '\\n' characters."""
    textpage = page.get_textpage()
    try:
        chars = []
        for i in range(textpage.count_chars()):
            code = raw.FPDFText_GetUnicode(textpage.raw, i)
            if code in SKIPPED:
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            chars.append(Char(chr(code), raw.FPDFText_GetFontWeight(textpage.raw, i) >= BOLD,
                              raw.FPDFText_GetFontSize(textpage.raw, i), left, bottom, right, top))
        return chars
    finally:
        textpage.close()


def flat(chars: list[Char]) -> str:
    """The characters as one line of text: line breaks become spaces (none after a hyphen)."""
    text = "".join(c.text for c in chars).replace("-\n", "-").replace("\n", " ")
    return " ".join(text.split())
