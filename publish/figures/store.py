"""One build's drawings, each made once and shared by every renderer.

Renderers and the study notes name a figure by a `FigureKey` (kind, spot, options); the build's
`FigureStore` draws it on first request and hands out the same Drawing after that. The build asks
the store for everything its outputs need before it forks, so the forked renderers only read.
Drawings are read-only once made: renderers wrap or translate copies, never edit them.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.shapes import Drawing

from ..model import Content
from ..rl_internals import freeze_bounds
from . import style
from .legend import legend
from .locator import locator_figure
from .overview import answer_map, overview_map
from .referral import referral_figure

FITTED_KINDS = ("referral", "overview", "answer_map")     # kinds that can be laid out within a box (fit=...)
CARD_KINDS = FITTED_KINDS + ("locator",)                  # ... and those a paper card asks for at its room's size
SPARE = {"referral": "key", "locator": "landmarks"}       # the option that leaves out a kind's lesser text


@dataclass(frozen=True)
class FigureKey:
    """Names one drawing: `kind` is 'referral', 'locator', 'overview', 'answer_map' or 'legend'; `spot` the spot
    it shows (None for whole-body maps and the legend); `options` the drawing function's keywords."""

    kind: str
    spot: int | None = None
    options: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, kind: str, spot: int | None = None, **options: object) -> FigureKey:
        return cls(kind, spot, tuple(sorted(options.items())))

    def fitted(self, width: float, height: float) -> FigureKey:
        """This figure laid out within width x height points at its full text size (views stacked if
        that draws them larger), for kinds that can be; other kinds are already small enough."""
        return self._within(width, height, FITTED_KINDS)

    def for_card(self, width: float, height: float, spare: bool = False) -> FigureKey:
        """This figure laid out for the room a paper card leaves it, like `fitted`, a close-up too (the
        deck and the booklet keep its own size); spare=True leaves out its lesser text where it has
        any: a chart's key row, a close-up's landmarks (the card's answer names what they would)."""
        options = dict(self.options)
        if spare and self.kind in SPARE:
            options[SPARE[self.kind]] = False
        return FigureKey.of(self.kind, self.spot, **options)._within(width, height, CARD_KINDS)

    def _within(self, width: float, height: float, kinds: tuple[str, ...]) -> FigureKey:
        if self.kind not in kinds:
            return self
        return FigureKey.of(self.kind, self.spot, **dict(self.options, fit=(width, height)))

    def for_screen(self) -> FigureKey:
        """This figure as the deck shows it on a phone (see style.SCREEN)."""
        return self.fitted(*style.SCREEN)


class FigureStore:
    """The drawings of one build, keyed by FigureKey; `drawn` counts the drawings made."""

    def __init__(self, content: Content):
        self.content = content
        self.drawn = 0
        self._drawings: dict[FigureKey, Drawing] = {}

    def get(self, key: FigureKey) -> Drawing:
        drawing = self._drawings.get(key)
        if drawing is None:
            drawing = self._drawings[key] = self._draw(key)
        return drawing

    def draw_all(self, keys: Iterable[FigureKey]) -> None:
        """Draw now every figure named by `keys` (before forking, so that children share them)."""
        for key in keys:
            self.get(key)

    def _draw(self, key: FigureKey) -> Drawing:
        options: dict[str, Any] = dict(key.options)
        if key.kind == "legend":
            drawing = legend(self.content.labels, **options)
        elif key.kind == "overview":
            drawing = overview_map(self.content, **options)
        elif key.kind == "answer_map":
            drawing = answer_map(self.content, **options)
        elif key.kind == "referral":
            drawing = referral_figure(self.content, self._spot(key), **options)
        elif key.kind == "locator":
            drawing = locator_figure(self.content, self._spot(key), **options)
        else:
            raise ValueError(f"unknown figure kind '{key.kind}'")
        self.drawn += 1
        freeze_bounds(drawing)
        return drawing

    def _spot(self, key: FigureKey):
        if key.spot is None:
            raise ValueError(f"figure kind '{key.kind}' needs a spot")
        return self.content.spot(key.spot)
