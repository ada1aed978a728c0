"""ReportLab's private attributes that publish/rl_internals.py relies on: an upgrade that renames or
drops one fails here, by name, rather than as a wrong date, a lost bookmark or a missing page."""
import io

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from publish import rl_internals


def test_fix_date_sets_the_dates_and_id_written_to_the_pdf():
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    rl_internals.fix_date(canvas, 1_700_000_000)
    canvas.drawString(10, 10, "x")
    canvas.save()
    pdf = out.getvalue()
    assert b"D:20231114221320" in pdf      # 1_700_000_000 is 2023-11-14 22:13:20 UTC
    assert b"D:2000" not in pdf


def test_freeze_bounds_keeps_the_first_measurement():
    drawing = Drawing(100, 100, Rect(10, 20, 30, 40))
    rl_internals.freeze_bounds(drawing)
    drawing.contents[0].x = 50
    assert drawing.getBounds() == (10, 20, 40, 60)


def test_dry_canvas_flag_round_trips():
    canvas = Canvas(io.BytesIO())
    assert not rl_internals.is_dry(canvas)
    rl_internals.set_dry(canvas, True)
    assert rl_internals.is_dry(canvas)


def test_skip_save_writes_nothing():
    out = io.BytesIO()
    doc = SimpleDocTemplate(out)
    rl_internals.skip_save(doc)
    doc.build([Paragraph("text", getSampleStyleSheet()["Normal"])])
    assert out.getvalue() == b""


def test_text_cursor_reads_where_a_paragraph_callback_fires():
    canvas = Canvas(io.BytesIO())
    seen = []
    canvas.setNamedCB("probe", lambda canv, kind, label: seen.append(rl_internals.text_cursor(canv)))
    style = getSampleStyleSheet()["Normal"]
    paragraph = Paragraph('<onDraw name="probe" label="here"/>text', style)
    paragraph.wrapOn(canvas, 200, 100)
    paragraph.drawOn(canvas, 72, 500)
    assert len(seen) == 1
    x, y, leading = seen[0]
    assert x == 0 and 0 < y <= style.leading and leading == style.leading   # in the paragraph's own frame


def test_absolute_rect_places_a_relative_rectangle_in_page_space():
    canvas = Canvas(io.BytesIO())
    canvas.translate(30, 40)
    assert rl_internals.absolute_rect(canvas, (1, 2, 11, 12), relative=True) == [31, 42, 41, 52]
    assert rl_internals.absolute_rect(canvas, (1, 2, 11, 12), relative=False) == [1, 2, 11, 12]


def test_block_names_travel_with_the_flowable():
    paragraph = Paragraph("x", getSampleStyleSheet()["Normal"])
    assert rl_internals.block_name(paragraph) == "a table or box"
    rl_internals.name_block(paragraph, "its at-a-glance box")
    assert rl_internals.block_name(paragraph) == "its at-a-glance box"
    assert rl_internals.block_name(None) == "a table or box"
