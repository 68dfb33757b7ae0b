"""The files `check` reads: exports and previews, `-` for standard input."""
from __future__ import annotations

import sys
from pathlib import Path

from . import readers
from .exemptions import stack_of
from .gate import Stack

STDIN = "-"


class _StandardInput:
    """Standard input where the readers expect a file: read once, named <stdin> in errors."""

    def __str__(self) -> str:
        return "<stdin>"

    def read_text(self) -> str:
        return sys.stdin.read()


def read_stacks(files: list[Path]) -> list[Stack]:
    stacks = []
    for path in files:
        source = _StandardInput() if str(path) == STDIN else path
        resources = readers.read(source)  # type: ignore[arg-type]  # readers need only str() and read_text()
        name = stack_of(resources[0].urn) if resources else ("stdin" if str(path) == STDIN else path.stem)
        stacks.append(Stack(name=name, resources=resources))
    return stacks
