"""An equivalent Typst document for the comparison: the same text and fonts, the booklet's structure.

A5 pages, Noto Serif text and Noto Sans headings from fonts/; a contents page; per spot a
chapter with its summary, an at-a-glance table, landmarks and steps, what it feels like,
treatment, cautions, long-form feature and related spots; then the glossary and references.
The text goes in as JSON data, so nothing needs escaping in Typst markup.
"""
from __future__ import annotations

import json
from pathlib import Path

from publish.model import Content, NoteRef

MAIN = r"""
#let data = json("data.json")
#set document(title: data.title)
#set page(paper: "a5", margin: (inside: 18mm, outside: 13mm, y: 16mm),
          header: context { if counter(page).get().first() > 1 [
            #set text(font: "Noto Sans", size: 7.5pt, fill: luma(90)); #data.title #h(1fr) #counter(page).display() ] })
#set text(font: "Noto Serif", size: 9.5pt, lang: "en", hyphenate: true)
#set par(justify: true, leading: 0.55em, spacing: 0.65em)
#show heading: set text(font: "Noto Sans", fill: rgb(23, 82, 107))
#show heading.where(level: 1): it => { pagebreak(weak: true); set text(size: 17pt); it }
#show heading.where(level: 2): set text(size: 10.5pt)
#let cell(body) = text(font: "Noto Sans", size: 7.6pt, body)

#align(center)[#v(30mm) #text(font: "Noto Sans", size: 34pt, weight: "bold")[#data.title] \ #text(style: "italic", size: 12pt)[#data.subtitle]]
#pagebreak()
#outline(title: [Contents], depth: 1)

#for s in data.spots [
  = Spot #s.number: #s.title
  #text(font: "Noto Sans", style: "italic", size: 9pt, fill: luma(90))[#s.place]

  #par(justify: false)[#text(size: 10.2pt)[#s.summary]]

  #table(columns: (28%, 1fr), stroke: 0.4pt + luma(190), fill: (x, y) => if x == 0 { rgb(237, 242, 245) },
    cell[*Muscles*], cell[#s.muscles.map(m => [*#m.name*#if m.detail != none [: #m.detail]]).join([ \ ])],
    cell[*Pain felt in*], cell[#s.essential.join(", ")],
    cell[*Spill-over*], cell[#s.spillover.join(", ")],
    cell[*Conditions*], cell[#s.conditions.join(", ")],
  )

  == Finding it
  === Landmarks
  #list(..s.landmarks.map(x => [#x]))
  === Step by step
  #enum(..s.steps.map(x => [#x]))

  == What it feels like
  #s.feel

  == Treating it
  *Pressure.* #s.treat.pressure

  *How long.* #s.treat.duration

  *Self-massage.* #s.treat.self_massage

  *Avoid.* #s.treat.avoid

  #if s.cautions.len() > 0 {
    block(fill: rgb(237, 242, 245), inset: 6pt, width: 100%, cell[*CAUTIONS* \ #s.cautions.join([ \ ])])
  }
  #for f in s.feature [
    == #f.heading
    #for p in f.paragraphs [#p

    ]
  ]
  #if s.related.len() > 0 [
    == Related spots
    #for r in s.related [*#r.title* (Spot #r.number). #r.why

    ]
  ]
]

= Glossary
#for t in data.glossary [*#t.term* #t.definition

]
= References
#enum(..data.references.map(r => [#r]))
"""


def _paragraph(runs) -> str:
    return "".join(run if isinstance(run, str) else f"[{run.ref}]" for run in runs if isinstance(run, (str, NoteRef)))


def write_document(content: Content, folder: Path) -> Path:
    """Write folder/main.typ and folder/data.json for `content`; returns the main file."""
    folder.mkdir(parents=True, exist_ok=True)
    label = {rid: region.label for rid, region in content.regions.items()}
    spots = [{
        "number": s.number, "title": s.title, "place": s.place, "summary": s.summary,
        "muscles": [{"name": m.name, "detail": m.detail} for m in s.muscles],
        "essential": [label[r] for r in s.pain.essential], "spillover": [label[r] for r in s.pain.spillover],
        "conditions": [content.conditions[c].name for c in s.conditions],
        "landmarks": list(s.locate.landmarks), "steps": list(s.locate.steps), "feel": s.feel,
        "treat": {"pressure": s.treat.pressure, "duration": s.treat.duration,
                  "self_massage": s.treat.self_massage, "avoid": s.treat.avoid},
        "cautions": list(s.cautions),
        "feature": [{"heading": f.heading, "paragraphs": [_paragraph(p) for p in f.paragraphs]} for f in s.feature],
        "related": [{"number": r.spot, "title": content.spot(r.spot).title, "why": r.why} for r in s.related],
    } for s in content.spots]
    data = {
        "title": content.book.title, "subtitle": content.book.subtitle, "spots": spots,
        "glossary": [{"term": t.term, "definition": t.definition} for t in content.glossary],
        "references": [f"{r.authors} ({r.year}). {r.title}." + (f" {r.container}." if r.container else "")
                       for r in content.references.values()],
    }
    (folder / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    main = folder / "main.typ"
    main.write_text(MAIN, encoding="utf-8")
    return main
