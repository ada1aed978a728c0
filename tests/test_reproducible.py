"""Reproducible builds: the same content gives byte-identical PDFs, flashcards and deck from any folder,
on any number of cores, with any hash seed and time zone, in git or not; outside git and without SOURCE_DATE_EPOCH they are dated
by the book's date (the deck too, as long as it has no date ledger yet: see test_deck_dates.py)."""
from __future__ import annotations

import calendar
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
from output_files import sha256s

from publish.deck.dates import LEDGER_FILE
from publish.model import load_content

ROOT = Path(__file__).resolve().parent.parent


def start(content: Path, out: Path, cwd: Path, one_core: bool = False, **env: str) -> subprocess.Popen:
    """A build in its own process; `one_core`: allowed on one core only, so it runs every job in turn."""
    environ = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    environ.update(PYTHONPATH=str(ROOT), **env)
    first_core = min(os.sched_getaffinity(0))
    return subprocess.Popen([sys.executable, "-m", "publish", "all", "--content", str(content), "--out", str(out)],
                            cwd=cwd, env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=(lambda: os.sched_setaffinity(0, {first_core})) if one_core else None)


def test_same_content_gives_the_same_bytes_anywhere(tmp_path):
    book_day = load_content(ROOT / "content").book.date
    midnight = calendar.timegm(book_day.timetuple())
    elsewhere = tmp_path / "another place"
    shutil.copytree(ROOT / "content", elsewhere / "my content")
    (elsewhere / "my content" / LEDGER_FILE).unlink(missing_ok=True)   # a first release: every note is new
    outside_git = subprocess.run(["git", "-C", str(elsewhere), "rev-parse"], capture_output=True).returncode != 0
    assert outside_git, f"{tmp_path} should not be inside a git checkout"

    builds = [
        start(ROOT / "content", tmp_path / "first", ROOT,
              SOURCE_DATE_EPOCH=str(midnight), PYTHONHASHSEED="1", TZ="UTC"),
        start(Path("my content"), Path("out") / "second", elsewhere,  # relative paths, from another folder
              PYTHONHASHSEED="2", TZ="Pacific/Chatham"),
        start(ROOT / "content", tmp_path / "one core", ROOT, one_core=True,  # no job forked: all in one process
              SOURCE_DATE_EPOCH=str(midnight), PYTHONHASHSEED="3", TZ="UTC"),
    ]
    for build in builds:
        _, stderr = build.communicate(timeout=600)
        assert build.returncode == 0, stderr

    first, second = sha256s(tmp_path / "first"), sha256s(elsewhere / "out" / "second")
    assert {".pdf", ".apkg"} <= {Path(name).suffix for name in first}
    assert first == second
    assert sha256s(tmp_path / "one core") == first
    with pikepdf.open(tmp_path / "first" / "booklet" / "perfect-spots-a5.pdf") as pdf:
        assert str(pdf.docinfo["/CreationDate"]) == f"D:{book_day:%Y%m%d}000000+00'00'"
