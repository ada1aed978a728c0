"""The deck's figures as a phone shows them: read from the built .apkg, sized as the card's CSS sizes them.

At 390 CSS px an Anki card's image gets the width left by the reviewer's body margin (20 px a side),
the card's padding (0.2em of 19 px a side) and the image's own padding (4 px a side, border-box); a
locator is at most 18em wide; every figure at most 75vh tall (object-fit: contain) on a 390 x 844 phone.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from publish.deck import build_deck

PHONE_WIDTH, PHONE_HEIGHT, CARD_FONT = 390.0, 844.0, 19.0
IMAGE_WIDTH = PHONE_WIDTH - 2 * 20 - 2 * 0.2 * CARD_FONT - 2 * 4
LOCATOR_WIDTH = min(IMAGE_WIDTH, 18 * CARD_FONT - 2 * 4)
IMAGE_HEIGHT = 0.75 * PHONE_HEIGHT - 2 * 4
SMALLEST = 12.0


@pytest.fixture(scope="module")
def deck_svgs(content, tmp_path_factory) -> dict[str, bytes]:
    """Media name -> SVG bytes of every figure in the built deck."""
    built = build_deck(content, tmp_path_factory.mktemp("deck"), epoch=1_700_000_000)
    with zipfile.ZipFile(built.files[0]) as apkg:
        names = json.loads(apkg.read("media"))
        return {name: apkg.read(number) for number, name in names.items() if name.endswith(".svg")}


def _css_px_per_unit(name: str, root: ET.Element) -> float:
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    room = LOCATOR_WIDTH if "-locator-" in name else IMAGE_WIDTH
    return min(room / width, IMAGE_HEIGHT / height)


def test_every_deck_figure_shows_its_text_at_12_px_or_more_on_a_390_px_phone(deck_svgs):
    assert len(deck_svgs) > 50
    too_small = []
    for name, svg in deck_svgs.items():
        root = ET.fromstring(svg)
        scale = _css_px_per_unit(name, root)
        for label in (e for e in root.iter() if e.get("aria-label")):
            px = float(label.get("font-size")) * scale
            if px < SMALLEST:
                too_small.append(f"{name}: '{label.get('aria-label')}' at {px:.1f} px")
    assert not too_small, "\n".join(too_small[:20])


def test_deck_figures_carry_no_text_for_the_device_font(deck_svgs):
    for name, svg in deck_svgs.items():
        assert not re.search(rb"<text\b|font-family", svg), name


def test_deck_figures_keep_their_words(deck_svgs):
    """Titles and keys were outlined, not dropped: every pattern names its key, every map its views' text."""
    patterns = [svg for name, svg in deck_svgs.items() if re.match(r"spot-\d\d-pattern-", name)]
    assert patterns and all(b'aria-label="essential zone"' in svg for svg in patterns)
