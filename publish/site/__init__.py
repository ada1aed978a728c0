"""The web edition: static HTML pages, one stylesheet, a little script, SVG figures and subset fonts.

`build_site` renders every page from the content model in memory, then writes them all; the same
content gives the same bytes. Modules: words (UI words), markup (escaping, page shell), art (figures),
finder (body map and condition finder), spot_page, book_pages, search (index), assets (CSS, JS, fonts).
"""
from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from ..figures import FigureStore
from ..model import Content
from . import art, words
from .assets import font_files, static_files
from .book_pages import (
    all_spots,
    book_index,
    downloads,
    glossary_page,
    home,
    how_to_use,
    quick_reference,
    references,
    search_page,
)
from .markup import Glossary, render
from .search import index_script
from .spot_page import spot_page

OFFERED = tuple(name for name, _ in words.DOWNLOADS)    # the files a full build makes for the downloads page


def site_files(content: Content, spot_pages: dict[int, int], download_names: list[str],
               store: FigureStore) -> dict[str, bytes]:
    """Every file of the site but the downloads: relative path -> bytes."""
    patterns = {s.number: art.pattern(content, s, store) for s in content.spots}
    locators = {s.number: art.locator(content, s, store) for s in content.spots}
    overview = art.overview(content, store)
    glossary = Glossary(content)
    pages = [home(content, patterns), all_spots(content, overview), how_to_use(content),
             quick_reference(content, spot_pages), references(content), glossary_page(content, glossary),
             book_index(content, glossary), search_page(), downloads(download_names)]
    pages += [spot_page(content, s, patterns[s.number], locators[s.number], spot_pages.get(s.number), glossary)
              for s in content.spots]
    files = {page.name: render(content, page).encode("utf-8") for page in pages}
    for picture in [overview, *patterns.values(), *filter(None, locators.values())]:
        files[picture.path] = picture.svg
    files["search-index.js"] = index_script(content)
    files.update(static_files())
    text = re.sub(r"<[^>]*>", " ", "".join(f.decode("utf-8") for name, f in files.items() if name.endswith(".html")))
    files.update(font_files(text))
    return files


def build_site(content: Content, folder: Path, spot_pages: dict[int, int] | None = None,
               downloads: Sequence[Path] = (), store: FigureStore | None = None) -> list[Path]:
    """Write the site into `folder` (with copies of `downloads` under downloads/); returns the files."""
    offered = [p.name for p in downloads if p.name in OFFERED]
    return (write_site(content, folder, spot_pages or {}, store or FigureStore(content), offered)
            + copy_downloads(folder, downloads))


def write_site(content: Content, folder: Path, spot_pages: dict[int, int], store: FigureStore,
               offered: Sequence[str] = OFFERED) -> list[Path]:
    """Write every file of the site but the downloads, whose page lists `offered`; returns the files."""
    written = []
    for name, data in sorted(site_files(content, spot_pages, list(offered), store).items()):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


def copy_downloads(folder: Path, downloads: Sequence[Path]) -> list[Path]:
    """Copies of the files among `downloads` that the site offers, under downloads/."""
    written = []
    for source in (p for p in downloads if p.name in OFFERED):
        target = folder / "downloads" / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written
