"""The web edition in a real browser: the system Chromium driven by Playwright, axe-core inside
each page. `make test` installs both (`make browser`); run that first if these fail to start."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from chromium import launched
from conftest import CONTENT, ROOT
from playwright.sync_api import Page, expect

from publish.build import build
from publish.model import load_content
from publish.site import build_site

REGION = "between_shoulder_blades"


def _axe() -> Path:
    found = sorted(ROOT.glob(".cache/axe-core-*/axe.min.js"))
    assert found, "axe-core is missing: run `make browser` (make test does it)"
    return found[-1]


@pytest.fixture(scope="module")
def site(content, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    build(content, "site", out, CONTENT)
    return out / "site"


@pytest.fixture(scope="module")
def browser():
    with launched() as chromium:
        yield chromium


@pytest.fixture
def phone(browser):
    """A 390 px wide touch screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def test_the_site_has_every_page_of_the_edition(site, content):
    names = {p.name for p in pages(site)}
    assert {f"spot-{s.number:02d}.html" for s in content.spots} <= names
    assert {"index.html", "spots.html", "how-to-use.html", "quick-reference.html", "references.html",
            "glossary.html", "book-index.html", "search.html", "downloads.html"} <= names
    assert sorted(p.name for p in (site / "downloads").iterdir()) == [
        "perfect-spots-a5.pdf", "perfect-spots-cards-a4.pdf", "perfect-spots-cards-letter.pdf",
        "perfect-spots-half-letter.pdf", "perfect-spots.apkg"]
    assert (site / "fonts" / "OFL.txt").exists()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_loads_cleanly_and_passes_axe(site, browser, scheme):
    """No console error, no request outside the site folder, no serious or critical axe violation,
    in light and in dark mode (axe checks colour contrast against the colours in use)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on("request", lambda r: None if r.url.startswith(site.as_uri() + "/") else problems.append(f"request {r.url}"))
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url}"))
    for path in pages(site):
        page.goto(path.as_uri())
        if path.name == "index.html":
            page.locator(f'button[data-region="{REGION}"]').click()   # check the finder's result too
        page.add_script_tag(path=str(_axe()))
        violations = page.evaluate("async () => (await axe.run(document, {preload: false})).violations"
                                   ".filter(v => ['serious', 'critical'].includes(v.impact))"
                                   ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))")
        problems += [f"{path.name}: axe {v}" for v in violations]
    context.close()
    assert problems == [], "\n".join(problems)


def test_headings_landmarks_language_and_alt_text(site, desktop, content):
    for path in pages(site):
        desktop.goto(path.as_uri())
        levels = desktop.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "hs => hs.map(h => +h.tagName[1])")
        assert levels.count(1) == 1 and levels[0] == 1, path.name
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"{path.name}: heading levels {levels}"
        assert desktop.locator("main").count() == 1 and desktop.locator("header nav").count() == 1
        assert desktop.get_attribute("html", "lang") == content.book.language
        assert desktop.eval_on_selector_all("img", "imgs => imgs.filter(i => !i.hasAttribute('alt')).length") == 0


def test_figures_have_text_alternatives_written_from_content(site, desktop, content):
    desktop.goto((site / "spot-11.html").as_uri())
    alt = desktop.get_attribute(".pattern img", "alt")
    assert "Essential zones: between the shoulder blades" in alt
    assert "spill-over: inner edge of the shoulder blade, over the shoulder blade" in alt
    assert desktop.eval_on_selector(".pattern img", "i => i.complete && i.naturalWidth > 0")


def _result_spots(page: Page) -> list[str]:
    return page.locator("#finder-result .hit").all_inner_texts()


def test_finder_by_mouse_on_the_body_map(site, desktop):
    desktop.goto((site / "index.html").as_uri())
    desktop.locator(f'.view-back polygon[data-region="{REGION}"]').click()
    expect(desktop.locator("#finder-result h3")).to_have_text("Spots that send pain to: between the shoulder blades")
    hits = _result_spots(desktop)
    assert "Spot 11" in hits[0] and "Essential zone" in hits[0]
    assert desktop.get_attribute(f'button[data-region="{REGION}"]', "aria-pressed") == "true"
    assert "chosen" in desktop.get_attribute(f'.view-back polygon[data-region="{REGION}"]', "class")


def test_finder_by_touch_on_a_phone(site, phone):
    phone.goto((site / "index.html").as_uri())
    phone.locator(f'.view-back polygon[data-region="{REGION}"]').tap()
    hits = _result_spots(phone)
    assert hits and "Spot 11" in hits[0]
    phone.locator("#finder-result .hit a").first.tap()
    expect(phone).to_have_url(re.compile(r"/spot-11\.html$"))


def test_finder_with_the_keyboard_alone(site, desktop):
    desktop.goto((site / "index.html").as_uri())
    for _ in range(300):
        desktop.keyboard.press("Tab")
        if desktop.evaluate("document.activeElement.dataset.region") == REGION:
            break
    else:
        pytest.fail("Tab never reached the 'between the shoulder blades' button")
    desktop.keyboard.press("Enter")
    hits = _result_spots(desktop)
    assert "Spot 11" in hits[0]
    assert desktop.evaluate("document.activeElement.dataset.region") == REGION   # focus stays put


def test_finder_lists_essential_before_spillover(site, desktop, content):
    for region_id in content.regions:
        found = content.spots_for_region(region_id)
        if not any(kind == "spillover" for _, kind in found):
            continue
        desktop.goto((site / "index.html").as_uri())
        desktop.locator(f'button[data-region="{region_id}"]').click()
        kinds = [t.split("\n")[0] for t in _result_spots(desktop)]
        assert kinds == sorted(kinds, key=lambda k: k != "Essential zone"), region_id
        assert len(kinds) == len(found)


def test_condition_finder(site, desktop, content):
    desktop.goto((site / "index.html").as_uri())
    desktop.get_by_role("button", name="Sciatica", exact=True).click()
    texts = " ".join(_result_spots(desktop))
    for spot in content.spots_for_condition("sciatica"):
        assert f"Spot {spot.number}:" in texts
    assert desktop.get_attribute(f'button[data-region="{REGION}"]', "aria-pressed") == "false"


def test_search_finds_a_spot_by_muscle_name(site, desktop, content):
    desktop.goto((site / "search.html").as_uri())
    desktop.get_by_label("Search spots, muscles, conditions and terms").type("infraspinatus")
    results = desktop.locator("#search-results li")
    title = content.spot(14).title
    expect(results.first).to_have_text(f"infraspinatus (Muscle: Spot 14: {title})")
    assert f"Spot 14: {title}" in results.all_inner_texts()[1]
    results.first.get_by_role("link").click()
    expect(desktop).to_have_url(re.compile(r"/spot-14\.html$"))


def test_search_from_the_home_page_form(site, desktop, content):
    desktop.goto((site / "index.html").as_uri())
    desktop.get_by_label("Search spots, muscles, conditions and terms").fill("gluteus maximus")
    desktop.keyboard.press("Enter")
    expect(desktop.locator("#search-results li").first).to_have_text(f"gluteus maximus (Muscle: Spot 12: {content.spot(12).title})")
    expect(desktop.locator("#search-count")).to_have_text(re.compile(r"^\d+ results$"))


def test_no_horizontal_scroll_at_320_px(site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640}, has_touch=True, is_mobile=True)
    page = context.new_page()
    wide = []
    for path in pages(site):
        page.goto(path.as_uri())
        if page.evaluate("document.documentElement.scrollWidth") > 320:
            wide.append(path.name)
    context.close()
    assert wide == []


def test_spot_page_shows_booklet_page_cautions_and_related_links(site, desktop, content, built_pages):
    for spot in content.spots:
        desktop.goto((site / f"spot-{spot.number:02d}.html").as_uri())
        expect(desktop.locator(".booklet-page")).to_have_text(f"Booklet p. {built_pages[spot.number]}")
        cautions = desktop.locator("aside.caution:has(#cautions) li").all_inner_texts()
        assert cautions == [" ".join(c.split()) for c in spot.cautions]
        flags = [desktop.locator(f"aside.caution:has(#flags-{f.id}) li").all_inner_texts()
                 for f in content.red_flags(spot)]
        assert flags == [[" ".join(sign.split()) for sign in f.signs] for f in content.red_flags(spot)]
        related = desktop.locator("h2:has-text('Related spots') + ul a").all_inner_texts()
        assert related == [f"Spot {r.spot}: {content.spot(r.spot).title}" for r in spot.related]


def test_red_flags_are_on_every_spot_page_that_names_them(site, desktop, content):
    """The low-back red flags, written once in guide.yaml, are on the pages of the spots that name them."""
    named = [s for s in content.spots if s.red_flags]
    assert len(named) >= 4
    for spot in named:
        desktop.goto((site / f"spot-{spot.number:02d}.html").as_uri())
        for flags in content.red_flags(spot):
            box = desktop.locator(f"aside.caution:has(#flags-{flags.id})")
            expect(box.locator("h2")).to_have_text(flags.heading)
            assert box.locator("li").count() == len(flags.signs)


def test_how_to_use_prints_the_guide_general_precautions_and_when_to_see_a_clinician(site, desktop, content):
    """The guide's sections as the booklet prints them, from the one definition in guide.yaml."""
    desktop.goto((site / "how-to-use.html").as_uri())
    headings = desktop.locator("main h2").all_inner_texts()
    guide = content.guide
    for part in (guide.charts, guide.safety, guide.flashcards, guide.clinician):
        assert part.heading in headings
    text = " ".join(desktop.locator("main").inner_text().split())
    for point in guide.safety.points:
        assert " ".join(point.lead.split()) in text          # blood thinners, osteoporosis, pregnancy ...
    assert " ".join(guide.clinician.paragraphs[-1].split()) in text
    assert "{" not in text                                   # every placeholder filled
    deck = desktop.locator("main a[href='downloads/perfect-spots.apkg']")
    expect(deck).to_have_count(1)


@pytest.fixture(scope="module")
def built_pages(site) -> dict[int, int]:
    from publish.consistency.booklet import read_booklet
    labels = load_content(CONTENT).labels
    return {n: c.page for n, c in read_booklet(site.parent / "booklet" / "perfect-spots-a5.pdf", labels).items()}


def test_markup_in_content_shows_as_typed(tmp_path, desktop):
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    spot_file = next((copy / "spots").glob("11-*.yaml"))
    data = yaml.safe_load(spot_file.read_text(encoding="utf-8"))
    data["title"] = "<b>Bold</b> & <script>alert(1)</script>"
    spot_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    book = copy / "book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace(
        "url: https://creativecommons.org/licenses/by-sa/4.0/", "url: javascript:alert(2)"), encoding="utf-8")
    content = load_content(copy)
    assert content.book.licence.url == "javascript:alert(2)"
    build_site(content, tmp_path / "site")
    errors = []
    desktop.on("dialog", lambda d: errors.append(d.message))
    for name in ("spot-11.html", "index.html", "search.html"):
        desktop.goto((tmp_path / "site" / name).as_uri() + ("?q=bold" if name == "search.html" else ""))
        assert desktop.locator("main b").count() == 0 and desktop.locator("main script").count() == 0
    desktop.goto((tmp_path / "site" / "spot-11.html").as_uri())
    assert desktop.inner_text("h1").split("\n") == ["Spot 11", "<b>Bold</b> & <script>alert(1)</script>"]
    desktop.goto((tmp_path / "site" / "search.html").as_uri() + "?q=bold")
    expect(desktop.locator("#search-results a").first).to_have_text("Spot 11: <b>Bold</b> & <script>alert(1)</script>")
    desktop.goto((tmp_path / "site" / "how-to-use.html").as_uri())
    assert desktop.locator('a[href^="javascript"]').count() == 0
    assert "javascript:alert(2)" in desktop.inner_text("main")
    assert errors == []


def test_same_content_same_bytes(content, tmp_path):
    build_site(content, tmp_path / "a", {1: 3})
    build_site(content, tmp_path / "b", {1: 3})
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert a == b and len(a) > 30


def test_fonts_are_subset_woff_with_their_licence(site):
    from fontTools.ttLib import TTFont
    for woff in sorted((site / "fonts").glob("*.woff")):
        font = TTFont(woff)
        assert font.flavor == "woff"
        assert len(font.getBestCmap()) < 400, woff.name          # the full Noto Sans maps thousands
        assert "SIL Open Font License" in (font["name"].getDebugName(13) or "")
    assert "SIL OPEN FONT LICENSE" in (site / "fonts" / "OFL.txt").read_text(encoding="utf-8").upper()


def test_focus_is_visible_and_print_leaves_out_the_controls(site, desktop):
    desktop.goto((site / "index.html").as_uri())
    desktop.locator(f'button[data-region="{REGION}"]').focus()
    desktop.keyboard.press("Tab")
    outline = desktop.evaluate("getComputedStyle(document.activeElement).outlineStyle + ' ' + "
                               "getComputedStyle(document.activeElement).outlineWidth")
    assert outline.split()[0] == "solid" and float(outline.split()[1].removesuffix("px")) >= 2
    desktop.emulate_media(media="print")
    assert not desktop.locator("header nav").is_visible() and not desktop.locator(".lists").is_visible()
    assert desktop.locator("h1").is_visible()
