"""What does not fit a paper card continues on the next card, marked 'continued' on both sides and
placed so its back lands behind its front; nothing that fits the deck fails because of paper."""
from __future__ import annotations

import dataclasses
import sys

import pytest
from card_sheets import EPOCH, Sheets
from conftest import ROOT

from publish import paper
from publish.model import load_content
from publish.paper import build_cards
from publish.study import card_count, study_notes

sys.path.insert(0, str(ROOT / "bench"))
from synth import make_content  # noqa: E402

LONG_DETAIL = " ".join(f"fibre group {i} runs from the upper border to the lower border" for i in range(40))


def pairs(tmp_path, content) -> list[tuple[str, str]]:
    """(front, back) text of every printed card, on both papers (the same on each)."""
    result = build_cards(content, tmp_path / "cards", epoch=EPOCH)
    found = [Sheets(path).pairs() for path in result.files]
    assert found[0] == found[1]
    return found[0]


def test_a_long_answer_continues_on_the_next_card_front_and_back(tmp_path, content_copy):
    def change(spot):
        spot["muscles"][0]["detail"] = LONG_DETAIL
    printed = pairs(tmp_path, load_content(content_copy({3: change})))
    at = next(i for i, (front, back) in enumerate(printed)
              if back.startswith("SPOT 3 \u00b7 SPOT TO MUSCLE ") and "continued" not in back[:60])
    following = [(f, b) for f, b in printed[at + 1:] if b.startswith("SPOT 3 \u00b7 SPOT TO MUSCLE ")]
    assert following, "the answer was cut short instead of continuing"
    for front, back in following:
        assert front.startswith("SPOT TO MUSCLE \u00b7 CONTINUED"), front[:80]
        assert "continued" in back[:80], back[:80]
    assert printed[at + 1] == following[0], "the continuation is not the very next card"
    read = " ".join([printed[at][1]] + [b.removeprefix("SPOT 3 \u00b7 SPOT TO MUSCLE continued ") for _, b in following])
    missing = [i for i in range(40) if f"fibre group {i} runs" not in read]
    assert not missing, (missing, read)   # read on across the cards, a paragraph broken between lines


def test_a_long_question_shrinks_then_continues_on_the_next_front(tmp_path, content, monkeypatch):
    """Content caps its titles (120 characters), so a question this long comes from a long question
    template, as a translated labels file may have: here Spot 3's 'Spot to muscle' question is made long."""
    title = " ".join(["Pain along the shin and the top of the foot"] * 30)

    def long_question(content, spot_pages=None):
        notes = list(study_notes(content, spot_pages))
        at = next(i for i, n in enumerate(notes) if n.kind.key == "spot" and n.key == "3")
        cards = tuple(dataclasses.replace(c, question=f"Perfect Spot 3 ({title}): {c.question.split('): ', 1)[1]}")
                      if c.kind.key == "muscle" else c for c in notes[at].cards)
        notes[at] = dataclasses.replace(notes[at], cards=cards)
        return tuple(notes)
    monkeypatch.setattr(paper, "study_notes", long_question)
    printed = pairs(tmp_path, content)
    fronts = [i for i, (front, _) in enumerate(printed) if front.startswith("SPOT TO MUSCLE") and "(Pain along" in front]
    assert len(fronts) == 1
    after = []
    for front, back in printed[fronts[0] + 1:]:
        if not front.startswith("SPOT TO MUSCLE \u00b7 CONTINUED"):
            break
        assert back.startswith("SPOT 3 \u00b7 SPOT TO MUSCLE continued"), back[:80]
        after.append(front.removeprefix("SPOT TO MUSCLE \u00b7 CONTINUED "))
    assert after, "the question was not continued"
    asked = " ".join([printed[fronts[0]][0]] + after)
    assert asked.count("Pain along the shin") == 30, asked
    assert asked.endswith("which part?"), asked[-200:]


@pytest.mark.parametrize("edit", ["condition of every spot", "long place"])
def test_content_the_deck_accepts_always_prints(tmp_path, content_copy, edit):
    def every_spot(spot):
        spot["conditions"] = list(dict.fromkeys(spot.get("conditions", []) + ["neck_pain"]))
    def long_place(spot):     # as long as content allows (300 characters)
        spot["place"] = ("on the outer side of the lower leg, a hand's width below the knee, " * 15)[:300].strip()
    numbers = range(1, 15) if edit == "condition of every spot" else [3]
    change = every_spot if edit == "condition of every spot" else long_place
    printed = pairs(tmp_path, load_content(content_copy({n: change for n in numbers})))
    assert printed
    if edit == "condition of every spot":
        at = next(i for i, (_, back) in enumerate(printed) if back.startswith("CONDITION TO SPOTS Neck pain"))
        listed = " ".join([printed[at][1]] + [b for _, b in printed[at + 1:at + 4] if b.startswith("CONDITION TO SPOTS continued")])
        assert all(f"Spot {n}:" in listed for n in range(1, 15))


def test_sixty_spots_sharing_pain_areas_print(tmp_path):
    content = load_content(make_content(ROOT / "content", tmp_path / "content", 60))
    assert len(pairs(tmp_path, content)) >= card_count(content)
