"""One measured run in a fresh process; prints one JSON line for bench/run.py.

  child.py publish CONTENT OUT   the command line's own steps: load_content, then build 'all'
  child.py publish-without-paper-cards CONTENT OUT
                                 the same with the paper cards left out (for sizes they cannot hold)
  child.py typst MAIN PDF        compile the comparison document with the fonts in fonts/
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent


def publish(content: Path, out: Path, paper_cards: bool = True) -> dict:
    from publish import build as builder
    from publish.model import load_content

    if not paper_cards:
        builder.Renderer._paper_cards = lambda self, *args: ([], {})  # type: ignore[method-assign]

    imported = time.perf_counter()
    loaded = load_content(content)
    load = time.perf_counter() - imported
    report = builder.build(loaded, "all", out, content)
    return {"import": imported - STARTED, "load": load, "stages": report.timings, "pages": report.pages,
            "cards": report.cards, "files": len(report.files)}


def typst(main: Path, pdf: Path) -> dict:
    import typst as typst_compiler

    imported = time.perf_counter()
    typst_compiler.compile(str(main), output=str(pdf), font_paths=[str(ROOT / "fonts")], ignore_system_fonts=True)
    return {"import": imported - STARTED, "compile": time.perf_counter() - imported}


def main() -> None:
    kind, first, second = sys.argv[1:4]
    jobs = {"publish": publish, "publish-without-paper-cards": lambda c, o: publish(c, o, paper_cards=False),
            "typst": typst}
    result = jobs[kind](Path(first), Path(second))
    own, workers = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    result.update(seconds=time.perf_counter() - STARTED, rss_mb=own.ru_maxrss / 1024,
                  worker_rss_mb=workers.ru_maxrss / 1024,
                  cpu=own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
