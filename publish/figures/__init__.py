"""Body-map figures for the booklet and the deck, drawn as ReportLab Drawings from content geometry.

Views and their frames: views.py (outline data in outlines/); the figures: referral.py,
locator.py, overview.py, legend.py; SVG export and media names: export.py; whether a figure's text
has room (paper cards ask before printing one laid out small): legibility.py; one build's
drawings, each made once and named by a key: store.py.
"""
from .export import media_name, smallest_text, svg_bytes
from .legibility import crowded
from .store import FigureKey, FigureStore

__all__ = ["FigureKey", "FigureStore", "media_name", "smallest_text", "svg_bytes", "crowded"]
