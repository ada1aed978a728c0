"""Making a set of files appear in an output folder all at once, or not at all.

A build renders into out/.staging-PID while it holds a lock on `out` (a second build into the same
folder is refused). Once every output is made and checked, a journal listing them is written and the
files are renamed into place with Ctrl-C, kill and hang-up held; a build killed harder than that
(SIGKILL, power cut) leaves the journal, and the next command that reads or writes the folder (a build,
`check`, `preflight`) finishes the move before it does anything else: no command ever sees a mix.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import BuildError

STAGING = ".staging-"
JOURNAL = "MOVING"
HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


@contextmanager
def staging_folder(out: Path) -> Iterator[Path]:
    """Hold `out` for this build, finish or drop what killed builds left, and give an empty staging
    folder inside it, removed (with whatever was not moved into place) when the block ends."""
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out} is a file, not a folder; give --out a folder")
    if out.is_symlink() and not out.exists():
        raise BuildError(f"{out} is a link to {os.readlink(out)}, which does not exist; create that folder or "
                         "give --out another one")
    out.mkdir(parents=True, exist_ok=True)
    lock = _lock(out)
    staging = out / f"{STAGING}{os.getpid()}"
    try:
        _recover(out)
        staging.mkdir()
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        os.close(lock)


@contextmanager
def settled(out: Path) -> Iterator[None]:
    """Hold `out` while a command reads it, after finishing a move a killed build began, so what it
    reads is one whole build. A folder that does not exist is left alone."""
    if not out.is_dir():
        yield
        return
    lock = _lock(out, "read")
    try:
        _recover(out)
        yield
    finally:
        os.close(lock)


def move_into_place(staging: Path, out: Path, files: list[Path]) -> None:
    """Move `files` into place as one set. Once the journal naming them is on disk, Ctrl-C, kill and
    hang-up wait until the last file is in; if the build dies harder (SIGKILL, power cut), the next
    build finishes the move before it starts (_recover)."""
    names = [f.relative_to(staging).as_posix() for f in files]
    for target in (out / name for name in names):
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir():
            raise BuildError(f"{target} is a folder; move it away so the build can put its file there")
        if target.parent.stat().st_dev != staging.stat().st_dev:
            raise BuildError(f"{target.parent} is on another disk than {out}, so its files cannot be "
                             "swapped in one step; make it a plain folder")
    for f in files:
        _fsync(f)
    with _signals_held():
        draft = staging / (JOURNAL + ".part")
        draft.write_text("".join(name + "\n" for name in names), encoding="utf-8")
        _fsync(draft)
        os.replace(draft, staging / JOURNAL)
        _fsync(staging)
        _move(staging, out, names)


def _lock(out: Path, purpose: str = "write") -> int:
    """Hold `out` for this command alone: an flock on the folder, which the system drops if the process dies."""
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        again = "this one" if purpose == "write" else "this command"
        raise BuildError(f"another build is writing to {out}; run {again} again when it has finished") from None
    return fd


def _recover(out: Path) -> None:
    """Clear up after builds that were killed: finish moving a set whose journal was written, drop the rest."""
    for staging in sorted(out.glob(STAGING + "*")):
        journal = staging / JOURNAL
        if journal.is_file():
            with _signals_held():
                _move(staging, out, journal.read_text(encoding="utf-8").splitlines())
        shutil.rmtree(staging, ignore_errors=True)


def _move(staging: Path, out: Path, names: list[str]) -> None:
    """Rename each named file from `staging` over its place in `out`; a file already moved is skipped."""
    for name in names:
        if (staging / name).is_file():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, out / name)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _signals_held():
    """Hold Ctrl-C, kill and hang-up until the block is done; they take effect as it ends."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
