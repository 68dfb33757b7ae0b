"""A pull-request comment: verdict and counts, a table per severity, exempted findings with their reason."""
from __future__ import annotations

from ..model import Finding, Report
from .table import SEVERITIES

# CI finds its earlier comment by this marker and edits it instead of posting a new one per push.
MARKER = "<!-- stackguard-report -->"


def render(report: Report) -> str:
    s = report.summary
    verdict = ":x: **blocked**: mandatory findings must be fixed or exempted" if report.blocking \
        else ":white_check_mark: **passed**: no unexempted mandatory finding"
    lines = [
        MARKER,
        f"### stackguard: {verdict}",
        "",
        f"Stack {_cell(report.stack)}, profile {_cell(report.profile)}: {s.resources} resources, {s.findings} findings "
        f"({s.mandatory} mandatory, {s.advisory} advisory, {s.exempted} exempted).",
    ]
    open_findings = [f for f in report.findings if not f.exempted]
    for severity in SEVERITIES:
        group = [f for f in open_findings if f.severity == severity]
        if group:
            lines += ["", f"#### {severity.capitalize()} ({len(group)})", "",
                      "| enforcement | rule | resource | source | problem | fix |", "|---|---|---|---|---|---|"]
            lines += [f"| {f.enforcement} | {_rule(f)} | {_resource(f)} | {_source(f)} | {_cell(f.message)} | {_cell(f.remediation)} |"
                      for f in group]
    exempted = [f for f in report.findings if f.exempted]
    if exempted:
        lines += ["", f"#### Exempted ({len(exempted)})", "",
                  "| severity | rule | resource | problem | reason | owner | expires |", "|---|---|---|---|---|---|---|"]
        for f in exempted:
            exemption = f.exemption or {}
            lines.append(f"| {f.severity} | {_rule(f)} | {_resource(f)} | {_cell(f.message)} | {_cell(exemption.get('reason', ''))} "
                         f"| {_cell(exemption.get('owner', ''))} | {_cell(exemption.get('expires', ''))} |")
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    """One table cell: HTML-escaped (GitHub renders inline HTML), backslashes and pipes escaped, newlines as <br>."""
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    return "<br>".join(text.splitlines())


def _rule(f: Finding) -> str:
    # Rule ids are kebab-case by construction (catalog pattern), safe inside a code span.
    return f"`{f.rule}`<br>{_cell(f.title)}"


def _resource(f: Finding) -> str:
    return f"{_cell(f.name)}<br>{_cell(f.type)}"


def _source(f: Finding) -> str:
    return _cell(f"{f.source.file}:{f.source.line}") if f.source else "—"
