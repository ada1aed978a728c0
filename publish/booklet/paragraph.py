"""The booklet's paragraph: house typesetting rules on top of ReportLab's Paragraph.

- straight quotes become the curly quotes of the book's language (the style's `language`);
- 'p. 36', 'Spot 9', 'Spots 2', 'about L4' never break between the word and its number;
- the last word of a paragraph is never hyphenated (no lone fragment on the last line);
- a page never ends on a hyphen: a split that would leave one moves a line to the next page;
- a word too long for the line breaks, even the first word after a page mark (ReportLab never breaks a
  word that starts with a drawing callback, so the mark moves behind the word's first letter).
"""
from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph

NBSP = "\u00a0"
QUOTES = {  # primary language subtag -> opening/closing double, opening/closing single (apostrophe = closing single)
    "en": "\u201c\u201d\u2018\u2019",
    "de": "\u201e\u201c\u201a\u2018",
    "es": "\u00ab\u00bb\u201c\u201d",
    "fr": "\u00ab\u00bb\u2039\u203a",
    "nl": "\u201c\u201d\u2018\u2019",
}
_TAG = re.compile(r"(<[^>]*>)")
_TIED = re.compile(r"(?<![\w])(pp?\.|Spots?|Fig\.|No\.)[ ](?=\d)")          # 'p. 36', 'Spot 9'
_VERTEBRA = re.compile(r"(?<=\w)[ ](?=[CTLS]\d{1,2}\b)")                      # 'about L4'
_LEADING_MARKS = re.compile(r"^((?:<onDraw [^>]*/>)+)((?:<[^>]*>)*(?:&#?\w+;|[^<&\s]))")
_OPENS_AFTER = re.compile(r"(^|[\s(\[\u2013\u2014/])$")


def curly_quotes(text: str, language: str) -> str:
    """Straight quotes in plain text as curly ones: opening after a space or bracket, closing elsewhere."""
    marks = QUOTES.get(language.split("-")[0].lower(), QUOTES["en"])
    out: list[str] = []
    for ch in text:
        if ch in "\"'":
            opening = bool(_OPENS_AFTER.search("".join(out[-1:])))
            pair = marks[0:2] if ch == '"' else marks[2:4]
            ch = pair[0] if opening else pair[1]
        out.append(ch)
    return "".join(out)


def typeset(markup: str, language: str) -> str:
    """Apply the quote and no-break rules to the text of `markup`, never inside its tags."""
    parts = _TAG.split(markup)
    for i in range(0, len(parts), 2):
        text = _VERTEBRA.sub(NBSP, _TIED.sub(lambda m: m.group(1) + NBSP, parts[i]))
        parts[i] = curly_quotes(text, language)
    return "".join(parts)


def tie_last_words(markup: str) -> str:
    """Join the last two words with a no-break space, so a title's last line never holds one word."""
    parts = _TAG.split(markup)
    for i in range(len(parts) - 1 - (len(parts) - 1) % 2, -1, -2):
        text = parts[i].rstrip()
        if " " in text:
            head, _, tail = text.rpartition(" ")
            parts[i] = head + NBSP + tail + parts[i][len(text):]
            break
    return "".join(parts)


def _last_word(markup: str) -> str:
    words = re.sub(r"<[^>]*>", " ", markup).split()
    return re.sub(r"^\W+|\W+$", "", words[-1]) if words else ""


def _sparing_last_word(style: ParagraphStyle, word: str) -> ParagraphStyle:
    """`style` with a hyphenator that leaves `word` whole (hyphenators see words without punctuation)."""
    hyphenate = style.hyphenationLang
    if not callable(hyphenate) or not word:
        return style
    spared = ParagraphStyle(style.name, parent=style)
    spared.hyphenationLang = lambda w: [] if w == word or w.rstrip("-") == word else hyphenate(w)
    return spared


def _line_text(line) -> str:
    if isinstance(line, tuple):                 # a line of a paragraph without markup: (space, words)
        return " ".join(line[1])
    return "".join(getattr(word, "text", "") for word in line.words)


class Paragraph(_Paragraph):
    """ReportLab's Paragraph with the house rules in the module docstring."""

    def __init__(self, text, style=None, *args, **kwargs):
        if text is not None and style is not None:
            text = _LEADING_MARKS.sub(r"\2\1", typeset(text, getattr(style, "language", "en")))
            style = _sparing_last_word(style, _last_word(text))
        super().__init__(text, style, *args, **kwargs)

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        while len(parts) == 2 and _line_text(parts[0].blPara.lines[-1]).rstrip().endswith("-"):
            availHeight -= self.style.leading
            if not hasattr(self, "blPara"):
                self.wrap(availWidth, availHeight)
            parts = super().split(availWidth, availHeight)
        return parts
