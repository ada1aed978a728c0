"""The content format as Markdown, generated from the schema's field descriptions."""
from __future__ import annotations

import typing

from pydantic import BaseModel

from . import guide_schema, schema

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


def _table(model: type[BaseModel], prefix: str, seen: set) -> list[str]:
    rows = []
    for name, info in model.model_fields.items():
        key = f"{prefix}{name}"
        need = "required" if info.is_required() else "optional"
        rows.append(f"| `{key}` | {need} | {info.description} |")
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
