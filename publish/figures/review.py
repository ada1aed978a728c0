"""`make figures`: every figure of every spot rendered to PNG at 150 dpi, with a contact sheet.

An author reviews the drawings here without opening the booklet or the deck: the same Drawings
the booklet places and the deck stores as SVG, at their printed size (a paper card lays its figures
out for the room its question or answer leaves, so those exact drawings are not among them).
Run: python -m publish.figures.review [--content DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing

from ..errors import ContentError
from ..model import Content, load_content
from ..study import study_notes
from .store import FigureKey, FigureStore

DPI = 150
SHEET_WIDTH = 2400
PAD = 24


def figures(content: Content) -> list[tuple[str, Drawing]]:
    """(file stem, drawing) for every figure the booklet, deck and cards use: the booklet's, then
    each study note's as the paper cards print it and (stem ending '-phone') as the deck shows it,
    each drawing once."""
    store = FigureStore(content)
    named = [("overview", FigureKey.of("overview")), ("legend", FigureKey.of("legend"))]
    for spot in content.spots:
        named += [(f"spot-{spot.number:02d}-pattern", FigureKey.of("referral", spot.number)),
                  (f"spot-{spot.number:02d}-locator", FigureKey.of("locator", spot.number))]
    for note in study_notes(content):
        for figure in note.figures + tuple(c.figure for c in note.cards if c.figure):
            stem = f"{note.kind.key}-{note.key}-{figure.kind}".replace("_", "-")
            named += [(stem, figure.key), (f"{stem}-phone", figure.key.for_screen())]
    seen: set[FigureKey] = set()
    out = []
    for name, key in named:
        if key not in seen:
            seen.add(key)
            out.append((name, store.get(key)))
    return out


def to_png(drawing: Drawing) -> Image.Image:
    """The drawing at its printed size, rasterised at DPI on white."""
    pdf = pdfium.PdfDocument(renderPDF.drawToString(drawing))
    return pdf[0].render(scale=DPI / 72).to_pil().convert("RGB")


def contact_sheet(images: list[tuple[str, Image.Image]]) -> Image.Image:
    """The images in rows, left to right, each captioned with its file name."""
    rows: list[list[tuple[str, Image.Image]]] = [[]]
    width = PAD
    for name, im in images:
        if rows[-1] and width + im.width + PAD > SHEET_WIDTH:
            rows.append([])
            width = PAD
        rows[-1].append((name, im))
        width += im.width + PAD
    heights = [max(im.height for _, im in row) + 3 * PAD for row in rows]
    sheet = Image.new("RGB", (SHEET_WIDTH, sum(heights) + PAD), "white")
    pen = ImageDraw.Draw(sheet)
    y = PAD
    for row, h in zip(rows, heights):
        x = PAD
        for name, im in row:
            sheet.paste(im, (x, y))
            pen.text((x, y + im.height + 4), name, fill=(90, 90, 90))
            x += im.width + PAD
        y += h
    return sheet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m publish.figures.review", description=__doc__.splitlines()[0])
    parser.add_argument("--content", default="content")
    parser.add_argument("--out", default="build/figures")
    args = parser.parse_args(argv)
    try:
        content = load_content(Path(args.content))
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"publish: {len(err.problems)} problem(s) in {args.content}; no figures were drawn", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    images = []
    for name, drawing in figures(content):
        im = to_png(drawing)
        buf = io.BytesIO()
        im.save(buf, "PNG", optimize=True)
        (out / f"{name}.png").write_bytes(buf.getvalue())
        images.append((name, im))
    contact_sheet(images).save(out / "contact-sheet.png", optimize=True)
    print(f"{len(images)} figures and contact-sheet.png in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
