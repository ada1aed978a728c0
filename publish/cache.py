"""Outputs kept from the last build, reused while nothing they are made from has changed.

out/.cache/<unit>/ keeps a copy of one unit's files (the booklet with its print editions; the deck
with the paper cards) and the facts the build reported about them, under a key: SHA-256 of every
file of the content folder, of the publisher's own code and of the fonts, the versions of Python
and of the libraries that shape the bytes, the build's date, and whatever else the unit is made
from (the deck: the booklet's page numbers and its date ledger). Any change to any of these is a miss. A hit checks
each kept file against its recorded hash, copies it into the staging folder, and the build moves
it into place as if it had just been made. Keeping is best effort: a failure only costs a rebuild.
Work folders of stores cut short (a SIGKILL) are removed by the next store: builds hold the output
folder's lock, so no other store can be running.

out/.cache/hints/ keeps what a build may start from whatever changed, because it checks it: the
booklet's page map, from which a layout after an edit starts instead of a dry pass.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

from .deck.dates import LEDGER_FILE
from .fonts import FONT_DIR
from .uptodate import CODE, LIBRARIES
from .uptodate import file_digest as _file_digest
from .uptodate import library_version as _version
from .uptodate import tree_digest as _tree_digest

FOLDER = ".cache"
HINTS = "hints"


def content_digest(content_dir: Path) -> str:
    """The digest of every file of the content folder but the deck's date ledger (the build writes it,
    and only the deck depends on it: the deck's own key holds it). Taken before the content is read and
    again after, it tells whether the build read exactly these bytes."""
    return _tree_digest("content", Path(content_dir), Path(content_dir) / LEDGER_FILE)


def inputs_key(content: str, epoch: int | None) -> str:
    """The digest of everything every unit is made from, given the content's digest."""
    digest = hashlib.sha256(f"python {sys.version}\0epoch {epoch}\0content {content}\0".encode())
    for name in LIBRARIES:
        digest.update(f"{name} {_version(name)}\0".encode())
    for label, root in (("code", CODE), ("fonts", FONT_DIR)):
        digest.update(_tree_digest(label, root).encode())
    return digest.hexdigest()


class OutputCache:
    """The kept units of one output folder, for one set of inputs; with no inputs (the content changed
    while it was read, so no key names what was read) nothing is fetched or kept."""

    def __init__(self, out: Path, inputs: str | None):
        self.root = out / FOLDER
        self.inputs = inputs

    def fetch(self, unit: str, staging: Path, extra: object = None) -> dict | None:
        """Copy the unit's kept files into `staging` and return its facts (with 'files': the copies),
        or None when nothing matching is kept."""
        if self.inputs is None:
            return None
        folder = self.root / unit
        try:
            entry = json.loads((folder / "entry.json").read_text(encoding="utf-8"))
            if entry["key"] != self._key(unit, extra):
                return None
            copies = []
            for name, digest in entry["files"].items():
                kept = folder / "files" / name
                if _file_digest(kept) != digest:
                    return None
                copies.append(staging / name)
                copies[-1].parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(kept, copies[-1])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return {**entry["facts"], "files": copies}

    def store(self, unit: str, out: Path, files: list[Path], facts: dict, extra: object = None) -> None:
        """Keep copies of `files` (paths under `out`) and `facts` (JSON-able) as the unit's entry."""
        if self.inputs is None:
            return
        work = self.root / f".{unit}-{os.getpid()}"
        try:
            for left in self.root.glob(".*"):   # this store's own, or a killed one's
                shutil.rmtree(left, ignore_errors=True)
            names = {}
            for path in files:
                name = path.relative_to(out).as_posix()
                (work / "files" / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, work / "files" / name)
                names[name] = _file_digest(work / "files" / name)
            entry = {"key": self._key(unit, extra), "files": names,
                     "facts": {k: v for k, v in facts.items() if k != "files"}}
            (work / "entry.json").write_text(json.dumps(entry, sort_keys=True), encoding="utf-8")
            shutil.rmtree(self.root / unit, ignore_errors=True)
            os.replace(work, self.root / unit)
        except OSError:
            pass
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def hint(self, name: str) -> object:
        """What an earlier build kept under `name` as a starting point (None if nothing readable): never an
        output, only where work starts, which the build verifies (the booklet's page map)."""
        try:
            return json.loads((self.root / HINTS / f"{name}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def keep_hint(self, name: str, value: object) -> None:
        """Keep `value` (JSON-able) for the next build, whatever its inputs; best effort."""
        path = self.root / HINTS / f"{name}.json"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.with_suffix(".tmp").write_text(json.dumps(value, sort_keys=True), encoding="utf-8")
            os.replace(path.with_suffix(".tmp"), path)
        except OSError:
            pass

    def _key(self, unit: str, extra: object) -> str:
        return hashlib.sha256(json.dumps([self.inputs, unit, extra], sort_keys=True).encode()).hexdigest()
