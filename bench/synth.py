"""Synthetic content of N spots made from the real ones, for timing builds at scale.

Spot k (1-based) is a copy of real spot ((k - 1) mod 14) + 1: same regions, conditions,
references and figures, with its variant number in the title and summary so that every
page and card differs; related spots point at the copies of the same variant.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

SPOT_FILE = re.compile(r"^\d+-(?P<slug>[a-z0-9-]+)\.yaml$")


def real_spots(content: Path) -> list[tuple[str, dict]]:
    """(slug, data) of every real spot, by number."""
    spots = []
    for path in (content / "spots").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        spots.append((data["number"], SPOT_FILE.match(path.name)["slug"], data))
    spots.sort(key=lambda item: item[0])
    if [number for number, _, _ in spots] != list(range(1, len(spots) + 1)):
        raise SystemExit("bench: the real spots must be numbered 1..n to be cloned")
    return [(slug, data) for _, slug, data in spots]


def clone(data: dict, number: int, variant: int, base: int, total: int) -> dict:
    """Spot `number`: a copy of `data` (variant 0 is the real text, unchanged)."""
    out = dict(data, number=number)
    if variant:
        out["title"] = f"{data['title']} (variant {variant + 1})"
        out["summary"] = f"Variant {variant + 1}. {data['summary']}"
        out.pop("conditions", None)   # else a condition's paper card would list hundreds of spots
    related = []
    for link in data.get("related", ()):
        target = variant * base + link["spot"]
        related.append(dict(link, spot=target if target <= total else link["spot"]))
    if related:
        out["related"] = related
    return out


def make_content(real: Path, target: Path, n: int) -> Path:
    """Copy `real` to `target` with its spots replaced by `n` numbered copies; returns `target`."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(real, target, ignore=shutil.ignore_patterns("spots"))
    spots = real_spots(real)
    folder = target / "spots"
    folder.mkdir()
    for index in range(n):
        variant, which = divmod(index, len(spots))
        slug, data = spots[which]
        spot = clone(data, index + 1, variant, len(spots), n)
        text = yaml.safe_dump(spot, allow_unicode=True, sort_keys=False, width=110)
        (folder / f"{index + 1:04d}-{slug}.yaml").write_text(text, encoding="utf-8")
    return target
