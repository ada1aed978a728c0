"""Write a genanki package as a reproducible .apkg: the same input gives the same bytes.

genanki stamps zip entries with the current time (and leaves its temporary database behind),
so the collection database is written with genanki and zipped here with fixed entry dates.
"""
from __future__ import annotations

import itertools
import json
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path

import genanki

from ..epoch import FIRST_EPOCH, LAST_EPOCH, holdable


def write_apkg(package: genanki.Package, media: dict[str, bytes], path: Path, timestamp: int) -> None:
    """Write `package` with `media` (file name -> bytes) to `path`; entries dated `timestamp`, from which
    note and card ids count up (so a date the zip cannot carry, or 0, would give broken ids)."""
    if not holdable(timestamp):
        raise ValueError(f"deck date {timestamp} is outside {FIRST_EPOCH}..{LAST_EPOCH} (1980 to 2107)")
    # Beside the package, in the build's staging folder: a killed build leaves nothing in /tmp.
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        db = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db)
        try:
            for pragma in ("synchronous = OFF", "journal_mode = MEMORY"):   # a scratch file: no waiting for the disk
                conn.execute(f"PRAGMA {pragma}")
            package.write_to_db(conn.cursor(), timestamp, itertools.count(timestamp * 1000))
            conn.commit()
        finally:
            conn.close()
        collection = db.read_bytes()
    names = sorted(media)
    entries = [("collection.anki2", collection),
               ("media", json.dumps({str(i): n for i, n in enumerate(names)}, sort_keys=True).encode())]
    entries += [(str(i), media[n]) for i, n in enumerate(names)]
    date = time.gmtime(timestamp)[:6]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            z.writestr(info, data, compresslevel=6)   # zlib's default: on these SVGs as small as 9, in 2/3 of the time
