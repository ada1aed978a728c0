"""Atomic outputs, with the real command line: a build stopped part-way (Ctrl-C, kill, SIGKILL) leaves the
last good build byte for byte; the next build clears what it left, and finishes a move it had begun."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from publish.staging import JOURNAL, STAGING, move_into_place

ROOT = Path(__file__).resolve().parent.parent
# The last good build and the one that is interrupted are dated differently, so every file differs between
# them: had the interrupted build moved anything into place, the comparison would show it.
OLD, NEW = 1_600_000_000, 1_700_000_000


def start(out: Path, epoch: int, command: str = "all") -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": str(epoch)}
    return subprocess.Popen([sys.executable, "-m", "publish", command, "--content", str(ROOT / "content"),
                             "--out", str(out)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            # a shell running tests in the background ignores Ctrl-C; the user's terminal does not
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def finish(process: subprocess.Popen) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=300)
    return process.returncode, stderr


def state(out: Path) -> dict[str, bytes]:
    """Every file in `out` but the staging folders (so the build's cache too) and its bytes."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.relative_to(out).parts[0].startswith(STAGING)}


def published(out: Path) -> dict[str, bytes]:
    """The booklets, cards and deck a user opens (not the hidden folders) and their bytes."""
    return {name: data for name, data in state(out).items() if not name.startswith(".")}


def stagings(out: Path) -> list[Path]:
    return sorted(out.glob(STAGING + "*"))


def wait_until_rendering(out: Path, process: subprocess.Popen) -> None:
    """Return once `process` has written its first PDF into its staging folder (it then still has the
    other trim, the print editions, the deck and the preflight to do)."""
    first_pdf = out / f"{STAGING}{process.pid}" / "booklet" / "perfect-spots-a5.pdf"
    deadline = time.monotonic() + 120
    while not first_pdf.exists():
        assert process.poll() is None, f"the build ended before it was interrupted: {process.communicate()}"
        assert time.monotonic() < deadline, "the build never wrote its first PDF"
        time.sleep(0.01)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[int, Path]:
    """The output folders of an uninterrupted build dated OLD and of one dated NEW."""
    folder = tmp_path_factory.mktemp("builds")
    runs = {epoch: start(folder / str(epoch), epoch) for epoch in (OLD, NEW)}
    for process in runs.values():
        code, stderr = finish(process)
        assert code == 0, stderr
    old, new = published(folder / str(OLD)), published(folder / str(NEW))
    assert old.keys() == new.keys() and {".pdf", ".apkg"} <= {Path(name).suffix for name in old}
    dated = [name for name in old if not name.startswith("site/") or name.startswith("site/downloads/")]
    assert all(old[name] != new[name] for name in dated)   # the site's own pages carry no build date
    return {epoch: folder / str(epoch) for epoch in runs}


def last_good_build(tmp_path: Path, builds) -> Path:
    out = tmp_path / "out"
    shutil.copytree(builds[OLD], out)
    return out


def test_interrupted_builds_leave_the_last_good_build(tmp_path, builds):
    out = last_good_build(tmp_path, builds)
    before = state(out)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        process = start(out, NEW)
        wait_until_rendering(out, process)
        process.send_signal(sig)
        code, stderr = finish(process)
        assert state(out) == before, f"{sig.name} changed the last good build"
        if sig == signal.SIGINT:
            assert code == 130 and "Traceback" not in stderr, stderr
            assert "interrupted" in stderr and not stagings(out)
        else:  # the build had no chance to clear up, but cleared what the build before it left
            assert code == -sig and stagings(out) == [out / f"{STAGING}{process.pid}"]

    code, stderr = finish(start(out, NEW))
    assert code == 0, stderr
    assert published(out) == published(builds[NEW])
    assert not stagings(out)


def test_ctrl_c_while_moving_waits_until_the_whole_set_is_in_place(tmp_path, monkeypatch):
    """Ctrl-C arriving just after the first file was moved into place (the window is too short to hit
    from outside, so the rename itself presses it) takes effect only once the last one is in."""
    out = tmp_path / "out"
    staging = out / f"{STAGING}1"
    names = ["booklet/a.pdf", "booklet/b.pdf", "deck/c.apkg"]
    for name in names:
        for folder, data in ((out, b"old"), (staging, b"new")):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
    rename = os.replace

    def rename_then_ctrl_c(src, dst):
        rename(src, dst)
        # to this thread: a process-wide signal may go to another thread (one a library started earlier in
        # the test session), whose Ctrl-C the move does not hold; the build itself runs in one thread
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)

    monkeypatch.setattr(os, "replace", rename_then_ctrl_c)
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)   # as in `python -m publish`
    try:
        with pytest.raises(KeyboardInterrupt):
            move_into_place(staging, out, [staging / name for name in names])
    finally:
        signal.signal(signal.SIGINT, handler)
    assert {name: (out / name).read_bytes() for name in names} == dict.fromkeys(names, b"new")


def test_a_move_cut_short_is_finished_by_the_next_build(tmp_path, builds):
    """A build killed while moving its outputs into place leaves some moved and the rest, with the journal
    naming them all, in its staging folder: the next build moves the rest before doing anything else."""
    out = last_good_build(tmp_path, builds)
    new = published(builds[NEW])
    booklet = sorted(name for name in new if name.startswith("booklet/"))
    rest = sorted(set(new) - set(booklet))
    killed = out / f"{STAGING}4194305"
    for name in booklet:  # these were moved before the build died
        (out / name).write_bytes(new[name])
    for name in rest:  # these were not
        (killed / name).parent.mkdir(parents=True, exist_ok=True)
        (killed / name).write_bytes(new[name])
    (killed / JOURNAL).write_text("".join(f"{name}\n" for name in booklet + rest), encoding="utf-8")

    code, stderr = finish(start(out, NEW, "booklet"))  # rebuilds the booklet only; the rest must come from `killed`
    assert code == 0, stderr
    assert published(out) == new
    assert not stagings(out)


def test_a_second_build_into_the_same_folder_is_refused(tmp_path, builds):
    out = last_good_build(tmp_path, builds)
    before = state(out)
    first = start(out, NEW)
    wait_until_rendering(out, first)
    first.send_signal(signal.SIGSTOP)
    try:
        code, stderr = finish(start(out, NEW))
        assert code == 1 and "another build is writing to" in stderr and "Traceback" not in stderr, stderr
        assert state(out) == before
        assert stagings(out) == [out / f"{STAGING}{first.pid}"]  # the running build's work was left alone
    finally:
        first.send_signal(signal.SIGCONT)
    code, stderr = finish(first)
    assert code == 0, stderr
    assert published(out) == published(builds[NEW])
    assert not stagings(out)


KILL_AT_FIRST_MOVE = """
import os, runpy, signal, sys
rename = os.replace
def rename_then_die(src, dst):
    rename(src, dst)
    if "{staging}" in str(src) and "{staging}" not in str(dst):   # the first output moved into place
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = rename_then_die
sys.argv = ["publish", "all", "--content", sys.argv[1], "--out", sys.argv[2]]
runpy.run_module("publish", run_name="__main__")
""".replace("{staging}", STAGING)


@pytest.mark.parametrize("reader", ["check", "preflight"])
def test_a_sigkill_during_the_move_is_finished_before_any_command_reads_the_folder(tmp_path, builds, reader):
    """A real SIGKILL right after the first output was renamed into place leaves a mix on disk; `check`
    and `preflight` finish the journaled move before they read, so they judge (and leave) the new build
    whole. The killed build reuses the NEW build's kept outputs, so it gets to the move at once."""
    out = last_good_build(tmp_path, builds)
    shutil.rmtree(out / ".cache")
    shutil.copytree(builds[NEW] / ".cache", out / ".cache")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": str(NEW)}
    killed = subprocess.run([sys.executable, "-c", KILL_AT_FIRST_MOVE, str(ROOT / "content"), str(out)], env=env,
                            capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    new, old = published(builds[NEW]), published(builds[OLD])
    mixed = published(out)
    assert any(mixed[n] == new[n] for n in new) and any(mixed[n] == old[n] and old[n] != new[n] for n in new)

    args = ["check", "--content", str(ROOT / "content")] if reader == "check" else ["preflight"]
    result = subprocess.run([sys.executable, "-m", "publish", *args, "--out", str(out)], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert published(out) == new
    assert not stagings(out)
