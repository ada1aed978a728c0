"""The build's dates: the range every output can hold, and SOURCE_DATE_EPOCH read strictly."""
from __future__ import annotations

import calendar
import os
import re

from .errors import BuildError
from .model.schema import EARLIEST_DATE, LATEST_DATE

FIRST_EPOCH = calendar.timegm(EARLIEST_DATE.timetuple())
LAST_EPOCH = calendar.timegm(LATEST_DATE.timetuple()) + 86399


def holdable(seconds: int) -> bool:
    """Whether every output (zip entries, PDF dates, Anki ids in milliseconds) can carry this date."""
    return FIRST_EPOCH <= seconds <= LAST_EPOCH


def pinned_epoch() -> int | None:
    """SOURCE_DATE_EPOCH, if set: a date every output can hold, or the build is refused (never ignored)."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not raw:
        return None
    if not re.fullmatch(r"[0-9]{1,12}", raw) or not holdable(int(raw)):
        raise BuildError(f"SOURCE_DATE_EPOCH={raw[:40]!r} is not a date the deck (a zip file) and the PDFs can hold: "
                         f"give seconds since 1970-01-01 UTC from {FIRST_EPOCH} ({EARLIEST_DATE}) to {LAST_EPOCH} "
                         f"({LATEST_DATE}), or unset it")
    return int(raw)
