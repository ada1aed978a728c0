"""The command line as a user meets it: mistakes in how it is called, or in the build date it is given,
are refused with one clear line and status 1, no traceback, and nothing written."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def publish(*args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The command line; `check` without --out compares no build (build/ here may hold another content's)."""
    if args and args[0] == "check" and "--out" not in args:
        args = (*args, "--out", str(ROOT / "tests" / "no-build"))
    return subprocess.run([sys.executable, "-m", "publish", *args], capture_output=True, text=True, cwd=cwd, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def refused(result: subprocess.CompletedProcess, message: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("inside", [".", "build", "spots/build"])
def test_an_output_folder_in_the_content_folder_is_refused(content_copy, inside):
    folder = content_copy()
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    refused(publish("all", "--content", str(folder), "--out", str(folder / inside)), "is inside the content folder")
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before


@pytest.mark.parametrize("epoch", ["0", "abc", "99999999999", "-5"])
def test_a_build_date_no_output_can_carry_is_refused(tmp_path, epoch):
    result = publish("deck", "--out", str(tmp_path / "out"), env={"SOURCE_DATE_EPOCH": epoch})
    refused(result, "SOURCE_DATE_EPOCH")
    assert not list((tmp_path / "out").glob("*/*"))


def test_a_file_given_as_the_content_folder_is_named_as_a_file():
    refused(publish("check", "--content", str(ROOT / "content" / "book.yaml")), "is a file, not the content folder")


def test_an_output_folder_that_is_a_dangling_link_is_named(tmp_path):
    (tmp_path / "out").symlink_to(tmp_path / "nowhere")
    refused(publish("booklet", "--out", str(tmp_path / "out")), "which does not exist")


def test_help_says_that_no_command_means_all():
    assert "no command: all" in " ".join(publish("--help").stdout.split())


def test_one_spot_is_one_spot(content_copy):
    def alone(data):
        data.pop("related", None)
    folder = content_copy({1: alone})
    for path in (folder / "spots").glob("*.yaml"):
        if not path.name.startswith("01-"):
            path.unlink()
    result = publish("check", "--content", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("publish: 1 spot, ")


def test_hidden_and_editor_files_in_spots_are_ignored_and_named(content_copy):
    folder = content_copy()
    spot = next((folder / "spots").glob("03-*.yaml"))
    (folder / "spots" / f".#{spot.name}").symlink_to("user@host.1234:1700000000")   # an Emacs lock link
    (folder / "spots" / f"._{spot.name}").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    (folder / "spots" / f".{spot.name}").write_bytes(spot.read_bytes())
    result = publish("check", "--content", str(folder))
    assert result.returncode == 0, result.stderr
    for name in (f".#{spot.name}", f"._{spot.name}", f".{spot.name}"):
        assert name in result.stdout


def test_a_conflicted_copy_is_still_refused(content_copy):
    folder = content_copy()
    spot = next((folder / "spots").glob("03-*.yaml"))
    (folder / "spots" / f"{spot.stem} (conflicted copy 2026-01-02).yaml").write_bytes(spot.read_bytes())
    assert publish("check", "--content", str(folder)).returncode == 1


def test_a_broken_spot_is_not_reported_missing_by_the_spots_that_link_to_it(content_copy):
    def broken(data):
        data["muscels"] = data.pop("muscles")
    folder = content_copy({3: broken})
    result = publish("check", "--content", str(folder))
    assert result.returncode == 1
    assert "unknown key 'muscels'" in result.stderr
    assert "there is no spot 3" not in result.stderr, result.stderr


@pytest.mark.parametrize("name", ["glossary.yaml", "spots/15-x.yaml"])
def test_a_fifo_in_the_content_is_refused_not_waited_on(content_copy, name):
    """A FIFO has no writer: reading it would wait forever. Only regular files are read."""
    folder = content_copy()
    (folder / name).unlink(missing_ok=True)
    os.mkfifo(folder / name)
    refused(publish("check", "--content", str(folder)), f"content/{name}: is a FIFO, not a file")


def test_a_huge_file_is_refused_by_its_size_before_it_is_read(content_copy):
    """A 2 GB glossary under a 1.5 GB memory limit: read first, it would end in a MemoryError."""
    import resource
    folder = content_copy()
    with (folder / "glossary.yaml").open("r+b") as f:
        f.truncate(2 * 1024 ** 3)   # sparse: no disk is used
    limit = 1536 * 1024 ** 2
    result = subprocess.run([sys.executable, "-m", "publish", "check", "--content", str(folder)], capture_output=True,
                            text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
    refused(result, "file is 2,147,483,648 bytes; a content file may hold at most")


@pytest.mark.parametrize("loop", ["file", "folder"])
def test_a_symlink_loop_in_spots_is_named_not_a_crash(content_copy, loop):
    folder = content_copy()
    if loop == "file":
        (folder / "spots" / "15-loop.yaml").symlink_to("15-loop.yaml")
        refused(publish("check", "--content", str(folder)), "spots/15-loop.yaml: cannot read file: Too many levels")
    else:
        (folder / "spots" / "again").symlink_to("../spots")
        result = publish("check", "--content", str(folder))
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


CTRL_C_IN = """
import os, runpy, signal, sys
import publish.{module} as module
real = module.{function}
def pressed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)
    return real(*args, **kwargs)
setattr(module, "{function}", pressed)
sys.argv = ["publish", *sys.argv[1:]]
runpy.run_module("publish", run_name="__main__")
"""


@pytest.mark.parametrize(("command", "module", "function"), [
    ("check", "model", "load_content"),          # the first moments: the content is being read
    ("all", "model", "load_content"),
    ("check", "consistency", "check_build"),     # while check reads a build back
])
def test_ctrl_c_at_any_moment_is_one_line_not_a_traceback(tmp_path, command, module, function):
    out = tmp_path / "out"
    out.mkdir()
    (out / "deck").mkdir()
    (out / "deck" / "perfect-spots.apkg").write_bytes(b"PK")   # something for check to read
    script = CTRL_C_IN.format(module=module, function=function)
    result = subprocess.run([sys.executable, "-c", script, command, "--out", str(out)], capture_output=True,
                            text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert result.returncode == 130, result.stderr
    assert "interrupted" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["deck", "deck/perfect-spots.apkg"]


def test_preflight_names_what_is_not_a_readable_pdf(tmp_path):
    good = ROOT / "tests" / "bad_inputs"   # a folder
    (tmp_path / "notes.pdf").write_text("just text", encoding="utf-8")
    (tmp_path / "empty.pdf").write_bytes(b"")
    pdf = tmp_path / "whole.pdf"
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(pdf))
    c.drawString(100, 100, "page")
    c.save()
    (tmp_path / "truncated.pdf").write_bytes(pdf.read_bytes()[: len(pdf.read_bytes()) // 2])
    names = ["missing.pdf", "notes.pdf", "empty.pdf", "truncated.pdf"]
    result = publish("preflight", *(str(tmp_path / n) for n in names), str(good))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "missing.pdf\n  problem: no such file" in result.stderr
    assert "bad_inputs\n  problem: not a file" in result.stderr
    for name in names[1:]:
        assert f"{name}\n  problem: not a readable PDF" in result.stderr, result.stderr
