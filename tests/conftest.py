"""Shared fixtures: the real content, loaded once; builds dated by a fixed SOURCE_DATE_EPOCH."""
import os
from pathlib import Path

import pytest

from publish.model import load_content

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
PINNED = "1700000000"


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
