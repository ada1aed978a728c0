"""Filling a card's room with flowables, and what does not fit carried to the next card."""
from __future__ import annotations

from reportlab.platypus import Flowable

from ..errors import BuildError

TALL = 10_000.0


def height(flowables: list[Flowable], width: float) -> float:
    return sum(f.wrap(width, TALL)[1] + (f.getSpaceBefore() if i else 0) for i, f in enumerate(flowables))


def fit(flowables: list[Flowable], width: float, room: float, where: str) -> tuple[list[Flowable], list[Flowable]]:
    """The flowables that fit in `room` points of height (a paragraph broken between its lines if need
    be), and the rest. Raises if not even the first line fits an empty room."""
    fitted: list[Flowable] = []
    used = 0.0
    for i, f in enumerate(flowables):
        space = f.getSpaceBefore() if fitted else 0.0
        tall = f.wrap(width, TALL)[1]
        if used + space + tall <= room:
            fitted.append(f)
            used += space + tall
            continue
        parts = f.split(width, room - used - space)
        if len(parts) > 1:
            parts[0].wrap(width, TALL)
            return fitted + [parts[0]], list(parts[1:]) + flowables[i + 1:]
        if not fitted:
            raise BuildError(f"{where}: a line is taller than the whole card; shorten it")
        return fitted, flowables[i:]
    return fitted, []


def stack(flowables: list[Flowable], x: float, top: float, width: float) -> tuple[list[tuple[Flowable, float, float]], float]:
    """Each flowable's place one under another from `top`, and the bottom of the last."""
    placed = []
    for i, f in enumerate(flowables):
        _, tall = f.wrap(width, TALL)
        top -= tall + (f.getSpaceBefore() if i else 0)
        placed.append((f, x, top))
    return placed, top
