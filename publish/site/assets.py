"""Static files: the stylesheet and scripts (publish/site/static/), and the fonts, subset to the
characters the site uses, as WOFF files with their licence."""
from __future__ import annotations

from pathlib import Path

from ..fonts import FONT_DIR, woff_subset

STATIC = Path(__file__).resolve().parent / "static"
FONTS = (("NotoSans-Regular.ttf", "noto-sans-regular.woff"), ("NotoSans-Bold.ttf", "noto-sans-bold.woff"),
         ("NotoSans-Italic.ttf", "noto-sans-italic.woff"))
ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F)) + "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00a0"


def static_files() -> dict[str, bytes]:
    """site.css, site.js, search.js: copied as they are."""
    return {p.name: p.read_bytes() for p in sorted(STATIC.iterdir()) if p.is_file()}


def font_files(text: str) -> dict[str, bytes]:
    """Each font cut down to the characters in `text` (and printable ASCII, for typed searches)."""
    chars = "".join(sorted(set(text + ALWAYS) - {"\n", "\r", "\t"}))
    files = {"fonts/OFL.txt": (FONT_DIR / "OFL.txt").read_bytes()}
    files.update((f"fonts/{name}", woff_subset(source, chars)) for source, name in FONTS)
    return files
