"""The booklet's own drawings as SVG files for the site, each with a text alternative from content."""
from __future__ import annotations

from dataclasses import dataclass

from ..figures import FigureKey, FigureStore, media_name, svg_bytes
from ..model import Content, Spot
from . import words
from .markup import esc, spot_name


@dataclass(frozen=True)
class Picture:
    """An SVG file of the site and what it shows, in words."""

    path: str        # relative to the site root, e.g. figures/spot-12-pattern-<hash>.svg
    svg: bytes
    alt: str
    width: float
    height: float


def _picture(kind: str, spot: Spot | None, drawing, alt: str) -> Picture:
    svg = svg_bytes(drawing)
    return Picture("figures/" + media_name(kind, spot, svg), svg, alt, drawing.width, drawing.height)


def figure_keys(content: Content) -> list[FigureKey]:
    """Every figure the site shows."""
    return [FigureKey.of("overview"), *(FigureKey.of("referral", s.number, key=False) for s in content.spots),
            *(FigureKey.of("locator", s.number) for s in content.spots if s.locator is not None)]


def labels(content: Content, ids: tuple[str, ...]) -> str:
    return ", ".join(content.regions[r].label for r in ids) or words.NONE_RECORDED


def pattern(content: Content, spot: Spot, store: FigureStore) -> Picture:
    mark = words.PATTERN_MARK.format(place=spot.place) if spot.marker else ""
    alt = words.PATTERN_ALT.format(number=spot.number, essential=labels(content, spot.pain.essential),
                                   spillover=labels(content, spot.pain.spillover), mark=mark).strip()
    # without the drawn key: the page prints it as text beside the figure, legible on a phone
    return _picture("pattern", spot, store.get(FigureKey.of("referral", spot.number, key=False)), alt)


def locator(content: Content, spot: Spot, store: FigureStore) -> Picture | None:
    if spot.locator is None:
        return None
    marks = ", ".join(lm.label for lm in spot.locator.landmarks) or words.NONE_RECORDED
    alt = words.LOCATOR_ALT.format(number=spot.number, place=spot.place, landmarks=marks)
    return _picture("locator", spot, store.get(FigureKey.of("locator", spot.number)), alt)


def overview(content: Content, store: FigureStore) -> Picture:
    spots = "; ".join(f"{spot_name(s.number)}, {s.place}" for s in content.spots if s.marker)
    return _picture("overview", None, store.get(FigureKey.of("overview")), words.OVERVIEW_ALT.format(spots=spots))


def img(picture: Picture, css_class: str = "figure") -> str:
    """An <img> for the picture, sized by its aspect ratio so the page does not jump while loading."""
    return (f'<img class="{css_class}" src="{picture.path}" alt="{esc(picture.alt)}" '
            f'width="{round(picture.width)}" height="{round(picture.height)}">')
