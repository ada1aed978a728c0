"""Is the build in an output folder still exactly what building now would make? Answered from content
hashes before anything heavy is imported, so `make publish` can call the publisher every time (make's
timestamps miss a deleted spot, a file restored with `cp -p`, a deleted output) and a no-op stays quick.

The fingerprint covers everything a build is made from: every content file's name, bytes and
modification time (a folder with uncommitted edits is dated by them), the content's git state (a
commit dates the build), the publisher's code, the fonts, Python and library versions,
SOURCE_DATE_EPOCH and the target. A build that read settled content records its fingerprint with the
digest of every file it put in place; the folder is current while both still match.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from .fonts import FONT_DIR

CODE = Path(__file__).resolve().parent
LIBRARIES = ("reportlab", "rl_accel", "genanki", "pikepdf", "pypdfium2", "pyphen", "PyYAML", "pydantic")
RECORD = ".cache/published-{target}.json"
JOURNALS = ".staging-*/MOVING"


def fingerprint(content_dir: Path, target: str) -> str:
    """The digest of everything a build of `target` from `content_dir` is made from."""
    digest = hashlib.sha256(f"{target}\0python {sys.version}\0epoch {os.environ.get('SOURCE_DATE_EPOCH', '')}\0"
                            .encode())
    for name in LIBRARIES:
        digest.update(f"{name} {library_version(name)}\0".encode())
    digest.update(_git_state(content_dir).encode())
    digest.update(tree_digest("content", content_dir, with_times=True).encode())
    digest.update(tree_digest("code", CODE).encode())
    digest.update(tree_digest("fonts", FONT_DIR).encode())
    return digest.hexdigest()


def current_files(out: Path, target: str, key: str) -> list[Path] | None:
    """The files of the build in `out` if it was made from exactly `key` and every one of them is
    as it was put in place (none deleted or changed, no move left unfinished); else None."""
    try:
        record = json.loads((out / RECORD.format(target=target)).read_text(encoding="utf-8"))
        if record["key"] != key or any(out.glob(JOURNALS)):
            return None
        files = [out / name for name in record["files"]]
        if not files or any(file_digest(f) != digest for f, digest in zip(files, record["files"].values(), strict=True)):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return files


def record(out: Path, target: str, key: str, files: list[Path]) -> None:
    """Note that `files` (in place under `out`) are what `key` makes. Best effort, like the cache."""
    path = out / RECORD.format(target=target)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_suffix(".part")
        entry = {"key": key, "files": {f.relative_to(out).as_posix(): file_digest(f) for f in files}}
        draft.write_text(json.dumps(entry, sort_keys=True), encoding="utf-8")
        os.replace(draft, path)
    except OSError:
        pass


def tree_digest(label: str, root: Path, left_out: Path | None = None, with_times: bool = False) -> str:
    """Every regular file under `root` by name and bytes (and whole-second modification time if asked);
    FIFOs, devices and Python's own caches are left out."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p != left_out):
        digest.update(f"{label}/{path.relative_to(root).as_posix()}\0".encode())
        if with_times:
            digest.update(f"{int(path.stat().st_mtime)}\0".encode())
        digest.update(file_digest(path).encode())
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _git_state(content_dir: Path) -> str:
    """The last commit time and the uncommitted changes of the content folder, as git prints them."""
    git = ["git", "-C", str(content_dir)]
    try:
        return "\0".join(subprocess.run(git + args, capture_output=True, text=True).stdout for args in
                         (["log", "-1", "--format=%ct", "--", "."], ["status", "--porcelain", "--", "."]))
    except OSError:
        return ""
