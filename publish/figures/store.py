"""Each figure drawn once per build: while `drawn_once()` is active, asking again for the same
figure of the same content returns the Drawing already made, so the booklet and the deck share it.

Drawings are treated as read-only once made (renderers wrap or translate copies, never edit them),
so a shared drawing also measures its bounds once: every renderer asks for them, often repeatedly.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from reportlab.graphics.shapes import Drawing

F = TypeVar("F", bound=Callable[..., Drawing])

_drawn: dict[tuple, tuple[tuple, Drawing]] | None = None


@contextmanager
def drawn_once() -> Iterator[None]:
    """Share figures within this block (nested blocks share the outer block's figures)."""
    global _drawn
    outer = _drawn
    _drawn = {} if outer is None else outer
    try:
        yield
    finally:
        _drawn = outer


def once(draw: F) -> F:
    """`draw`, remembered per (content, spot, options) while drawn_once() is active."""
    @functools.wraps(draw)
    def remembered(*args, **options):
        if _drawn is None:
            return draw(*args, **options)
        key = (draw.__name__, tuple(map(id, args)), tuple(sorted(options.items())))
        if key not in _drawn:
            drawing = draw(*args, **options)
            _measure_once(drawing)
            _drawn[key] = (args, drawing)   # args kept alive: their ids stay theirs
        return _drawn[key][1]
    return remembered


def _measure_once(drawing: Drawing) -> None:
    bounds = drawing.getBounds()
    object.__setattr__(drawing, "getBounds", lambda: bounds)   # past ReportLab's attribute checks
