"""The search index, built at publish time: one entry per spot, muscle, condition, pain area and
glossary term, written as a script (a file:// page cannot fetch JSON) that search.js reads."""
from __future__ import annotations

import json

from ..model import Content
from . import words
from .markup import slug, spot_href, spot_name


def entries(content: Content) -> list[dict]:
    """[{kind, title, url, text, where}]: text holds the words a search matches besides the title,
    where says which spot (or spots) the entry leads to."""
    kinds = dict(words.SEARCH_KINDS)
    out = []
    for s in content.spots:
        muscles = " ".join(m.name for m in s.muscles)
        out.append({"kind": kinds["spot"], "title": f"{spot_name(s.number)}: {s.title}", "url": spot_href(s.number),
                    "text": f"{s.place} {muscles} " + " ".join(content.conditions[c].name for c in s.conditions),
                    "where": s.place})
        for m in s.muscles:
            out.append({"kind": kinds["muscle"], "title": m.name, "url": spot_href(s.number),
                        "text": m.detail or "", "where": f"{spot_name(s.number)}: {s.title}"})
    for cid, c in content.conditions.items():
        spots = content.spots_for_condition(cid)
        if spots:
            out.append({"kind": kinds["condition"], "title": c.name, "url": spot_href(spots[0].number),
                        "text": " ".join((*c.also, c.summary)),
                        "where": ", ".join(spot_name(s.number) for s in spots)})
    for rid, r in content.regions.items():
        found = content.spots_for_region(rid)
        if found:
            out.append({"kind": kinds["region"], "title": r.label, "url": f"index.html#region={rid}",
                        "text": "", "where": ", ".join(spot_name(s.number) for s, _ in found)})
    for t in content.glossary:
        out.append({"kind": kinds["term"], "title": t.term, "url": f"glossary.html#term-{slug(t.term)}",
                    "text": t.definition, "where": ""})
    return out


def index_script(content: Content) -> bytes:
    """`window.PERFECT_SPOTS_INDEX = [...]`, ASCII-only JSON so no content can end the script."""
    data = json.dumps(entries(content), ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    data = data.replace("<", "\\u003c")
    return f"window.PERFECT_SPOTS_INDEX = {data};\n".encode("ascii")
