"""Every use of ReportLab's private attributes, in one place.

ReportLab has no public API for these needs. Each helper says why it reaches inside, and
tests/test_rl_internals.py fails loudly if an upgrade renames or drops what it relies on.
"""
from __future__ import annotations

import hashlib
import time

from reportlab.graphics.shapes import Drawing
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable


def fix_date(canvas: Canvas, epoch: int) -> None:
    """Date the document `canvas` writes at `epoch` (seconds, UTC) instead of now, and derive its file
    ID from `epoch` too (ReportLab seeds it from SOURCE_DATE_EPOCH if set, so the same build date
    reached from git or from the book's date would otherwise give another ID).
    Why private: the canvas's PDFDocument (`_doc`) takes its dates from `_timeStamp` and its ID from
    `signature`; `invariant=1` alone fixes them to 2000-01-01, not to the build's date."""
    stamp = TimeStamp(invariant=1)
    stamp.t = epoch
    stamp.lt = time.gmtime(epoch)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    canvas._doc._timeStamp = stamp
    canvas._doc.signature = hashlib.md5(f"a reportlab document {epoch}".encode(), usedforsecurity=False)


def freeze_bounds(drawing: Drawing) -> None:
    """Measure a finished drawing once: every renderer asks for its bounds, often repeatedly, and
    getBounds walks every shape. Why private: Drawing's __setattr__ checks attribute names, so the
    memo is set past it with object.__setattr__. The drawing must not change afterwards."""
    bounds = drawing.getBounds()
    object.__setattr__(drawing, "getBounds", lambda: bounds)


def set_dry(canvas: Canvas, dry: bool) -> None:
    """Mark a canvas as a dry layout pass, which only finds page numbers: figures skip drawing.
    Why an attribute: flowables see only the canvas, and a Canvas has no slot for user state."""
    canvas.dry = dry  # type: ignore[attr-defined]


def is_dry(canvas: Canvas) -> bool:
    return getattr(canvas, "dry", False)


def skip_save(doc: BaseDocTemplate) -> None:
    """Lay out without writing the PDF. Why private: BaseDocTemplate.build saves unless `_doSave` is false."""
    doc._doSave = False


def text_cursor(canvas: Canvas) -> tuple[float, float, float]:
    """(x, y, leading) of the text being drawn, for a bookmark at the top of the current line.
    Why private: the canvas records the position of the last text object only in `_curr_tx_info`."""
    where = canvas._curr_tx_info
    return where["cur_x"], where["cur_y"], where["leading"]


def absolute_rect(canvas: Canvas, rect: tuple[float, float, float, float], relative: bool) -> list[float]:
    """`rect` in page space, as the canvas would place a link annotation there. Why private: the canvas
    converts link rectangles with `_absRect`, which has no public twin."""
    return list(canvas._absRect(rect, relative))


def name_block(flowable: Flowable, name: str) -> None:
    """Tag a table or box with a name for layout errors ('its at-a-glance box is too tall'). Why an
    attribute: LayoutError carries no reference to what failed; the document keeps the flowable it is
    handling, and this name travels with it."""
    flowable.block_name = name  # type: ignore[attr-defined]


def block_name(flowable: Flowable | None) -> str:
    return getattr(flowable, "block_name", "a table or box")
