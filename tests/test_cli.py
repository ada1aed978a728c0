"""The command line as a user meets it: mistakes in how it is called, or in the build date it is given,
are refused with one clear line and status 1, no traceback, and nothing written."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def publish(*args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "publish", *args], capture_output=True, text=True, cwd=cwd,
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
