"""The printable booklet (ReportLab): A5 and US half-letter reader PDFs from the content model.

styles.py and text.py set type and escape content; pages.py holds margins and page templates (trim sizes: editions.py);
sections/ builds each part; document.py lays it out until page references settle.
"""
from .document import BookletResult, TrimResult, build_booklets, prepare, same_pagination, settle, write_trim

__all__ = ["BookletResult", "TrimResult", "build_booklets", "prepare", "same_pagination", "settle", "write_trim"]
