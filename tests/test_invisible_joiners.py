"""Zero-width joiner, non-joiner and word joiner (and zero-width and no-break spaces) are invisible in a
text editor, but the booklet fonts draw them as marks. They are dropped when the content is read, so no
output shows them: the booklet, the paper cards and the cards as imported into Anki are read back here."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from output_text import booklet_text, card_html, flashcards_text

from publish.model import load_content

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
JOINERS = "\u200c\u200d\u2060\u200b\ufeff"


def test_joiners_are_dropped_from_every_output(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    kept, *others = sorted((content / "spots").glob("*.yaml"))
    for path in others:
        path.unlink()
    spot = yaml.safe_load(kept.read_text(encoding="utf-8"))
    spot.pop("related", None)
    spot["title"] = "Tension\u200d headaches\u200c at\u2060the\u200bback\ufeffof the head"
    spot["muscles"][0]["detail"] = "deep\u2060est layer"
    kept.write_text(yaml.safe_dump(spot, allow_unicode=True, sort_keys=False), encoding="utf-8")

    assert load_content(content).spots[0].title == "Tension headaches atthebackof the head"
    outputs = {"booklet": booklet_text(content), "paper cards": flashcards_text(content, tmp_path),
               "Anki cards": "\n".join(card_html(content, tmp_path))}
    for name, text in outputs.items():
        assert "atthebackof" in text.replace("\r\n", "").replace("\n", ""), f"the title is not in the {name}"
        shown = sorted({f"U+{ord(c):04X}" for c in text if c in JOINERS})
        assert not shown, f"the {name} show {shown}"
