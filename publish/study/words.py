"""Small wording helpers shared by the note builders."""
from __future__ import annotations

import re

from ..model import Content, Reference, Spot

TAG_ROOT = "PerfectSpots"


def muscle_names(content: Content, spot: Spot) -> str:
    """The spot's own muscles: 'vastus lateralis'; several of one group are named by it first:
    'the suboccipital muscles (rectus capitis posterior major, ... and obliquus capitis superior)'."""
    own = spot.own_muscles
    names = content.labels.join([m.name for m in own])
    groups = {m.group for m in own}
    if len(own) > 1 and len(groups) == 1 and None not in groups:
        return content.labels.text("cards.muscle_group", group=groups.pop(), names=names)
    return names


def spot_line(content: Content, spot: Spot) -> str:
    """'Spot 12: Low back pain from the buttock'."""
    return content.labels.text("common.spot_line", number=spot.number, title=spot.title)


def tag(kind: str, name: str | int) -> str:
    """tag('Muscle', 'gluteus maximus') -> 'PerfectSpots::Muscle::gluteus_maximus'."""
    slug = re.sub(r"[^a-z0-9]+", "_", str(name).lower()).strip("_")
    return f"{TAG_ROOT}::{kind}::{slug}"


def citation(ref: Reference) -> str:
    """'Chen et al. (2006). MRI diagnosis of ... . American Journal of Roentgenology. PubMed 16861506.'"""
    parts = [f"{ref.authors} ({ref.year}). {ref.title.rstrip('.')}."]
    if ref.container:
        parts.append(f"{ref.container.rstrip('.')}.")
    if ref.pmid:
        parts.append(f"PubMed {ref.pmid}.")
    return " ".join(parts)
