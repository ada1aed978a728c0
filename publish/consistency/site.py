"""What the web edition says: each spot page's title, booklet page and at-a-glance rows, and the
spots the home page's finder lists for each pain area and condition, read back from the HTML."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .booklet import Chapter
from .compare import Mismatch, reader_text, split
from .deck import Deck, SpotFacts

SPOT_PAGE = re.compile(r"spot-(\d+)\.html")
SPOT_NAME = re.compile(r"Spot (\d+)")
PAGE = re.compile(r"p\. (\d+)")
VOID = {"br", "img", "meta", "link", "input", "hr", "source", "col", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)

    def text(self) -> str:
        return " ".join("".join(c if isinstance(c, str) else " " + c.text() + " " for c in self.children).split())

    def find_all(self, test) -> list[Node]:
        found = [self] if test(self) else []
        for c in self.children:
            if isinstance(c, Node):
                found += c.find_all(test)
        return found

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        while len(self.stack) > 1:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(path: Path) -> Node:
    tree = _Tree()
    tree.feed(path.read_text(encoding="utf-8"))
    return tree.root


@dataclass(frozen=True)
class Site:
    spots: dict[int, SpotFacts]
    regions: dict[str, dict[str, tuple[int, ...]]]     # pain area -> 'essential' / 'spillover' -> spots
    conditions: dict[str, tuple[int, ...]]              # condition name -> spots


def read_site(folder: Path, deck: Deck) -> Site:
    """Every spot page and the finder's result blocks; `deck` names the known lists for splitting."""
    spots = {}
    for path in sorted(folder.glob("spot-*.html")):
        number = int(SPOT_PAGE.fullmatch(path.name).group(1))
        spots[number] = _spot(parse(path), deck)
    home = parse(folder / "index.html")
    regions: dict[str, dict[str, tuple[int, ...]]] = {}
    conditions: dict[str, tuple[int, ...]] = {}
    for block in home.find_all(lambda n: n.tag == "template"):
        heading = block.find_all(lambda n: n.tag == "h3")[0].text().split(": ", 1)[1]
        hits = block.find_all(lambda n: n.has_class("hit"))
        numbers = lambda zone: tuple(int(SPOT_NAME.search(h.text()).group(1)) for h in hits  # noqa: E731
                                     if zone is None or h.has_class(zone))
        if block.attrs["id"].startswith("region-"):
            regions[heading] = {z: numbers(z) for z in ("essential", "spillover") if numbers(z)}
        else:
            conditions[heading] = numbers(None)
    return Site(spots, regions, conditions)


def _spot(page: Node, deck: Deck) -> SpotFacts:
    h1 = page.find_all(lambda n: n.tag == "h1")[0]
    title = h1.text().split(" ", 2)[2]
    booklet = page.find_all(lambda n: n.has_class("booklet-page"))
    rows = {tr.find_all(lambda n: n.tag == "th")[0].text(): tr.find_all(lambda n: n.tag == "td")[0]
            for tr in page.find_all(lambda n: n.tag == "tr")}
    labels = set(deck.regions) | {x for f in deck.spots.values() for x in f.essential + f.spillover}
    names = set(deck.conditions) | {x for f in deck.spots.values() for x in f.conditions}
    pain = rows["Pain"].text()
    essential, spillover = re.fullmatch(r"Essential: (.*) Spill-over: (.*)", pain).groups()
    return SpotFacts(
        title=title,
        page=int(PAGE.search(booklet[0].text()).group(1)) if booklet else None,
        muscles=tuple(_muscle(m) for m in _lines(rows["Muscles"])),
        essential=split(essential, labels),
        spillover=() if spillover == "none recorded" else split(spillover, labels),
        conditions=split(rows["Conditions"].text(), names) if "Conditions" in rows else ())


def _lines(cell: Node) -> list[str]:
    """The cell's text, one entry per line (lines end at <br>)."""
    lines, current = [], []
    for c in cell.children:
        if isinstance(c, Node) and c.tag == "br":
            lines.append(" ".join(current))
            current = []
        else:
            current.append(c if isinstance(c, str) else c.text())
    lines.append(" ".join(current))
    return [" ".join(line.split()) for line in lines if line.strip()]


def _muscle(line: str) -> tuple[str, str]:
    name, _, detail = line.partition(" \u2013 ")
    return name, detail


def site_and_booklet(site: Site, chapters: dict[int, Chapter], deck: Deck) -> list[Mismatch]:
    """Every spot page against its chapter's title, page and at-a-glance box, and every finder list
    against the spots whose at-a-glance boxes name that pain area or condition. (`deck` only names
    the known pain areas and conditions, to split the booklet's lists of them.)"""
    found = []
    labels = set(deck.regions) | {x for f in deck.spots.values() for x in f.essential + f.spillover}
    names = set(deck.conditions) | {x for f in deck.spots.values() for x in f.conditions}
    in_booklet: dict[tuple[str, str], list[int]] = {}
    for number in sorted(chapters.keys() | site.spots.keys()):
        where = f"Spot {number}"
        page, chapter = site.spots.get(number), chapters.get(number)
        if page is None or chapter is None:
            found.append(Mismatch(where, "site", "has a chapter but no page on the site" if page is None
                                  else "has a page on the site but no chapter in the booklet"))
            continue
        if _norm(page.title) != _norm(chapter.title):
            found.append(Mismatch(where, "title", f'the site says "{page.title}", the booklet "{chapter.title}"'))
        if page.page != chapter.page:
            found.append(Mismatch(where, "page", f"the site says p. {page.page}, the chapter starts on p. {chapter.page}"))
        if chapter.glance is None:
            continue
        printed = {"muscles": chapter.glance.muscles,
                   "essential zones": split(chapter.glance.essential, labels),
                   "spill-over zones": () if not chapter.glance.spillover   # the reader reads "none recorded" as ""
                   else split(chapter.glance.spillover, labels),
                   "conditions": split(chapter.glance.conditions, names) if chapter.glance.conditions else ()}
        shown = {"muscles": page.muscles, "essential zones": page.essential, "spill-over zones": page.spillover,
                 "conditions": page.conditions}
        for name, items in printed.items():
            if tuple(map(_norm_item, shown[name])) != tuple(map(_norm_item, items)):
                found.append(Mismatch(where, name, f"the site lists {_show(shown[name])}, the booklet {_show(items)}"))
        for zone, key in (("essential", "essential zones"), ("spillover", "spill-over zones"), ("condition", "conditions")):
            for topic in printed[key]:
                in_booklet.setdefault((_norm(topic), zone), []).append(number)
    on_site = {(_norm(label), zone): list(spots) for label, zones in site.regions.items() for zone, spots in zones.items()}
    on_site |= {(_norm(name), "condition"): list(spots) for name, spots in site.conditions.items()}
    for topic, kind in sorted(in_booklet.keys() | on_site.keys()):
        listed, linked = sorted(on_site.get((topic, kind), [])), sorted(in_booklet.get((topic, kind), []))
        if listed != linked:
            found.append(Mismatch(f'{"Condition" if kind == "condition" else "Pain area"} "{topic}"',
                                  "finder" if kind == "condition" else f"finder, {kind}",
                                  f"the site lists spots {listed or 'none'}, the booklet links {linked or 'none'}"))
    return found


def _norm(text: str) -> str:
    """As a reader compares: curly quotes are straight ones, and the booklet lowers a name inside a list."""
    return reader_text(text).casefold()


def _norm_item(item: str | tuple[str, str]) -> str | tuple[str, ...]:
    return _norm(item) if isinstance(item, str) else tuple(map(_norm, item))


def _show(items: tuple) -> str:
    return '"' + "; ".join(" \u2013 ".join(filter(None, i)) if isinstance(i, tuple) else i for i in items) + '"'
