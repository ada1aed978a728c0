"""Figures as SVG media files named by their content, so a changed drawing is a new file. The deck
takes each figure in its screen layout, where its text stays legible at a phone's width."""
from __future__ import annotations

from ..figures import FigureStore, media_name, svg_bytes
from ..study.cards import Figure


class Media:
    """The media files of one deck: name -> SVG bytes."""

    def __init__(self, store: FigureStore) -> None:
        self.store = store
        self.files: dict[str, bytes] = {}
        self._names: dict[Figure, str] = {}

    def add(self, figure: Figure) -> str:
        """Store the figure's SVG (once per figure) and return the file name the card refers to."""
        if figure not in self._names:
            svg = svg_bytes(self.store.get(figure.key.for_screen()))
            self._names[figure] = media_name(figure.kind, figure.spot, svg)
            self.files[self._names[figure]] = svg
        return self._names[figure]
