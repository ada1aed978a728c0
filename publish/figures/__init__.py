"""Body-map figures for the booklet and the deck, drawn as ReportLab Drawings from content geometry.

Views and their frames: views.py (outline data in outlines/); the figures: referral.py,
locator.py, overview.py, legend.py; SVG export and media names: export.py.
"""
from .export import media_name, svg_bytes
from .legend import legend
from .locator import locator_figure
from .overview import overview_map
from .referral import referral_figure

__all__ = ["referral_figure", "locator_figure", "overview_map", "legend", "svg_bytes", "media_name"]
