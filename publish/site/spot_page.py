"""One page per spot: the booklet chapter's sections in the same order, with the same figures."""
from __future__ import annotations

from ..model import Content, NoteRef, Spot
from . import words
from .art import Picture, img, labels
from .markup import Glossary, Page, bullets, esc, fmt, spot_href, spot_name


def spot_page(content: Content, spot: Spot, pattern: Picture, locator: Picture | None,
              booklet_page: int | None, glossary: Glossary) -> Page:
    seen: set[str] = set()
    text = lambda s: glossary.linked(s, seen)   # noqa: E731 - glossary links, first time on the page
    title = words.SPOT_PAGE_TITLE.format(number=spot.number, title=spot.title)
    page_note = f'<p class="booklet-page">{fmt(words.BOOKLET_PAGE, page=booklet_page)}</p>' if booklet_page else ""
    parts = [
        f'<h1><span class="kicker">{esc(spot_name(spot.number))}</span> {esc(spot.title)}</h1>',
        f'<p class="place">{esc(spot.place)}</p>{page_note}',
        f"<p>{text(spot.summary)}</p>",
        f'<h2>{esc(words.PATTERN_HEADING)}</h2><figure class="pattern">{img(pattern)}{_key()}</figure>',
        _glance(content, spot),
        _find(spot, locator, text),
        f"<h2>{esc(words.FEEL)}</h2><p>{text(spot.feel)}</p>",
        _treat(spot, text),
        _cautions(content, spot),
        _feature(content, spot, text),
        _related(content, spot),
        _neighbours(content, spot),
    ]
    return Page(spot_href(spot.number), title, "\n".join(p for p in parts if p))


def _key() -> str:
    """The figure's key again in page type: the key drawn in the figure is small on a phone."""
    items = "".join(f'<li class="key-{kind}">{esc(text)}</li>' for kind, text in words.PATTERN_KEY)
    return f'<figcaption><ul class="key">{items}</ul></figcaption>'


def _glance(content: Content, spot: Spot) -> str:
    muscles = [f"<strong>{esc(m.name)}</strong>" + (f" \u2013 {esc(m.detail)}" if m.detail else "")
               for m in spot.muscles]
    rows = [
        (words.MUSCLES, "<br>".join(muscles)),
        (words.PAIN, f'<span class="zone essential">{esc(words.ESSENTIAL_LABEL)}</span> '
                     f'{esc(labels(content, spot.pain.essential))}<br>'
                     f'<span class="zone spillover">{esc(words.SPILLOVER_LABEL)}</span> '
                     f'{esc(labels(content, spot.pain.spillover))}'),
    ]
    if spot.conditions:
        rows.append((words.CONDITIONS, ", ".join(esc(content.conditions[c].name) for c in spot.conditions)))
    cited = list(dict.fromkeys([m.reference.id for m in spot.muscles if m.reference] + list(spot.references)))
    if cited:
        rows.append((words.REFERENCES, "; ".join(
            f'<a href="references.html#ref-{esc(r)}">{esc(content.references[r].authors)} '
            f'{content.references[r].year}</a>' for r in cited)))
    body = "".join(f'<tr><th scope="row">{esc(label)}</th><td>{value}</td></tr>' for label, value in rows)
    return f'<table class="glance"><caption>{esc(words.AT_A_GLANCE)}</caption>{body}</table>'


def _find(spot: Spot, locator: Picture | None, text) -> str:
    figure = f'<figure class="locator">{img(locator)}</figure>' if locator else ""
    return (f'<h2>{esc(words.FINDING)}</h2><div class="find">{figure}<div>'
            f'<h3>{esc(words.LANDMARKS)}</h3>{bullets([text(x) for x in spot.locate.landmarks])}'
            f'<h3>{esc(words.STEPS)}</h3>{bullets([text(x) for x in spot.locate.steps], numbered=True)}</div></div>')


def _treat(spot: Spot, text) -> str:
    paras = "".join(f"<p><strong>{esc(label)}</strong> {text(getattr(spot.treat, key))}</p>"
                    for key, label in words.TREAT_PARTS)
    return f"<h2>{esc(words.TREATING)}</h2>{paras}"


def _cautions(content: Content, spot: Spot) -> str:
    """The spot's cautions, then each red-flag list it names (the guide's, as every output prints it)."""
    boxes = []
    if spot.cautions:
        heading = words.CAUTION if len(spot.cautions) == 1 else words.CAUTIONS
        boxes.append(f'<aside class="caution" aria-labelledby="cautions"><h2 id="cautions">{esc(heading)}</h2>'
                     f'{bullets([esc(c) for c in spot.cautions])}</aside>')
    for flags in content.red_flags(spot):
        boxes.append(f'<aside class="caution" aria-labelledby="flags-{esc(flags.id)}"><h2 id="flags-{esc(flags.id)}">'
                     f'{esc(flags.heading)}</h2><p>{esc(flags.intro)}</p>{bullets([esc(s) for s in flags.signs])}</aside>')
    return "".join(boxes)

def _feature(content: Content, spot: Spot, text) -> str:
    out = []
    numbers = {ref_id: i + 1 for i, ref_id in enumerate(content.references)}
    for section in spot.feature:
        out.append(f"<h2>{esc(section.heading)}</h2>")
        for paragraph in section.paragraphs:
            runs = [text(run) if isinstance(run, str) else _note(run, numbers) for run in paragraph]
            out.append(f"<p>{''.join(runs)}</p>")
    return "".join(out)


def _note(run: NoteRef, numbers: dict[str, int]) -> str:
    number = numbers[run.ref]
    return (f'<sup><a href="references.html#ref-{esc(run.ref)}" aria-label="{fmt(words.NOTE, number=number)}">'
            f'{number}</a></sup>')


def _related(content: Content, spot: Spot) -> str:
    if not spot.related:
        return ""
    items = [f'<a href="{spot_href(r.spot)}">{esc(spot_name(r.spot))}: {esc(content.spot(r.spot).title)}</a>. '
             f'{esc(r.why)}' for r in spot.related]
    return f"<h2>{esc(words.RELATED)}</h2>{bullets(items)}"


def _neighbours(content: Content, spot: Spot) -> str:
    numbers = [s.number for s in content.spots]
    i = numbers.index(spot.number)
    links = []
    if i > 0:
        links.append(f'<a rel="prev" href="{spot_href(numbers[i - 1])}">'
                     f'{fmt(words.PREVIOUS, name=spot_name(numbers[i - 1]))}</a>')
    if i + 1 < len(numbers):
        links.append(f'<a rel="next" href="{spot_href(numbers[i + 1])}">'
                     f'{fmt(words.NEXT, name=spot_name(numbers[i + 1]))}</a>')
    return f'<nav class="neighbours" aria-label="{esc(words.SPOTS_HEADING)}">{" ".join(links)}</nav>'
