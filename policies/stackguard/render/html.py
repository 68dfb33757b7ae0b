"""A self-contained HTML page (inline CSS, no scripts, no external assets) rendered from templates/report.html.j2."""
from __future__ import annotations

from functools import lru_cache
from importlib.metadata import version

import jinja2

from ..model import Report
from .table import SEVERITIES


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # Autoescape every value: messages and names come from the stack under review, not from us.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("stackguard", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
    )


def render(report: Report) -> str:
    open_findings = [f for f in report.findings if not f.exempted]
    groups = [(s, [f for f in open_findings if f.severity == s]) for s in SEVERITIES]
    return _environment().get_template("report.html.j2").render(
        report=report,
        blocked=bool(report.blocking),
        groups=[(severity, findings) for severity, findings in groups if findings],
        exempted=[f for f in report.findings if f.exempted],
        version=version("stackguard"),
    )
