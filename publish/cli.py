"""Command line: load -> validate -> render into a staging folder -> preflight -> move into place."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .errors import BuildError, ContentError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="publish", description="Build the Perfect Spots booklet and Anki deck from content/.")
    p.add_argument("command", nargs="?", default="all", choices=["check", "booklet", "deck", "all", "schema"],
                   help="check: validate only; booklet / deck / all: build; schema: print the content format")
    p.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    p.add_argument("--out", type=Path, default=Path("build"), help="output folder (default: build)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    started = time.perf_counter()
    if args.command == "schema":
        from .model.docs import schema_markdown
        print(schema_markdown(), end="")
        return 0
    from .model import load_content
    try:
        content = load_content(args.content)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"publish: {len(exc.problems)} problem(s) in {args.content}; nothing was written", file=sys.stderr)
        return 1
    summary = [f"{len(content.spots)} spots"]
    if args.command != "check":
        try:
            from .build import build
            report = build(content, args.command, args.out, args.content)
        except BuildError as exc:
            print(f"publish: {exc}; nothing was written", file=sys.stderr)
            return 1
        summary += report.summary(args.out)
    summary.append(f"{time.perf_counter() - started:.2f} s")
    print("publish: " + ", ".join(summary))
    return 0
