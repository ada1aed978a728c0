"""Saddle-stitch imposition: booklet pages two-up on landscape sheets, ready to fold.

Pages are placed as vector form XObjects (pikepdf overlays), never rasterised. Print the
result double-sided with "flip on short edge", fold the stack in half and staple the fold.
"""
from __future__ import annotations

from pathlib import Path

import pikepdf

from ..editions import MM, Paper


def sheet_order(n: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """For n pages (a multiple of 4), each sheet's (front, back) as (left, right) 1-based page numbers."""
    if n % 4:
        raise ValueError(f"saddle stitch needs a multiple of 4 pages, not {n}")
    return [((n - 2 * s, 2 * s + 1), (2 * s + 2, n - 1 - 2 * s)) for s in range(n // 4)]


def padded_order(n: int) -> list[int | None]:
    """Reading order padded to a multiple of 4 with blanks (None) just before the back cover."""
    pages: list[int | None] = list(range(1, n + 1))
    blanks = -n % 4
    return pages[:-1] + [None] * blanks + pages[-1:] if n > 1 else pages + [None] * blanks


def impose(source: Path, target: Path, paper: Paper) -> int:
    """Write `source`'s pages two-up on `paper`, landscape, to `target`; return the number of sheets."""
    width, height = paper.landscape
    sheet = paper.short
    with pikepdf.open(source) as src, pikepdf.new() as out:
        order = padded_order(len(src.pages))
        page_w, page_h = (float(v) for v in src.pages[0].trimbox[2:])
        if 2 * page_w > width + 0.5 or page_h > height + 0.5:
            raise ValueError(f"{page_w / MM:.0f} x {page_h / MM:.0f} mm pages do not fit two-up on {sheet}")
        x_fold = width / 2
        y0 = (height - page_h) / 2
        for front, back in sheet_order(len(order)):
            for left, right in (front, back):
                side = out.add_blank_page(page_size=(width, height))
                for slot, x in ((left, x_fold - page_w), (right, x_fold)):
                    number = order[slot - 1]
                    if number is not None:
                        _place(side, src.pages[number - 1], pikepdf.Rectangle(x, y0, x + page_w, y0 + page_h),
                               pikepdf.Name(f"/Page{number}"))
        out.Root.ViewerPreferences = pikepdf.Dictionary(
            Duplex=pikepdf.Name.DuplexFlipShortEdge, PrintScaling=pikepdf.Name("/None"))
        _copy_info(src, out, f" (saddle-stitch sheets, {sheet})")
        out.save(target, deterministic_id=True, compress_streams=True)
        return len(order) // 4


def _place(side: pikepdf.Page, page: pikepdf.Page, rect: pikepdf.Rectangle, name: pikepdf.Name) -> None:
    """Draw `page` into `rect` of `side` as a form XObject called `name` (add_overlay would pick a random
    resource name, and the sheets would differ byte for byte from build to build)."""
    formx = page.as_form_xobject()
    side.add_resource(formx, pikepdf.Name.XObject, name=name)
    side.contents_add(b"q\n" + side.calc_form_xobject_placement(formx, name, rect) + b"\nQ\n")


def _copy_info(src: pikepdf.Pdf, out: pikepdf.Pdf, title_suffix: str) -> None:
    """Carry the reader edition's metadata over, marking the title with the edition."""
    info = src.trailer.get("/Info")
    if info is None:
        return
    copied = pikepdf.Dictionary({k: v for k, v in info.items()})
    if "/Title" in copied:
        copied.Title = pikepdf.String(str(copied.Title) + title_suffix)
    out.trailer.Info = out.make_indirect(copied)
    if "/Lang" in src.Root:
        out.Root.Lang = src.Root.Lang
