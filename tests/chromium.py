"""The system Chromium as the browser tests drive it: Playwright's own browser download is not
reachable, so Playwright launches the Chromium that `make browser` installs, with no network chatter."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextmanager
def launched(*extra_args: str) -> Iterator[Browser]:
    """A running Chromium (with `extra_args` added), closed when the block ends."""
    assert CHROMIUM.exists(), "Chromium is missing: run `make browser` (make test does it)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS + list(extra_args))
        yield browser
        browser.close()
