"""Print editions: saddle-stitch sheets read back from the printed page numbers, bleed boxes, preflight."""
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen import canvas

from publish import fonts
from publish.editions import A4, LETTER
from publish.printing.bleed import add_bleed
from publish.printing.imposition import impose
from publish.printing.preflight import preflight

MM = 72 / 25.4
A5 = (148 * MM, 210 * MM)
HALF_LETTER = (5.5 * 72, 8.5 * 72)


def numbered_pdf(path: Path, n: int, size=A5) -> Path:
    """A reader PDF whose page k prints 'PAGE k' in its middle."""
    fonts.register()
    c = canvas.Canvas(str(path), pagesize=size, invariant=1, initialFontName="Sans")
    for k in range(1, n + 1):
        c.setFont("Sans", 20)
        c.drawCentredString(size[0] / 2, size[1] / 2, f"PAGE {k}")
        c.showPage()
    c.save()
    return path


def printed_pages(path: Path) -> list[dict[str, int | None]]:
    """For each sheet side, which page number is printed on its left and right half."""
    sides = []
    doc = pdfium.PdfDocument(str(path))
    for page in doc:
        width = page.get_width()
        text = page.get_textpage()
        found = {"left": None, "right": None}
        for rect_index in range(text.count_rects()):
            left, bottom, right, top = text.get_rect(rect_index)
            words = text.get_text_bounded(left, bottom, right, top).split()
            if len(words) == 2 and words[0] == "PAGE":
                found["left" if (left + right) / 2 < width / 2 else "right"] = int(words[1])
        sides.append(found)
    doc.close()
    return sides


@pytest.mark.parametrize("n", [4, 8, 44])
def test_every_sheet_holds_the_right_pages_on_the_right_sides(tmp_path, n):
    sheets = tmp_path / "sheets.pdf"
    impose(numbered_pdf(tmp_path / "reader.pdf", n), sheets, A4)
    sides = printed_pages(sheets)
    assert len(sides) == n // 2
    for s in range(n // 4):
        front, back = sides[2 * s], sides[2 * s + 1]
        assert (front["left"], front["right"]) == (n - 2 * s, 2 * s + 1)
        assert (back["left"], back["right"]) == (2 * s + 2, n - 1 - 2 * s)
        # folded, facing pages of one sheet always add up to n + 1
        assert front["left"] + front["right"] == back["left"] + back["right"] == n + 1
    assert sorted(p for side in sides for p in side.values()) == list(range(1, n + 1))


def test_a_count_that_needs_padding_gets_blanks_before_the_back_cover(tmp_path):
    sheets = tmp_path / "sheets.pdf"
    impose(numbered_pdf(tmp_path / "reader.pdf", 42), sheets, A4)
    sides = printed_pages(sheets)
    assert len(sides) == 22  # 44 pages
    assert (sides[0]["left"], sides[0]["right"]) == (42, 1)  # back cover stays last, outside
    printed = [p for side in sides for p in side.values() if p is not None]
    assert sorted(printed) == list(range(1, 43))
    blanks = [(i, k) for i, side in enumerate(sides) for k, v in side.items() if v is None]
    # pages 42 and 43 of 44 are blank: sheet 0 back right (43) and sheet 1 front left (42)
    assert blanks == [(1, "right"), (2, "left")]


def test_sheets_are_landscape_with_pages_as_vector_forms_centred_on_the_fold(tmp_path):
    sheets = tmp_path / "sheets.pdf"
    impose(numbered_pdf(tmp_path / "reader.pdf", 8, HALF_LETTER), sheets, LETTER)
    with pikepdf.open(sheets) as pdf:
        assert pdf.Root.ViewerPreferences.Duplex == "/DuplexFlipShortEdge"
        assert pdf.Root.ViewerPreferences.PrintScaling == "/None"
        for page in pdf.pages:
            assert [round(float(v), 2) for v in page.mediabox] == [0, 0, 792, 612]
            forms = [x for x in page.Resources.XObject.values() if x.Subtype == "/Form"]
            images = [x for x in page.Resources.XObject.values() if x.Subtype == "/Image"]
            assert len(forms) == 2 and not images
    doc = pdfium.PdfDocument(str(sheets))
    text = doc[0].get_textpage()
    boxes = [text.get_rect(i) for i in range(text.count_rects())]
    centres = sorted((b[0] + b[2]) / 2 for b in boxes)
    # each page's centre is a quarter of the sheet from the edge: the fold is the middle
    assert centres[0] == pytest.approx(792 / 4, abs=2) and centres[1] == pytest.approx(3 * 792 / 4, abs=2)
    doc.close()


def test_bleed_edition_boxes(tmp_path):
    out = tmp_path / "bleed.pdf"
    add_bleed(numbered_pdf(tmp_path / "reader.pdf", 4), out)
    with pikepdf.open(out) as pdf:
        for page in pdf.pages:
            media = [float(v) for v in page.MediaBox]
            trim = [float(v) for v in page.TrimBox]
            bleed = [float(v) for v in page.BleedBox]
            assert trim == pytest.approx([0, 0, A5[0], A5[1]], abs=0.01)
            assert bleed == media
            assert [t - b for t, b in zip(trim[:2], bleed[:2])] == pytest.approx([3 * MM] * 2, abs=0.01)
            assert [b - t for t, b in zip(trim[2:], bleed[2:])] == pytest.approx([3 * MM] * 2, abs=0.01)


def test_preflight_passes_good_files_and_names_what_is_wrong(tmp_path):
    good = numbered_pdf(tmp_path / "good.pdf", 4)
    assert preflight(good).ok, str(preflight(good))
    odd = numbered_pdf(tmp_path / "odd.pdf", 6)
    assert "not a multiple of 4" in str(preflight(odd))
    c = canvas.Canvas(str(tmp_path / "base14.pdf"), pagesize=A5, invariant=1)
    for _ in range(4):
        c.setFont("Helvetica", 12)
        c.drawString(20, 20, "plain")
        c.showPage()
    c.save()
    assert "fonts not embedded: /Helvetica" in str(preflight(tmp_path / "base14.pdf"))
    c = canvas.Canvas(str(tmp_path / "outside.pdf"), pagesize=A5, invariant=1, initialFontName="Sans")
    for _ in range(4):
        c.setFont("Sans", 12)
        c.drawString(A5[0] - 10, 300, "overflowing")
        c.showPage()
    c.save()
    assert "page 1: text outside the trim" in str(preflight(tmp_path / "outside.pdf"))


@pytest.mark.parametrize("paper", [A4, LETTER], ids=["a4", "letter"])
def test_preflight_fails_home_print_sheets_with_text_in_the_6_mm_zone(tmp_path, paper):
    """Home printers leave the sheet edge unprinted: a tab number 4 mm from it fails, 7 mm passes;
    the same page as an A5 reader page (not a home-print sheet) has no such zone."""
    fonts.register()

    def sheet(name: str, size, inset_mm: float) -> Path:
        c = canvas.Canvas(str(tmp_path / name), pagesize=size, invariant=1, initialFontName="Sans")
        c.setFont("Sans", 8)
        c.drawString(inset_mm * MM, size[1] / 2, "14")
        c.showPage()
        c.save()
        return tmp_path / name

    landscape = paper.landscape
    near = preflight(sheet("near.pdf", landscape, 4))
    assert not near.ok
    assert "page 1: text within 6 mm of the sheet edge" in str(near)
    assert preflight(sheet("clear.pdf", landscape, 7)).ok, str(preflight(sheet("clear.pdf", landscape, 7)))
    reader = preflight(sheet("reader.pdf", A5, 4))
    assert "within 6 mm" not in str(reader)


def test_built_home_print_sheets_keep_tab_numbers_out_of_the_6_mm_zone_and_the_bleed_tabs_reach_the_edge(tmp_path):
    """The real booklet: its sheets pass the safe-zone check, and the bleed edition's tabs still run
    into the bleed (colour at the very edge of the BleedBox, beside a tab page)."""
    from publish.build import build
    from publish.model import load_content

    content_dir = Path(__file__).resolve().parent.parent / "content"
    out = tmp_path / "out"
    build(load_content(content_dir), "booklet", out, content_dir)
    for name in ("perfect-spots-a5-on-a4.pdf", "perfect-spots-half-letter-on-letter.pdf"):
        result = preflight(out / "booklet" / name)
        assert result.ok and "6 mm from the sheet edge" in str(result), str(result)
    doc = pdfium.PdfDocument(str(out / "booklet" / "perfect-spots-a5-bleed.pdf"))
    edge_colours = set()
    for index in range(len(doc)):
        image = doc[index].render(scale=1, crop=(0, 0, 0, 0)).to_pil().convert("RGB")
        x = image.width - 1 if index % 2 == 0 else 0        # the outer edge of the bleed
        edge_colours |= {image.getpixel((x, y)) for y in range(image.height // 4, 3 * image.height // 4)}
    assert any(r < 100 and b > 80 for r, g, b in edge_colours), "no tab colour at the bleed edge"


@pytest.mark.parametrize("number", [7, 14, 100, 1000])
def test_thumb_tab_numbers_of_any_width_stay_out_of_the_safe_zone_on_home_print_sheets(tmp_path, number):
    """Long booklets have three- and four-digit spot numbers on their tabs; those turn to read along the
    edge rather than reach into the strip home printers cannot print."""
    from publish.booklet.pages import TRIMS, _thumb_tab

    fonts.register()
    for trim in TRIMS:
        reader = tmp_path / f"{trim.slug}.pdf"
        c = canvas.Canvas(str(reader), pagesize=(trim.width, trim.height), invariant=1, initialFontName="Sans")
        for page in range(1, 5):
            _thumb_tab(c, trim, page, number, slot=page)
            c.showPage()
        c.save()
        sheets = tmp_path / f"{trim.slug}-sheets.pdf"
        impose(reader, sheets, trim.sheet)
        result = preflight(sheets)
        assert result.ok and "6 mm from the sheet edge" in str(result), str(result)
        text = "".join(pdfium.PdfDocument(str(reader))[0].get_textpage().get_text_range().split())
        assert text == str(number)
