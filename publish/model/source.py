"""Read one YAML file into plain Python data, remembering where every value came from.

This is the only place that parses YAML. It uses PyYAML's safe loader and refuses what
the safe loader lets through silently: anchors and aliases (a "billion laughs" bomb dies
here at once), duplicate mapping keys (PyYAML would keep the last one) and non-string keys.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem

MAX_FILE_BYTES = 1024 * 1024

Path_ = tuple  # a path into the data: keys and list indexes


@dataclass
class Source:
    """A parsed file: its data and the (line, column) of each value and each key."""

    display: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def problem(self, path: Path_, message: str, *, at_key: bool = False) -> Problem:
        """A problem located at `path`, or at the nearest enclosing value that has a mark."""
        marks = self.keys if at_key and path in self.keys else self.values
        probe = tuple(path)
        while probe not in marks and probe:
            probe = probe[:-1]
            marks = self.values
        line, col = marks.get(probe, (None, None))
        return Problem(self.display, line, col, dotted(path), message)


def dotted(path: Path_) -> str:
    """('pain', 'essential', 2) -> 'pain.essential[2]'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Refused(Exception):
    def __init__(self, mark, message):
        super().__init__(message)
        self.mark = mark
        self.message = message


class _Loader(yaml.SafeLoader):
    """Safe loader that refuses anchors and aliases while composing."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, f"YAML alias '*{event.anchor}' is not allowed; write the value out in full")
        if getattr(event, "anchor", None):
            raise _Refused(event.start_mark, f"YAML anchor '&{event.anchor}' is not allowed; write the value out in full")
        return super().compose_node(parent, index)


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(loader: _Loader, node, path: Path_, src: Source) -> Any:
    src.values[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                raise _Refused(key_node.start_mark, f"key {key!r} must be a word, not a {type(key).__name__}")
            if key in out:
                first = src.keys[path + (key,)][0]
                raise _Refused(key_node.start_mark, f"duplicate key '{key}' (first given on line {first}); keep one")
            src.keys[path + (key,)] = _mark(key_node)
            out[key] = _build(loader, value_node, path + (key,), src)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, path + (i,), src) for i, item in enumerate(node.value)]
    return loader.construct_object(node)


def _line_of_offset(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def read_yaml(path: Path, display: str) -> tuple[Source | None, list[Problem]]:
    """Parse `path`; return its Source, or None and the problems that stopped it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(display, None, None, "", f"cannot read file: {exc.strerror}")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(display, None, None, "", f"file is {len(raw):,} bytes; a content file may hold at most {MAX_FILE_BYTES:,}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_of_offset(raw, exc.start)
        return None, [Problem(display, line, col, "", f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]
    text = text.removeprefix("\ufeff")
    src = Source(display, None)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [Problem(display, 1, 1, "", "file is empty; it must hold a YAML mapping")]
        src.data = _build(loader, root, (), src)
    except _Refused as exc:
        return None, [Problem(display, exc.mark.line + 1, exc.mark.column + 1, "", exc.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = _plain_yaml_message(exc)
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        return None, [Problem(display, line, col, "", message)]
    except yaml.YAMLError as exc:
        return None, [Problem(display, None, None, "", f"YAML error: {exc}")]
    finally:
        loader.dispose()
    return src, []


def _plain_yaml_message(exc: yaml.MarkedYAMLError) -> str:
    """PyYAML's message, with a hint for the mistakes people actually make."""
    problem = exc.problem or "invalid YAML"
    text = f"YAML syntax: {problem}"
    if exc.context:
        text += f" ({exc.context})"
    if "'\\t'" in problem or "tab" in problem:
        text += "; indent with spaces, not tabs"
    elif "could not find expected ':'" in problem or "mapping values are not allowed" in problem:
        text += "; check the indentation and that every key ends with ':'"
    elif "found unexpected end of stream" in problem or "unclosed" in (exc.context or ""):
        text += "; a quote may be unclosed"
    return text
