"""The files a build leaves for users, by hash: what 'byte-identical outputs' compares."""
from __future__ import annotations

import hashlib
from pathlib import Path


def sha256s(out: Path) -> dict[str, str]:
    """The hash of every file a user opens (the hidden build cache is not an output)."""
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file() and not p.relative_to(out).parts[0].startswith(".")}
