"""Command line: load -> validate -> render into a staging folder -> preflight -> move into place."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BuildError, ContentError

if TYPE_CHECKING:
    from .model import Labels


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
        return _preflight(args.files or sorted(args.out.glob("*/*.pdf")))
    from .epoch import pinned_epoch
    from .model import load_content
    try:
        pinned_epoch()    # refused by every command that checks or builds, never ignored
    except BuildError as exc:
        print(f"publish: {exc}; nothing was written", file=sys.stderr)
        return 1
    try:
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
            report = build(content, args.command, args.out, args.content)
        except BuildError as exc:
            print(f"publish: {exc}; nothing was written", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print(f"publish: interrupted; {args.out} holds the last complete build", file=sys.stderr)
            return 130
        except OSError as exc:   # a full disk, a folder that cannot be written, --out naming a file
            where = f": {exc.filename}" if exc.filename else ""
            print(f"publish: {exc.strerror or exc}{where}; nothing was written", file=sys.stderr)
            return 1
        summary += report.summary(args.out)
    elif _check_build(args.out, summary, content.labels):
        return 1
    summary.append(f"{time.perf_counter() - started:.2f} s")
    print("publish: " + ", ".join(summary))
    return 0


def _within(path: Path, folder: Path) -> bool:
    """Is `path` `folder` itself or inside it (links followed)?"""
    return path.resolve().is_relative_to(folder.resolve())


def _check_build(out: Path, summary: list[str], labels: Labels) -> int:
    """After a build: do the booklet, deck and paper cards in `out` agree? Prints each mismatch."""
    from .consistency import check_build

    try:
        findings = check_build(out, labels)
    except BuildError as exc:   # not a build of ours, or damaged: nothing to compare, the content is fine
        print(f"publish: {exc}; the booklet and the cards were not compared", file=sys.stderr)
        return 0
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


def _preflight(files: list[Path]) -> int:
    from .printing.preflight import preflight

    if not files:
        print("publish: no PDFs to preflight; run a build first", file=sys.stderr)
        return 1
    results = [preflight(f) for f in files]
    for r in results:
        print(("ok    " if r.ok else "FAIL  ") + str(r), file=sys.stdout if r.ok else sys.stderr)
    return 0 if all(r.ok for r in results) else 1
