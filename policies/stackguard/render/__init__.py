"""Report renderers, one module per format, all from the same Report (and nothing else)."""
from __future__ import annotations

from typing import Callable

from ..model import Report
from . import github, html, json_report, junit, markdown, sarif, table

RENDERERS: dict[str, Callable[[Report], str]] = {
    "table": table.render, "json": json_report.render, "sarif": sarif.render, "markdown": markdown.render,
    "html": html.render, "junit": junit.render, "github": github.render,
}
FORMATS = tuple(RENDERERS)


def renderer(fmt: str) -> Callable[[Report], str]:
    return RENDERERS[fmt]
