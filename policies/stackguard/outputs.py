"""Where a report goes: several formats in one run, each file written atomically.

    --format sarif --output stackguard.sarif          one format, one file (as before)
    --output sarif=stackguard.sarif --output junit=stackguard.xml --output github=-

`-` is standard output; at most one output may go there. Without any output the report goes to
standard output in --format (the table unless asked otherwise; a plain --output FILE is JSON).
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from rich.console import Console

from .errors import InputError
from .model import Report
from .render import FORMATS, renderer, safe_text, table

STDOUT = "-"


@dataclass(frozen=True)
class Output:
    fmt: str
    path: Optional[Path]  # None: standard output


def parse(outputs: list[str], fmt: Optional[str], default_fmt: str) -> list[Output]:
    """The outputs of a run, from repeated --output values and --format."""
    specs: list[Output] = []
    plain: list[str] = []
    for value in outputs:
        name, sep, target = value.partition("=")
        if sep and name in FORMATS:
            if not target:
                raise InputError("--output", value, f"needs a file after '=' ({name}=FILE, or {name}=- for standard output)")
            specs.append(Output(name, None if target == STDOUT else Path(target)))
        elif sep and "/" not in name and "." not in name:
            raise InputError("--output", value, f"{name!r} is not a format; allowed: {', '.join(FORMATS)}")
        elif value in FORMATS:
            # `--output sarif` meant the format, not a file named "sarif" holding JSON.
            raise InputError("--output", value, f"names a format, not a file: write --output {value}=FILE, or "
                                                f"--format {value} for standard output (a file of that name: ./{value})")
        else:
            plain.append(value)
    if len(plain) > 1:
        raise InputError("--output", plain[1], "only one plain FILE (for --format); name the others FORMAT=FILE")
    if plain:
        specs.insert(0, Output(fmt or "json", None if plain[0] == STDOUT else Path(plain[0])))
    elif fmt or not specs:
        specs.insert(0, Output(fmt or default_fmt, None))
    if sum(s.path is None for s in specs) > 1:
        raise InputError("--output", "-", "only one output can go to standard output")
    return specs


# Formats read by people in terminals, CI logs and pull requests: rendered without control sequences.
TEXT_FORMATS = {"table", "markdown", "github", "junit"}


def write(report: Report, specs: list[Output], stdout: Console, mode: table.Mode = "full") -> None:
    """Render everything first, then write: a failing renderer leaves no half-written set of files."""
    if any(spec.fmt in TEXT_FORMATS for spec in specs):
        text_report = safe_text.for_text(report)
        report_for = {spec.fmt: text_report if spec.fmt in TEXT_FORMATS else report for spec in specs}
    else:
        report_for = {spec.fmt: report for spec in specs}
    rendered = [(spec, None if spec.fmt == "table" and spec.path is None else _render(report_for[spec.fmt], spec.fmt, mode))
                for spec in specs]
    for spec, text in rendered:
        if spec.path is None:
            if text is None:
                table.print_report(report_for[spec.fmt], stdout, mode)
            else:
                stdout.file.write(text)
                stdout.file.flush()
        else:
            atomic_write(spec.path, text or "")


def _render(report: Report, fmt: str, mode: table.Mode) -> str:
    return table.render(report, mode=mode) if fmt == "table" else renderer(fmt)(report)


def atomic_write(path: Path, text: str) -> None:
    if path.is_dir():
        raise InputError(str(path), "--output", "is a directory; give a file path")
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(text)
        partial.replace(path)  # readers never see half a report
    except OSError as err:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise InputError(str(path), "--output", f"cannot be written: {err.strerror}") from None
