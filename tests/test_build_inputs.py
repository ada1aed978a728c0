"""What a build is made from, as the command line meets it: an edit made while the content is read is
built by the next build, never kept as if it had been read; the publisher (which `make publish` always
asks) sees a deleted spot, a restored older copy and a deleted output; `deck` alone carries the pages."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from publish import cli, model
from publish.consistency.booklet import read_booklet
from publish.consistency.deck import read_deck
from publish.editions import CARD_PATHS, DECK_PATH, booklet_path
from publish.uptodate import fingerprint

ROOT = Path(__file__).resolve().parent.parent
EDITED = "Edited while the build ran"


def publish(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "publish", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)


def retitle(spot: Path, title: str) -> None:
    data = yaml.safe_load(spot.read_text(encoding="utf-8"))
    data["title"] = title
    spot.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_an_edit_made_while_the_build_reads_the_content_is_built_by_the_next_build(content_copy, tmp_path,
                                                                                  monkeypatch, capsys):
    """The spot file is saved again right after the build read it, with the build still to run. The
    build publishes what it read, keeps nothing for reuse and says so; the next build has the edit."""
    folder, out = content_copy(), tmp_path / "out"
    spot = next((folder / "spots").glob("03-*.yaml"))
    read = model.load_content

    def read_then_edit(content_dir):
        content = read(content_dir)
        retitle(spot, EDITED)
        return content

    monkeypatch.setattr(model, "load_content", read_then_edit)
    assert cli.main(["booklet", "--content", str(folder), "--out", str(out)]) == 0
    assert "the content changed while it was read" in capsys.readouterr().out
    labels = read(folder).labels
    assert read_booklet(out / booklet_path(), labels)[3].title != EDITED

    monkeypatch.setattr(model, "load_content", read)
    assert cli.main(["booklet", "--content", str(folder), "--out", str(out)]) == 0
    assert read_booklet(out / booklet_path(), labels)[3].title == EDITED


def test_the_fingerprint_sees_a_deleted_spot_and_an_older_copy_restored_with_its_time(content_copy, tmp_path):
    folder = content_copy()
    spot = next((folder / "spots").glob("03-*.yaml"))
    older = tmp_path / "older.yaml"
    shutil.copy2(spot, older)
    os.utime(older, (1_000_000_000, 1_000_000_000))
    first = fingerprint(folder, "all")
    retitle(spot, EDITED)
    edited = fingerprint(folder, "all")
    shutil.copy2(older, spot)        # cp -p: the older bytes with the older time
    restored = fingerprint(folder, "all")
    spot.unlink()
    deleted = fingerprint(folder, "all")
    assert len({first, edited, restored, deleted}) == 4
    assert fingerprint(folder, "deck") != deleted


def test_make_publish_always_asks_the_publisher():
    """make's timestamps cannot see a deleted spot or output: the publisher decides, every time."""
    dry = subprocess.run(["make", "-n", "publish"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert dry.returncode == 0, dry.stderr
    assert "-m publish all --content content --out build" in dry.stdout


@pytest.fixture(scope="module")
def deck_alone(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("deck") / "out"
    result = publish("deck", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_a_deck_built_alone_carries_the_booklet_pages_and_agrees(deck_alone):
    labels = model.load_content(ROOT / "content").labels
    deck = read_deck(deck_alone / DECK_PATH, labels)
    chapters = read_booklet(deck_alone / booklet_path(), labels)
    assert deck.spots and {n: s.page for n, s in deck.spots.items()} == {n: c.page for n, c in chapters.items()}
    result = publish("check", "--out", str(deck_alone))
    assert result.returncode == 0 and "agree" in result.stdout, result.stderr


def test_nothing_changed_is_answered_from_hashes_and_a_deleted_output_is_made_again(deck_alone, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(deck_alone, out)
    again = publish("deck", "--out", str(out))
    assert again.returncode == 0 and "nothing changed" in again.stdout, again.stdout + again.stderr
    cards = out / CARD_PATHS[0]
    kept = cards.read_bytes()
    cards.unlink()
    rebuilt = publish("deck", "--out", str(out))
    assert rebuilt.returncode == 0 and "nothing changed" not in rebuilt.stdout, rebuilt.stdout + rebuilt.stderr
    assert cards.read_bytes() == kept
    assert "nothing changed" in publish("deck", "--out", str(out)).stdout
