"""The bad-input corpus (tests/bad_inputs/, format in its README): for every mistake an editor can make in
content/, the real command line prints `file:line:column: field: message`, exits with status 1, shows no
traceback and leaves the last good build byte-for-byte as it was; legitimate oddities just work."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
CONTROL_FILES = {"expect.yaml", "patch.yaml", "DELETE"}
EXPECT_KEYS = {"message", "file", "line", "field", "accept", "generate", "note"}
BIG_STRING = b"__BIG_STRING__"
BIG_STRING_BYTES = 10 * 1024 * 1024

# Cases also run through a full build: a content problem must stop `all` before anything in --out changes,
# and text that looks like markup or is fine typography must build the booklet, cards and deck.
FULL_BUILD = ["yaml-tab-indent", "yaml-alias-bomb", "yaml-nesting-bomb", "big-string", "non-utf8-bytes",
              "utf16-file", "control-character", "missing-file", "duplicate-spot-number", "unknown-region",
              "undrawable-characters", "figure-path-escaping-content",
              "markup-script-tag", "markup-html-tags-and-entities", "markup-anki-field-syntax", "typographic-text",
              "date-typo-in-year", "long-title-with-a-long-word"]
RUNS = [("check", name) for name in CASES] + [("all", name) for name in FULL_BUILD]

# What an earlier successful build left in --out; a failed run must not touch a byte of it.
LAST_GOOD_BUILD = {
    "booklet/perfect-spots-a5.pdf": b"%PDF-1.7\n% the last good booklet\n%%EOF\n",
    "deck/perfect-spots.apkg": b"PK\x03\x04 the last good deck",
    ".published": b"",
}


def load_expect(case: Path) -> dict:
    expect = yaml.safe_load((case / "expect.yaml").read_text(encoding="utf-8"))
    assert set(expect) <= EXPECT_KEYS, f"{case.name}: unknown keys {set(expect) - EXPECT_KEYS}"
    if not expect.get("accept"):
        assert {"message", "file", "field"} <= set(expect), f"{case.name}: message, file and field are required"
        assert "line" in expect or (case / "patch.yaml").exists(), f"{case.name}: line is required without a patch"
    return expect


def one(folder: Path, pattern: str) -> Path:
    matches = sorted(folder.glob(pattern))
    assert len(matches) == 1, f"{pattern!r} should match one path in content, got {matches}"
    return matches[0]


def first_difference(old: str, new: str) -> int:
    """Index of the first line of `new` that differs from the same line of `old`."""
    a, b = old.split("\n"), new.split("\n")
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def apply_patch(step: dict, content: Path) -> int | None:
    """Apply one patch; return the line at which its `new` text starts to differ, if it has one."""
    source = one(content, step["file"])
    text = source.read_bytes().decode("utf-8")
    line = None
    if "old" in step:
        old, new = step["old"], step["new"]
        assert text.count(old) == 1, f"{old!r} should occur once in {source.name}"
        start = text.index(old)
        text = text.replace(old, new)
        line = text[:start].count("\n") + 1 + first_difference(old, new)
    (content / step["to"] if "to" in step else source).write_bytes(text.encode("utf-8"))
    return line


def lay_out(case: Path, expect: dict, content: Path) -> int | None:
    """Copy the real content to `content` and apply the case; return the line its last patch changed."""
    shutil.copytree(ROOT / "content", content)
    changed = None
    if (case / "patch.yaml").exists():
        steps = yaml.safe_load((case / "patch.yaml").read_text(encoding="utf-8"))
        for step in steps if isinstance(steps, list) else [steps]:
            changed = apply_patch(step, content)
    for f in sorted(case.rglob("*")):
        if f.is_file() and f.name not in CONTROL_FILES:
            data = f.read_bytes()
            if expect.get("generate") == "big_string" and BIG_STRING in data:
                data = data.replace(BIG_STRING, b"Lorem ipsum " * (BIG_STRING_BYTES // 12))
            target = content / f.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    if (case / "DELETE").exists():
        for pattern in (case / "DELETE").read_text(encoding="utf-8").split():
            doomed = sorted(content.glob(pattern))
            assert doomed, f"DELETE: {pattern!r} matches nothing in content"
            for path in doomed:
                path.unlink()
    if expect.get("generate") == "big_string":
        assert any(f.stat().st_size > BIG_STRING_BYTES for f in content.rglob("*.yaml")), "no big string generated"
    return changed


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None), so a leftover staging folder counts as a change."""
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None for p in sorted(folder.rglob("*"))}


def expected_problem(expect: dict, content: Path, line: int | None) -> re.Pattern:
    """The problem line as the editor must see it: location, then field, then the message."""
    file = expect["file"]
    if "*" in file:
        file = one(content, file).relative_to(content)
    where = re.escape(f"content/{file}")
    where += f":{line}:[0-9]+:" if line is not None else ":"
    field = f" {re.escape(expect['field'])}:" if expect["field"] else r"(?! [\w.\[\]]+: )"
    return re.compile(f"^{where}{field} .*{re.escape(expect['message'])}", re.M)


def run_cli(command: str, cwd: Path, out: str = "out") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "publish", command, "--content", "content", "--out", out],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("command,name", RUNS, ids=[f"{c}-{n}" for c, n in RUNS])
def test_bad_input(command, name, tmp_path):
    case = CORPUS / name
    expect = load_expect(case)
    content = tmp_path / "content"
    changed = lay_out(case, expect, content)
    out = tmp_path / "out"
    for rel, data in LAST_GOOD_BUILD.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    before = snapshot(out)

    # An accepted `check` compares the build in --out with the content: the stand-in build is none to compare.
    result = run_cli(command, tmp_path, "no-build" if command == "check" and expect.get("accept") else "out")

    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    if expect.get("accept"):
        assert result.returncode == 0, result.stderr
        if command == "check":
            assert snapshot(out) == before
        else:  # the last good build was replaced by a whole new one, and nothing was left behind
            after = snapshot(out)
            assert all(after[rel] != data for rel, data in LAST_GOOD_BUILD.items() if rel != ".published")
            assert not [rel for rel in after if rel.startswith(".staging-")]
        return
    assert result.returncode == 1, result.stdout + result.stderr
    line = expect.get("line", changed)
    pattern = expected_problem(expect, content, line)
    assert pattern.search(result.stderr), f"no line matching {pattern.pattern!r} in:\n{result.stderr}"
    assert "nothing was written" in result.stderr
    assert snapshot(out) == before
