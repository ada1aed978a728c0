"""Every Anki card on a phone and a tablet, day and night, in the system Chromium: each side with the
note type's CSS, as Anki shows it. No text under 12 CSS px (figure labels included, measured inside
each SVG at the size the card shows it, and everything under 'More' once opened), nothing wider than the screen, and on the answer side the
one-line answer in view before any scrolling. `make test` installs Chromium (`make browser`)."""
from __future__ import annotations

from pathlib import Path

import pytest
from card_pages import CardSide, card_sides, write_page
from chromium import launched
from conftest import CONTENT

from publish.build import build
from publish.editions import DECK_DIR, DECK_FILE

SCREENS = {"phone": {"width": 390, "height": 844}, "tablet": {"width": 900, "height": 1100}}
SMALLEST = 12.0   # CSS px

MEASURE = """async () => {
  const line = document.querySelector('.answer-line');
  const below = line ? line.getBoundingClientRect().bottom - innerHeight : null;
  for (const d of document.querySelectorAll('details')) d.open = true;   // 'More' is read too, once opened
  const shown = e => e.checkVisibility({checkVisibilityCSS: true});
  const small = [];
  for (const e of document.body.querySelectorAll('*')) {
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const size = parseFloat(getComputedStyle(e).fontSize);
    if (own && shown(e) && size < SMALLEST) small.push(`${size.toFixed(1)}px "${e.textContent.trim().slice(0, 40)}"`);
  }
  for (const img of document.images) {
    if (!shown(img) || !img.src.endsWith('.svg')) continue;
    const svg = new DOMParser().parseFromString(await (await fetch(img.src)).text(), 'image/svg+xml').documentElement;
    const box = img.getBoundingClientRect();
    svg.setAttribute('width', box.width); svg.setAttribute('height', box.height);
    const holder = document.createElement('div');
    holder.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden';
    holder.appendChild(document.importNode(svg, true)); document.body.appendChild(holder);
    for (const t of holder.querySelectorAll('text')) {
      const m = t.getScreenCTM();
      const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
      if (t.textContent.trim() && size < SMALLEST)
        small.push(`${size.toFixed(1)}px in figure ${img.alt.slice(0, 30)}: "${t.textContent.trim()}"`);
    }
    holder.remove();
  }
  return {small, wide: document.documentElement.scrollWidth - document.documentElement.clientWidth, line: below};
}""".replace("SMALLEST", str(SMALLEST))


@pytest.fixture(scope="module")
def sides(content, tmp_path_factory) -> tuple[list[CardSide], Path]:
    out = tmp_path_factory.mktemp("build")
    build(content, "deck", out, CONTENT)
    folder = tmp_path_factory.mktemp("anki")
    return card_sides(out / DECK_DIR / DECK_FILE, folder), folder / "collection.media"


@pytest.fixture(scope="module")
def browser():
    with launched("--allow-file-access-from-files") as chromium:   # the card's SVGs, measured in the page
        yield chromium


@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_card_reads_on_the_screen(sides, browser, screen, night):
    cards, media = sides
    assert {c.kind for c in cards} >= {"Spot to muscle", "Muscle to spot", "Pain pattern to spot", "Map to spot",
                                       "Spot to pain zones", "Spot to conditions", "Condition to spots",
                                       "Pain area to spots"}
    page = browser.new_page(viewport=SCREENS[screen], is_mobile=screen == "phone", has_touch=screen == "phone")
    problems = []
    for index, side in enumerate(cards):
        page.goto(write_page(side, media, night, index).as_uri())
        found = page.evaluate(MEASURE)
        problems += [f"{side.name}: text {s}" for s in found["small"]]
        if found["wide"] > 0:
            problems.append(f"{side.name}: {found['wide']} px wider than the screen")
        if side.side == "answer" and (found["line"] is None or found["line"] > 0):
            problems.append(f"{side.name}: the one-line answer is " + (
                "missing" if found["line"] is None else f"{found['line']:.0f} px below the screen"))
    page.close()
    problems.sort(key=lambda p: " in figure " in p)     # figure labels last: their own size rule
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])
