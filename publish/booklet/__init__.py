"""The printable booklet (ReportLab): A5 and US half-letter reader PDFs from the content model.

styles.py and text.py set type and escape content; pages.py holds margins, page templates and what each
trim draws around a page (trim sizes: editions.py); sections/ builds each part; document.py lays the
booklet out once until page references settle; placement.py places the laid-out pages on each trim.
"""
from .document import BookletResult, Start, TrimResult, build_booklets, lay_out, prepare, settle, write_trim

__all__ = ["BookletResult", "Start", "TrimResult", "build_booklets", "lay_out", "prepare", "settle", "write_trim"]
