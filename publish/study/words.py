"""Small wording helpers shared by the note builders."""
from __future__ import annotations

import re

from .. import wording
from ..model import Reference, Spot
from ..wording import join

TAG_ROOT = "PerfectSpots"


def muscle_names(spot: Spot) -> str:
    return join([m.name for m in spot.muscles])


def spot_line(spot: Spot) -> str:
    """'Spot 12: Low back pain from the buttock'."""
    return wording.spot_line(spot.number, spot.title)


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
