"""Update dates, imported into a real Anki collection: a note is newer than the last release exactly when
what it shows changed, whatever changed it (content in git or not, or the code that renders it); an unchanged
build is byte-identical; and SOURCE_DATE_EPOCH must be a date every output can hold."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from anki_reader import cards_by_type, import_deck, open_collection, review_some, scheduling, spot_notes, text
from publish.deck import build_deck, notetypes, package
from publish.deck.dates import LEDGER_FILE, Ledger, read_ledger
from publish.epoch import FIRST_EPOCH, LAST_EPOCH
from publish.model import load_content

ROOT = Path(__file__).resolve().parent.parent
EPOCH = 1_700_000_000
NEW_TITLE = "Low back pain that starts in the buttock"


def cli(command: str, content: Path, out: Path, epoch: str | None = None) -> subprocess.CompletedProcess:
    """The real command line, dated as a user's build is: no SOURCE_DATE_EPOCH unless given."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONPATH"] = str(ROOT)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.run([sys.executable, "-m", "publish", command, "--content", str(content), "--out", str(out)],
                          env=env, capture_output=True, text=True, timeout=600)


def apkg(out: Path) -> Path:
    return out / "deck" / "perfect-spots.apkg"


def note_dates(col) -> dict[str, int]:
    """Each note's date, by its sort field (spot number, condition or pain area)."""
    return {col.get_note(n).fields[0]: col.get_note(n).mod for n in col.find_notes("")}


# ---------------------------------------------------------------- the command line, outside git

@pytest.fixture(scope="module")
def first_release(tmp_path_factory) -> Path:
    """Content copied outside any git checkout and built once: its folder, with the ledger the build wrote."""
    folder = tmp_path_factory.mktemp("release")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    (content / LEDGER_FILE).unlink(missing_ok=True)
    assert subprocess.run(["git", "-C", str(folder), "rev-parse"], capture_output=True).returncode != 0
    result = cli("deck", content, folder / "out")
    assert result.returncode == 0, result.stderr
    assert (content / LEDGER_FILE).is_file()
    return folder


def test_an_unchanged_build_in_a_fresh_copy_is_byte_identical(first_release, tmp_path):
    clone = tmp_path / "clone" / "content"        # what a fresh clone of a repository with the ledger sees
    shutil.copytree(first_release / "content", clone)
    ledger = (clone / LEDGER_FILE).read_bytes()
    result = cli("deck", clone, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert apkg(tmp_path / "out").read_bytes() == apkg(first_release / "out").read_bytes()
    assert (clone / LEDGER_FILE).read_bytes() == ledger
    assert sorted(p.name for p in clone.iterdir()) == sorted(p.name for p in (first_release / "content").iterdir())


def test_an_edit_outside_git_reaches_the_card_and_keeps_the_reviews(first_release, tmp_path, edit_spot):
    col = open_collection(tmp_path / "anki")
    import_deck(col, apkg(first_release / "out"))
    review_some(col)
    before, dates_before = scheduling(col), note_dates(col)

    content = tmp_path / "content"
    shutil.copytree(first_release / "content", content)
    edit_spot(content, 12, lambda d: d.update(title=NEW_TITLE))
    result = cli("deck", content, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    log = import_deck(col, apkg(tmp_path / "out"))

    assert not log.new and not log.conflicting
    assert scheduling(col) == before
    card = cards_by_type(spot_notes(col)[12])["Spot to muscle"]
    assert NEW_TITLE in text(card.question()) and NEW_TITLE in text(card.answer())
    after = note_dates(col)
    changed = {key for key in after if after[key] != dates_before[key]}
    assert "12" in changed and changed != set(after), "only the notes that show spot 12's title move"
    assert all(after[key] > max(dates_before.values()) for key in changed)
    assert len(log.updated) == len(changed)
    col.close()


# ---------------------------------------------------------------- in-process builds with a ledger

def release(content_dir: Path, out: Path, ledger: Ledger, epoch: int = EPOCH):
    return build_deck(load_content(content_dir), out, epoch=epoch, ledger=ledger)


def test_a_change_to_the_rendering_code_alone_updates_the_notes(tmp_path, monkeypatch):
    first = release(ROOT / "content", tmp_path / "v1", Ledger())
    col = open_collection(tmp_path / "anki")
    import_deck(col, first.files[0])
    review_some(col)
    before = scheduling(col)

    plain = package.fact_html
    monkeypatch.setattr(package, "fact_html",
                        lambda kind, items: plain(kind, items).replace('class="label">', 'class="label">» '))
    monkeypatch.setattr(notetypes, "CSS", notetypes.CSS + "\n.label { letter-spacing: .02em }")
    second = release(ROOT / "content", tmp_path / "v2", first.ledger)   # same content, same source date
    log = import_deck(col, second.files[0])

    assert not log.new and len(log.updated) == col.note_count()
    assert scheduling(col) == before
    answer = cards_by_type(spot_notes(col)[12])["Spot to muscle"].answer()
    assert "» Where:" in text(answer)
    assert all(m["css"].endswith("letter-spacing: .02em }") for m in col.models.all() if m["name"].startswith("Perfect"))
    assert second.ledger.latest == first.ledger.latest + 1
    col.close()


def test_a_note_the_release_does_not_touch_keeps_the_students_edit(tmp_path, content_copy, edit_spot):
    content = content_copy()
    (content / LEDGER_FILE).unlink(missing_ok=True)
    first = release(content, tmp_path / "v1", Ledger())
    col = open_collection(tmp_path / "anki")
    import_deck(col, first.files[0])
    mine = spot_notes(col)[5]
    mine["Feel"] = "My own words for how spot 5 feels."
    col.update_note(mine)
    # the student edited between the two releases (Anki stamps the edit with the real time, which may be
    # later than EPOCH + 3600; this sets it to just after the first release)
    col.db.execute("update notes set mod = ? where id = ?", EPOCH + 60, mine.id)

    edit_spot(content, 12, lambda d: d.update(title=NEW_TITLE))
    second = release(content, tmp_path / "v2", first.ledger, EPOCH + 3600)
    import_deck(col, second.files[0])

    notes = spot_notes(col)
    assert notes[5]["Feel"] == "My own words for how spot 5 feels."
    assert NEW_TITLE in text(cards_by_type(notes[12])["Spot to muscle"].question())
    assert notes[12].mod == EPOCH + 3600
    col.close()


def test_changed_notes_are_newer_than_any_earlier_release(tmp_path, content_copy, edit_spot):
    content = content_copy()
    first = release(content, tmp_path / "v1", Ledger(), EPOCH + 3600)
    edit_spot(content, 3, lambda d: d.update(place="a new place for spot 3"))
    second = release(content, tmp_path / "v2", first.ledger, EPOCH)   # an older source date: a file restored
    dates = dict(second.ledger.entries)
    assert dates["spot 3"].date == EPOCH + 3601
    assert dates["spot 4"] == dict(first.ledger.entries)["spot 4"]


def test_the_build_writes_the_ledger_only_when_it_changes_and_reads_back_what_it_wrote(first_release):
    ledger = read_ledger(first_release / "content")
    assert ledger.latest and {key.split()[0] for key, _ in ledger.entries} == {"spot", "condition", "region", "note"}
    written = (first_release / "content" / LEDGER_FILE).read_text(encoding="utf-8")
    assert ledger.text() == written and json.loads(written)["dates"]


@pytest.mark.parametrize("damage", ["{\n  \"dates\": {\n    \"spot 1\": {\"date\": 1700000000,}\n  }\n}\n",
                                    '{"dates": {"spot 1": {"date": 0, "sha256": "ab"}}}',
                                    '{"dates": []}'])
def test_a_damaged_ledger_is_refused_and_nothing_is_written(tmp_path, damage, content_copy):
    content = content_copy()
    (content / LEDGER_FILE).write_text(damage, encoding="utf-8")
    out = tmp_path / "out"
    result = cli("deck", content, out)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{LEDGER_FILE}" in result.stderr and "nothing was written" in result.stderr
    assert not out.exists() and (content / LEDGER_FILE).read_text(encoding="utf-8") == damage


# ---------------------------------------------------------------- SOURCE_DATE_EPOCH

@pytest.mark.parametrize("epoch", ["0", "315532799", "4354819200", "99999999999", "abc", "1.7e9", "-1", " 1700000000"])
def test_an_epoch_no_output_can_hold_is_refused(tmp_path, epoch):
    out = tmp_path / "out"
    (out / "deck").mkdir(parents=True)
    apkg(out).write_bytes(b"the last good deck")
    result = cli("all", ROOT / "content", out, epoch)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"SOURCE_DATE_EPOCH={epoch!r} is not a date" in result.stderr and "nothing was written" in result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["deck", "deck/perfect-spots.apkg"]
    assert apkg(out).read_bytes() == b"the last good deck"


def test_check_refuses_the_epoch_too():
    result = cli("check", ROOT / "content", ROOT / "build", "abc")
    assert result.returncode == 1 and "SOURCE_DATE_EPOCH='abc' is not a date" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("epoch", [FIRST_EPOCH, LAST_EPOCH])
def test_the_first_and_last_holdable_epochs_give_a_deck_anki_renders(tmp_path, epoch):
    built = build_deck(load_content(ROOT / "content"), tmp_path / "deck", epoch=epoch)
    col = open_collection(tmp_path / "anki")
    log = import_deck(col, built.files[0])
    assert len(log.new) == col.note_count() and not log.conflicting
    note_ids, card_ids = col.find_notes(""), col.find_cards("")
    assert len(card_ids) == built.cards and all(i > 0 for i in [*note_ids, *card_ids])
    for cid in card_ids:
        card = col.get_card(cid)
        assert text(card.note()["Heading"]) in text(card.answer()) and "notetype" not in card.question().lower()
    col.close()


def test_an_epoch_before_1980_is_never_turned_into_ids(tmp_path):
    with pytest.raises(ValueError, match="outside"):
        build_deck(load_content(ROOT / "content"), tmp_path / "deck", epoch=0)
