"""Report renderers, one module per format, all from the same Report."""
from __future__ import annotations

from typing import Callable

from ..model import Report
from . import html, json_report, markdown, sarif, table

FORMATS = ("table", "json", "sarif", "markdown", "html")


def renderer(fmt: str) -> Callable[[Report], str]:
    return {
        "table": table.render, "json": json_report.render,
        "sarif": sarif.render, "markdown": markdown.render, "html": html.render,
    }[fmt]
