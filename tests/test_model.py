"""The content model: all 14 spots load, cross-references resolve, and every kind of
careless edit is reported as file:line:column: field: message."""
import subprocess
import sys
from pathlib import Path

import pytest

from publish.errors import ContentError
from publish.model import load_content

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def copy(content_copy):
    """A writable copy of the real content folder."""
    return content_copy()


def spot_file(content_dir: Path, number: int) -> Path:
    return next((content_dir / "spots").glob(f"{number:02d}-*.yaml"))


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` with `new`; return the 1-based line where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1


def problems(content_dir: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_content(content_dir)
    return [str(p) for p in info.value.problems]


def only(messages: list[str], *needles: str) -> str:
    hits = [m for m in messages if all(n in m for n in needles)]
    assert len(hits) == 1, f"expected one message with {needles}, got {messages}"
    return hits[0]


# ---------------------------------------------------------------- the real content

def test_all_fourteen_spots_load_in_order(content):
    assert [s.number for s in content.spots] == list(range(1, 15))


def test_cross_references_resolve(content):
    numbers = {s.number for s in content.spots}
    for spot in content.spots:
        for rid in spot.pain.essential + spot.pain.spillover:
            assert rid in content.regions
        for cid in spot.conditions:
            assert cid in content.conditions
        for ref in spot.references:
            assert ref in content.references
        for rel in spot.related:
            assert rel.spot in numbers and rel.spot != spot.number


def test_every_condition_and_region_is_used_by_some_spot(content):
    used_conditions = {c for s in content.spots for c in s.conditions}
    assert set(content.conditions) == used_conditions
    used_regions = {r for s in content.spots for r in s.pain.essential + s.pain.spillover}
    unused = set(content.regions) - used_regions
    assert not unused, f"regions no spot refers pain to: {sorted(unused)}"


def test_spot_8_lists_the_four_quadriceps_heads_once_each(content):
    names = [m.name.lower() for m in content.spot(8).muscles]
    for head in ("vastus lateralis", "vastus medialis", "vastus intermedius", "rectus femoris"):
        assert names.count(head) == 1


def test_spot_12_feature_has_notes_pointing_at_references(content):
    spot = content.spot(12)
    refs = {run.ref for section in spot.feature for paragraph in section.paragraphs
            for run in paragraph if not isinstance(run, str)}
    assert {"bewyer2003", "chen2006", "katalinic2010"} <= refs
    assert spot.muscles[0].reference.part == "Volume 2, Chapter 7"


def test_the_source_article_references_carry_their_real_pubmed_ids(content):
    assert content.references["bewyer2003"].pmid == "14575251"
    assert content.references["chen2006"].pmid == "16861506"
    assert content.references["katalinic2010"].pmid is None


# ---------------------------------------------------------------- each careless edit, reported where it is

def test_unknown_region_is_reported_with_suggestion(copy):
    f = spot_file(copy, 12)
    line = edit(f, "essential: [", "essential: [buttok, ")
    msg = only(problems(copy), "pain.essential[0]")
    assert msg.startswith(f"{f}:{line}:")
    assert "unknown region 'buttok' (did you mean 'buttock'?)" in msg


def test_unknown_condition_reference_and_related_spot(copy):
    f = spot_file(copy, 3)
    text = f.read_text()
    f.write_text(text.replace("- spot: ", "- spot: 99\n    why: nothing\n  - spot: ", 1))
    rel_line = f.read_text().splitlines().index("  - spot: 99") + 1
    c_line = edit(f, "conditions: [", "conditions: [shin_splintz, ")
    r_line = edit(f, "references: [", "references: [smith1999, ")
    msgs = problems(copy)
    assert only(msgs, "conditions[0]").startswith(f"{f}:{c_line}:")
    assert "did you mean 'shin_splints'" in only(msgs, "conditions[0]")
    assert only(msgs, "references[0]", "unknown reference 'smith1999'").startswith(f"{f}:{r_line}:")
    assert only(msgs, "there is no spot 99").startswith(f"{f}:{rel_line}:")


def test_missing_key_names_it(copy):
    f = spot_file(copy, 5)
    text = f.read_text()
    start = text.index("\nsummary:")
    end = text.index("\nmuscles:")
    f.write_text(text[:start] + text[end:])
    assert "summary: required key 'summary' is missing" in only(problems(copy), "summary")


def test_misspelled_key_suggests_the_right_one(copy):
    f = spot_file(copy, 7)
    line = edit(f, "\ncautions:", "\ncautoins:") + 1
    msg = only(problems(copy), "cautoins")
    assert msg.startswith(f"{f}:{line}:1:")
    assert "unknown key 'cautoins' (did you mean 'cautions'?)" in msg


def test_wrong_type_and_empty_text(copy):
    f = spot_file(copy, 9)
    line = edit(f, "number: 9", "number: nine")
    msgs = problems(copy)
    assert only(msgs, "number:").startswith(f"{f}:{line}:9:")
    assert "expected a whole number, got 'nine'" in only(msgs, "number:")
    copy2 = copy
    f2 = spot_file(copy2, 9)
    edit(f2, "number: nine", "number: 9")
    text = f2.read_text()
    import re
    title_line = re.search(r"^title: .*$", text, re.M)
    f2.write_text(text.replace(title_line.group(0), 'title: "  "'))
    line = f2.read_text().splitlines().index('title: "  "') + 1
    assert only(problems(copy2), "title").startswith(f"{f2}:{line}:8: title: must not be empty")


def test_duplicate_spot_numbers(copy):
    f = spot_file(copy, 14)
    line = edit(f, "number: 14", "number: 13")
    msgs = problems(copy)
    assert only(msgs, "spot number 13 is also used").startswith(f"{f}:{line}:")


def test_duplicate_mapping_key_is_an_error_not_silently_last_wins(copy):
    f = copy / "book.yaml"
    line = edit(f, "subtitle:", "title: Other title\nsubtitle:")
    msg = only(problems(copy), "duplicate key 'title'")
    assert msg.startswith(f"{f}:{line}:1:")
    assert "first given on line 1" in msg


def test_yaml_syntax_error_points_at_the_line(copy):
    f = copy / "conditions.yaml"
    line = edit(f, "  - id: migraine", "  - id: migraine\n\tname: tabbed") + 1
    msg = only(problems(copy), "conditions.yaml")
    assert msg.startswith(f"{f}:{line}:")
    assert "tabs" in msg


def test_aliases_are_refused(copy):
    f = copy / "glossary.yaml"
    line = edit(f, "  - term: referred pain", "  - term: &t referred pain\n  - term: *t")
    msgs = problems(copy)
    assert only(msgs, "anchor '&t'").startswith(f"{f}:{line}:")


def test_non_utf8_file(copy):
    f = spot_file(copy, 2)
    raw = f.read_bytes()
    f.write_bytes(raw.replace(b"\n", b"\ncaf\xe9\n", 1))
    assert only(problems(copy), "not UTF-8").startswith(f"{f}:2:4:")


def test_characters_the_fonts_cannot_draw(copy):
    f = spot_file(copy, 10)
    line = edit(f, "\nfeel: ", "\nfeel: \u2603 snow ")
    msg = only(problems(copy), "U+2603")
    assert msg.startswith(f"{f}:{line + 1}:") and "feel:" in msg


def test_all_problems_are_reported_at_once(copy):
    edit(spot_file(copy, 1), "number: 1", "number: one")
    edit(spot_file(copy, 6), "\nfeel:", "\nfeal:")
    edit(copy / "regions.yaml", "id: temple", "id: Temple")
    msgs = problems(copy)
    assert len([m for m in msgs if "01-" in m or "06-" in m or "regions.yaml" in m]) >= 3


# ---------------------------------------------------------------- the command line

def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "publish", *args], cwd=cwd, capture_output=True, text=True)


def test_check_reports_fourteen_spots():
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    assert "14 spots" in result.stdout


def test_check_on_broken_content_exits_1_without_traceback(copy):
    edit(spot_file(copy, 12), "essential: [", "essential: [nowhere, ")
    result = run_cli("check", "--content", str(copy))
    assert result.returncode == 1
    assert "unknown region 'nowhere'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_readme_documents_the_content_format_as_the_schema_says():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    generated = run_cli("schema").stdout
    assert generated.strip() in readme


def test_file_names_are_refused_outside_preflight():
    result = run_cli("check", "stray.pdf")
    assert result.returncode == 2
    assert "'check' takes no file names" in result.stderr


def test_unknown_red_flag_list_is_an_error_at_its_line(copy):
    f = spot_file(copy, 13)
    line = edit(f, "red_flags: [low_back]", "red_flags: [low_bak]")
    msg = only(problems(copy), "unknown red-flag list 'low_bak'")
    assert msg.startswith(f"{f}:{line}:") and "did you mean 'low_back'" in msg


def test_unknown_placeholder_in_the_guide_is_an_error_at_its_line(copy):
    f = copy / "guide.yaml"
    line = edit(f, "Each of the {spots} spot chapters", "Each of the {spot_count} spot chapters")
    msg = only(problems(copy), "unknown placeholder '{spot_count}'")
    assert msg.startswith(f"{f}:{line - 1}:") and "introduction[0]" in msg   # the '- >-' that opens the text


def test_spot_with_cautions_needs_a_key_caution(copy):
    f = spot_file(copy, 4)
    text = f.read_text(encoding="utf-8")
    f.write_text("\n".join(line for line in text.splitlines() if not line.startswith("key_caution:")) + "\n",
                 encoding="utf-8")
    line = text[: text.index("\ncautions:")].count("\n") + 2
    msg = only(problems(copy), "needs a key_caution")
    assert msg.startswith(f"{f}:{line}:")


def test_a_spot_needs_a_muscle_it_lies_in(copy):
    f = spot_file(copy, 7)
    edit(f, "  - name: masseter\n", "  - name: masseter\n    role: context\n")
    assert "no muscle has role 'spot'" in only(problems(copy), "role 'spot'")


def test_key_caution_must_be_short_enough_for_a_card(copy):
    f = spot_file(copy, 7)
    line = edit(f, "key_caution: ", "key_caution: " + "very " * 30)
    assert only(problems(copy), "key_caution: text is too long").startswith(f"{f}:{line}:")
