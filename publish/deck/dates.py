"""Release dates of the deck's notes and note types, kept in the content folder (deck-dates.json).

Anki updates a note on import only when the package's copy is newer than the student's, so a note's
date must move exactly when what it shows moves. The ledger records, for every note and note type
ever released, a fingerprint of what it shows and the date it got. A build keeps the date of each
unchanged item and gives new and changed ones one new date: the build's source date, or a second
after the newest recorded date if that is later. Items a release drops keep their entry, as students
still hold them. Committed with the content, the ledger makes a fresh clone date its deck the same.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from ..epoch import holdable
from ..errors import BuildError
from ..model.load import display_path
from ..model.schema import EARLIEST_DATE, LATEST_DATE

LEDGER_FILE = "deck-dates.json"
ABOUT = ("When each note and note type of the Anki deck last changed. Written by the build; commit it with "
         "the content (README: How updates stay safe).")


def fingerprint(shown: object) -> str:
    """A short digest of what an item shows (JSON-able)."""
    text = json.dumps(shown, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class Dated:
    date: int
    sha256: str


@dataclass(frozen=True)
class Ledger:
    """(item key, its fingerprint and release date), sorted by key; keys are 'spot 12', 'note type 1739304251'."""

    entries: tuple[tuple[str, Dated], ...] = ()

    @property
    def latest(self) -> int:
        """The newest date ever given, which is the deck's release date (0 for an empty ledger)."""
        return max((d.date for _, d in self.entries), default=0)

    def dated(self, fingerprints: Mapping[str, str], now: int) -> Ledger:
        """The ledger after a release whose items have these fingerprints; `now` is its source date."""
        fresh = max(now, self.latest + 1)
        if not holdable(fresh):
            raise BuildError(f"cannot date the deck's notes at {fresh}: outside {EARLIEST_DATE} to {LATEST_DATE}")
        entries = dict(self.entries)
        for key, sha in fingerprints.items():
            if key not in entries or entries[key].sha256 != sha:
                entries[key] = Dated(fresh, sha)
        return Ledger(tuple(sorted(entries.items())))

    def text(self) -> str:
        """The file's text: one line per item, so that merges of different notes' changes do not clash."""
        lines = [f"    {json.dumps(k, ensure_ascii=False)}: {json.dumps(vars(d), sort_keys=True)}"
                 for k, d in self.entries]
        return "{\n" + f'  "about": {json.dumps(ABOUT)},\n  "dates": {{\n' + ",\n".join(lines) + "\n  }\n}\n"


def read_ledger(content_dir: Path) -> Ledger:
    """The ledger in `content_dir` (empty when there is none yet); a damaged one is refused, never guessed at."""
    path = Path(content_dir) / LEDGER_FILE
    if not path.is_file():
        return Ledger()
    where = display_path(path)
    advice = ("it is written by the build: restore it from git, or delete it (the next release then "
              "updates every note once)")
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except json.JSONDecodeError as exc:
        raise BuildError(f"{where}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}); {advice}") from None
    except (UnicodeDecodeError, OSError) as exc:
        raise BuildError(f"{where}: cannot be read ({exc}); {advice}") from None
    dates = data.get("dates") if isinstance(data, dict) else None
    if not isinstance(dates, dict):
        _refuse(where, "dates", "a mapping of item -> {\"date\", \"sha256\"}", advice)
    entries = {}
    for key, entry in dates.items():
        if not (isinstance(entry, dict) and set(entry) == {"date", "sha256"} and type(entry["date"]) is int
                and holdable(entry["date"]) and isinstance(entry["sha256"], str)):
            _refuse(where, f"dates.{key}", f"{{\"date\": seconds from {EARLIEST_DATE} to {LATEST_DATE}, \"sha256\": text}}",
                    advice)
        entries[key] = Dated(entry["date"], entry["sha256"])
    return Ledger(tuple(sorted(entries.items())))


def _refuse(where: str, field: str, expected: str, advice: str) -> NoReturn:
    raise BuildError(f"{where}: {field}: expected {expected}; {advice}")


def write_ledger(content_dir: Path, ledger: Ledger) -> None:
    """Replace the ledger file in one step, and only when it changed (an unchanged build writes nothing)."""
    path = Path(content_dir) / LEDGER_FILE
    text = ledger.text()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    draft = path.with_name(f".{LEDGER_FILE}.{os.getpid()}")
    try:
        with draft.open("w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(draft, path)
    finally:
        draft.unlink(missing_ok=True)
