"""The output cache: a hit reuses kept files; any change to what a unit is made from is a miss; a
damaged entry is a miss, never a wrong output."""
import json
from pathlib import Path

import pytest

from publish import cache
from publish.cache import OutputCache, content_digest, inputs_key


@pytest.fixture
def inputs(tmp_path, monkeypatch):
    """A small content folder, code folder and fonts folder standing in for the real ones."""
    folders = {}
    for name in ("content", "code", "fonts"):
        folders[name] = tmp_path / name
        folders[name].mkdir()
        (folders[name] / "a.txt").write_text(f"{name} one", encoding="utf-8")
    monkeypatch.setattr(cache, "CODE", folders["code"])
    monkeypatch.setattr(cache, "FONT_DIR", folders["fonts"])
    return folders


def key_of(content: Path, epoch: int) -> str:
    return inputs_key(content_digest(content), epoch)


def keep(out: Path, key: str, extra=None) -> Path:
    """Store one unit with one file, as a build does after moving it into place."""
    made = out / "booklet" / "book.pdf"
    made.parent.mkdir(parents=True, exist_ok=True)
    made.write_bytes(b"%PDF the booklet")
    OutputCache(out, key).store("booklet", out, [made], {"pages": 68}, extra)
    return made


def fetch(out: Path, key: str, extra=None):
    staging = out / ".staging-1"
    return OutputCache(out, key).fetch("booklet", staging, extra)


def test_unchanged_inputs_are_a_hit_with_the_files_and_facts(tmp_path, inputs):
    key = key_of(inputs["content"], 1_700_000_000)
    keep(tmp_path / "out", key)
    kept = fetch(tmp_path / "out", key_of(inputs["content"], 1_700_000_000))
    assert kept["pages"] == 68
    assert [f.read_bytes() for f in kept["files"]] == [b"%PDF the booklet"]
    assert kept["files"][0] == tmp_path / "out" / ".staging-1" / "booklet" / "book.pdf"


@pytest.mark.parametrize("change", ["content", "code", "fonts", "new content file", "library", "epoch", "extra"])
def test_each_kind_of_input_change_is_a_miss(tmp_path, inputs, monkeypatch, change):
    keep(tmp_path / "out", key_of(inputs["content"], 1), extra=[[1, 12]])
    epoch, extra = 1, [[1, 12]]
    if change in ("content", "code", "fonts"):
        (inputs[change] / "a.txt").write_text(f"{change} two", encoding="utf-8")
    elif change == "new content file":
        (inputs["content"] / "b.txt").write_text("more", encoding="utf-8")
    elif change == "library":
        monkeypatch.setattr(cache, "_version", lambda name: "99.0" if name == "reportlab" else "1.0")
    elif change == "epoch":
        epoch = 2
    else:
        extra = [[1, 13]]
    assert fetch(tmp_path / "out", key_of(inputs["content"], epoch), extra) is None


def test_a_kept_file_changed_on_disk_is_a_miss(tmp_path, inputs):
    key = key_of(inputs["content"], 1)
    keep(tmp_path / "out", key)
    kept_file = tmp_path / "out" / ".cache" / "booklet" / "files" / "booklet" / "book.pdf"
    kept_file.write_bytes(b"%PDF truncated")
    assert fetch(tmp_path / "out", key) is None


@pytest.mark.parametrize("damage", ["not json", "missing key", "missing file"])
def test_a_damaged_entry_is_a_miss(tmp_path, inputs, damage):
    key = key_of(inputs["content"], 1)
    keep(tmp_path / "out", key)
    entry = tmp_path / "out" / ".cache" / "booklet" / "entry.json"
    if damage == "not json":
        entry.write_text("{", encoding="utf-8")
    elif damage == "missing key":
        entry.write_text(json.dumps({"key": json.loads(entry.read_text())["key"]}), encoding="utf-8")
    else:
        (tmp_path / "out" / ".cache" / "booklet" / "files" / "booklet" / "book.pdf").unlink()
    assert fetch(tmp_path / "out", key) is None


def test_a_store_cut_short_by_sigkill_leaves_nothing_behind_after_the_next_store(tmp_path, inputs):
    """A build killed while keeping its outputs leaves its work folder (.booklet-PID); the next store
    removes it, so no number of killed builds fills the disk."""
    out = tmp_path / "out"
    left = out / ".cache" / ".booklet-4194305" / "files"
    left.mkdir(parents=True)
    (left / "half.pdf").write_bytes(b"%PDF half")
    keep(out, key_of(inputs["content"], 1))
    assert sorted(p.name for p in (out / ".cache").iterdir()) == ["booklet"]


def test_no_inputs_fetches_nothing_and_keeps_nothing(tmp_path, inputs):
    """The content changed while it was read: no key names what was read, so the cache is left alone."""
    out = tmp_path / "out"
    keep(out, key_of(inputs["content"], 1))
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    assert OutputCache(out, None).fetch("booklet", out / ".staging-1") is None
    OutputCache(out, None).store("booklet", out, [out / "booklet" / "book.pdf"], {"pages": 1})
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
