"""Pydantic's validation errors told as a content author needs them: which key, what was expected,
and the likely fix (a close key name, quotes around a number, list syntax)."""
from __future__ import annotations

import datetime as dt
import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import Problem
from .schema import Id
from .source import Source


def validate(src: Source, model: type[BaseModel], problems: list[Problem]):
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


def _explain(src: Source, model: type[BaseModel], err: ErrorDetails) -> Problem:
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
    described = _describe(value, src.typed.get(loc))
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
                                    if ctx.get("pattern") == typing.get_args(Id)[1].pattern
                                    else f"{described} is not valid here: {_description(model, loc)}"),
        "greater_than_equal": f"must be at least {ctx.get('ge')}, got {described}",
        "less_than_equal": f"must be at most {ctx.get('le')}, got {described}",
        "int_type": f"expected a whole number, got {described}",
        "int_parsing": f"expected a whole number, got {described}",
        "int_from_float": f"expected a whole number, got {described}",
        "float_type": f"expected a number, got {described}",
        "finite_number": f"expected a finite number, got {described}",
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
    return info.description if info and info.description else "see `python -m publish schema`"


def _describe(value: Any, typed: str | None = None) -> str:
    """The value as the author wrote it: YAML 1.1 reads 1:30 as 90, 0x1F as 31 and 'on' as true."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{typed or str(value).lower()}' (a yes/no value; quote it if you meant text)"
    text = typed or str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"
