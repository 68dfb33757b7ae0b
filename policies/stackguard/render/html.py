"""A self-contained HTML page (inline CSS, no scripts, no external assets) rendered from templates/report.html.j2."""
from __future__ import annotations

import re
from functools import lru_cache

import jinja2
from markupsafe import Markup, escape

from .. import __version__
from ..model import Finding, Report
from ..vocabulary import SEVERITIES
from .words import by_owner, notice, verdict


# Where a long URN may break: after each of its separators, never inside a name.
_URN_SEPARATOR = re.compile(r"(::|\$|/)")


def breakable_urn(urn: str) -> Markup:
    """The escaped URN with a line-break opportunity after each separator, so a narrow column wraps
    it between its parts instead of mid-word."""
    return Markup("").join(
        Markup(f"{escape(part)}<wbr>") if _URN_SEPARATOR.fullmatch(part) else escape(part)
        for part in _URN_SEPARATOR.split(urn)
    )


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # Autoescape every value: messages and names come from the stack under review, not from us.
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("stackguard", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
    )
    environment.filters["breakable_urn"] = breakable_urn
    return environment


def render(report: Report) -> str:
    open_findings = [f for f in report.findings if f.status in ("mandatory", "advisory")]
    groups = [(s, [f for f in open_findings if f.severity == s]) for s in SEVERITIES]
    first: dict[str, Finding] = {}
    for f in report.findings:
        first.setdefault(f.rule, f)
    blocked, sentence = verdict(report)
    return _environment().get_template("report.html.j2").render(
        report=report,
        blocked=blocked,
        sentence=sentence.split(": ", 1)[1],
        groups=[(severity, findings) for severity, findings in groups if findings],
        baselined=[f for f in report.findings if f.status == "baselined"],
        exempted=[f for f in report.findings if f.exempted],
        acknowledged=by_owner([f for f in report.findings if f.acknowledged and not f.exempted]),
        rules=[first[rule_id] for rule_id in sorted(first)],
        notices=[(n, notice(n)) for n in report.notices or []],
        version=__version__,
    )
