"""Drawings to deterministic SVG bytes with outlined text, content-addressed media file names for the
deck, and the smallest text size in a drawing (so a renderer can refuse to shrink labels below legibility)."""
from __future__ import annotations

import hashlib
import re

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing, String

from ..model.schema import Spot
from .outline_text import outline_text


def svg_bytes(drawing: Drawing) -> bytes:
    """The drawing as UTF-8 SVG, its text outlined in the booklet's font (no viewer has to find a font);
    the same drawing always gives the same bytes."""
    return outline_text(renderSVG.drawToString(drawing)).encode("utf-8")


def smallest_text(drawing: Drawing) -> float:
    """The smallest font size of any text in the drawing (infinity if it has none), before scaling:
    a renderer that shrinks the drawing by s prints it at s times this."""
    sizes = [node.fontSize for node in _walk(drawing) if isinstance(node, String)]
    return min(sizes, default=float("inf"))


def _walk(node):
    yield node
    for child in getattr(node, "contents", ()):
        yield from _walk(child)


def media_name(kind: str, spot: Spot | int | None, svg: bytes) -> str:
    """'spot-12-pattern-<sha1[:12]>.svg' for a spot's figure, '<kind>-<sha1[:12]>.svg' otherwise."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", kind):
        raise ValueError(f"media kind must be lowercase letters, digits and '-', not {kind!r}")
    digest = hashlib.sha1(svg).hexdigest()[:12]
    if spot is None:
        return f"{kind}-{digest}.svg"
    number = spot if isinstance(spot, int) else spot.number
    return f"spot-{number:02d}-{kind}-{digest}.svg"
