"""The structure the design relies on: each distinct figure drawn once per build, card counting that
draws nothing, renderers independent of the deck, and modules small enough to read."""
import ast
import os
from pathlib import Path

import pytest

from publish.booklet.context import Art
from publish.build import build
from publish.figures import FigureStore, store
from publish.study import card_count, figure_keys, study_notes

PUBLISH = Path(__file__).resolve().parent.parent / "publish"
DRAWING_FUNCTIONS = ("referral_figure", "locator_figure", "overview_map", "answer_map", "legend")
FUNCTIONS = {"referral": "referral_figure", "locator": "locator_figure", "overview": "overview_map",
             "answer_map": "answer_map", "legend": "legend"}


def instrument(monkeypatch, log: Path) -> None:
    """Make every drawing function append what it drew to `log` (O_APPEND: forked children too)."""
    for name in DRAWING_FUNCTIONS:
        draw = getattr(store, name)

        def logged(*args, _draw=draw, _name=name, **options):
            spot = next((a.number for a in args if isinstance(getattr(a, "number", None), int)), None)
            line = f"{_name} {spot} {sorted(options.items())}\n"
            fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
            try:
                os.write(fd, line.encode())
            finally:
                os.close(fd)
            return _draw(*args, **options)
        monkeypatch.setattr(store, name, logged)


def test_a_full_build_draws_each_distinct_figure_once(content, tmp_path, monkeypatch):
    log = tmp_path / "drawn.log"
    instrument(monkeypatch, log)
    build(content, "all", tmp_path / "out", PUBLISH.parent / "content")
    drawn = log.read_text().splitlines()
    booklet = FigureStore(content)
    Art(booklet).draw_all()
    keys = figure_keys(study_notes(content))
    shared = set(booklet._drawings) | set(keys) | {key.for_screen() for key in keys}     # the deck's phone layouts
    expected = {f"{FUNCTIONS[k.kind]} {k.spot} {sorted(k.options)}" for k in shared if k.kind in FUNCTIONS}
    assert len(drawn) == len(set(drawn)), sorted(d for d in drawn if drawn.count(d) > 1)
    laid_out_for_a_room = {d for d in drawn if "('fit', " in d} - expected   # a page's or card front's room
    assert set(drawn) - laid_out_for_a_room == expected


def test_counting_cards_draws_nothing(content, monkeypatch):
    def refuse(*args, **options):
        raise AssertionError("counting cards drew a figure")
    for name in DRAWING_FUNCTIONS:
        monkeypatch.setattr(store, name, refuse)
    assert card_count(content) == sum(len(n.cards) for n in study_notes(content)) > 100


def imports(path: Path) -> set[str]:
    """Every publish module `path` imports, as dotted names ('publish.deck.package')."""
    package = ".".join(path.relative_to(PUBLISH.parent).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            found |= {module} | {f"{module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


@pytest.mark.parametrize("package", ["booklet", "paper", "consistency", "study", "figures", "model"])
def test_renderers_and_the_study_model_import_nothing_from_the_deck(package):
    for path in (PUBLISH / package).rglob("*.py"):
        deck = sorted(m for m in imports(path) if m == "publish.deck" or m.startswith("publish.deck."))
        assert not deck, f"{path.relative_to(PUBLISH)} imports {deck}"


def test_the_imports_resolve_as_the_test_reads_them():
    assert "publish.study.notes.study_notes" in imports(PUBLISH / "study" / "__init__.py")
    assert "publish.anki_fields.NOTE_TYPES" in imports(PUBLISH / "deck" / "package.py")


def test_no_module_is_over_300_lines():
    long = {str(p.relative_to(PUBLISH)): n for p in PUBLISH.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    assert not long
