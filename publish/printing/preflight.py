"""Preflight: check finished PDFs the way a print shop would, and say what is wrong."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from ..editions import MM, booklet_sizes, preflight_sizes, safe_zones

TOLERANCE = 0.5  # points


@dataclass
class Result:
    """What preflight found in one file."""

    path: Path
    facts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        head = f"{self.path.name}" + (f": {', '.join(self.facts)}" if self.facts else "")
        return head + ("" if self.ok else "".join(f"\n  problem: {p}" for p in self.problems))


def _near(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) <= TOLERANCE and abs(a[1] - b[1]) <= TOLERANCE


def _box(page: pikepdf.Page, name: str) -> tuple[float, float, float, float]:
    value = page.obj.get(name) or page.mediabox
    x0, y0, x1, y1 = (float(v) for v in value)
    return x0, y0, x1, y1


def _inside(inner, outer) -> bool:
    return (inner[0] >= outer[0] - TOLERANCE and inner[1] >= outer[1] - TOLERANCE
            and inner[2] <= outer[2] + TOLERANCE and inner[3] <= outer[3] + TOLERANCE)


def _fonts(pdf: pikepdf.Pdf) -> dict[str, bool]:
    """BaseFont name -> embedded, for every font reachable from any page (forms included)."""
    found: dict[str, bool] = {}
    seen: set = set()

    def visit(resources):
        if not isinstance(resources, pikepdf.Dictionary) or resources.objgen in seen and resources.objgen != (0, 0):
            return
        seen.add(resources.objgen)
        for font in (resources.get("/Font") or {}).values():
            leaves = font.get("/DescendantFonts") or [font]
            for leaf in leaves:
                desc = leaf.get("/FontDescriptor")
                embedded = desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                found[str(font.get("/BaseFont", "?"))] = embedded and found.get(str(font.get("/BaseFont")), True)
        for xobj in (resources.get("/XObject") or {}).values():
            if xobj.get("/Subtype") == "/Form":
                visit(xobj.get("/Resources"))

    for page in pdf.pages:
        visit(page.obj.get("/Resources"))
    return found


def _text_outside(path: Path, boxes: list[tuple[float, float, float, float]],
                  where: str = "outside the trim") -> list[str]:
    """Pages with characters outside their box (the TrimBox, or the part of the sheet a home printer
    prints). PDFium merges the boxes of the characters on each line into rectangles; a rectangle is
    inside the box exactly when all its characters are."""
    problems = []
    doc = pdfium.PdfDocument(str(path))
    try:
        for index, trim in enumerate(boxes):
            page = doc[index]
            text = page.get_textpage()
            for i in range(text.count_rects()):
                left, bottom, right, top = text.get_rect(i)
                if right - left > 0 and not _inside((left, bottom, right, top), trim):
                    problems.append(f"page {index + 1}: text {where} at ({left:.0f}, {bottom:.0f}) pt")
                    break
    finally:
        doc.close()
    return problems


def preflight(path: Path) -> Result:
    """Check one PDF: fonts embedded and subset, boxes nested, size and page count right, text inside trim.
    A path that is no readable PDF (missing, a folder, text, truncated) is a failed result saying so."""
    result = Result(path)
    if not path.is_file():
        result.problems.append("no such file" if not path.exists() else "not a file (a folder?)")
        return result
    try:
        return _checked(path, result)
    except (pikepdf.PdfError, pdfium.PdfiumError, OSError, ValueError, IndexError, StopIteration) as exc:
        result.facts = []
        result.problems.append(f"not a readable PDF ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})")
        return result


def _checked(path: Path, result: Result) -> Result:
    with pikepdf.open(path) as pdf:
        pages = list(pdf.pages)
        trims = [_box(p, "/TrimBox") for p in pages]
        sizes = {(round(t[2] - t[0], 1), round(t[3] - t[1], 1)) for t in trims}
        if len(sizes) != 1:
            result.problems.append(f"pages have {len(sizes)} different trim sizes")
        size = next(iter(sizes))
        named = preflight_sizes()
        label = next((name for name, dims in named.items() if _near(size, dims)), None)
        if label is None:
            result.problems.append(f"trim size {size[0] / MM:.1f} x {size[1] / MM:.1f} mm is none of {', '.join(named)}")
        result.facts.append(f"{len(pages)} pages {label or '?'}")
        if label in booklet_sizes() and len(pages) % 4:
            result.problems.append(f"{len(pages)} pages is not a multiple of 4; a saddle-stitched booklet needs one")
        for number, page in enumerate(pages, 1):
            media, bleed, trim = _box(page, "/MediaBox"), _box(page, "/BleedBox"), trims[number - 1]
            if not (_inside(trim, bleed) and _inside(bleed, media)):
                result.problems.append(f"page {number}: boxes not nested (TrimBox in BleedBox in MediaBox)")
                break
        if "/BleedBox" in pages[0].obj:
            bleed = _box(pages[0], "/BleedBox")
            result.facts.append(f"bleed {(trims[0][0] - bleed[0]) / MM:.1f} mm")
        fonts = _fonts(pdf)
        missing = sorted(name for name, embedded in fonts.items() if not embedded)
        unsubset = sorted(name for name in fonts if "+" not in name)
        if missing:
            result.problems.append(f"fonts not embedded: {', '.join(missing)}")
        if unsubset:
            result.problems.append(f"fonts not subset: {', '.join(unsubset)}")
        result.facts.append(f"{len(fonts)} fonts embedded and subset" if not missing and not unsubset else f"{len(fonts)} fonts")
    result.problems += _text_outside(path, trims)
    zone = safe_zones().get(label or "")
    if zone:
        printable = [(x0 + zone, y0 + zone, x1 - zone, y1 - zone) for x0, y0, x1, y1 in trims]
        result.problems += _text_outside(path, printable, f"within {zone / MM:.0f} mm of the sheet edge")
    if not result.problems:
        result.facts.append("text within trim" + (f", {zone / MM:.0f} mm from the sheet edge" if zone else ""))
    return result
