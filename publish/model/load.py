"""Turn a content folder into one validated `Content`, or raise ContentError with every problem.

Each file is read (source.py), validated against its schema (schema.py, with messages.py telling
pydantic's errors in the author's terms), then checked across files (checks.py)."""
from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel

from ..errors import ContentError, Problem
from . import checks
from .content import Content
from .guide_schema import Guide
from .labels import read_labels
from .messages import validate
from .safety_checks import check_guide, check_spot_safety
from .schema import Book, ConditionsFile, GlossaryFile, ReferencesFile, RegionsFile, Spot
from .source import Source, display_path, list_spot_files, read_yaml


def load_content(content_dir: Path | str) -> Content:
    """Read, validate and cross-check every file under `content_dir`."""
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    if not content_dir.is_dir():
        why = "is a file, not the content folder" if content_dir.exists() else "content folder not found"
        raise ContentError([Problem(display_path(content_dir), None, None, "", why)])

    def parse(path: Path, model: type[BaseModel]) -> tuple[Any, Source | None]:
        src, errs = read_yaml(path, display_path(path))
        problems.extend(errs)
        if src is None:
            return None, None
        problems.extend(checks.check_drawable(src))
        return validate(src, model, problems), src

    book, _ = parse(content_dir / "book.yaml", Book)
    regions_file, regions_src = parse(content_dir / "regions.yaml", RegionsFile)
    conditions_file, conditions_src = parse(content_dir / "conditions.yaml", ConditionsFile)
    references_file, references_src = parse(content_dir / "references.yaml", ReferencesFile)
    glossary_file, glossary_src = parse(content_dir / "glossary.yaml", GlossaryFile)
    guide, guide_src = parse(content_dir / "guide.yaml", Guide)
    if guide is not None and guide_src is not None:
        problems.extend(check_guide(guide, guide_src))
    labels_src, errs = read_yaml(content_dir / "labels.yaml", display_path(content_dir / "labels.yaml"))
    problems.extend(errs)
    labels, errs = read_labels(labels_src, book.language if book else "en") if labels_src else (None, [])
    problems.extend(errs)

    regions = checks.index(regions_file, "regions", regions_src, problems)
    if regions_file is not None and regions_src is not None:
        problems.extend(checks.check_region_shapes(regions_file, regions_src))
    conditions = checks.index(conditions_file, "conditions", conditions_src, problems)
    references = checks.index(references_file, "references", references_src, problems)
    if glossary_file is not None and glossary_src is not None:
        checks.no_duplicates([t.term.lower() for t in glossary_file.glossary], "glossary", "term", glossary_src, problems)

    spot_dir = content_dir / "spots"
    listed, unlisted = list_spot_files(spot_dir)
    problems.extend(unlisted)
    spot_files = [p for p in listed if not checks.is_editor_file(p.name)]
    ignored = tuple(display_path(p) for p in listed if checks.is_editor_file(p.name))
    if not spot_files and not unlisted:
        problems.append(Problem(display_path(spot_dir), None, None, "", "no spot files (expected spots/NN-name.yaml)"))
    problems.extend(checks.check_unread(spot_dir))
    parsed: list[tuple[Spot, Source]] = []
    for path in spot_files:
        spot, src = parse(path, Spot)
        if spot is not None and src is not None:
            parsed.append((spot, src))
            problems.extend(checks.check_file_name(path, spot, src))
            problems.extend(checks.check_figure(spot, src))

    numbers: dict[int, Source] = {}
    for spot, src in parsed:
        if spot.number in numbers:
            problems.append(src.problem(("number",), f"spot number {spot.number} is also used by {numbers[spot.number].display}"))
        else:
            numbers[spot.number] = src
    # a spot file with a problem of its own still names its spot: other spots' links to it are not wrong
    named = {int(m[1]) for p in spot_files if (m := checks.SPOT_FILE.match(p.name))}
    if regions_file is not None and conditions_file is not None and references_file is not None:
        for spot, src in parsed:
            problems.extend(checks.check_spot_links(spot, src, regions, conditions, references, set(numbers) | named))
    if guide is not None:
        for spot, src in parsed:
            problems.extend(check_spot_safety(spot, src, guide))

    if problems:
        raise ContentError(problems)
    assert labels is not None       # a labels file that could not be read is a problem, raised above
    return Content(
        book=book,
        regions=MappingProxyType(regions),
        conditions=MappingProxyType(conditions),
        references=MappingProxyType(references),
        glossary=tuple(sorted(glossary_file.glossary, key=lambda t: t.term.lower())),
        spots=tuple(sorted((s for s, _ in parsed), key=lambda s: s.number)),
        ignored=ignored,
        guide=guide,
        labels=labels,
    )
