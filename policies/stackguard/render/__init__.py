"""Report renderers, one module per format, all from the same Report (and nothing else).

A renderer's module is imported when its format is asked for: a run that writes JSON does not pay
for jinja2 (HTML) or rich (table)."""
from __future__ import annotations

import importlib
from typing import Callable

from ..model import Report

# Format -> the module under stackguard.render whose `render(report)` writes it.
MODULES = {
    "table": "table", "json": "json_report", "sarif": "sarif", "markdown": "markdown",
    "html": "html", "junit": "junit", "github": "github",
}
FORMATS = tuple(MODULES)


def renderer(fmt: str) -> Callable[[Report], str]:
    return importlib.import_module(f"{__name__}.{MODULES[fmt]}").render
