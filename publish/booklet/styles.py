"""Colours and paragraph styles of the booklet, built once per build from the registered fonts."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ..caution import CAUTION_RGB, CAUTION_TINT_RGB
from ..fonts import register
from ..study import palette
from .text import hyphenator

INK = HexColor(palette.INK)                # the palette every output shares (study/palette.py)
MUTED = HexColor(palette.LABEL)
ACCENT = HexColor(palette.ACCENT)          # headings, number badges, rules: a deep blue-green
TINT = HexColor(palette.TINT)              # at-a-glance and caution boxes
TINT_LINE = HexColor(palette.TINT_LINE)
RULE = HexColor(palette.RULE)
WHITE = Color(1, 1, 1)
CAUTION = Color(*CAUTION_RGB)             # caution rule, mark and label (shared with deck and cards)
CAUTION_TINT = Color(*CAUTION_TINT_RGB)

SERIF, SERIF_BOLD, SERIF_ITALIC = "Serif", "Serif-Bold", "Serif-Italic"
SANS, SANS_BOLD, SANS_ITALIC = "Sans", "Sans-Bold", "Sans-Italic"


@dataclass(frozen=True)
class Styles:
    """Every paragraph style the sections use, by role."""

    body: ParagraphStyle
    body_plain: ParagraphStyle
    lead: ParagraphStyle
    item: ParagraphStyle
    kicker: ParagraphStyle
    title: ParagraphStyle
    place: ParagraphStyle
    section: ParagraphStyle
    section_free: ParagraphStyle
    subsection: ParagraphStyle
    caption: ParagraphStyle
    cell: ParagraphStyle
    cell_item: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle
    cell_label: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    badge: ParagraphStyle
    toc: ParagraphStyle
    toc_spot: ParagraphStyle
    toc_page: ParagraphStyle
    entry: ParagraphStyle
    finder_entry: ParagraphStyle
    caution_label: ParagraphStyle
    index_entry: ParagraphStyle
    index_letter: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    audience: ParagraphStyle
    imprint: ParagraphStyle


@cache
def styles(language: str) -> Styles:
    """The booklet's styles, all knowing their `language` (a BCP 47 tag) for quotes; running text
    hyphenates, while cells, finders, the index and display type never do."""
    register()
    hyphens = hyphenator(language)
    body = ParagraphStyle(
        "body", fontName=SERIF, fontSize=9.5, leading=13.2, alignment=TA_JUSTIFY, textColor=INK,
        spaceAfter=5, hyphenationLang=hyphens, language=language, hyphenationMinWordLength=6, allowWidows=0, allowOrphans=0, embeddedHyphenation=0,
        uriWasteReduce=0.3)
    sans = ParagraphStyle("sans", fontName=SANS, fontSize=7.6, leading=9.8, textColor=INK,
                          hyphenationLang="", language=language, allowWidows=0, allowOrphans=0)
    heading = ParagraphStyle("heading", fontName=SANS_BOLD, textColor=ACCENT, keepWithNext=1,
                             hyphenationLang="", language=language, allowWidows=0, allowOrphans=0)

    def like(base: ParagraphStyle, name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    section = like(heading, "section", fontSize=10.5, leading=13, spaceBefore=9, spaceAfter=3.5)
    return Styles(
        body=body,
        body_plain=like(body, "body_plain", hyphenationLang="", alignment=TA_LEFT),   # unhyphenated: ragged, not loose
        lead=like(body, "lead", fontSize=10.2, leading=14, alignment=TA_LEFT, spaceAfter=8, hyphenationLang=""),
        item=like(body, "item", spaceAfter=2.5, alignment=TA_LEFT),
        kicker=like(heading, "kicker", fontSize=7.5, leading=9, spaceAfter=1),
        title=like(heading, "title", fontSize=17, leading=20.5, spaceAfter=3, textColor=INK),
        place=like(sans, "place", fontName=SANS_ITALIC, fontSize=9, leading=11.5, textColor=MUTED),
        section=section,
        section_free=like(section, "section_free", keepWithNext=0),
        subsection=like(heading, "subsection", fontSize=8.6, leading=11, spaceBefore=5, spaceAfter=2,
                        textColor=INK),
        caption=like(sans, "caption", fontSize=7, leading=8.8, textColor=MUTED, alignment=TA_CENTER),
        cell=sans,
        cell_item=like(sans, "cell_item", spaceAfter=2),
        cell_head=like(sans, "cell_head", fontName=SANS_BOLD, textColor=ACCENT),
        cell_head_right=like(sans, "cell_head_right", fontName=SANS_BOLD, textColor=ACCENT, alignment=TA_RIGHT),
        cell_label=like(sans, "cell_label", fontName=SANS_BOLD, fontSize=7, leading=9.8, textColor=ACCENT),
        cell_right=like(sans, "cell_right", alignment=TA_RIGHT),
        cell_center=like(sans, "cell_center", alignment=TA_CENTER),
        badge=like(heading, "badge", fontSize=19, leading=22, textColor=WHITE, alignment=TA_CENTER),
        toc=like(sans, "toc", fontSize=9, leading=13.5, endDots=" ."),
        toc_spot=like(sans, "toc_spot", fontSize=8.6, leading=12.5, leftIndent=10, endDots=" ."),
        toc_page=like(sans, "toc_page", fontSize=8.6, leading=12.5, alignment=TA_RIGHT),
        entry=like(body, "entry", leftIndent=14, firstLineIndent=-14, spaceAfter=4, alignment=TA_LEFT),
        finder_entry=like(body, "finder_entry", fontSize=8.6, leading=11.4, leftIndent=14, firstLineIndent=-14,
                          alignment=TA_LEFT, spaceAfter=4, hyphenationLang=""),
        caution_label=like(sans, "caution_label", fontName=SANS_BOLD, fontSize=7, leading=9.8,
                           textColor=CAUTION),
        index_entry=like(sans, "index_entry", fontSize=7.8, leading=10, leftIndent=9, firstLineIndent=-9),
        index_letter=like(heading, "index_letter", fontSize=9.5, leading=12, spaceBefore=6, spaceAfter=1.5),
        cover_title=like(heading, "cover_title", fontSize=34, leading=38, alignment=TA_CENTER),
        cover_subtitle=like(body, "cover_subtitle", fontName=SERIF_ITALIC, fontSize=12, leading=16,
                            alignment=TA_CENTER, hyphenationLang=""),
        audience=like(sans, "audience", fontSize=9, leading=12, alignment=TA_CENTER, textColor=MUTED),
        imprint=like(body, "imprint", fontSize=8.4, leading=11.2, spaceAfter=5, alignment=TA_LEFT),   # file names do not justify
    )
