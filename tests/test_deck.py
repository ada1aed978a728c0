"""The Anki deck as students meet it: imported into a real Anki collection, reviewed and updated."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

import pytest

from anki_reader import (
    SPOT_TYPE,
    cards_by_type,
    import_deck,
    open_collection,
    review_some,
    scheduling,
    section,
    spot_notes,
    study_deck,
    text,
)
from publish.deck import build_deck
from publish.model import load_content

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
EPOCH = 1_700_000_000  # in the past: Check Database resets dates in the future

# Identities students' collections depend on: changing any of these breaks updates (see README).
NOTE_TYPES = {
    1739304251: ("Perfect Spots: spot", [
        "Number", "Heading", "Place", "Muscles", "Essential zones", "Spill-over zones", "Conditions", "Landmarks",
        "Cautions", "BookletPage", "Steps", "Summary", "Feel", "Treatment", "Related", "Sources",
        "Pattern figure", "Locator figure", "Pattern quiz figure", "Map figure", "Muscle question", "Spot question",
        "Pattern question", "Map question", "Pain question", "Conditions question"],
        ["Spot to muscle", "Muscle to spot", "Pain pattern to spot", "Map to spot", "Spot to pain zones",
         "Spot to conditions"]),
    1216094732: ("Perfect Spots: condition",
                 ["Condition", "Heading", "Also called", "Summary", "Spots", "Map figure", "Question"],
                 ["Condition to spots"]),
    1581935640: ("Perfect Spots: pain area",
                 ["Pain area", "Heading", "Body area", "Essential zone of", "Spill-over zone of", "Map figure",
                  "Question"],
                 ["Pain area to spots"]),
}
MEDIA_NAME = re.compile(r"^(spot-\d{2}-)?[a-z][a-z-]*-[0-9a-f]{12}\.svg$")


# ---------------------------------------------------------------- helpers









def images(html: str) -> list[str]:
    return re.findall(r'<img src="([^"]+)"', html)


# ---------------------------------------------------------------- one build, imported once

@pytest.fixture(scope="module")
def built(content, tmp_path_factory):
    return build_deck(content, tmp_path_factory.mktemp("deck"), epoch=EPOCH)


@pytest.fixture(scope="module")
def col(built, tmp_path_factory):
    col = open_collection(tmp_path_factory.mktemp("anki"))
    log = import_deck(col, built.files[0])
    assert len(log.new) == col.note_count() and not log.conflicting
    yield col
    col.close()


def test_build_writes_one_package(built):
    assert [f.name for f in built.files] == ["perfect-spots.apkg"]
    assert built.files[0].stat().st_size > 10_000


def test_note_types_deck_and_card_counts(content, built, col):
    models = {m["id"]: m for m in col.models.all() if m["name"].startswith("Perfect Spots")}
    assert {mid: (m["name"], [f["name"] for f in m["flds"]], [t["name"] for t in m["tmpls"]])
            for mid, m in models.items()} == NOTE_TYPES
    assert [d.name for d in col.decks.all_names_and_ids()] == ["Default", "Perfect Spots"]
    assert col.card_count() == built.cards

    notes = spot_notes(col)
    assert sorted(notes) == [s.number for s in content.spots]
    for spot in content.spots:
        expected = {"Spot to muscle", "Muscle to spot", "Pain pattern to spot", "Spot to pain zones"}
        expected |= {"Map to spot"} if spot.marker else set()
        expected |= {"Spot to conditions"} if spot.conditions else set()
        assert set(cards_by_type(notes[spot.number])) == expected, spot.number

    linked_conditions = [c for c in content.conditions if content.spots_for_condition(c)]
    linked_regions = [r for r in content.regions if content.spots_for_region(r)]
    assert len(col.find_notes("mid:1216094732")) == len(linked_conditions)
    assert len(col.find_notes("mid:1581935640")) == len(linked_regions)
    assert col.card_count() == sum(len(cards_by_type(n)) for n in notes.values()) \
        + len(linked_conditions) + len(linked_regions)


def test_notes_sort_by_spot_number_and_browser_shows_questions(content, col):
    column = col.get_browser_column("noteFld")
    ordered = [int(col.get_note(n)["Number"]) for n in col.find_notes(f"mid:{SPOT_TYPE}", order=column)]
    assert ordered == sorted(s.number for s in content.spots)
    study_deck(col)
    first = col.sched.getCard()
    assert first.note()["Number"] == str(content.spots[0].number)
    col.set_browser_card_columns(["question", "answer"])
    question, answer = (cell[0] for cell in col.browser_row_for_id(first.id)[0])
    assert question == text(first.question()).removeprefix("Spot to muscle ")
    assert answer == f"Perfect Spot {content.spots[0].number}: {content.spots[0].title}"


def test_spot_cards_ask_and_answer(content, col):
    notes = spot_notes(col)
    for spot in content.spots:
        cards = cards_by_type(notes[spot.number])
        heading = f"Perfect Spot {spot.number}: {spot.title}"
        muscles = [m.name for m in spot.muscles]
        for name, card in cards.items():
            answer = text(card.answer())
            assert heading in answer, (spot.number, name)
            assert spot.place in answer

        q, a = text(cards["Spot to muscle"].question()), cards["Spot to muscle"].answer()
        assert f"Perfect Spot {spot.number}" in q and not any(m in q for m in muscles)
        assert all(m.name in section(a, "answer") for m in spot.muscles)
        assert all(m.detail in section(a, "answer") for m in spot.muscles if m.detail)

        q, a = text(cards["Muscle to spot"].question()), cards["Muscle to spot"].answer()
        own = [m.name for m in spot.muscles if m.role == "spot"]
        context = [m.name for m in spot.muscles if m.role == "context"]
        assert all(m in q for m in own) and not any(m in q for m in context) and f"Spot {spot.number}" not in q
        assert all(s in text(a) for s in spot.locate.landmarks + spot.locate.steps)
        if spot.locator:
            assert any(src.startswith(f"spot-{spot.number:02d}-locator-") for src in images(a))

        for picture_card in ("Pain pattern to spot", "Map to spot"):
            if picture_card not in cards:
                continue
            q, a = cards[picture_card].question(), cards[picture_card].answer()
            assert len(images(q)) == 1 and not images(q)[0].startswith("spot-"), "the file name must not tell"
            assert str(spot.number) not in text(q) and spot.title not in text(q)
            assert not any(m in text(q) for m in muscles)
            assert all(m in section(a, "answer") for m in muscles)
            assert any(src.startswith(f"spot-{spot.number:02d}-pattern-") for src in images(a))

        a = cards["Spot to pain zones"].answer()
        essential = section(a, "fact-essential")
        assert all(content.regions[r].label in essential for r in spot.pain.essential)
        spillover = section(a, "fact-spillover")
        assert all(content.regions[r].label in spillover for r in spot.pain.spillover)
        assert essential.startswith("Essential pain zone") and (not spillover or spillover.startswith("Spill-over"))

        if spot.conditions:
            a = section(cards["Spot to conditions"].answer(), "answer")
            assert all(content.conditions[c].name in a for c in spot.conditions)


def test_condition_and_pain_area_cards_list_their_spots(content, col):
    for condition in content.conditions.values():
        spots = content.spots_for_condition(condition.id)
        found = col.find_notes(f"mid:1216094732 tag:PerfectSpots::Condition::{condition.id}")
        assert len(found) == (1 if spots else 0), condition.id
        if spots:
            card = col.get_note(found[0]).cards()[0]
            assert condition.name.lower() in text(card.question()).lower()
            listed = [int(n) for n in re.findall(r"Spot (\d+):", section(card.answer(), "answer"))]
            assert listed == [s.number for s in spots]
    for region in content.regions.values():
        found = content.spots_for_region(region.id)
        notes = col.find_notes(f"mid:1581935640 tag:PerfectSpots::Region::{region.id}")
        assert len(notes) == (1 if found else 0), region.id
        if found:
            a = col.get_note(notes[0]).cards()[0].answer()
            for zone in ("essential", "spillover"):
                listed = [int(n) for n in re.findall(r"Spot (\d+):", section(a, f"fact-{zone}"))]
                assert listed == [s.number for s, z in found if z == zone], (region.id, zone)


def test_media_present_and_named_by_content(col):
    check = col.media.check()
    assert not check.missing and not check.unused and not check.missing_media_notes
    files = sorted(p.name for p in Path(col.media.dir()).iterdir() if not p.name.startswith("_"))
    assert files and all(MEDIA_NAME.match(f) for f in files), files
    shown = set()
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        shown |= set(images(card.question()) + images(card.answer()))
    assert shown == set(files)
    for name in files:
        svg = (Path(col.media.dir()) / name).read_text(encoding="utf-8")
        assert "<svg" in svg and svg.rstrip().endswith("</svg>")


def test_cards_carry_their_own_font_with_every_character_they_show(col):
    """Noto Sans ships in the deck (WOFF, a leading underscore so Anki keeps it), the stylesheet of every
    note type names each file, and the fonts draw every character a card shows."""
    from fontTools.ttLib import TTFont

    media = Path(col.media.dir())
    fonts = sorted(p for p in media.iterdir() if p.name.startswith("_"))
    assert [re.sub(r"-[0-9a-f]{12}\.woff$", "", p.name) for p in fonts] == \
        ["_noto-sans-bold", "_noto-sans-italic", "_noto-sans-regular"]
    used = {col.get_note(nid).note_type()["id"] for nid in col.find_notes("")}
    for model in (m for m in col.models.all() if m["id"] in used):
        assert all(f'url("{p.name}")' in model["css"] for p in fonts), model["name"]
    drawn = set.intersection(*(set(TTFont(p).getBestCmap()) for p in fonts))
    shown = set()
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        for side in (card.question(), card.answer()):
            text = re.sub(r"<style>.*?</style>|<[^>]*>", " ", side, flags=re.S)
            shown |= {ord(c) for c in unescape(text) if not c.isspace()}
    assert shown and shown <= drawn, sorted(chr(c) for c in shown - drawn)


def test_check_database_and_empty_cards_find_nothing(col):
    message, ok = col.fix_integrity()
    assert ok and message == "Database rebuilt and optimized."
    assert not col.get_empty_cards().notes


def test_tags(content, col):
    for spot in content.spots:
        tags = set(spot_notes(col)[spot.number].tags)
        assert f"PerfectSpots::Spot::{spot.number}" in tags
        for m in spot.muscles:
            assert f"PerfectSpots::Muscle::{re.sub(r'[^a-z0-9]+', '_', m.name.lower()).strip('_')}" in tags
        assert {f"PerfectSpots::Region::{r}" for r in spot.pain.essential + spot.pain.spillover} <= tags
        assert {f"PerfectSpots::Condition::{c}" for c in spot.conditions} <= tags
    sciatica = col.find_notes("tag:PerfectSpots::Condition::sciatica")
    assert len(sciatica) == len(content.spots_for_condition("sciatica")) + 1


def test_notes_are_dated_by_the_build_epoch(col):
    assert {col.get_note(n).mod for n in col.find_notes("")} == {EPOCH}


# ---------------------------------------------------------------- builds of edited content

def test_content_text_is_escaped(tmp_path, content_copy, edit_spot):
    hostile = "<script>alert(1)</script> {{Front}} [sound:x.mp3] & more"
    folder = content_copy()
    edit_spot(folder, 12, lambda d: d.update(title=hostile))
    built = build_deck(load_content(folder), tmp_path / "deck", epoch=EPOCH)
    col = open_collection(tmp_path / "anki")
    import_deck(col, built.files[0])
    for card in spot_notes(col)[12].cards():
        for html in (card.question(), card.answer()):
            assert "<script>" not in html
        assert hostile in text(card.answer())
        assert not card.question_av_tags() and not card.answer_av_tags()
    col.close()


def test_booklet_page_shown_when_known(content, col, tmp_path):
    assert "Booklet" not in text(cards_by_type(spot_notes(col)[12])["Spot to muscle"].answer())
    pages = {s.number: 10 + s.number for s in content.spots}
    built = build_deck(content, tmp_path / "deck", epoch=EPOCH, spot_pages=pages)
    paged = open_collection(tmp_path / "anki")
    import_deck(paged, built.files[0])
    for number, note in spot_notes(paged).items():
        for card in note.cards():
            assert f"Booklet: p. {10 + number}" in text(card.answer())
    sciatica = paged.get_note(paged.find_notes("mid:1216094732 tag:PerfectSpots::Condition::sciatica")[0])
    answer = text(sciatica.cards()[0].answer())
    assert all(f"booklet p. {10 + s.number}" in answer for s in content.spots_for_condition("sciatica"))
    paged.close()






def test_reimport_updates_notes_and_keeps_reviews(tmp_path, content_copy, edit_spot):
    folder = content_copy()
    first = build_deck(load_content(folder), tmp_path / "v1", epoch=EPOCH)
    col = open_collection(tmp_path / "anki")
    import_deck(col, first.files[0])
    review_some(col)
    before = scheduling(col)
    notes_before = sorted(col.find_notes(""))
    types_before = sorted(m["id"] for m in col.models.all())
    cards, revlog = before
    assert len(revlog) == 10 and sum(1 for c in cards if c["ivl"] > 0) == 6
    assert sum(1 for c in cards if c["queue"] == -1) == 1 and sum(1 for c in cards if c["flags"]) == 1

    edit_spot(folder, 12, lambda d: d.update(title="Low back pain that starts in the buttock"))
    edit_spot(folder, 12, lambda d: d["muscles"][0].update(detail="upper inner edge, just below the PSIS"))
    second = build_deck(load_content(folder), tmp_path / "v2", epoch=EPOCH + 3600)
    log = import_deck(col, second.files[0])

    assert not log.new and not log.conflicting
    assert sorted(col.find_notes("")) == notes_before
    assert sorted(m["id"] for m in col.models.all()) == types_before
    assert scheduling(col) == before
    cards = cards_by_type(spot_notes(col)[12])
    assert "Perfect Spot 12 (Low back pain that starts in the buttock)" in text(cards["Spot to muscle"].question())
    assert "upper inner edge, just below the PSIS" in text(cards["Spot to muscle"].answer())

    stale = import_deck(col, first.files[0])
    assert not stale.updated and not stale.new
    card = cards_by_type(spot_notes(col)[12])["Spot to muscle"]
    assert "Low back pain that starts in the buttock" in text(card.question())
    col.close()


def test_card_definitions_need_no_anki_packaging():
    """Paper flashcards reuse the card definitions, so they must load without genanki."""
    code = "import sys, publish.study; print('genanki' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_same_content_gives_identical_bytes(content, tmp_path):
    a = build_deck(content, tmp_path / "a", epoch=None).files[0]
    b = build_deck(content, tmp_path / "b", epoch=None).files[0]
    assert a.read_bytes() == b.read_bytes()
    book_day = datetime.combine(content.book.date, datetime.min.time(), tzinfo=UTC)
    with zipfile.ZipFile(a) as z:
        assert {info.date_time for info in z.infolist()} == {book_day.timetuple()[:6]}
        assert {info.filename for info in z.infolist()} >= {"collection.anki2", "media"}


def test_muscle_to_spot_asks_about_the_spots_own_muscle_not_its_neighbours(col):
    """Spot 8 lies in vastus lateralis; the other quadriceps heads are named only for orientation."""
    q = text(cards_by_type(spot_notes(col)[8])["Muscle to spot"].question())
    assert "vastus lateralis" in q
    assert not any(m in q for m in ("vastus medialis", "vastus intermedius", "rectus femoris", "quadriceps"))


def test_muscle_to_spot_names_the_group_its_muscles_share(col):
    q = text(cards_by_type(spot_notes(col)[1])["Muscle to spot"].question())
    assert "the suboccipital muscles (rectus capitis posterior major" in q


def test_red_flag_list_is_among_the_cautions_of_every_spot_that_names_it(content, col):
    notes = spot_notes(col)
    for spot in content.spots:
        answer = text(cards_by_type(notes[spot.number])["Muscle to spot"].answer())
        for flags in content.guide.red_flags:
            assert (flags.heading in answer) == (flags.id in spot.red_flags), (spot.number, flags.id)
            if flags.id in spot.red_flags:
                assert all(sign in answer for sign in flags.signs)
