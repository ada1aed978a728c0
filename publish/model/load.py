"""Turn a content folder into one validated `Content`, or raise ContentError with every problem."""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterator, Mapping

from pydantic import BaseModel, ValidationError

from ..errors import ContentError, Problem
from ..fonts import undrawable
from .schema import (Book, Condition, ConditionsFile, GlossaryFile, Id, NoteRef, Reference, ReferencesFile,
                     Region, RegionsFile, Spot, Term, VIEW_SIZE)
from .source import Source, read_yaml

SPOT_FILE = re.compile(r"^(\d{2,4})-[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$")


@dataclass(frozen=True)
class Content:
    """Everything the renderers need, validated and cross-referenced."""

    book: Book
    regions: Mapping[str, Region]
    conditions: Mapping[str, Condition]
    references: Mapping[str, Reference]
    glossary: tuple[Term, ...]
    spots: tuple[Spot, ...]

    def spot(self, number: int) -> Spot:
        return next(s for s in self.spots if s.number == number)

    def spots_for_region(self, region_id: str) -> tuple[tuple[Spot, str], ...]:
        """(spot, 'essential' | 'spillover') for every spot that refers pain to the region."""
        out = []
        for s in self.spots:
            if region_id in s.pain.essential:
                out.append((s, "essential"))
            elif region_id in s.pain.spillover:
                out.append((s, "spillover"))
        return tuple(out)

    def spots_for_condition(self, condition_id: str) -> tuple[Spot, ...]:
        return tuple(s for s in self.spots if condition_id in s.conditions)


def display_path(path: Path) -> str:
    """The path as the user typed it relative to here, if it is under here."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_content(content_dir: Path | str) -> Content:
    """Read, validate and cross-check every file under `content_dir`."""
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    if not content_dir.is_dir():
        raise ContentError([Problem(display_path(content_dir), None, None, "", "content folder not found")])

    def parse(path: Path, model: type[BaseModel]) -> tuple[Any, Source | None]:
        src, errs = read_yaml(path, display_path(path))
        problems.extend(errs)
        if src is None:
            return None, None
        problems.extend(_check_drawable(src))
        return _validate(src, model, problems), src

    book, _ = parse(content_dir / "book.yaml", Book)
    regions_file, regions_src = parse(content_dir / "regions.yaml", RegionsFile)
    conditions_file, conditions_src = parse(content_dir / "conditions.yaml", ConditionsFile)
    references_file, references_src = parse(content_dir / "references.yaml", ReferencesFile)
    glossary_file, glossary_src = parse(content_dir / "glossary.yaml", GlossaryFile)

    regions = _index(regions_file, "regions", regions_src, problems)
    conditions = _index(conditions_file, "conditions", conditions_src, problems)
    references = _index(references_file, "references", references_src, problems)
    if glossary_file is not None:
        _no_duplicates([t.term.lower() for t in glossary_file.glossary], "glossary", "term", glossary_src, problems)

    spot_dir = content_dir / "spots"
    spot_files = sorted(spot_dir.glob("*.yaml")) if spot_dir.is_dir() else []
    if not spot_files:
        problems.append(Problem(display_path(spot_dir), None, None, "", "no spot files (expected spots/NN-name.yaml)"))
    problems.extend(_check_unread(spot_dir))
    parsed: list[tuple[Spot, Source]] = []
    for path in spot_files:
        spot, src = parse(path, Spot)
        if spot is not None:
            parsed.append((spot, src))
            problems.extend(_check_file_name(path, spot, src))
            problems.extend(_check_figure(spot, src))

    numbers: dict[int, Source] = {}
    for spot, src in parsed:
        if spot.number in numbers:
            problems.append(src.problem(("number",), f"spot number {spot.number} is also used by {numbers[spot.number].display}"))
        else:
            numbers[spot.number] = src
    if regions_file is not None and conditions_file is not None and references_file is not None:
        for spot, src in parsed:
            problems.extend(_check_spot_links(spot, src, regions, conditions, references, set(numbers)))

    if problems:
        raise ContentError(problems)
    return Content(
        book=book,
        regions=MappingProxyType(regions),
        conditions=MappingProxyType(conditions),
        references=MappingProxyType(references),
        glossary=tuple(sorted(glossary_file.glossary, key=lambda t: t.term.lower())),
        spots=tuple(sorted((s for s, _ in parsed), key=lambda s: s.number)),
    )


# ---------------------------------------------------------------- per-file checks

def _validate(src: Source, model: type[BaseModel], problems: list[Problem]):
    if not isinstance(src.data, dict):
        kind = "a list" if isinstance(src.data, list) else f"'{src.data}'"
        problems.append(src.problem((), f"the file must hold a mapping of keys ({_fields(model)}), not {kind}"))
        return None
    try:
        return model.model_validate(src.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            problems.append(_explain(src, model, err))
        return None


def _fields(model: type[BaseModel]) -> str:
    return ", ".join(model.model_fields)


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that owns the mapping at `loc` (for suggesting key names)."""
    import typing

    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = current.model_fields[part].annotation
        while typing.get_origin(current) in (tuple, typing.Union, list) or str(typing.get_origin(current)) == "types.UnionType":
            args = [a for a in typing.get_args(current) if a is not type(None) and a is not Ellipsis]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            current = models[0] if models else (args[0] if args else None)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _explain(src: Source, model: type[BaseModel], err: dict) -> Problem:
    loc = tuple(p for p in err["loc"] if isinstance(p, int) or "[" not in p and p not in ("str", "NoteRef"))
    kind = err["type"]
    value = err.get("input")
    if kind == "extra_forbidden":
        key = loc[-1]
        owner = _model_at(model, loc[:-1])
        names = list(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(key), names, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else (f" (allowed: {', '.join(names)})" if names else "")
        return src.problem(loc, f"unknown key '{key}'{hint}", at_key=True)
    if kind == "missing":
        return src.problem(loc, f"required key '{loc[-1]}' is missing")
    described = _describe(value)
    ctx = err.get("ctx", {})
    numeric = isinstance(value, (int, float, dt.date)) and not isinstance(value, bool)
    quote = "; put it in quotes if it is meant as text" if numeric else ""
    one_item = "; write it as [item] or put each item on its own line starting with '- '" if isinstance(value, str) else ""
    keys = _model_at(model, loc)
    expected_keys = f"expected a mapping with the keys {_fields(keys)}" if keys else "expected a mapping of keys"
    messages = {
        "string_type": f"expected text, got {described}{quote}",
        "string_too_short": "must not be empty",
        "string_too_long": f"text is too long ({len(value) if isinstance(value, str) else '?'} characters; at most {err.get('ctx', {}).get('max_length')})",
        "string_pattern_mismatch": (f"{described} is not a valid id: use lowercase letters, digits and _ (e.g. low_back)"
                                    if ctx.get("pattern") == Id.__metadata__[0].pattern
                                    else f"{described} is not valid here: {_description(model, loc)}"),
        "greater_than_equal": f"must be at least {ctx.get('ge')}, got {described}",
        "less_than_equal": f"must be at most {ctx.get('le')}, got {described}",
        "int_type": f"expected a whole number, got {described}",
        "int_parsing": f"expected a whole number, got {described}",
        "int_from_float": f"expected a whole number, got {described}",
        "float_type": f"expected a number, got {described}",
        "float_parsing": f"expected a number, got {described}",
        "tuple_type": f"expected a list, got {described}{one_item}",
        "list_type": f"expected a list, got {described}",
        "model_type": f"{expected_keys}, got {described}",
        "model_attributes_type": f"{expected_keys}, got {described}",
        "dict_type": f"expected a mapping of keys, got {described}",
        "too_short": f"needs at least {err.get('ctx', {}).get('min_length', 1)} item(s)",
        "too_long": f"has too many items (at most {err.get('ctx', {}).get('max_length')})",
        "date_from_datetime_parsing": f"expected a date as YYYY-MM-DD, got {described}",
        "date_parsing": f"expected a date as YYYY-MM-DD, got {described}",
        "date_type": f"expected a date as YYYY-MM-DD, got {described}",
        "date_from_datetime_inexact": f"expected a date as YYYY-MM-DD without a time, got {described}",
    }
    return src.problem(loc, messages.get(kind, err["msg"][0].lower() + err["msg"][1:]))


def _description(model: type[BaseModel], loc: tuple) -> str:
    """The schema's description of the field at `loc`, to say what a value should look like."""
    owner = _model_at(model, loc[:-1])
    info = owner.model_fields.get(loc[-1]) if owner and isinstance(loc[-1], str) else None
    return info.description if info else "see `python -m publish schema`"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (a yes/no value; quote it if you meant text)"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


DIRECTION_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _check_drawable(src: Source) -> Iterator[Problem]:
    def walk(node, path):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from walk(v, path + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from walk(v, path + (i,))
        elif isinstance(node, str):
            bad = undrawable(node)
            if bad:
                shown = ", ".join(f"'{c}' (U+{ord(c):04X})" if c.isprintable() else f"U+{ord(c):04X}" for c in bad[:5])
                yield src.problem(path, f"the booklet fonts cannot draw {shown}; replace or remove it")
            turned = sorted({f"U+{ord(c):04X}" for c in node if c in DIRECTION_OVERRIDES})
            if turned:
                yield src.problem(path, f"invisible text-direction control {', '.join(turned)} would reverse how "
                                        "the text shows on cards; delete it")
    yield from walk(src.data, ())


def _check_unread(spot_dir: Path) -> Iterator[Problem]:
    """Files in spots/ that would be silently skipped: a spot saved as .yml or .txt must not just vanish."""
    if spot_dir.is_dir():
        for path in sorted(spot_dir.iterdir()):
            if path.is_file() and path.suffix != ".yaml" and not path.name.startswith(".") and not path.name.endswith("~"):
                yield Problem(display_path(path), None, None, "", "not read: spot files must be named NN-name.yaml")


def _check_figure(spot: Spot, src: Source) -> Iterator[Problem]:
    """Figure geometry that can be checked without the body outlines (tests check marker-in-body)."""
    marker, loc = spot.marker, spot.locator
    if marker and marker.view in marker.also:
        yield src.problem(("marker", "also", marker.view), f"the marker is already on the {marker.view} view; "
                                                           "'also' is for other views")
    yield from _check_chart(spot, src)
    if loc is None:
        return
    x0, y0, x1, y1 = loc.frame
    if not (x0 < x1 and y0 < y1):
        yield src.problem(("locator", "frame"), "frame must be [x0, y0, x1, y1] with x0 < x1 and y0 < y1")
        return

    def inside(p) -> bool:
        return x0 <= p[0] <= x1 and y0 <= p[1] <= y1
    if marker and marker.view == loc.view and not inside(marker.at):
        yield src.problem(("marker", "at"), f"the trigger point {list(marker.at)} is outside the locator frame "
                                            f"{list(loc.frame)}, so the close-up would not show it")
    for i, mark in enumerate(loc.landmarks):
        for j, p in enumerate(mark.points):
            if not inside(p):
                yield src.problem(("locator", "landmarks", i, "points", j),
                                  f"landmark point {list(p)} is outside the locator frame {list(loc.frame)}")


def _check_chart(spot: Spot, src: Source) -> Iterator[Problem]:
    if spot.chart is None:
        return
    for kind in ("essential", "spillover", "muscle"):
        for view, curves in getattr(spot.chart, kind).items():
            width, height = VIEW_SIZE[view]
            for i, curve in enumerate(curves):
                for j, (x, y) in enumerate(curve):
                    if not (0 <= x <= width and 0 <= y <= height):
                        yield src.problem(("chart", kind, view, i, j), f"point {[x, y]} is outside the {view} "
                                                                       f"view (0..{width:g} x 0..{height:g})")


def _check_file_name(path: Path, spot: Spot, src: Source) -> Iterator[Problem]:
    m = SPOT_FILE.match(path.name)
    if not m:
        yield src.problem((), f"file name '{path.name}' should look like NN-short-name.yaml, e.g. 12-gluteus-maximus.yaml")
    elif int(m.group(1)) != spot.number:
        yield src.problem(("number",), f"number {spot.number} does not match the file name '{path.name}'")


def _index(file_model, key: str, src: Source | None, problems: list[Problem]) -> dict:
    if file_model is None:
        return {}
    items = getattr(file_model, key)
    _no_duplicates([item.id for item in items], key, "id", src, problems)
    return {item.id: item for item in items}


def _no_duplicates(values: list[str], key: str, field: str, src: Source, problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for i, value in enumerate(values):
        if value in seen:
            problems.append(src.problem((key, i, field), f"'{value}' is already used by item {seen[value] + 1}"))
        else:
            seen[value] = i


# ---------------------------------------------------------------- cross-references

def _unknown(kind: str, value: str, known) -> str:
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown {kind} '{value}'{hint}"


def _check_spot_links(spot: Spot, src: Source, regions, conditions, references, numbers: set[int]) -> Iterator[Problem]:
    for zone in ("essential", "spillover"):
        ids = getattr(spot.pain, zone)
        for i, rid in enumerate(ids):
            path = ("pain", zone, i)
            if rid not in regions:
                yield src.problem(path, _unknown("region", rid, regions))
            elif not regions[rid].shapes:
                yield src.problem(path, f"region '{rid}' has no drawing (no shapes in regions.yaml), so it cannot be shown")
            if rid in ids[:i]:
                yield src.problem(path, f"region '{rid}' is listed twice")
    for rid in set(spot.pain.essential) & set(spot.pain.spillover):
        i = spot.pain.spillover.index(rid)
        yield src.problem(("pain", "spillover", i), f"region '{rid}' is already an essential zone")
    for i, cid in enumerate(spot.conditions):
        if cid not in conditions:
            yield src.problem(("conditions", i), _unknown("condition", cid, conditions))
    for i, ref in enumerate(spot.references):
        if ref not in references:
            yield src.problem(("references", i), _unknown("reference", ref, references))
    for i, muscle in enumerate(spot.muscles):
        if muscle.reference and muscle.reference.id not in references:
            yield src.problem(("muscles", i, "reference", "id"), _unknown("reference", muscle.reference.id, references))
    names = [m.name.lower() for m in spot.muscles]
    for i, name in enumerate(names):
        if name in names[:i]:
            yield src.problem(("muscles", i, "name"), f"muscle '{spot.muscles[i].name}' is listed twice")
    for i, rel in enumerate(spot.related):
        if rel.spot == spot.number:
            yield src.problem(("related", i, "spot"), "a spot cannot be related to itself")
        elif rel.spot not in numbers:
            yield src.problem(("related", i, "spot"), f"there is no spot {rel.spot}")
    for s, section in enumerate(spot.feature):
        for p, paragraph in enumerate(section.paragraphs):
            for run in paragraph:
                if isinstance(run, NoteRef) and run.ref not in references:
                    yield src.problem(("feature", s, "paragraphs", p), _unknown("reference in note marker", run.ref, references))
