"""The content format as Markdown, generated from the schema's field descriptions."""
from __future__ import annotations

import typing

from pydantic import BaseModel

from . import guide_schema, schema

TEXT_LIMIT = typing.get_args(schema.Text)[1].max_length   # every text's cap; shorter caps are named

FILES: list[tuple[str, type[BaseModel]]] = [
    ("content/book.yaml", schema.Book),
    ("content/spots/NN-name.yaml", schema.Spot),
    ("content/regions.yaml", schema.RegionsFile),
    ("content/conditions.yaml", schema.ConditionsFile),
    ("content/references.yaml", schema.ReferencesFile),
    ("content/glossary.yaml", schema.GlossaryFile),
    ("content/guide.yaml", guide_schema.Guide),
]


def _nested(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _nested(arg)]


def _max_length(annotation, metadata=()) -> int | None:
    """The length cap of a text field (Name, Line, ...), looked up through tuples and optionals; ids
    (a pattern) are described by their pattern."""
    for meta in (*metadata, *getattr(annotation, "__metadata__", ())):
        if getattr(meta, "max_length", None) and not getattr(meta, "pattern", None):
            return meta.max_length
    return next(filter(None, (_max_length(arg) for arg in typing.get_args(annotation))), None)


def _table(model: type[BaseModel], prefix: str, seen: set) -> list[str]:
    rows = []
    for name, info in model.model_fields.items():
        key = f"{prefix}{name}"
        need = "required" if info.is_required() else "optional"
        cap = _max_length(info.annotation, info.metadata)
        limit = f" (at most {cap} characters)" if cap and cap < TEXT_LIMIT and "at most" not in str(info.description) else ""
        rows.append(f"| `{key}` | {need} | {info.description}{limit} |")
        inner = f"{key}[]." if typing.get_origin(info.annotation) is tuple else f"{key}."
        for sub in _nested(info.annotation):
            if sub is not schema.NoteRef and sub not in seen:
                seen.add(sub)
                rows += _table(sub, inner, seen)
    return rows


def schema_markdown() -> str:
    """One table per content file: key, required or optional, what it holds."""
    out = []
    for path, model in FILES:
        out += [f"#### `{path}`", "", "| key | | meaning |", "|---|---|---|"]
        out += _table(model, "", set())
        out.append("")
    return "\n".join(out)
