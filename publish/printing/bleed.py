"""The print-shop edition: single pages with bleed, TrimBox and BleedBox set.

The booklet draws any art that reaches the trim edge 3 mm past it; the reader edition's
MediaBox hides that overhang, and this edition reveals it by growing the MediaBox.
"""
from __future__ import annotations

from pathlib import Path

import pikepdf

from ..editions import BLEED


def add_bleed(source: Path, target: Path) -> int:
    """Copy `source` to `target` with a 3 mm bleed on every side; return the page count."""
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            trim = pikepdf.Array([x0, y0, x1, y1])
            bleed = pikepdf.Array([x0 - BLEED, y0 - BLEED, x1 + BLEED, y1 + BLEED])
            page.obj.MediaBox = bleed
            page.obj.BleedBox = bleed
            page.obj.TrimBox = trim
            if "/CropBox" in page.obj:
                del page.obj["/CropBox"]
        info = pdf.trailer.get("/Info")
        if info is not None and "/Title" in info:
            info.Title = pikepdf.String(str(info.Title) + " (print edition with 3 mm bleed)")
        pdf.save(target, deterministic_id=True)
        return len(pdf.pages)
