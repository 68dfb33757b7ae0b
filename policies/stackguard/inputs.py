"""Reading the files a user hands stackguard, defensively: every problem is an InputError naming the
file, the key and what is allowed, never a traceback, a hang or an exhausted memory.

Limits (documented in docs/contracts.md): a file is a regular file (or standard input) of at most
MAX_INPUT_BYTES, UTF-8 text; JSON has no NaN/Infinity, no integer beyond 64 bits, no lone surrogate
and nests at most MAX_DEPTH levels; YAML has no aliases (they make "billion laughs" possible and
Pulumi's own files never need them).
"""
from __future__ import annotations

import json
import math
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError

MAX_INPUT_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 64
_INT_LIMIT = 2**63
STDIN = "-"


def display_name(path: Path | str) -> str:
    """How errors name an input: its path, or <stdin> for "-"."""
    return "<stdin>" if str(path) == STDIN else str(path)


def read_bytes(path: Path | str, key: str = "(file)") -> bytes:
    """A regular file's bytes (or standard input's for "-"), refused past MAX_INPUT_BYTES."""
    source = display_name(path)
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        try:
            # O_NONBLOCK: opening a FIFO nobody writes to must not hang; it is refused below anyway.
            fd = os.open(str(path), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError as err:
            raise InputError(source, key, f"cannot be read: {err.strerror}") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise InputError(source, key, "is not a regular file; give a file (or - for standard input)")
        with os.fdopen(fd, "rb") as handle:
            try:
                data = handle.read(MAX_INPUT_BYTES + 1)
            except OSError as err:
                raise InputError(source, key, f"cannot be read: {err.strerror}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(source, key, f"is larger than the {MAX_INPUT_BYTES // (1024 * 1024)} MiB input limit")
    return data


def read_text(path: Path | str, key: str = "(file)") -> str:
    return decode(read_bytes(path, key), path, key)


def decode(data: bytes, path: Path | str, key: str = "(file)") -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(display_name(path), key, f"is not UTF-8 text (invalid byte at offset {err.start})") from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _bounded_int(text: str) -> int:
    value = int(text)
    if abs(value) >= _INT_LIMIT:
        raise ValueError(f"integer {text[:20]}… does not fit in 64 bits")
    return value


def load_json(path: Path | str, expected: str) -> Any:
    """Parse a JSON file; `expected` says what the file should be, for the error message."""
    return parse_json(read_bytes(path), path, expected)


def parse_json(data: bytes, path: Path | str, expected: str) -> Any:
    """Parse the bytes read from `path` as JSON (for a caller that also hashes them)."""
    source = display_name(path)
    text = decode(data, path)
    try:
        document = json.loads(text, parse_constant=_reject_constant, parse_int=_bounded_int)
    except json.JSONDecodeError as err:
        raise InputError(source, f"line {err.lineno} column {err.colno}", f"is not valid JSON ({err.msg}); expected {expected}") from None
    except ValueError as err:
        raise InputError(source, "(value)", f"{err}; expected {expected}") from None
    except RecursionError:
        raise InputError(source, "(structure)", f"nests deeper than {MAX_DEPTH} levels") from None
    check_values(document, source, text)
    return document


def load_yaml(path: Path | str, expected: str) -> Any:
    """Parse a YAML file with the safe loader, refusing aliases and deep nesting."""
    return parse_yaml(read_bytes(path), path, expected)


def parse_yaml(data: bytes, path: Path | str, expected: str) -> Any:
    """Parse the bytes read from `path` as YAML (for a caller that also hashes them)."""
    source = display_name(path)
    text = decode(data, path)
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                where = f"line {event.start_mark.line + 1}" if event.start_mark else "(file)"
                raise InputError(source, where, "uses a YAML alias (*name); write the value out instead")
        document = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise InputError(source, f"line {mark.line + 1}" if mark else "(file)", f"is not valid YAML; expected {expected}") from None
    except RecursionError:
        raise InputError(source, "(structure)", f"nests deeper than {MAX_DEPTH} levels") from None
    check_values(document, source)  # YAML spells a surrogate more ways than JSON: every string is checked
    return document


def check_values(document: Any, source: str, text: str | None = None) -> None:
    """Depth, finite numbers and encodable strings, checked without recursion. The key path of a
    value is spelt out only for the message when one is refused: building it for every value cost
    more than the checks. Given the JSON `text` parsed, strings are checked only when it holds a
    `\\uD8xx`-`\\uDFxx` escape, the only way a lone surrogate enters JSON decoded from UTF-8."""
    strings = text is None or _SURROGATE_ESCAPE.search(text) is not None
    # JSON's integers were bounded as it was parsed (parse_int) and its keys are strings, so
    # without strings to check only its containers (depth) and floats (finite) are visited: the
    # other values of a 100,000-resource export would double the time this takes.
    # Each entry: (value, its parent's entry, its key or index there, depth).
    stack: list[tuple[Any, Any, str | int | None, int]] = [(document, None, None, 0)]
    while stack:
        entry = stack.pop()
        value, _, _, depth = entry
        if depth > MAX_DEPTH:
            raise InputError(source, _key_path(entry), f"nests deeper than {MAX_DEPTH} levels")
        visit_all = strings or depth >= MAX_DEPTH  # past the limit, any child is too deep
        if isinstance(value, dict):
            for k, v in value.items():
                if not isinstance(k, str):
                    where = _key_path(entry)
                    raise InputError(source, f"{where}.{k}" if entry[1] is not None else str(k),
                                     f"keys must be strings, got {type(k).__name__}")
                if strings:
                    _check_string(k, source, entry)
                if visit_all or isinstance(v, _VISITED_IN_JSON):
                    stack.append((v, entry, k, depth + 1))
        elif isinstance(value, list):
            stack.extend((v, entry, i, depth + 1) for i, v in enumerate(value) if visit_all or isinstance(v, _VISITED_IN_JSON))
        elif isinstance(value, str):
            if strings:
                _check_string(value, source, entry)
        elif isinstance(value, float) and not math.isfinite(value):
            raise InputError(source, _key_path(entry), "numbers must be finite")
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _INT_LIMIT:
            raise InputError(source, _key_path(entry), "integers must fit in 64 bits")


# The values of parsed JSON that check_values visits when its strings need no check.
_VISITED_IN_JSON = (dict, list, float)

# A JSON escape of a UTF-16 surrogate (\\ud800 to \\udfff).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _key_path(entry: tuple[Any, Any, str | int | None, int]) -> str:
    """The key path of a checked value, as messages name it: `a.b[2].c`, `(top level)` for the document."""
    steps: list[str] = []
    while entry[1] is not None:
        step = entry[2]
        steps.append(f"[{step}]" if isinstance(step, int) else f".{step}")
        entry = entry[1]
    path = "".join(reversed(steps)).lstrip(".")
    return path or "(top level)"


def _check_string(text: str, source: str, entry: tuple[Any, Any, str | int | None, int]) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(source, _key_path(entry), "contains a lone UTF-16 surrogate (\\udXXX), which is not text") from None
