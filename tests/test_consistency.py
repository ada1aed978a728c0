"""`python -m publish check` after a build: the booklet, the deck and the paper cards must say the same
things. A fresh build agrees; a tampered deck, a stale booklet or a card missing from paper is named by
spot and field, through the real command line."""
from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pikepdf
import pytest

from bench.synth import make_content
from publish.build import build
from publish.consistency.compare import split
from publish.editions import A4
from publish.figures import FigureStore
from publish.model import load_content
from publish.paper.document import write_cards
from publish.paper.layout import lay_out
from publish.study import study_notes

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
APKG = Path("deck") / "perfect-spots.apkg"


def check(out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "publish", "check", "--content", str(CONTENT), "--out", str(out)],
                          env=env, capture_output=True, text=True, timeout=300)


def reported(result: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return [line.removeprefix("publish: ") for line in result.stderr.splitlines()]


def edit_notes(apkg: Path, change) -> None:
    """Rewrite the package with `change(fields)` applied to every note's fields (a dict by field name, as
    the collection's note types name them), as a tool editing the collection would."""
    with zipfile.ZipFile(apkg) as package:
        entries = {name: package.read(name) for name in package.namelist()}
    db_path = apkg.with_suffix(".anki2")
    db_path.write_bytes(entries["collection.anki2"])
    db = sqlite3.connect(db_path)
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    names = {int(mid): [f["name"] for f in sorted(m["flds"], key=lambda f: f["ord"])] for mid, m in models.items()}
    for nid, mid, flds in db.execute("SELECT id, mid, flds FROM notes").fetchall():
        fields = dict(zip(names[mid], flds.split("\x1f"), strict=True))
        change(fields)
        db.execute("UPDATE notes SET flds = ? WHERE id = ?", ("\x1f".join(fields.values()), nid))
    db.commit()
    db.close()
    entries["collection.anki2"] = db_path.read_bytes()
    db_path.unlink()
    with zipfile.ZipFile(apkg, "w") as package:
        for name, data in entries.items():
            package.writestr(name, data)


@pytest.fixture(scope="module")
def built(content, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    build(content, "all", out, CONTENT)
    return out


@pytest.fixture
def out(built, tmp_path) -> Path:
    """A copy of the build to tamper with."""
    copy = tmp_path / "build"
    shutil.copytree(built, copy)
    return copy


def test_a_fresh_build_agrees(built):
    result = check(built)
    assert result.returncode == 0, result.stderr
    assert f"booklet, deck, paper cards and web edition in {built} agree" in result.stdout


def test_without_a_build_check_only_validates_the_content(tmp_path):
    result = check(tmp_path / "nothing")
    assert result.returncode == 0, result.stderr
    assert "agree" not in result.stdout and not result.stderr


def test_a_changed_muscle_detail_and_page_in_the_deck_are_named_by_spot_and_field(out, content):
    spot = content.spots[4]
    muscle = spot.muscles[0]

    def change(fields):
        if fields.get("Number") == str(spot.number):
            fields["Muscles"] = fields["Muscles"].replace(muscle.detail, "somewhere else entirely")
            fields["BookletPage"] = re.sub(r"p\. \d+", "p. 999", fields["BookletPage"])
    edit_notes(out / APKG, change)

    result = check(out)
    assert result.returncode == 1
    lines = reported(result)
    assert any(line.startswith(f'Spot {spot.number}: muscles: detail of "{muscle.name}": the booklet says "')
               and line.endswith('the cards "somewhere else entirely"') for line in lines), lines
    assert any(line.startswith(f"Spot {spot.number}: page: the cards say p. 999, the chapter starts on p. ")
               for line in lines), lines
    # the half-letter edition has the same pages, so it disagrees with the deck in the same two places
    assert any(line.startswith(f"Spot {spot.number} (perfect-spots-half-letter.pdf): page: the cards say p. 999")
               for line in lines), lines
    assert lines[-1] == f"4 mismatch(es) between the booklet and the cards in {out}"


def test_a_spot_dropped_from_a_condition_card_is_named(out, content):
    condition = next(c for c in content.conditions.values() if len(content.spots_for_condition(c.id)) > 1)
    dropped = content.spots_for_condition(condition.id)[0]

    def change(fields):
        if fields.get("Condition") and fields["Heading"] == condition.name:
            fields["Spots"] = re.sub(rf"<li><b>Spot {dropped.number}:.*?</li>", "", fields["Spots"])
    edit_notes(out / APKG, change)

    lines = reported(check(out))
    assert (f'Spot {dropped.number}: conditions: "{condition.name}" (condition) is in the booklet, but its '
            f'"which spots?" card does not list Spot {dropped.number}') in lines


def test_a_changed_muscle_on_the_site_and_a_spot_missing_from_its_finder_are_named(out, content):
    spot = content.spot(11)
    page = out / "site" / "spot-11.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        f"<strong>{spot.muscles[0].name}</strong>", "<strong>trapezius</strong>"), encoding="utf-8")
    home = out / "site" / "index.html"
    region = content.regions[spot.pain.essential[0]]
    html = home.read_text(encoding="utf-8")
    block = re.search(rf'<template id="region-{region.id}">.*?</template>', html).group(0)
    home.write_text(html.replace(block, re.sub(r'<li class="hit essential">.*?</li>', "", block)), encoding="utf-8")

    result = check(out)
    assert result.returncode == 1
    lines = reported(result)
    assert any(line.startswith('Spot 11: muscles: the site lists "trapezius') for line in lines), lines
    assert (f'Pain area "{region.label}": finder, essential: the site lists spots none, the booklet links [11]'
            in lines), lines


def test_a_booklet_left_over_from_older_content_is_named(out, tmp_path, content_copy):
    removed = []

    def change(data):
        data["muscles"][0]["name"] = "tibialis posterior"
        removed.append(data["conditions"].pop())
    content_dir = content_copy({3: change})
    edited = load_content(content_dir)
    older = (out / "booklet" / "perfect-spots-a5.pdf").read_bytes()
    build(edited, "deck", out, content_dir)     # the booklet, the deck and the cards are rebuilt
    (out / "booklet" / "perfect-spots-a5.pdf").write_bytes(older)     # and the booklet put back as it was

    lines = reported(check(out))
    assert 'Spot 3: muscles: "tibialis anterior" is in the booklet but on no card' in lines
    assert 'Spot 3: muscles: "tibialis posterior" is on the cards but not in the booklet' in lines
    name = edited.conditions[removed[0]].name
    # the booklet lowers a name's first letter inside a list ("Shin splints, medial tibial ...")
    assert f'Spot 3: conditions: "{name}" is in the booklet but on no card'.casefold() in [x.casefold() for x in lines]


@pytest.mark.parametrize("damage", ["truncated deck", "garbage booklet", "truncated cards", "folder for the deck",
                                    "missing deck"])
def test_a_damaged_output_fails_the_check(out, damage):
    apkg, booklet, cards = out / APKG, out / "booklet" / "perfect-spots-a5.pdf", out / "cards" / "perfect-spots-cards-a4.pdf"
    if damage == "truncated deck":
        apkg.write_bytes(apkg.read_bytes()[: apkg.stat().st_size // 2])
    elif damage == "garbage booklet":
        booklet.write_bytes(b"%PDF-1.7\n" + os.urandom(4096))
    elif damage == "truncated cards":
        cards.write_bytes(cards.read_bytes()[: cards.stat().st_size // 3])
    elif damage == "folder for the deck":
        apkg.unlink()
        apkg.mkdir()
    else:
        apkg.unlink()
    result = check(out)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "agree" not in result.stdout and "Traceback" not in result.stderr, result.stderr


def test_a_build_of_other_content_is_named_by_spot(out, tmp_path):
    """A 14-spot build checked against content with more spots, or fewer, does not agree with it."""
    more = make_content(CONTENT, tmp_path / "twenty", 20)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "publish", "check", "--content", str(more), "--out", str(out)],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    lines = reported(result)
    assert "Spot 20: spot: is in the content but has no chapter in the booklet" in lines, lines


def test_a_card_missing_from_paper_and_a_wrong_page_on_paper_are_named(out, content):
    notes = list(study_notes(content, {s.number: 99 for s in content.spots}))
    last = notes[1].cards[-1]
    notes[1] = dataclasses.replace(notes[1], cards=notes[1].cards[:-1])
    store = FigureStore(content)
    write_cards(lay_out(tuple(notes), store, content.labels), content.book, A4,
                out / "cards" / "perfect-spots-cards-a4.pdf", 0, store, content.labels)

    lines = reported(check(out))
    assert f'Spot 2: card "{last.kind.name}": missing from perfect-spots-cards-a4.pdf' in lines
    assert any(re.fullmatch(r"Spot 1: page: perfect-spots-cards-a4\.pdf, sheet 1, card 1 says p\. 99, "
                            r"the chapter starts on p\. \d+", line) for line in lines), lines
    assert not any("perfect-spots-cards-letter.pdf" in line for line in lines)


def test_a_muscle_without_detail_is_no_mismatch(tmp_path, content_copy):
    def change(data):
        assert len(data["muscles"]) > 2
        data["muscles"][1].pop("detail", None)
    content_dir = content_copy({1: change})
    build(load_content(content_dir), "all", tmp_path / "out", content_dir)

    result = check(tmp_path / "out")
    assert result.returncode == 0, result.stderr


def test_lists_are_split_at_commas_but_known_names_with_commas_stay_whole():
    known = {"neck, upper", "neck", "upper back"}
    assert split("neck, upper, upper back, shin", known) == ("neck, upper", "upper back", "shin")
    assert split("", known) == ()


def test_a_good_build_of_unusual_content_agrees(tmp_path, content_copy):
    """No false mismatches: twelve muscles push the at-a-glance box to the chapter's second page, a spot
    without references has the page foot right under its last row, and a tab or a line separator in a
    title is white space to a reader, however each output sets it."""
    def twelve_muscles(data):
        data["muscles"] = [{"name": f"muscle {letter}", "detail": "a detail long enough to take a line of the box"}
                           for letter in "abcdefghijkl"]

    def no_references(data):
        assert data.pop("references", None)

    def title_with(separator):
        def change(data):
            data["title"] = data["title"].replace(" ", separator, 1)
        return change
    content_dir = content_copy({1: twelve_muscles, 2: no_references, 4: title_with("\t"), 5: title_with("\u2028")})
    out = tmp_path / "out"
    build(load_content(content_dir), "all", out, content_dir)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "publish", "check", "--content", str(content_dir), "--out", str(out)],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "agree" in result.stdout


def test_a_half_letter_edition_paginated_differently_is_named(out):
    """The deck and the Letter cards quote one set of page numbers; the half-letter edition must
    have the same. A blank page slipped in at its front moves every chapter one page on."""
    path = out / "booklet" / "perfect-spots-half-letter.pdf"
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages.insert(0, pdf.pages[-1])
        pdf.save(path)

    lines = reported(check(out))
    assert any(re.fullmatch(r"Spot 1 \(perfect-spots-half-letter\.pdf\): page: the cards say p\. (\d+), "
                            r"the chapter starts on p\. \d+", line) for line in lines), lines
    assert any(line.startswith("Spot 1 (perfect-spots-half-letter.pdf): page: perfect-spots-cards-letter.pdf")
               for line in lines), lines
    assert not any(line.startswith("Spot 1: page") for line in lines), lines
