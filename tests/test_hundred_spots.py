"""Any valid content builds: 100 spots, each a copy of a real one that keeps its conditions, shares its
pain areas and links to the copies of its related spots, give every output through the real command
line (booklet editions, deck, paper cards, web edition), the deck holds all 100 spots when imported
into Anki, and `check` finds the outputs in agreement."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from anki_reader import import_deck, open_collection, spot_notes
from publish import editions

ROOT = Path(__file__).resolve().parent.parent
SPOTS = 100
SLUG = re.compile(r"^\d+-(?P<slug>[a-z0-9-]+)\.yaml$")


def hundred_spots(content: Path) -> None:
    """Replace the spots of `content` with SPOTS copies of the real ones, numbered 1..SPOTS."""
    real = sorted(((yaml.safe_load(p.read_text(encoding="utf-8")), SLUG.match(p.name)["slug"], p)
                   for p in (content / "spots").glob("*.yaml")), key=lambda item: item[0]["number"])
    for _, _, path in real:
        path.unlink()
    for k in range(SPOTS):
        copy, which = divmod(k, len(real))
        data, slug, _ = real[which]
        spot = dict(data, number=k + 1, title=f"{data['title']} ({copy + 1})" if copy else data["title"])
        related = [dict(link, spot=copy * len(real) + link["spot"]) for link in data.get("related", ())]
        spot["related"] = [link for link in related if link["spot"] <= SPOTS]
        text = yaml.safe_dump(spot, allow_unicode=True, sort_keys=False)
        (content / "spots" / f"{k + 1:03d}-{slug}.yaml").write_text(text, encoding="utf-8")


def publish(command: str, content: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "publish", command, "--content", str(content), "--out", str(out)],
                          env=env, capture_output=True, text=True, timeout=1800)


def test_a_hundred_spots_give_every_output(content_copy, tmp_path):
    content = content_copy()
    hundred_spots(content)
    out = tmp_path / "out"

    built = publish("all", content, out)
    assert built.returncode == 0, built.stdout + built.stderr

    booklets = [f for t in editions.TRIMS for f in (t.reader_file, t.sheets_file, t.bleed_file) if f]
    expected = [f"{editions.BOOKLET_DIR}/{name}" for name in booklets] + [str(editions.DECK_PATH)] + \
               [str(path) for path in editions.CARD_PATHS] + [f"{editions.SITE_DIR}/index.html"]
    missing = [name for name in expected if not (out / name).is_file()]
    assert not missing, f"not built: {missing}"
    col = open_collection(tmp_path / "anki")
    try:
        import_deck(col, out / editions.DECK_PATH)
        assert sorted(spot_notes(col)) == list(range(1, SPOTS + 1))
    finally:
        col.close()
    checked = publish("check", content, out)
    assert checked.returncode == 0, checked.stdout + checked.stderr
