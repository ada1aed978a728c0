"""make bench: time the full publish of N spots (synthetic content made from the real spots), a no-op
`make publish`, a rebuild after editing one spot of the largest size, the bare import of the libraries
(the floor) and Typst on the same text; print the table and every target, measured and met, and write
them into docs/performance.md between its bench markers.

Every publish runs cold, in a fresh process with an empty output folder; its stage times come from
the build itself (Report.timings). Runs are repeated and the fastest kept, as other load on the
machine only ever adds time.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synth import make_content  # noqa: E402
from bench.typst_doc import write_document  # noqa: E402

PY = sys.executable
CHILD = str(ROOT / "bench" / "child.py")
DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
FLOOR = "import reportlab.platypus, reportlab.graphics.shapes, genanki, yaml, pikepdf, pypdfium2, pydantic"
EPOCH = "1700000000"   # fixed, so that runs do not ask git for the content's date
LIBRARIES = ("reportlab", "rl_accel", "genanki", "pikepdf", "pypdfium2", "pydantic", "PyYAML", "typst")

# target name -> (limit, how it is measured)
TARGETS = {
    "cold": (1.5, "full publish of the 14 spots, cold (s)"),
    "cold_floor": (6.0, "the same / bare imports of the libraries (x)"),
    "cold_cpu": (2.5, "the same, CPU seconds"),
    "noop": (0.3, "no-op `make publish` (s)"),
    "big": (25.0, "full publish of 1,000 spots (s)"),
    "big_rss": (400.0, "peak RSS of any one process, 1,000 spots (MB)"),
    "edit": (3.0, "edit one spot of 1,000, rebuild (s)"),
    "linear": (11.0, "t(1000) / t(100)"),
    "typst": (2.0, "booklet layout (dry + once) / Typst compile, 1,000 spots"),
}


class Failed(Exception):
    """A measured run ended in an error; the message is its last line."""


def run_child(*args: str) -> tuple[float, dict]:
    started = time.perf_counter()
    done = subprocess.run([PY, CHILD, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    wall = time.perf_counter() - started
    if done.returncode:
        raise Failed(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}")
    return wall, json.loads(done.stdout.strip().splitlines()[-1])


def publish_runs(content: Path, tmp: Path, n: int, runs: int, paper_failed: str) -> tuple[float, dict]:
    """The fastest of `runs` cold publishes; without the paper cards if they cannot be made at this size
    (or `paper_failed` says they could not at a smaller one: more spots only make their cards longer)."""
    kind, note, measured = "publish", "", []
    if paper_failed:
        kind, note = "publish-without-paper-cards", paper_failed
    for i in range(runs):
        out = tmp / f"out-{n}-{i}"   # a new, empty output folder: a cold build
        try:
            measured.append(run_child(kind, str(content), str(out)))
        except Failed as failure:
            if kind != "publish" or "paper card" not in str(failure):
                raise SystemExit(f"bench: publishing {n} spots failed: {failure}") from None
            kind, note = "publish-without-paper-cards", str(failure)
            measured.append(run_child(kind, str(content), str(tmp / f"out-{n}-{i}-without")))
        print(f"bench: {n} spots: {measured[-1][0]:.2f} s", file=sys.stderr)
    wall, data = best(measured)
    return wall, {**data, "failed": note}


def edit_one_spot(content: Path, out: Path, without_paper: bool) -> float:
    """Wall time of a publish into `out` (a finished build of `content`) after one spot's summary changed."""
    spot = sorted((content / "spots").glob("*.yaml"))[len(list((content / "spots").glob("*.yaml"))) // 2]
    data = yaml.safe_load(spot.read_text(encoding="utf-8"))
    data["summary"] = f"Edited. {data['summary']}"
    spot.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    wall, _ = run_child("publish-without-paper-cards" if without_paper else "publish", str(content), str(out))
    print(f"bench: one spot edited: {wall:.2f} s", file=sys.stderr)
    return wall


def best(runs: list[tuple[float, dict]]) -> tuple[float, dict]:
    return min(runs, key=lambda run: run[0])


def time_command(command: list[str], repeat: int, cwd: Path = ROOT) -> tuple[float, str]:
    """Fastest wall time of `command` and its output."""
    times, output = [], ""
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
        times.append(time.perf_counter() - started)
        output = done.stdout + done.stderr
        if done.returncode:
            raise SystemExit(f"bench: {' '.join(command)} failed:\n{output}")
    return min(times), output


def noop_make(repeat: int) -> tuple[float | None, str]:
    """`make publish` when build/ is up to date: first bring it up to date, then time doing nothing."""
    plan = subprocess.run(["make", "-n", "publish"], capture_output=True, text=True, cwd=ROOT).stdout
    if "-m venv" in plan or "pip install" in plan:
        return None, "skipped: make would set up .venv first (run `make publish` once)"
    subprocess.run(["make", "publish"], capture_output=True, text=True, cwd=ROOT, check=True)
    seconds, output = time_command(["make", "publish"], repeat)
    if "nothing changed" not in output:
        return None, "skipped: make rebuilt although nothing had changed"
    return seconds, "nothing to do"


def measure(sizes: list[int], repeat: int, typst: bool) -> dict:
    from publish.model import load_content

    results = {"sizes": {}, "load_average": os.getloadavg()}
    paper_failed = ""
    results["python"], _ = time_command([PY, "-c", "pass"], 5)
    results["floor"], _ = time_command([PY, "-c", FLOOR], 5)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for n in sizes:
            content = make_content(ROOT / "content", Path(tmp) / f"content-{n}", n)
            wall, data = publish_runs(content, Path(tmp), n, repeat if n <= 100 else 1, paper_failed)
            row = {"wall": wall, **data}
            if n == max(sizes) and n > 14:
                without = Path(tmp) / f"out-{n}-0-without"     # where the first run went without paper cards
                row["edit"] = edit_one_spot(content, without if without.exists() else Path(tmp) / f"out-{n}-0",
                                            bool(data["failed"]))
            paper_failed = paper_failed or (f"{data['failed']} (at {n:,} spots)" if data["failed"] else "")
            if typst:
                main = write_document(load_content(content), Path(tmp) / f"typst-{n}")
                twall, tdata = best([run_child("typst", str(main), str(main.with_suffix(".pdf")))
                                     for _ in range(repeat if n <= 100 else 1)])
                import pikepdf
                with pikepdf.open(main.with_suffix(".pdf")) as pdf:
                    row["typst"] = {"wall": twall, "pages": len(pdf.pages), **tdata}
            results["sizes"][n] = row
    results["noop"], results["noop_note"] = noop_make(5)
    return results


def stage(row: dict, *names: str) -> float:
    return sum(v for k, v in row["stages"].items() if any(k == n or k.startswith(n + " ") for n in names))


def layout(row: dict) -> float:
    """Seconds to lay the booklet out: finding the pages (a dry layout) and the one layout that prints them."""
    s = row["stages"]
    return s.get("booklet pages", 0) + s.get("booklet layout", 0)


def table(results: dict) -> list[str]:
    lines = ["| spots | load + validate | figures | pages found (dry) | layout (once) | placed on a trim (slower) "
             "| imposition + bleed | preflight | card figures | deck | paper cards | site | total (wall) | CPU "
             "| peak RSS: main / worker | pages | cards |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, row in results["sizes"].items():
        s = row["stages"]
        cells = [f"{n:,}", f"{row['load']:.2f}", f"{s.get('figures', 0):.2f}", f"{s.get('booklet pages', 0):.2f}",
                 f"{s.get('booklet layout', 0):.2f}",
                 f"{max(s.get('booklet a5', 0), s.get('booklet half-letter', 0)):.2f}",
                 f"{stage(row, 'print editions'):.2f}", f"{stage(row, 'preflight'):.2f}",
                 f"{s.get('card figures', 0):.2f}", f"{s.get('deck', 0):.2f}",
                 "failed (see below)" if row["failed"] else f"{s.get('paper cards', 0):.2f}", f"{s.get('site', 0):.2f}",
                 f"**{row['wall']:.2f}**", f"{row['cpu']:.2f}", f"{row['rss_mb']:.0f} / {row['worker_rss_mb']:.0f} MB",
                 f"{row['pages']:,}", f"{row['cards']:,}"]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def typst_table(results: dict) -> list[str]:
    lines = ["| spots | Typst compile | Typst total (wall) | Typst peak RSS | Typst pages (A5) "
             "| booklet layout (dry + once) | ratio |", "|---:|---:|---:|---:|---:|---:|---:|"]
    for n, row in results["sizes"].items():
        t = row.get("typst")
        if not t:
            continue
        lines.append(f"| {n:,} | {t['compile']:.2f} | {t['wall']:.2f} | {t['rss_mb']:.0f} MB | {t['pages']:,} "
                     f"| {layout(row):.2f} | {layout(row) / t['compile']:.1f}x |")
    return lines


def verdicts(results: dict) -> list[str]:
    sizes = results["sizes"]
    got: dict[str, float | None] = {"noop": results["noop"]}
    if 14 in sizes:
        got |= {"cold": sizes[14]["wall"], "cold_floor": sizes[14]["wall"] / results["floor"],
                "cold_cpu": sizes[14]["cpu"]}
    if 1000 in sizes:
        big = sizes[1000]
        got["big"] = big["wall"]
        got["big_rss"] = max(big["rss_mb"], big["worker_rss_mb"])
        got["edit"] = big.get("edit")
        got["linear"] = big["wall"] / sizes[100]["wall"] if 100 in sizes else None
        if "typst" in big:
            got["typst"] = layout(big) / big["typst"]["compile"]
    lines = ["| target | limit | measured | met |", "|---|---:|---:|:---:|"]
    for key, (limit, label) in TARGETS.items():
        value = got.get(key)
        shown = "not measured" if value is None else f"{value:.2f}"
        met = "" if value is None else ("yes" if value <= limit else "**no**")
        lines.append(f"| {label} | {limit:g} | {shown} | {met} |")
    return lines


def report(results: dict) -> str:
    versions = ", ".join(f"{name} {_version(name)}" for name in LIBRARIES)
    load = ", ".join(f"{x:.1f}" for x in results["load_average"])
    lines = [f"Measured {dt.date.today():%Y-%m-%d} by `make bench` on {os.cpu_count()} cores "
             f"({_cpu()}), Python {platform.python_version()}; {versions}. Load average when the bench "
             f"started (1, 5, 15 min): {load}.", "",
             "Seconds, cold: each publish runs in a fresh process into an empty folder (fastest of the runs). "
             "Stage times come from the build itself: the booklet's figures are drawn and its pages found (a dry "
             "layout); then the booklet is laid out once and placed on each trim (each trim in its own process, "
             "with its imposition and preflight), side by side with the cards (their figures, then the deck "
             "beside the paper cards) and the site, so stage times add up to more than the wall time. "
             "CPU is user + system time of all processes.", "", *table(results), "",
             *(f"- {n:,} spots: the paper cards could not be made (`{row['failed']}`); that row is measured "
               "without them." for n, row in results["sizes"].items() if row["failed"]),
             *(f"- Rebuild after editing one spot of {n:,}: {row['edit']:.2f} s." for n, row in results["sizes"].items()
               if "edit" in row),
             f"- Python start-up alone: {results['python']:.2f} s; the floor, importing reportlab, genanki, "
             f"PyYAML, pikepdf, pypdfium2 and pydantic: {results['floor']:.2f} s.",
             "- No-op `make publish` (build/ up to date): " +
             (f"{results['noop']:.3f} s" if results["noop"] is not None else results["noop_note"]) + ".", "",
             "Typst on the same text and fonts (bench/typst_doc.py: chapters, headings, paragraphs, a table "
             "per spot; no figures, finders, index or cross-references):", "", *typst_table(results), "",
             "Targets:", "", *verdicts(results)]
    return "\n".join(lines) + "\n"


def write_doc(text: str) -> None:
    old = DOC.read_text(encoding="utf-8") if DOC.exists() else f"# Performance\n\n{START}\n{END}\n"
    if START not in old or END not in old:
        old += f"\n{START}\n{END}\n"
    head, rest = old.split(START, 1)
    tail = rest.split(END, 1)[1]
    DOC.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu() -> str:
    try:
        info = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.machine()
    match = re.search(r"model name\s*:\s*(.+)", info)
    return match.group(1).strip() if match else platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[14, 100, 1000], help="spot counts (default: 14 100 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size up to 100 spots; the fastest counts")
    parser.add_argument("--no-typst", dest="typst", action="store_false", help="skip the Typst comparison")
    parser.add_argument("--no-write", dest="write", action="store_false", help=f"print only; leave {DOC.name} alone")
    args = parser.parse_args()
    text = report(measure(args.sizes, args.repeat, args.typst))
    print(text)
    if args.write:
        write_doc(text)
        print(f"bench: written to {DOC.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
