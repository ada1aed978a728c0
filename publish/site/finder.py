"""The home page's finders: body views whose pain regions can be tapped, the same regions as a list
of buttons (keyboard and screen readers), a condition finder, and one result block per choice.

Results are written here, escaped, into <template> elements; the script only shows the chosen one.
"""
from __future__ import annotations

from ..figures.views import VIEWS, outline
from ..model import Content, Spot
from . import words
from .art import Picture
from .markup import esc, fmt, spot_href, spot_name

MAP_ORDER = ("front", "back", "side", "head", "foot")


def _points(poly) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in poly)


def _area(poly) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1]))) / 2


def body_map(content: Content, view: str) -> str:
    """One view as inline SVG: the silhouette, then every region drawn on it, smallest on top."""
    info = VIEWS[view]
    shapes = [(_area(list(poly)), rid, poly) for rid, region in content.regions.items()
              for poly in region.shapes.get(view, ())]
    shapes.sort(key=lambda s: (-s[0], s[1]))
    body = "".join(f'<polygon class="body" points="{_points(p)}"/>' for p in outline(view).body)
    targets = "".join(f'<polygon class="target" data-region="{esc(rid)}" points="{_points(p)}">'
                      f'<title>{esc(content.regions[rid].label)}</title></polygon>' for _, rid, p in shapes)
    box = f"0 0 {info.width:.0f} {info.height:.0f}"
    return (f'<figure class="view view-{view}"><svg viewBox="{box}" focusable="false">{body}{targets}</svg>'
            f'<figcaption>{esc(info.title)}</figcaption></figure>')


def finder(content: Content, patterns: dict[int, Picture]) -> str:
    """The finder section of the home page."""
    views = [v for v in MAP_ORDER if any(v in r.shapes for r in content.regions.values())]
    maps = "".join(body_map(content, v) for v in views)
    groups: dict[str, list[str]] = {}
    for rid, region in content.regions.items():
        groups.setdefault(region.group, []).append(
            f'<li><button type="button" data-region="{esc(rid)}" aria-pressed="false">{esc(region.label)}</button></li>')
    regions = "".join(f'<h4>{esc(group)}</h4><ul class="choices">{"".join(items)}</ul>'
                      for group, items in groups.items())
    linked = [c for c in content.conditions if content.spots_for_condition(c)]
    conditions = "".join(
        f'<li><button type="button" data-condition="{esc(c)}" aria-pressed="false">'
        f'{esc(content.conditions[c].name)}</button></li>' for c in linked)
    templates = "".join(_region_result(content, rid, patterns) for rid in content.regions)
    templates += "".join(_condition_result(content, c, patterns) for c in linked)
    return (
        f'<section class="finder" aria-labelledby="finder-heading">'
        f'<h2 id="finder-heading">{esc(words.FINDER_HEADING)}</h2><p>{esc(words.FINDER_INTRO)}</p>'
        f'<div class="finder-grid"><div class="maps" aria-hidden="true">{maps}</div>'
        f'<div id="finder-result" class="result" aria-live="polite"><p>{esc(words.RESULT_NONE)}</p></div>'
        f'<div class="lists"><h3>{esc(words.REGION_LIST_HEADING)}</h3>{regions}'
        f'<h3>{esc(words.CONDITION_HEADING)}</h3><p>{esc(words.CONDITION_INTRO)}</p>'
        f'<ul class="choices">{conditions}</ul></div></div>{templates}</section>')


def hit(spot: Spot, picture: Picture, kind: str | None) -> str:
    """A spot in a result list: its pattern drawing, zone kind in words, and a link."""
    label = f'<span class="zone-kind">{esc(words.ESSENTIAL if kind == "essential" else words.SPILLOVER)}</span> ' \
        if kind else ""
    css = f"hit {kind}" if kind else "hit"
    return (f'<li class="{css}"><a href="{spot_href(spot.number)}">'
            f'<img src="{picture.path}" alt="" width="{round(picture.width)}" height="{round(picture.height)}">'
            f'<span>{label}<strong>{esc(spot_name(spot.number))}</strong>: {esc(spot.title)}</span></a></li>')


def _region_result(content: Content, rid: str, patterns: dict[int, Picture]) -> str:
    found = content.spots_for_region(rid)
    ordered = [x for x in found if x[1] == "essential"] + [x for x in found if x[1] == "spillover"]
    items = "".join(hit(s, patterns[s.number], kind) for s, kind in ordered)
    body = f'<ul class="hits">{items}</ul>' if items else f"<p>{esc(words.NO_SPOTS)}</p>"
    return (f'<template id="region-{esc(rid)}"><h3>{fmt(words.RESULT_REGION, label=content.regions[rid].label)}'
            f'</h3>{body}</template>')


def _condition_result(content: Content, cid: str, patterns: dict[int, Picture]) -> str:
    condition = content.conditions[cid]
    items = "".join(hit(s, patterns[s.number], None) for s in content.spots_for_condition(cid))
    return (f'<template id="condition-{esc(cid)}"><h3>{fmt(words.RESULT_CONDITION, name=condition.name)}</h3>'
            f'<p>{esc(condition.summary)}</p><ul class="hits">{items}</ul></template>')
