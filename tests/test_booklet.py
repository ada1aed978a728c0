"""The booklet PDFs as a reader meets them: opened with pikepdf and pypdfium2, never through our code."""
from __future__ import annotations

import re

import pypdfium2.raw as pdfium_c
import pytest
from booklet_reader import BASE14, CONTENT, MM, OVERHANG, SAFE, SECTION_SIZE, TRIMS, Booklet, flat, norm

from publish.booklet import build_booklets
from publish.booklet.pages import BOTTOM, FOLIO_BASELINE, INNER, OUTER, TAB_WIDTH, TOP
from publish.errors import BuildError
from publish.model import load_content


@pytest.fixture(scope="session")
def built(content, tmp_path_factory):
    dest = tmp_path_factory.mktemp("booklet")
    return build_booklets(content, dest, epoch=None)


@pytest.fixture(scope="session")
def booklets(built):
    return {name: Booklet(next(f for f in built.files if f.name == f"perfect-spots-{name}.pdf")) for name in TRIMS}


@pytest.fixture(scope="session")
def a5(booklets):
    return booklets["a5"]


@pytest.fixture(params=list(TRIMS))
def booklet(request, booklets):
    return booklets[request.param]


def test_both_trim_sizes_are_written_with_the_right_page_size(built, booklets):
    assert sorted(f.name for f in built.files) == ["perfect-spots-a5.pdf", "perfect-spots-half-letter.pdf"]
    for name, (width, height) in TRIMS.items():
        for page in booklets[name].pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            assert (x0, y0) == (0, 0)
            assert x1 == pytest.approx(width, abs=0.01) and y1 == pytest.approx(height, abs=0.01)


def test_page_count_is_a_multiple_of_four_ending_with_notes_and_the_back_cover(built, booklet, content):
    count = len(booklet.pages)
    assert count % 4 == 0
    assert norm(booklet.pages[-1].text).startswith(norm(content.book.title))
    assert norm(booklet.pages[-2].text).startswith("notes")
    if booklet.path.name.endswith("a5.pdf"):
        assert built.pages == count


def _fonts(resources):
    """Every font a page's resources name, those of the forms drawn on it (the laid-out page) included."""
    yield from resources.get("/Font", {}).values()
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            yield from _fonts(xobject.Resources)


def test_every_font_is_embedded_and_none_is_a_base_14_font(booklet):
    seen = set()
    for page in booklet.pdf.pages:
        for font in _fonts(page.Resources):
            descendants = font.get("/DescendantFonts", [font])
            for face in descendants:
                name = str(face.BaseFont).lstrip("/")
                seen.add(name)
                assert name.split("+")[-1] not in BASE14, name
                descriptor = face.get("/FontDescriptor")
                assert descriptor is not None, f"{name} is not embedded"
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} is not embedded"
    assert any("NotoSerif" in n for n in seen) and any("NotoSans" in n for n in seen)


def _chapter_text(booklet: Booklet, content, spot) -> str:
    """The text of a spot's chapter, from its first page to the next chapter's."""
    first = booklet.chapter_page(f"Spot {spot.number}: {spot.title}")
    following = [s for s in content.spots if s.number > spot.number]
    end = (booklet.chapter_page(f"Spot {following[0].number}: {following[0].title}") if following
           else booklet.chapter_page("Quick reference"))
    return norm(" ".join(booklet.page(n).text for n in range(first, end)))


def test_each_spot_chapter_shows_its_title_and_muscles(built, a5, content):
    for spot in content.spots:
        first = a5.chapter_page(f"Spot {spot.number}: {spot.title}")
        assert built.spot_pages[spot.number] == first
        assert norm(spot.title) in a5.page(first).headings
        chapter = _chapter_text(a5, content, spot)
        for muscle in spot.muscles:
            assert norm(muscle.name) in chapter, (spot.number, muscle.name)


def test_red_flag_list_is_printed_in_full_in_each_chapter_that_names_it_and_no_other(a5, content):
    flags = content.guide.red_flags
    assert flags and any(spot.red_flags for spot in content.spots)
    for spot in content.spots:
        chapter = _chapter_text(a5, content, spot)
        for red in flags:
            named = red.id in spot.red_flags
            assert (norm(red.heading.upper()) in chapter) == named, (spot.number, red.id)
            if named:
                assert all(norm(sign) in chapter for sign in red.signs), (spot.number, red.id)


def test_red_flag_signs_are_written_once_in_the_guide_not_in_spot_files(content):
    spot_texts = [path.read_text(encoding="utf-8").lower() for path in sorted((CONTENT / "spots").glob("*.yaml"))]
    for red in content.guide.red_flags:
        for sign in red.signs:
            assert not any(sign.lower() in text for text in spot_texts), sign


def test_muscle_groups_point_to_their_muscles_in_the_index(a5, content):
    first, last = a5.chapter_page("Index"), a5.chapter_page("Notes")
    index = norm(" ".join(a5.page(n).body_text for n in range(first, last)))
    groups: dict[str, set[str]] = {}
    for spot in content.spots:
        for muscle in spot.muscles:
            if muscle.group:
                groups.setdefault(muscle.group, set()).add(muscle.name)
    assert {"suboccipital muscles", "quadriceps", "rotator cuff", "scalenes"} <= set(groups)
    for group, muscles in groups.items():
        heading = f"{norm(group)}, see "          # the index as read, lower-cased by norm()
        assert heading in index, group
        entry = index.split(heading, 1)[1][:60 * len(muscles)]
        assert all(m in entry for m in muscles), (group, entry)


def test_contents_page_numbers_are_where_the_chapters_start(booklet):
    contents = booklet.page(booklet.chapter_page("Contents"))
    entries = []
    for line in contents.text.splitlines():
        m = re.match(r"^(?P<title>.*?)[ .]*\s(?P<page>\d+)$", line.strip())
        if m:
            entries.append((re.sub(r"^\d+ ", "", m["title"]), int(m["page"])))
    chapters = [(title.split(": ", 1)[-1], page) for title, _, page in booklet.outline
                if title not in ("About this booklet", "Contents")]
    assert [(norm(t), p) for t, p in entries] == [(norm(t), p) for t, p in chapters]
    for title, page in entries:
        assert norm(title) in booklet.page(page).headings, (title, page)


def test_cross_references_point_to_the_chapter_of_the_spot_named(booklet, content):
    found = 0
    for page in booklet.pages:
        for number, target in re.findall(r"see\s+Spot\s+(\d+),\s+p\.\s+(\d+)", page.text):
            spot = content.spot(int(number))
            assert norm(spot.title) in booklet.page(int(target)).headings, (page.number, number, target)
            found += 1
    assert found >= sum(len(s.related) for s in content.spots)


def _index_entries(booklet: Booklet) -> list[tuple[str, list[int]]]:
    first, last = booklet.chapter_page("Index"), booklet.chapter_page("Notes")
    lines = [line.strip() for n in range(first, last) for line in booklet.page(n).body_text.splitlines()]
    joined: list[str] = []
    for line in lines:
        if line in ("", "Index") or re.fullmatch(r"[A-Z]", line):
            continue    # the title and the letter headings
        if joined and joined[-1].endswith("\ufffe"):
            joined[-1] = joined[-1][:-1] + line
        elif joined and (line[0].islower() or line[0].isdigit()):
            joined[-1] += " " + line          # entries start with a capital; this one goes on
        else:
            joined.append(line)
    entries = []
    for line in joined:
        m = re.match(r"^(?P<term>.+?) (?P<pages>\d+(?:, \d+)*)$", line)
        if m:
            entries.append((m["term"], [int(p) for p in m["pages"].split(", ")]))
    return entries


def test_index_page_numbers_are_pages_that_show_the_term(booklet, content):
    entries = _index_entries(booklet)
    muscles = {m.name.lower() for s in content.spots for m in s.muscles}
    assert muscles <= {norm(term) for term, _ in entries}
    for term, pages in entries:
        for page in pages:
            assert norm(term) in norm(booklet.page(page).text), (term, page)


def test_page_number_links_lead_to_the_page_they_print(booklet):
    checked = 0
    index_pages = range(booklet.chapter_page("Index"), booklet.chapter_page("Notes"))
    for page in booklet.pages:
        for text, target in booklet.links(page.number):
            assert 1 <= target <= len(booklet.pages)
            printed = re.search(r"p\. (\d+)", text)
            if printed is None and (page.number == booklet.chapter_page("Contents") or page.number in index_pages):
                printed = re.fullmatch(r"\s*(\d+)\s*", text)
            if printed:
                assert int(printed.group(1)) == target, (page.number, text, target)
                checked += 1
    assert checked > 100


def test_folios_are_the_physical_page_numbers(booklet):
    for page in booklet.pages[1:-1]:
        folio = "".join(ch for ch, _, box in page.chars if box[3] < FOLIO_BASELINE + 4 * MM and not ch.isspace())
        assert folio == str(page.number)


def test_no_text_outside_the_margins(booklet):
    for page in booklet.pages:
        width, height = page.width, page.height
        body_pages = page.number not in (1, len(booklet.pages))
        left = INNER if page.number % 2 else OUTER
        right = width - (OUTER if page.number % 2 else INNER)
        for ch, _, (x0, y0, x1, y1) in page.chars:
            if ch.isspace() or ch == "\ufffe":
                continue
            assert SAFE <= x0 and x1 <= width - SAFE and SAFE <= y0 and y1 <= height - SAFE, (page.number, ch)
            if body_pages and BOTTOM - OVERHANG <= y0 and y1 <= height - TOP + OVERHANG:
                in_tab = x1 <= TAB_WIDTH or x0 >= width - TAB_WIDTH
                inside = left - OVERHANG <= x0 and x1 <= right + OVERHANG
                assert inside or in_tab and ch.isdigit(), (page.number, ch, x0, x1)


def test_no_page_is_blank(booklet):
    """A page without text (a notes page after the first) must at least carry its ruled lines."""
    for page in booklet.pages:
        if page.body_text.split():
            continue
        lines = list(booklet.doc[page.number - 1].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]))
        assert len(lines) >= 10, f"page {page.number} has nothing but its running head and folio"


def test_no_heading_is_left_at_the_foot_of_a_page(booklet):
    for page in booklet.pages[1:-1]:
        body = [(size, box) for ch, size, box in page.chars
                if not ch.isspace() and BOTTOM <= box[1] and box[3] <= page.height - TOP
                and TAB_WIDTH < box[0] and box[2] < page.width - TAB_WIDTH]
        if all(size >= SECTION_SIZE for size, _ in body):
            continue    # a page that is only a title, such as a lined notes page
        lowest = min(box[1] for _, box in body)
        last_line = [size for size, box in body if box[1] < lowest + 2]
        assert max(last_line) < SECTION_SIZE, f"page {page.number} ends with a heading"


def test_running_text_is_hyphenated(a5):
    assert sum(page.text.count("\ufffe") for page in a5.pages) >= 20


def test_words_with_a_hyphen_keep_it(booklet):
    """A compound such as 'double-sided' or 'finger-widths' never prints glued together."""
    compounds = set()
    for path in CONTENT.rglob("*.yaml"):
        compounds |= set(re.findall(r"\b([A-Za-z]{2,})-([A-Za-z]{2,})\b", path.read_text(encoding="utf-8")))
    compounds.add(("double", "sided"))  # in the booklet's own how-to text
    text = " ".join(page.text for page in booklet.pages)
    glued = sorted(a + b for a, b in compounds if re.search(rf"\b{a}{b}\b", text))
    assert not glued


def test_outline_has_an_entry_for_every_chapter_on_its_page(booklet, content):
    titles = [title for title, _, _ in booklet.outline]
    for expected in ("Contents", "How to use this booklet", "Symptom finder", "Condition finder", "The spots",
                     "Quick reference", "Notes and references", "Glossary", "Index", "Notes"):
        assert expected in titles
    spots = [(t, level) for t, level, _ in booklet.outline if t.startswith("Spot ")]
    assert spots == [(f"Spot {s.number}: {s.title}", 1) for s in content.spots]
    for title, _, page in booklet.outline:
        assert norm(title.split(": ", 1)[-1]) in booklet.page(page).headings, title


def test_metadata_names_the_book(booklet, content):
    info = booklet.pdf.docinfo
    book = content.book
    assert str(info.Title) == book.title
    assert str(info.Author) == ", ".join(book.authors)
    assert str(info.Subject) == book.subtitle
    assert all(k in str(info.Keywords) for k in book.keywords)
    assert str(booklet.pdf.Root.Lang) == book.language
    assert str(info.CreationDate).startswith(f"D:{book.date:%Y%m%d}000000")


def test_a_second_build_is_byte_identical(built, content, tmp_path):
    again = build_booklets(content, tmp_path, epoch=None)
    for first, second in zip(built.files, again.files):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_markup_characters_in_content_print_literally(tmp_path, content_copy):
    title = 'Tension <b>headaches</b> & "friends" é—½'
    muscle = "<i>rectus</i> capitis & co"

    def edit(data):
        data["title"] = title
        data["muscles"][0]["name"] = muscle
        data["summary"] = "Plain words <font size=40>big</font> &amp; more. " + data["summary"]
    content = load_content(content_copy({1: edit}))
    result = build_booklets(content, tmp_path / "out", epoch=None)
    for path in result.files:
        booklet = Booklet(path)
        text = flat(booklet.page(booklet.chapter_page(f"Spot 1: {title}")).text)
        assert title.replace('"friends"', "\u201cfriends\u201d") in text     # quotes are set curly
        assert muscle in text
        assert "<font size=40>big</font> &amp; more." in text


def test_a_table_cell_too_tall_for_any_page_is_an_error_naming_the_spot(tmp_path, content_copy):
    def edit(data):
        data["muscles"][0]["detail"] = " ".join(["fibres"] * 560)
    content = load_content(content_copy({1: edit}))
    with pytest.raises(BuildError, match=r"^Spot 1 \(.*\): its at-a-glance box is \d+ pt tall"):
        build_booklets(content, tmp_path / "out", epoch=None)


FLAT_TOPPED = set("EFHIKLMNTXZ147")    # glyphs whose box height is the font's cap height
CAP_HEIGHT = 0.714                     # of the em, in Noto Sans and Noto Serif


def test_no_text_prints_under_6_pt_figure_labels_included(booklet):
    """Printed size read from the glyphs' boxes, so text in scaled-down figures counts at the
    size it prints (the PDF's font size alone would not show the scaling)."""
    smallest = min(((box[3] - box[1]) / CAP_HEIGHT, page.number) for page in booklet.pages
                   for ch, _, box in page.chars if ch in FLAT_TOPPED)
    assert smallest[0] >= 5.95, f"text of {smallest[0]:.2f} pt on p. {smallest[1]}"



def test_both_trims_have_the_same_page_for_every_chapter_and_anchor(booklets, content):
    """Same page count, same outline, and every page-number link (contents, cross-references, finders,
    index) on the same page, over the same text, to the same page."""
    a5, half_letter = booklets["a5"], booklets["half-letter"]
    assert len(a5.pdf.pages) == len(half_letter.pdf.pages)
    assert a5.outline == half_letter.outline

    def links(booklet: Booklet) -> list[tuple[int, str, int]]:
        """(page, text under the link without spaces, page it leads to): the box may catch a neighbouring space."""
        return [(number, "".join(text.split()), target) for number in range(1, len(booklet.pdf.pages) + 1)
                for text, target in booklet.links(number)]

    assert len(links(a5)) > 3 * len(content.spots)
    assert links(half_letter) == links(a5)


@pytest.mark.parametrize("spots_per_run, expected_runs", [(150, 2), (5, 3), (1, 14)])
def test_the_booklet_is_cut_into_runs_of_whole_chapters_by_content_alone(content, spots_per_run, expected_runs):
    """Runs cover every part once, in order; each after the first opens with a spot chapter (a new page,
    so it can be laid out alone); two at least, so that two cores share the work."""
    from publish.booklet.sections import parts, runs

    all_parts = parts(content)
    cut = runs(content, spots_per_run)
    assert len(cut) == expected_runs
    assert cut[0][0] == 0 and cut[-1][1] == len(all_parts)
    assert all(end == start for (_, end), (start, _) in zip(cut, cut[1:]))
    for start, _ in cut[1:]:
        assert all_parts[start].new_page and all_parts[start].chapter.spot is not None
