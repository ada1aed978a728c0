"""The cards' own font: Noto Sans (OFL), cut down to the characters the deck shows, as WOFF media files,
so every device shows the cards in the face their figures' labels are drawn in, not a substitute.

Each file is named by its content (a newer subset is a new file, and the stylesheet names it, so a
release that adds a character reaches Anki), with a leading underscore, which tells Anki to keep a
media file that no note names.
"""
from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable

from ..fonts import woff_subset

FACES = (("NotoSans-Regular.ttf", "regular", "normal", 400), ("NotoSans-Bold.ttf", "bold", "normal", 700),
         ("NotoSans-Italic.ttf", "italic", "italic", 400))
ASCII = "".join(chr(c) for c in range(0x20, 0x7F))
TAG = re.compile(r"<[^>]*>")


def card_fonts(markup: Iterable[str]) -> tuple[str, dict[str, bytes]]:
    """The @font-face rules and the media files (name -> bytes) for cards showing `markup` (HTML)."""
    text = "".join(html.unescape(TAG.sub(" ", m)) for m in markup)
    chars = "".join(sorted(set(text + ASCII) - {"\n", "\r", "\t"}))
    rules, files = [], {}
    for source, slug, style, weight in FACES:
        data = woff_subset(source, chars)
        name = f"_noto-sans-{slug}-{hashlib.sha256(data).hexdigest()[:12]}.woff"
        files[name] = data
        rules.append(f'@font-face {{ font-family: "Noto Sans"; src: url("{name}") format("woff"); '
                     f"font-style: {style}; font-weight: {weight}; }}")
    return "\n".join(rules) + "\n", files
