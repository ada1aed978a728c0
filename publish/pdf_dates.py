"""Reproducible PDF dates: ReportLab's creation and modification date set to a build's epoch."""
from __future__ import annotations

import hashlib
import time

from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas


def fix_date(canvas: Canvas, epoch: int) -> None:
    """Date the document `canvas` writes at `epoch` (seconds, UTC) instead of now, and derive its file
    ID from `epoch` too (ReportLab seeds it from SOURCE_DATE_EPOCH if set, so the same build date
    reached from git or from the book's date would otherwise give another ID)."""
    stamp = TimeStamp(invariant=1)
    stamp.t = epoch
    stamp.lt = time.gmtime(epoch)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    canvas._doc._timeStamp = stamp
    canvas._doc.signature = hashlib.md5(f"a reportlab document {epoch}".encode(), usedforsecurity=False)
