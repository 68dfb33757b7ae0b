"""A terminal table, grouped by severity, with each finding's resource and remediation."""
from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Report

SEVERITIES = ("critical", "high", "medium", "low")
STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan"}


def render(report: Report, width: int = 140, color: bool = False) -> str:
    buffer = StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color)
    s = report.summary
    console.print(Text(
        f"stackguard: stack {report.stack}, profile {report.profile}: {s.resources} resources, "
        f"{s.findings} findings ({s.mandatory} mandatory, {s.advisory} advisory, {s.exempted} exempted)"
    ))
    for severity in SEVERITIES:
        group = [f for f in report.findings if f.severity == severity]
        if not group:
            continue
        table = Table(title=f"{severity.upper()} ({len(group)})", title_style=STYLE[severity], show_lines=True, expand=True)
        for column in ("enforcement", "rule", "resource", "problem and fix"):
            table.add_column(column, overflow="fold")
        for f in group:
            status = "exempted" if f.exempted else f.enforcement
            where = f"{f.name}\n{f.type}" + (f"\n{f.source.file}:{f.source.line}" if f.source else "")
            fix = f"{f.message}\nFix: {f.remediation}"
            if f.exemption:
                fix += f"\nExempted until {f.exemption['expires']} ({f.exemption['owner']}): {f.exemption['reason']}"
            # Text cells: names, messages and remediations are data, never rich markup.
            table.add_row(status, f.rule, Text(where), Text(fix))
        console.print(table)
    verdict = "BLOCKED: mandatory findings must be fixed or exempted" if report.blocking else "PASSED: no unexempted mandatory finding"
    console.print(f"[bold]{verdict}[/]")
    return buffer.getvalue()
