"""The print-and-cut cards as a student meets them: sheets read back with pypdfium2 and pikepdf, the
deck imported into a real Anki collection, the booklet's chapters taken from its PDF outline."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from card_sheets import EPOCH, Sheets, norm

from anki_reader import import_deck, open_collection, section
from publish.build import build
from publish.editions import CARD_PAPERS as PAPERS
from publish.model import load_content
from publish.paper import build_cards
from publish.paper.sheet import Sheet

CONTENT = Path(__file__).resolve().parent.parent / "content"
MM = 72 / 25.4
SIZES = {"a4": (210 * MM, 297 * MM), "letter": (8.5 * 72, 11 * 72)}
SPOT_HEADING = re.compile(r"Perfect Spot (\d+): ")


def chapter_pages(booklet: Path) -> dict[int, int]:
    """Spot number -> page of its chapter, from the booklet's outline."""
    with pikepdf.open(booklet) as pdf:
        index = {page.objgen: i + 1 for i, page in enumerate(pdf.pages)}
        found = {}
        with pdf.open_outline() as outline:
            for top in outline.root:
                for item in [top, *top.children]:
                    match = re.fullmatch(r"Spot (\d+): .+", item.title)
                    if match:
                        found[int(match[1])] = index[item.destination[0].objgen]
    return found


# ---------------------------------------------------------------- one full build, its deck imported once

@pytest.fixture(scope="module")
def out(content, tmp_path_factory):
    folder = tmp_path_factory.mktemp("build")
    build(content, "all", folder, CONTENT)
    return folder


@pytest.fixture(scope="module", params=list(SIZES))
def sheets(request, out):
    return Sheets(out / "cards" / f"perfect-spots-cards-{request.param}.pdf")


@pytest.fixture(scope="module")
def anki_cards(out, tmp_path_factory):
    """(kind, question, heading, answer) of every card as Anki shows it, from the imported deck."""
    col = open_collection(tmp_path_factory.mktemp("anki"))
    import_deck(col, out / "deck" / "perfect-spots.apkg")
    cards = []
    for cid in col.find_cards("\"deck:Perfect Spots\""):
        card = col.get_card(cid)
        question, answer = card.question(), card.answer()
        cards.append((section(question, "kind"), section(question, "question"), section(answer, "heading"),
                      section(answer, "answer", skip="piece")))    # the pieces of the line: by name only
    col.close()
    return cards


def test_both_papers_hold_fronts_and_backs_on_alternate_pages(sheets, anki_cards):
    assert (sheets.width, sheets.height) == pytest.approx(SIZES[sheets.path.stem.rsplit("-", 1)[1]], abs=0.1)
    pages = len(sheets.doc)
    assert pages % 2 == 0
    assert pages // 2 == -(-len(anki_cards) // len(sheets.cells(0)))    # as few sheets as the cards need
    for i in range(pages):
        footer = sheets.doc[i].get_textpage().get_text_range()
        assert f"sheet {i // 2 + 1} of {pages // 2} \u00b7 {'fronts' if i % 2 == 0 else 'backs'}" in footer


def test_every_card_of_the_deck_is_printed_exactly_once_with_its_back_behind_it(sheets, anki_cards):
    """Each card matched by the longest question and heading its front and back start with."""
    def tag(kind: str, heading: str) -> str:
        spot = SPOT_HEADING.match(heading)
        return (f"SPOT {spot[1]} \u00b7 " if spot else "") + kind.upper()

    printed = Counter()
    for front, back in sheets.pairs():
        back = re.sub(r"^(.*?) Booklet p\. \d+ ", r"\1 ", back)
        matches = [c for c in anki_cards if front.startswith(norm(f"{c[0].upper()} {c[1]}"))
                   and back.startswith(norm(f"{tag(c[0], c[2])} {c[2]}"))]
        assert matches, f"no card of the deck has this front and back:\n{front}\n{back}"
        card = max(matches, key=lambda c: len(c[1]) + len(c[2]))
        printed[card] += 1
        assert norm(card[3]) in back, f"the answer of {card[:3]} is not on its back:\n{back}"
    assert printed == Counter(anki_cards)


def test_each_back_is_the_mirror_image_of_its_front(sheets):
    paper = next(p for p in PAPERS if p.slug in sheets.path.stem)
    layout = Sheet(paper)
    for front in range(0, len(sheets.doc), 2):
        cells = sheets.cells(front)
        assert cells == sheets.cells(front + 1)
        columns = max(c.column for c in cells) + 1
        for slot, cell in enumerate(cells):
            start = sheets.first_char(front, cell)
            if start is None:
                continue
            mirrored = next(c for c in cells if c.row == cell.row and c.column == columns - 1 - cell.column)
            assert (mirrored.x0, mirrored.x1) == pytest.approx((sheets.width - cell.x1, sheets.width - cell.x0),
                                                               abs=0.05)
            back = sheets.first_char(front + 1, mirrored)
            assert back == pytest.approx((sheets.width - cell.x1 + start[0] - cell.x0, start[1]), abs=0.05)
            # the layout the cards were drawn with agrees with the sheet as printed
            drawn, behind = layout.front(slot), layout.back(slot)
            assert (drawn.x, drawn.y, drawn.x + drawn.width, drawn.top) == pytest.approx(
                (cell.x0, cell.y0, cell.x1, cell.y1), abs=0.05)
            assert (behind.x, behind.x + behind.width) == pytest.approx((mirrored.x0, mirrored.x1), abs=0.05)


def test_cut_marks_stay_outside_the_cards(sheets):
    for index in range(len(sheets.doc)):
        cells = sheets.cells(index)
        left, right = min(c.x0 for c in cells), max(c.x1 for c in cells)
        bottom, top = min(c.y0 for c in cells), max(c.y1 for c in cells)
        for x0, y0, x1, y1 in sheets.marks(index):
            assert x1 < left or x0 > right or y1 < bottom or y0 > top
            assert 0 < x0 and x1 < sheets.width and 0 < y0 and y1 < sheets.height


def test_booklet_pages_on_the_cards_are_where_the_chapters_start(sheets, out):
    chapters = chapter_pages(out / "booklet" / "perfect-spots-a5.pdf")
    seen = set()
    for _, back in sheets.pairs():
        spot = re.match(r"SPOT (\d+) \u00b7 .*? Booklet p\. (\d+) ", back)
        if spot:
            assert int(spot[2]) == chapters[int(spot[1])], back[:80]
            seen.add(int(spot[1]))
        for number, page in re.findall(r"Spot (\d+): [^;]*?; booklet p\. (\d+)", back):
            assert int(page) == chapters[int(number)], back[:80]
    assert seen == set(chapters)


def test_sheets_preset_duplex_on_the_long_edge_at_actual_size(sheets, content):
    with pikepdf.open(sheets.path) as pdf:
        assert pdf.Root.ViewerPreferences.Duplex == "/DuplexFlipLongEdge"
        assert pdf.Root.ViewerPreferences.PrintScaling == "/None"
        assert content.book.title in str(pdf.docinfo.Title)


def test_same_content_gives_identical_bytes_dated_by_the_epoch(content, tmp_path):
    first = build_cards(content, tmp_path / "one", epoch=EPOCH, spot_pages={1: 12})
    second = build_cards(content, tmp_path / "two", epoch=EPOCH, spot_pages={1: 12})
    for a, b in zip(first.files, second.files):
        assert a.read_bytes() == b.read_bytes()
        with pikepdf.open(a) as pdf:
            assert str(pdf.docinfo.CreationDate).startswith("D:20231114221320")


def test_content_text_prints_literally(tmp_path, content_copy):
    def change(spot):
        spot["title"] = "Low back <b>pain</b> & more"
        spot["place"] = "just below <font color=red>the</font> dimple"
    content = load_content(content_copy({12: change}))
    result = build_cards(content, tmp_path / "cards", epoch=EPOCH)
    text = "".join(pdfium.PdfDocument(result.files[0])[p].get_textpage().get_text_range() for p in range(22, 24))
    assert "Low back <b>pain</b> & more" in norm(text)
    assert "<font color=red>the</font>" in norm(text)


def test_cards_that_teach_finding_a_spot_print_its_key_caution(sheets, content):
    """'Muscle to spot' and 'Map to spot' teach where the spot is; their backs end with its key caution."""
    pairs = sheets.pairs()
    for spot in content.spots:
        assert spot.key_caution, f"Spot {spot.number} has no key caution"
        for kind in ("MUSCLE TO SPOT", "MAP TO SPOT"):
            backs = [back for _, back in pairs if back.startswith(f"SPOT {spot.number} \u00b7 {kind} ")]
            assert len(backs) == 1, (spot.number, kind)
            assert norm(f"Caution: {spot.key_caution}") in backs[0], (spot.number, kind, backs[0])
    quiz_backs = [back for _, back in pairs if re.match(r"SPOT \d+ \u00b7 SPOT TO CONDITIONS ", back)]
    assert quiz_backs and not any("Caution:" in back for back in quiz_backs)


def test_no_text_on_the_cards_prints_under_5_5_pt_and_answer_figures_keep_6_pt(sheets):
    """Printed size from glyph boxes (flat-topped capitals and digits, cap height 0.714 em), so
    labels inside scaled figures count at the size they print. Backs (even pages) hold the answer
    figures, which are dropped rather than shrunk below 6 pt; fronts' question figures stay at 5.5."""
    flat, cap = set("EFHIKLMNTXZ147"), 0.714
    for index in range(len(sheets.doc)):
        textpage = sheets.doc[index].get_textpage()
        sizes = [(b[3] - b[1]) / cap for b in (textpage.get_charbox(i) for i in range(textpage.count_chars())
                                                if textpage.get_text_range(i, 1) in flat)]
        limit = 5.95 if index % 2 else 5.45
        assert min(sizes) >= limit, f"page {index + 1}: text of {min(sizes):.2f} pt"


def _backs_with_figures(sheets) -> list[tuple[str, int]]:
    """(tag line, figures drawn) for every printed back: a card side is a form in the PDF and each
    figure a form inside it."""
    found = []
    for index in range(1, len(sheets.doc), 2):
        cells = sheets.cells(index)
        for side in sheets.doc[index].get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_FORM,), max_depth=0):
            inner = [pdfium_c.FPDFFormObj_GetObject(side.raw, k) for k in range(pdfium_c.FPDFFormObj_CountObjects(side.raw))]
            figures = sum(1 for obj in inner if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_FORM)
            x0, y0, x1, y1 = side.get_bounds()
            cell = next(c for c in cells if c.x0 <= (x0 + x1) / 2 <= c.x1 and c.y0 <= (y0 + y1) / 2 <= c.y1)
            found.append((norm(sheets.text(index, cell)).split(" Perfect Spot")[0], figures))
    return found


def test_backs_print_their_chart_or_map(sheets, content):
    """Read back from the PDF: every back whose card teaches a pattern or a place prints its chart or
    map (laid out for the room the answer leaves, text at full size), and most condition and pain-area
    backs their map; only close-ups under long steps are left to the Anki card and the booklet."""
    continued = content.labels.text("paper.continued_alone")
    backs = [(tag, n) for tag, n in _backs_with_figures(sheets) if continued not in tag]
    def share(kind: str) -> float:
        counts = [n for tag, n in backs if re.search(rf"\b{kind}\b", tag)]
        assert counts, kind
        return sum(1 for n in counts if n) / len(counts)
    for kind in ("PAIN PATTERN TO SPOT", "SPOT TO PAIN ZONES", "MAP TO SPOT"):
        assert share(kind) == 1.0, kind
    for kind in ("CONDITION TO SPOTS", "PAIN AREA TO SPOTS"):
        assert share(kind) >= 0.8, (kind, share(kind))
    assert share("SPOT TO MUSCLE") >= 0.4
