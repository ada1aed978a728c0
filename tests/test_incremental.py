"""A rebuild after an edit starts the booklet's layout from the page map the last build found (no dry
layout) and still gives, byte for byte, what a cold build of the edited content gives: a chapter that
grows by a page moves every later page number, and the layout goes on until the numbers it prints are
the pages it finds."""
from __future__ import annotations

import shutil

from output_files import sha256s

from publish.build import build
from publish.model import load_content

LONGER = " ".join(["In some people the tenderness changes from day to day, and it is worth noting when it is worse."] * 14)


def test_a_rebuild_after_a_one_spot_edit_gives_the_bytes_of_a_cold_build(tmp_path, content_copy, edit_spot):
    source = content_copy()
    out = tmp_path / "out"
    first = build(load_content(source), "all", out, source)
    assert "booklet pages" in first.timings             # cold: a dry layout found the pages

    edit_spot(source, 3, lambda spot: spot.update(feel=f"{spot['feel']} {LONGER}"))
    again = build(load_content(source), "all", out, source)
    assert "booklet pages" not in again.timings         # started from the kept page map
    assert again.spot_pages[3] == first.spot_pages[3] and again.spot_pages[14] > first.spot_pages[14]

    cold = build(load_content(source), "all", tmp_path / "cold", source)
    assert "booklet pages" in cold.timings
    assert sha256s(out) == sha256s(tmp_path / "cold")


def test_a_damaged_page_map_is_ignored_and_the_build_starts_cold(tmp_path, content_copy):
    source = content_copy()
    out = tmp_path / "out"
    build(load_content(source), "booklet", out, source)
    kept = out / ".cache" / "hints" / "booklet-pages.json"
    assert kept.is_file()
    for damage in ("{not json", '{"pages": {"spot-1": -4}, "notes": 2}', '["a list"]', ""):
        kept.write_text(damage, encoding="utf-8")
        shutil.rmtree(out / ".cache" / "booklet")      # not kept: the booklet is laid out again
        report = build(load_content(source), "booklet", out, source)
        assert "booklet pages" in report.timings, damage
