"""Shared fixtures: the real content, loaded once, writable copies of it to edit, and builds dated by a
fixed SOURCE_DATE_EPOCH."""
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from publish.model import load_content

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
PINNED = "1700000000"

SpotEdit = Callable[[dict], None]


@pytest.fixture(scope="session", autouse=True)
def pinned_dates():
    """Builds of the real content/ in tests are dated by SOURCE_DATE_EPOCH, so they never rewrite its date
    ledger (content/deck-dates.json); tests of the ledger unset it and build copies."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = PINNED
    yield
    if before is None:
        del os.environ["SOURCE_DATE_EPOCH"]
    else:
        os.environ["SOURCE_DATE_EPOCH"] = before


@pytest.fixture(scope="session")
def content():
    return load_content(CONTENT)


def _edit_spot(content_dir: Path, number: int, change: SpotEdit) -> Path:
    """Apply `change` to the YAML data of spot `number` in `content_dir`; return the spot's file."""
    path = next((content_dir / "spots").glob(f"{number:02d}-*.yaml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _copy(target: Path, spot_edits: dict[int, SpotEdit] | None = None) -> Path:
    shutil.copytree(CONTENT, target)
    for number, change in (spot_edits or {}).items():
        _edit_spot(target, number, change)
    return target


@pytest.fixture
def content_copy(tmp_path) -> Callable[..., Path]:
    """content_copy() -> a writable copy of the real content in tmp_path/content;
    content_copy({12: change}) also edits spot 12's YAML data with change(data) first;
    `at` puts the copy in another folder."""
    def make(spot_edits: dict[int, SpotEdit] | None = None, at: Path | None = None) -> Path:
        return _copy(at or tmp_path / "content", spot_edits)
    return make


@pytest.fixture
def edit_spot() -> Callable[[Path, int, SpotEdit], Path]:
    """edit_spot(content_dir, number, change): edit one spot of a copy again, e.g. for a second release."""
    return _edit_spot
