"""Shared fixtures: the real content, loaded once."""
from pathlib import Path

import pytest

from publish.model import load_content

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


@pytest.fixture(scope="session")
def content():
    return load_content(CONTENT)
