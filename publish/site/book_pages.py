"""The rest of the booklet as pages: home, all spots, how to use, quick reference, notes and
references, glossary, index, search and downloads."""
from __future__ import annotations

import re

from ..editions import CARD_PAPERS, DECK_FILE, cards_file
from ..model import Content, GuideSection, Lead
from ..study import card_count
from ..wording import filled
from . import words
from .art import Picture, img, labels
from .finder import finder, hit
from .markup import Glossary, Page, bullets, esc, fmt, slug, spot_href, spot_name

DASH = "\u2013"
WEB = re.compile(r"https?://", re.IGNORECASE)


def home(content: Content, patterns: dict[int, Picture]) -> Page:
    book = content.book
    spots = "".join(hit(s, patterns[s.number], None) for s in content.spots)
    search = (f'<form class="search" action="search.html" role="search"><label for="home-q">'
              f'{esc(words.SEARCH_LABEL)}</label><input id="home-q" name="q" type="search">'
              f'<button type="submit">{esc(words.SEARCH_BUTTON)}</button></form>')
    main = (f'<h1>{esc(book.title)}</h1><p class="subtitle">{esc(book.subtitle)}</p>'
            f'{finder(content, patterns)}{search}<p class="disclaimer">{esc(book.disclaimer)}</p>'
            f'<section aria-labelledby="spot-list"><h2 id="spot-list">{esc(words.SPOT_LIST_HEADING)}</h2>'
            f'<ul class="hits spot-list">{spots}</ul></section>')
    return Page("index.html", book.title, main, ("site.js",))


def all_spots(content: Content, overview: Picture) -> Page:
    items = [f'<a href="{spot_href(s.number)}">{esc(spot_name(s.number))}: {esc(s.title)}</a> \u2013 {esc(s.place)}'
             for s in content.spots]
    main = (f'<h1>{esc(words.SPOTS_HEADING)}</h1><p>{esc(words.SPOTS_INTRO)}</p>'
            f'<figure class="overview">{img(overview)}</figure>{bullets(items)}')
    return Page("spots.html", words.SPOTS_HEADING, main)


def how_to_use(content: Content) -> Page:
    """The guide's sections from content/guide.yaml, as the booklet prints them: reading the charts, pressure
    and the general precautions, the flashcards, and when to see a clinician (after the disclaimer)."""
    guide = content.guide
    values = {"spots": content.labels.number(len(content.spots)), "cards": content.labels.number(card_count(content)),
              "symptom_finder": _nav_link("index.html"), "condition_finder": _nav_link("index.html"),
              "maps": _nav_link("spots.html"), "deck_file": _download(DECK_FILE),
              "card_files": content.labels.join((_download(cards_file(p)) for p in CARD_PAPERS), "common.or")}
    sections = [_guide_section(guide.charts, values), _guide_section(guide.safety, values),
                _guide_section(guide.flashcards, values),
                _guide_section(guide.clinician, values, first=f"<p>{esc(content.book.disclaimer)}</p>")]
    main = f"<h1>{esc(words.HOW_TO_HEADING)}</h1>{''.join(sections)}{_about(content)}"
    return Page("how-to-use.html", words.HOW_TO_HEADING, main)


def _guide_section(part: GuideSection, values: dict[str, str], first: str = "") -> str:
    def text(prose: str) -> str:
        return filled(prose, values, esc)

    points = [f"<strong>{esc(p.lead)}</strong> {text(p.text)}" if isinstance(p, Lead) else text(p)
              for p in part.points]
    return (f"<h2>{esc(part.heading)}</h2>{first}" + "".join(f"<p>{text(t)}</p>" for t in part.paragraphs)
            + (bullets(points) if points else "") + "".join(f"<p>{text(t)}</p>" for t in part.closing))


def _nav_link(href: str) -> str:
    """A link to one of the site's own pages, named as the navigation names it."""
    return f'<a href="{href}">{esc(dict(words.NAV)[href])}</a>'


def _download(name: str) -> str:
    return f'<a href="downloads/{esc(name)}"><em>{esc(name)}</em></a>'


def _about(content: Content) -> str:
    book = content.book
    licence = book.licence
    url = ""
    if licence.url:   # a link only to the web: a javascript: or data: address stays plain text
        url = f' <a href="{esc(licence.url)}">{esc(licence.url)}</a>' if WEB.match(licence.url) else f" {esc(licence.url)}"
    return (f"<h2>{esc(words.ABOUT_HEADING)}</h2><p>"
            + fmt(words.EDITION, edition=book.edition, date=book.date.isoformat(), authors=", ".join(book.authors))
            + "</p>" + "".join(f"<p>{esc(c)}</p>" for c in book.credits)
            + f"<p><strong>{esc(licence.name)}</strong>. {esc(licence.summary)}{url}</p>")


def quick_reference(content: Content, spot_pages: dict[int, int]) -> Page:
    """A table on wide screens; on a phone each row becomes a block whose cells carry their column
    name (data-label), so nothing has to scroll sideways."""
    columns = words.QUICK_COLUMNS[2:]   # after the number and the spot
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in words.QUICK_COLUMNS)
    rows = []
    for s in content.spots:
        pain = (f'<span class="zone essential">{esc(labels(content, s.pain.essential))}</span>'
                + (f'; <em class="zone spillover">{esc(labels(content, s.pain.spillover))}</em>'
                   if s.pain.spillover else ""))
        cells = (esc(", ".join(m.name for m in s.own_muscles)), pain,
                 esc(", ".join(content.conditions[c].name for c in s.conditions)) or DASH,
                 spot_pages.get(s.number, DASH))
        rows.append(f'<tr><td class="number">{s.number}</td><th scope="row"><a href="{spot_href(s.number)}">'
                    f'{esc(spot_name(s.number))}: {esc(s.title)}</a></th>'
                    + "".join(f'<td data-label="{esc(label)}">{cell}</td>' for label, cell in zip(columns, cells))
                    + "</tr>")
    main = (f"<h1>{esc(words.QUICK_HEADING)}</h1><p>{esc(words.QUICK_INTRO)}</p>"
            f'<table class="quick"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return Page("quick-reference.html", words.QUICK_HEADING, main)


def references(content: Content) -> Page:
    items = []
    for ref_id, ref in content.references.items():
        parts = [f"{esc(ref.authors)} ({ref.year}). <cite>{esc(ref.title)}</cite>."]
        if ref.container:
            parts.append(f"{esc(ref.container)}.")
        if ref.pmid:
            parts.append(f'<a href="https://pubmed.ncbi.nlm.nih.gov/{esc(ref.pmid)}/">'
                         f'{fmt(words.PUBMED, pmid=ref.pmid)}</a>.')
        if ref.note:
            parts.append(esc(ref.note))
        citing = [s for s in content.spots if ref_id in s.references
                  or any(m.reference and m.reference.id == ref_id for m in s.muscles)]
        if citing:
            parts.append(f"{esc(words.CITED_BY)} " + ", ".join(
                f'<a href="{spot_href(s.number)}">{esc(spot_name(s.number))}</a>' for s in citing) + ".")
        items.append(f'<li id="ref-{esc(ref_id)}">{" ".join(parts)}</li>')
    main = f'<h1>{esc(words.REFS_HEADING)}</h1><ol class="refs">{"".join(items)}</ol>'
    return Page("references.html", words.REFS_HEADING, main)


def glossary_page(content: Content, glossary: Glossary) -> Page:
    items = "".join(f'<dt id="{glossary.anchor(t.term)}">{esc(t.term)}</dt><dd>{esc(t.definition)}</dd>'
                    for t in content.glossary)
    return Page("glossary.html", words.GLOSSARY_HEADING,
                f'<h1>{esc(words.GLOSSARY_HEADING)}</h1><dl class="glossary">{items}</dl>')


def book_index(content: Content, glossary: Glossary) -> Page:
    """Muscles, pain areas, conditions and glossary terms, each with the spots they belong to."""
    groups: dict[str, dict[str, list[int]]] = {key: {} for key, _ in words.INDEX_GROUPS}
    for s in content.spots:
        for m in s.muscles:
            groups["muscles"].setdefault(m.name, []).append(s.number)
        for r in s.pain.essential + s.pain.spillover:
            groups["regions"].setdefault(content.regions[r].label, []).append(s.number)
        for c in s.conditions:
            groups["conditions"].setdefault(content.conditions[c].name, []).append(s.number)
    sections = []
    for key, heading in words.INDEX_GROUPS:
        if key == "terms":
            entries = [f'<a href="glossary.html#{glossary.anchor(t.term)}">{esc(t.term)}</a>'
                       for t in sorted(content.glossary, key=lambda t: t.term.lower())]
        else:
            entries = [f"{esc(name)}: " + ", ".join(
                f'<a href="{spot_href(n)}">{esc(spot_name(n))}</a>' for n in dict.fromkeys(numbers))
                for name, numbers in sorted(groups[key].items(), key=lambda kv: kv[0].lower())]
        sections.append(f'<h2 id="index-{slug(key)}">{esc(heading)}</h2>{bullets(entries)}')
    return Page("book-index.html", words.INDEX_HEADING, f"<h1>{esc(words.INDEX_HEADING)}</h1>{''.join(sections)}")


def search_page() -> Page:
    main = (f'<h1>{esc(words.SEARCH_HEADING)}</h1><form class="search" role="search" action="search.html">'
            f'<label for="q">{esc(words.SEARCH_LABEL)}</label><input id="q" name="q" type="search">'
            f'<button type="submit">{esc(words.SEARCH_BUTTON)}</button></form>'
            f'<p id="search-count" aria-live="polite" data-template="{esc(words.SEARCH_COUNT)}"></p>'
            f'<ul id="search-results" class="results"></ul>')
    return Page("search.html", words.SEARCH_HEADING, main, ("search-index.js", "search.js"))


def downloads(files: list[str]) -> Page:
    items = [f'<a href="downloads/{esc(name)}" download>{esc(label)}</a>'
             for name, label in words.DOWNLOADS if name in files]
    main = f"<h1>{esc(words.DOWNLOADS_HEADING)}</h1><p>{esc(words.DOWNLOADS_INTRO)}</p>{bullets(items)}"
    return Page("downloads.html", words.DOWNLOADS_HEADING, main)
