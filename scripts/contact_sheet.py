"""Render a booklet PDF at 150 dpi, page by page, and lay its spreads out on one contact sheet.

Usage: python scripts/contact_sheet.py BOOKLET.pdf SHEET.png [PAGES_DIR]
Spreads are shown as a reader sees them: the cover alone, then 2-3, 4-5, ..., the back cover alone.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

DPI = 150
SPREADS_PER_ROW = 4
THUMB_HEIGHT = 300      # pixels per page on the contact sheet
GAP = 16


def render(pdf: Path, pages_dir: Path | None) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    images = []
    for i in range(len(doc)):
        image = doc[i].render(scale=DPI / 72).to_pil()
        if pages_dir:
            pages_dir.mkdir(parents=True, exist_ok=True)
            image.save(pages_dir / f"page-{i + 1:02d}.png")
        images.append(image)
    return images


def spreads(count: int) -> list[tuple[int | None, int | None]]:
    """(left, right) page indexes: the cover on the right alone, the back cover on the left alone."""
    out: list[tuple[int | None, int | None]] = [(None, 0)]
    out += [(i, i + 1 if i + 1 < count - 1 else None) for i in range(1, count - 1, 2)]
    return out + [(count - 1, None)]


def sheet(images: list[Image.Image]) -> Image.Image:
    w, h = images[0].size
    tw, th = int(w * THUMB_HEIGHT / h), THUMB_HEIGHT
    pairs = spreads(len(images))
    rows = (len(pairs) + SPREADS_PER_ROW - 1) // SPREADS_PER_ROW
    out = Image.new("RGB", (SPREADS_PER_ROW * (2 * tw + GAP) + GAP, rows * (th + GAP) + GAP), (150, 150, 150))
    for n, pair in enumerate(pairs):
        x, y = GAP + (n % SPREADS_PER_ROW) * (2 * tw + GAP), GAP + (n // SPREADS_PER_ROW) * (th + GAP)
        for side, index in enumerate(pair):
            if index is not None:
                out.paste(images[index].resize((tw, th), Image.LANCZOS), (x + side * tw, y))
    return out


if __name__ == "__main__":
    pdf, target = Path(sys.argv[1]), Path(sys.argv[2])
    sheet(render(pdf, Path(sys.argv[3]) if len(sys.argv) > 3 else None)).quantize(256).save(target, optimize=True)
