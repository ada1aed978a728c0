"""Read one YAML file into plain Python data, remembering where every value came from.

This is the only place that parses YAML. It uses PyYAML's safe loader and refuses what
the safe loader lets through silently: anchors and aliases (a "billion laughs" bomb dies
here at once), duplicate mapping keys (PyYAML would keep the last one), non-string keys,
explicit tags and runaway nesting. Nothing in a file, however broken, raises anything but a Problem.

Files are parsed by libyaml where PyYAML has it (several times faster); a file that libyaml or
these checks find fault with is parsed again in pure Python, whose messages the problems quote.
"""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from ..errors import Problem

try:
    from yaml._yaml import CParser
except ImportError:     # PyYAML built without libyaml
    CParser = None

MAX_FILE_BYTES = 1024 * 1024
# Invisible joiners (ZWNJ, ZWJ, word joiner, zero-width space and no-break space): the booklet fonts draw them as
# visible marks, and in the Latin text of this book they change nothing a reader sees, so they are dropped on reading.
INVISIBLE_JOINERS = dict.fromkeys(map(ord, "\u200c\u200d\u2060\u200b\ufeff"))
MAX_DEPTH = 32

Path_ = tuple  # a path into the data: keys and list indexes


@dataclass
class Source:
    """A parsed file: its data and the (line, column) of each value and each key."""

    display: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    typed: dict[Path_, str] = field(default_factory=dict)   # a number's or date's text as written ('1:30', '0x1F')

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
    def __init__(self, mark, message, path: Path_ = ()):
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.path = path


class _Strict:
    """Refuses anchors, aliases, explicit tags and runaway nesting while composing."""

    depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, f"YAML alias '*{event.anchor}' is not allowed; write the value out in full")
        if getattr(event, "anchor", None):
            raise _Refused(event.start_mark, f"YAML anchor '&{event.anchor}' is not allowed; write the value out in full")
        if getattr(event, "tag", None) is not None:
            raise _Refused(event.start_mark, f"YAML tag '{event.tag}' is not allowed; write a plain value")
        if self.depth >= MAX_DEPTH:
            raise _Refused(event.start_mark, f"lists and mappings are nested more than {MAX_DEPTH} deep; "
                                             "look for an unclosed '[' or '{'")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(_Strict, yaml.SafeLoader):
    """The pure-Python safe loader, with the checks."""


if CParser is not None:
    class _FastLoader(_Strict, Composer, CParser, SafeConstructor, Resolver):
        """libyaml's scanner and parser under PyYAML's composer, constructor and the checks."""

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(loader: _Loader, node, path: Path_, src: Source) -> Any:
    src.values[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(loader, key_node, path)
            if not isinstance(key, str):
                shown = f"'{key_node.value}' " if isinstance(key_node, yaml.ScalarNode) and key_node.value else ""
                raise _Refused(key_node.start_mark, f"key {shown}is not a name; keys are words such as 'title'", path)
            if key in out:
                first = src.keys[path + (key,)][0]
                raise _Refused(key_node.start_mark, f"duplicate key '{key}' (first given on line {first}); keep one",
                               path + (key,))
            src.keys[path + (key,)] = _mark(key_node)
            out[key] = _build(loader, value_node, path + (key,), src)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, path + (i,), src) for i, item in enumerate(node.value)]
    value = _scalar(loader, node, path)
    if isinstance(value, str):
        return value.translate(INVISIBLE_JOINERS)
    if node.value:
        src.typed[path] = node.value
    return value


def _scalar(loader: _Loader, node, path: Path_) -> Any:
    """The node's value; a date that does not exist, an absurdly long number or an escaped lone
    surrogate ("\\ud800") is a problem, not a crash."""
    try:
        value = loader.construct_object(node)
    except (ValueError, OverflowError):
        kind = {"tag:yaml.org,2002:timestamp": "date (write it as YYYY-MM-DD)"}.get(node.tag, "number")
        shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
        raise _Refused(node.start_mark, f"'{shown}' is not a valid {kind}", path) from None
    lone = re.search(r"[\ud800-\udfff]", value) if isinstance(value, str) else None
    if lone:
        raise _Refused(node.start_mark, f"U+{ord(lone.group()):04X} is half of a UTF-16 pair, not a character; "
                                        "remove it", path)
    return value


def _line_of_offset(raw: bytes | str, offset: int) -> tuple[int, int]:
    before = (raw if isinstance(raw, str) else raw.decode("latin-1"))[:offset]   # latin-1: one char per byte
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


class _NotReadable(Exception):
    """A path that is no file to read: a FIFO, a device or a folder, or a file too big for content."""


def _read_regular(path: Path) -> bytes:
    """The bytes of `path` if it is a regular file of at most MAX_FILE_BYTES. The kind and size are
    checked on the opened file before anything is read: a FIFO would wait forever for a writer, and a
    huge file would be read whole into memory. Opening does not wait (O_NONBLOCK) for a FIFO's writer."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device"
            raise _NotReadable(f"is {kind}, not a file; a content file must be a plain file")
        if info.st_size > MAX_FILE_BYTES:
            raise _NotReadable(f"file is {info.st_size:,} bytes; a content file may hold at most {MAX_FILE_BYTES:,}")
        raw = file.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:   # it grew while it was read
        raise _NotReadable(f"file is over {MAX_FILE_BYTES:,} bytes; a content file may hold at most {MAX_FILE_BYTES:,}")
    return raw


def read_yaml(path: Path, display: str) -> tuple[Source | None, list[Problem]]:
    """Parse `path`; return its Source, or None and the problems that stopped it."""
    try:
        raw = _read_regular(path)
    except FileNotFoundError:
        return None, [Problem(display, None, None, "", "file is missing; the content folder must contain it")]
    except _NotReadable as exc:
        return None, [Problem(display, None, None, "", str(exc))]
    except OSError as exc:
        return None, [Problem(display, None, None, "", f"cannot read file: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_of_offset(raw, exc.start)
        return None, [Problem(display, line, col, "", f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]
    text = text.removeprefix("\ufeff")
    fast = _parse_fast(text, display)
    if fast is not None:
        return fast, []
    src = Source(display, None)
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        line, col = _line_of_offset(text, exc.position)
        return None, [Problem(display, line, col, "", f"invisible control character U+{exc.character:04X} is "
                                                     "not allowed; delete it")]
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [Problem(display, 1, 1, "", "file has no content (it is empty or holds only comments)")]
        src.data = _build(loader, root, (), src)
    except _Refused as exc:
        return None, [Problem(display, exc.mark.line + 1, exc.mark.column + 1, dotted(exc.path), exc.message)]
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote or a key without ':' is reported where it starts, not where PyYAML gave up.
        from_start = any(c in (exc.context or "") for c in ("quoted scalar", "simple key")) and exc.context_mark
        mark = exc.context_mark if from_start else exc.problem_mark or exc.context_mark
        message = _plain_yaml_message(exc)
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)  # type: ignore[assignment]
        return None, [Problem(display, line, col, "", message)]
    except yaml.YAMLError as exc:
        return None, [Problem(display, None, None, "", f"YAML error: {exc}")]
    finally:
        loader.dispose()
    return src, []


def _parse_fast(text: str, display: str) -> Source | None:
    """The file parsed by libyaml; None if PyYAML has no libyaml or anything is wrong with the
    file (the pure-Python parse then says what)."""
    if CParser is None or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    src = Source(display, None)
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        src.data = _build(loader, root, (), src)
    except Exception:   # noqa: BLE001 - any fault: the careful parse reports it
        return None
    finally:
        loader.dispose()
    return src


def _plain_yaml_message(exc: yaml.MarkedYAMLError) -> str:
    """Plain words for the mistakes people actually make; PyYAML's own words, with a hint, otherwise."""
    problem, context = exc.problem or "invalid YAML", exc.context or ""
    if "'\\t'" in problem:
        return "YAML syntax: a tab character here; indent with spaces, not tabs"
    if "quoted scalar" in context:
        return "YAML syntax: the quote that starts here is never closed"
    if "flow sequence" in context or "flow mapping" in context:
        opener, closer = ("[", "]") if "sequence" in context else ("{", "}")
        return f"YAML syntax: the '{opener}' on line {exc.context_mark.line + 1} is not closed with '{closer}' before here"
    if "simple key" in context:
        return "YAML syntax: no ':' after the key that starts here; check that every key ends with ':'"
    if "another document" in problem:
        return "YAML syntax: a second document starts here ('---'); a content file holds one document"
    text = f"YAML syntax: {problem}" + (f" ({context})" if context else "")
    if "mapping values are not allowed" in problem:
        text += "; check the indentation and that every key ends with ':'"
    elif "expected <block end>" in problem:
        text += "; check the indentation of this line and the line above, and that quotes are closed"
    return text


def list_spot_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The *.yaml names in `folder`, sorted; a folder that cannot be listed (no permission, a link
    loop) is a problem naming it, never an empty list taken for "no spots"."""
    if not folder.is_dir():
        return [], []
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".yaml"), []
    except OSError as exc:
        return [], [Problem(display_path(folder), None, None, "", f"cannot list the folder: {exc.strerror or exc}")]


def display_path(path: Path) -> str:
    """The path as the user typed it relative to here, if it is under here. The file's own name is not
    followed: a linked spot file is named as it sits in spots/ (and a link loop cannot stop the naming)."""
    try:
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except (ValueError, RuntimeError, OSError):
        return str(path)
