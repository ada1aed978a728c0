"""Command line: load -> validate -> render into a staging folder -> preflight -> move into place."""
from __future__ import annotations

import argparse
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BuildError, ContentError
from .uptodate import current_files, fingerprint

if TYPE_CHECKING:
    from .model import Content


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="publish", description="Build the Perfect Spots booklet, Anki deck and web edition from content/.")
    p.add_argument("command", nargs="?", default="all", choices=["check", "booklet", "deck", "site", "all", "preflight", "schema"],
                   help="check: validate only; booklet / deck / site / all: build (no command: all); "
                        "preflight: check PDFs; schema: print the content format")
    p.add_argument("files", nargs="*", type=Path, help="PDFs to preflight (default: every PDF in the output folder)")
    p.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    p.add_argument("--out", type=Path, default=Path("build"), help="output folder (default: build)")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one command; Ctrl-C at any moment (loading, checking, building) ends it with one line."""
    try:
        return _run(argv)
    except KeyboardInterrupt:
        print("publish: interrupted; the output folder holds the last complete build", file=sys.stderr)
        return 130


def _run(argv: list[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.files and args.command != "preflight":
        parser.error(f"'{args.command}' takes no file names (only 'preflight' does)")
    started = time.perf_counter()
    if args.command == "schema":
        from .model.docs import schema_markdown
        print(schema_markdown(), end="")
        return 0
    if args.command == "preflight":
        return _preflight(args.files, args.out)
    key = fingerprint(args.content, args.command) if args.command != "check" and args.content.is_dir() else None
    current = key and current_files(args.out, args.command, key)
    if current:
        print(f"publish: nothing changed; the {len(current)} files in {args.out} are current, "
              f"{time.perf_counter() - started:.2f} s")
        return 0
    from .cache import content_digest
    from .epoch import pinned_epoch
    from .model import load_content
    try:
        pinned_epoch()    # refused by every command that checks or builds, never ignored
    except BuildError as exc:
        print(f"publish: {exc}; nothing was written", file=sys.stderr)
        return 1
    try:
        read = content_digest(args.content) if args.content.is_dir() else None   # the bytes about to be read
        content = load_content(args.content)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"publish: {len(exc.problems)} problem(s) in {args.content}; nothing was written", file=sys.stderr)
        return 1
    summary = [f"{len(content.spots)} spot{'' if len(content.spots) == 1 else 's'}"]
    if content.ignored:
        summary.append(f"ignored {', '.join(content.ignored)} (hidden or editor files)")
    if args.command != "check":
        if _within(args.out, args.content):
            print(f"publish: the output folder {args.out} is inside the content folder {args.content}; give --out "
                  "a folder outside it; nothing was written", file=sys.stderr)
            return 1
        try:
            from .build import build
            report = build(content, args.command, args.out, args.content, read, key)
        except BuildError as exc:
            print(f"publish: {exc}; nothing was written", file=sys.stderr)
            return 1
        except OSError as exc:   # a full disk, a folder that cannot be written, --out naming a file
            where = f": {exc.filename}" if exc.filename else ""
            print(f"publish: {exc.strerror or exc}{where}; nothing was written", file=sys.stderr)
            return 1
        summary += report.summary(args.out)
    elif _check_build(args.out, content, summary):
        return 1
    summary.append(f"{time.perf_counter() - started:.2f} s")
    print("publish: " + ", ".join(summary))
    return 0


def _within(path: Path, folder: Path) -> bool:
    """Is `path` `folder` itself or inside it (links followed)?"""
    return path.resolve().is_relative_to(folder.resolve())


def _check_build(out: Path, content: Content, summary: list[str]) -> int:
    """After a build: do the booklet, deck and paper cards in `out` agree with each other and with the
    content? Prints each mismatch; a damaged or unreadable output is a failure too."""
    from .consistency import check_build
    from .staging import settled

    try:
        with settled(out):
            findings = check_build(out, content)
    except BuildError as exc:
        print(f"publish: {exc}; build again to replace it", file=sys.stderr)
        return 1
    if findings is None:
        return 0
    for mismatch in findings.mismatches:
        print(f"publish: {mismatch}", file=sys.stderr)
    if findings.mismatches:
        print(f"publish: {len(findings.mismatches)} mismatch(es) between the booklet and the cards in {out}",
              file=sys.stderr)
        return 1
    outputs = "booklet, deck, paper cards and web edition" if out / "site" in findings.files else "booklet, deck and paper cards"
    summary.append(f"{outputs} in {out} agree")
    return 0


def _preflight(files: list[Path], out: Path) -> int:
    """Preflight the named PDFs, or every PDF of the build in `out` (after finishing a move a killed build began)."""
    from .printing.preflight import preflight
    from .staging import settled

    try:
        with nullcontext() if files else settled(out):
            results = [preflight(f) for f in files or sorted(out.glob("*/*.pdf"))]
    except BuildError as exc:
        print(f"publish: {exc}", file=sys.stderr)
        return 1
    if not results:
        print("publish: no PDFs to preflight; run a build first", file=sys.stderr)
        return 1
    for r in results:
        print(("ok    " if r.ok else "FAIL  ") + str(r), file=sys.stdout if r.ok else sys.stderr)
    return 0 if all(r.ok for r in results) else 1
