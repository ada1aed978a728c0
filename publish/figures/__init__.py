"""Body-map figures for the booklet and the deck, drawn as ReportLab Drawings from content geometry.

Views and their frames: views.py (outline data in outlines/); the figures: referral.py,
locator.py, overview.py, legend.py; SVG export and media names: export.py; sharing each
drawing between renderers within a build: once.py.
"""
from . import legend as _legend, locator as _locator, overview as _overview, referral as _referral
from .export import media_name, smallest_text, svg_bytes
from .once import drawn_once, once

referral_figure = once(_referral.referral_figure)
locator_figure = once(_locator.locator_figure)
overview_map = once(_overview.overview_map)
answer_map = once(_overview.answer_map)
legend = once(_legend.legend)

__all__ = ["referral_figure", "locator_figure", "overview_map", "answer_map", "legend", "svg_bytes", "media_name", "smallest_text", "drawn_once"]
