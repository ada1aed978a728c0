"""The booklet's fonts (OFL Noto, committed under fonts/) and which characters they can draw."""
from __future__ import annotations

from functools import cache
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"

# ReportLab name -> file. Serif for reading text, sans for headings, tables and figure labels.
FACES = {
    "Serif": "NotoSerif-Regular.ttf",
    "Serif-Bold": "NotoSerif-Bold.ttf",
    "Serif-Italic": "NotoSerif-Italic.ttf",
    "Serif-BoldItalic": "NotoSerif-BoldItalic.ttf",
    "Sans": "NotoSans-Regular.ttf",
    "Sans-Bold": "NotoSans-Bold.ttf",
    "Sans-Italic": "NotoSans-Italic.ttf",
}


@cache
def drawable() -> frozenset[int]:
    """Code points every face has a glyph for (content may use any face, so all must cover it). Glyph 0 is
    the missing-glyph box, which cmaps map U+FFFF to. Read from the registered faces: each font file
    is parsed once per process."""
    from reportlab.pdfbase import pdfmetrics

    register()
    sets = [{c for c, glyph in pdfmetrics.getFont(name).face.charToGlyph.items() if glyph} for name in FACES]
    return frozenset.intersection(*map(frozenset, sets)) | {0x0A, 0x0D, 0x09}


def undrawable(text: str) -> list[str]:
    """Characters of `text` the fonts cannot draw, in order of first appearance."""
    ok = drawable()
    seen: dict[str, None] = {}
    for ch in text:
        if ord(ch) not in ok:
            seen.setdefault(ch)
    return list(seen)


@cache
def register() -> None:
    """Register every face and its family with ReportLab, once per process."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    for family in ("Serif", "Sans"):
        bold = f"{family}-Bold"
        italic = f"{family}-Italic"
        bold_italic = f"{family}-BoldItalic" if f"{family}-BoldItalic" in FACES else bold
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 1, bold_italic)


def woff_subset(file: str, chars: str) -> bytes:
    """The font file `file` (under fonts/) as WOFF with only `chars`, its kerning and ligatures, and all
    its names (the copyright and licence names the OFL asks to keep): for the web edition and the deck."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(FONT_DIR / file, recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["kern", "liga", "calt"]
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff"
    font.save(buffer, reorderTables=False)
    return buffer.getvalue()
