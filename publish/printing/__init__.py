"""Print editions made from a finished reader PDF, and preflight of every PDF before it is kept."""
from __future__ import annotations

from pathlib import Path

from ..editions import Trim
from ..errors import BuildError
from ..stopwatch import timed


def print_editions(trim: Trim, reader: Path, timings: dict[str, float]) -> list[Path]:
    """`trim`'s print editions next to its reader PDF: saddle-stitch sheets for home printing and,
    where the trim has one, the bleed edition for print shops."""
    from .bleed import add_bleed
    from .imposition import impose

    made = [reader.with_name(trim.sheets_file)]
    with timed(timings, f"print editions {trim.slug}"):
        impose(reader, made[0], trim.sheet)
        if trim.bleed_file:
            made.append(reader.with_name(trim.bleed_file))
            add_bleed(reader, made[-1])
    return made


def preflight_all(pdfs: list[Path]) -> None:
    """Raise BuildError naming every PDF that fails preflight."""
    from .preflight import preflight

    failed = [str(r) for r in map(preflight, pdfs) if not r.ok]
    if failed:
        raise BuildError("preflight failed:\n" + "\n".join(failed))
