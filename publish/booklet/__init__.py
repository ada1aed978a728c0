"""The printable booklet (ReportLab): A5 and US half-letter reader PDFs from the content model.

styles.py and text.py set type and escape content; pages.py holds trims and page templates;
sections/ builds each part; document.py lays it out until page references settle.
"""
from .document import BookletResult, build_booklets

__all__ = ["BookletResult", "build_booklets"]
