"""The booklet's typographic finish, read back from the built PDFs with pypdfium2: lines of text with
their positions and sizes, as a reader's eye meets them on the page."""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass

import pytest
import yaml
from booklet_reader import CONTENT, TRIMS, Booklet

from publish.booklet import build_booklets
from publish.booklet.pages import BOTTOM, TAB_WIDTH, TOP
from publish.model import load_content

CONTINUED = load_content(CONTENT).labels.text("booklet.continued")

HYPHENS = ("\ufffe", "\x02", "-")   # pdfium reports a hyphen added at a line break as U+FFFE or U+0002
CELL_SIZE = 8.0                 # table cells, captions and labels are set this size or smaller
TITLE_SIZE = 14


@dataclass
class Line:
    text: str
    bottom: float
    sizes: list[float]

    @property
    def hyphenated(self) -> bool:
        return self.text.rstrip().endswith(HYPHENS)


def lines(page) -> list[Line]:
    """The lines of text between the running head and the folio (and inside the thumb tabs), in reading order. pdfium joins a
    hyphenated line to the next one, so a line also ends after a break hyphen or where the text jumps."""
    out: list[Line] = []
    chars: list = []

    def end_line():
        body = [(c, s, b) for c, s, b in chars if BOTTOM - 1 <= b[1] and b[3] <= page.height - TOP + 1
                and TAB_WIDTH < b[0] and b[2] < page.width - TAB_WIDTH]
        text = "".join(c for c, _, _ in body).strip()
        if text:
            out.append(Line(text, min(b[1] for _, _, b in body), [s for c, s, _ in body if not c.isspace()]))
        chars.clear()

    for ch, size, box in page.chars:
        if ch in "\r\n":
            end_line()
            continue
        if chars and not ch.isspace() and abs(box[1] - chars[-1][2][1]) > 0.6 * max(size, 1) \
                and chars[-1][0] not in HYPHENS and box[1] < chars[-1][2][1]:
            end_line()
        chars.append((ch, size, box))
        if ch in HYPHENS[:2]:
            end_line()
    end_line()
    return out


@pytest.fixture(scope="module")
def booklets(content, tmp_path_factory):
    built = build_booklets(content, tmp_path_factory.mktemp("typography"), epoch=None)
    return {name: Booklet(next(f for f in built.files if f.name == f"perfect-spots-{name}.pdf")) for name in TRIMS}


@pytest.fixture(params=list(TRIMS))
def booklet(request, booklets):
    return booklets[request.param]


def chapter_pages(booklet: Booklet, title: str) -> range:
    """The pages of a top-level chapter: from its outline entry to the next top-level one."""
    starts = [(t, page) for t, level, page in booklet.outline if level == 0]
    i = next(i for i, (t, _) in enumerate(starts) if t == title)
    end = starts[i + 1][1] if i + 1 < len(starts) else len(booklet.pages)
    return range(starts[i][1], max(end, starts[i][1] + 1))


def test_no_paragraph_ends_on_a_hyphenated_fragment(booklet):
    """A line broken with a hyphen is followed by a line of several words, never a lone fragment."""
    found = []
    for page in booklet.pages:
        page_lines = lines(page)
        for line, after in zip(page_lines, page_lines[1:]):
            if line.hyphenated and len(after.text.split()) == 1:
                found.append(f"p. {page.number}: {line.text[-20:]!r} / {after.text!r}")
    assert not found


def test_no_page_ends_on_a_hyphen(booklet):
    found = []
    for page in booklet.pages:
        page_lines = lines(page)
        if page_lines:
            last = min(page_lines, key=lambda line: line.bottom)
            if last.hyphenated:
                found.append(f"p. {page.number}: {last.text!r}")
    assert not found


def test_no_page_reference_is_parted_from_its_number(booklet):
    """'p. 36' and 'Spot 9' are never split at a line end."""
    found = []
    for page in booklet.pages:
        page_lines = lines(page)
        for line, after in zip(page_lines, page_lines[1:] + [None]):
            parted_spot = re.search(r"\bSpots?$", line.text) and after and after.text[:1].isdigit()
            if re.search(r"(^|[\s(])pp?\.$", line.text) or parted_spot:
                found.append(f"p. {page.number}: {line.text!r}")
    assert not found


def test_index_finders_quick_reference_and_table_cells_are_never_hyphenated(booklet):
    unhyphenated = {n for title in ("Symptom finder", "Condition finder", "Quick reference", "Index")
                    for n in chapter_pages(booklet, title)}
    found = []
    for page in booklet.pages:
        for line in lines(page):
            in_cell = line.sizes and max(line.sizes) <= CELL_SIZE
            if line.hyphenated and (page.number in unhyphenated or in_cell):
                found.append(f"p. {page.number}: {line.text!r}")
    assert not found


def test_no_straight_quote_is_printed(booklet):
    found = [f"p. {page.number}: {line.text!r}" for page in booklet.pages for line in lines(page)
             if "'" in line.text or '"' in line.text]
    assert not found


def test_titles_never_end_on_a_single_word_line(booklet):
    found = []
    for page in booklet.pages:
        title = [line for line in lines(page) if line.sizes and min(line.sizes) > TITLE_SIZE]
        if len(title) > 1 and len(title[-1].text.split()) == 1 and "\xa0" not in title[-1].text:
            found.append(f"p. {page.number}: {title[-1].text!r}")
    assert not found


def _first_rows_are_groups(booklet: Booklet, content) -> list[str]:
    """The group or region each page of the symptom finder after the first starts with, and the
    pages where that is a region (a group heading lost at the page turn)."""
    groups = {region.group for region in content.regions.values()}
    regions = {region.label[:1].upper() + region.label[1:] for region in content.regions.values()}
    pages = chapter_pages(booklet, "Symptom finder")
    assert len(pages) > 1, "the chart fits one page: this test would show nothing"
    lost = []
    for number in pages[1:]:
        rows = [line.text for line in lines(booklet.page(number))
                if line.text.removesuffix(f" {CONTINUED}") in groups | regions]
        if not rows or rows[0].removesuffix(f" {CONTINUED}") not in groups:
            lost.append(f"p. {number} starts with {rows[:1]}")
    return lost


def test_every_symptom_finder_page_starts_with_a_group_heading(booklet, content):
    assert not _first_rows_are_groups(booklet, content)


def test_a_group_running_over_a_page_turn_is_repeated_as_continued(tmp_path):
    """All regions in one group, so that the group must run over the page turn."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    path = target / "regions.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for region in data["regions"]:
        region["group"] = "Anywhere"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    content = load_content(target)
    built = build_booklets(content, tmp_path / "out", epoch=None)
    booklet = Booklet(next(f for f in built.files if f.name == "perfect-spots-a5.pdf"))
    assert not _first_rows_are_groups(booklet, content)
    pages = chapter_pages(booklet, "Symptom finder")
    assert [line.text for line in lines(booklet.page(pages[1]))
            if line.text.endswith(CONTINUED)] == [f"Anywhere {CONTINUED}"]


def test_groin_is_found_under_low_back_and_pelvis(booklet):
    text = [line.text for n in chapter_pages(booklet, "Symptom finder") for line in lines(booklet.page(n))]
    heading = max(i for i, t in enumerate(text[:text.index("Groin")]) if t.startswith(("Chest and abdomen",
                                                                                      "Low back and pelvis")))
    assert text[heading].startswith("Low back and pelvis")


def test_conditions_are_capitalised_only_at_the_start_of_a_list(booklet, content):
    names = [c.name for c in content.conditions.values() if not c.name[1:2].isupper()]
    text = " ".join(line.text for page in booklet.pages for line in lines(page))
    assert not [name for name in names if f", {name}" in text]


def test_quick_reference_breaks_muscle_names_only_between_words_and_lists_only_the_spots_own(booklet, content):
    """A muscle name too long for its column wraps at a space, never inside a word ('majo / r'); the
    neighbours a chapter names for context ('a neighbour, not the spot') stay out of the chart."""
    text = " ".join(booklet.page(n).text for n in chapter_pages(booklet, "Quick reference"))
    words = set(text.split())
    own = {m.name for s in content.spots for m in s.own_muscles}
    broken = sorted(name for name in own if not set(name.split()) <= words)
    assert not broken
    context_only = {m.name for s in content.spots for m in s.muscles if m.role == "context"} - own
    assert context_only and not [name for name in context_only if name in " ".join(text.split())]
