"""The terminal report: findings grouped by severity, each rule's fix said once, width and colour from rich.

Three levels of detail: `full` (a table per severity), `compact` (one line per finding: status,
severity, rule, resource, file:line, message) and `quiet` (the summary and the verdict only).
"""
from __future__ import annotations

import os
from io import StringIO
from typing import Literal, Optional

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..model import Finding, Report
from ..vocabulary import SEVERITIES
from .words import acknowledgement, by_owner, counts_line, notice, plural, profile_line, verdict

Mode = Literal["full", "compact", "quiet"]
STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan"}
STATUS_STYLE = {"mandatory": "bold red", "advisory": "yellow", "acknowledged": "cyan", "exempted": "dim", "baselined": "dim"}
MIN_PROBLEM_WIDTH = 24  # narrower than this, the problem is printed under the rule instead of beside it
TABLE_FRAME = 10  # the borders and padding of a three-column table
FILE_WIDTH = 100  # a report written to a file has no terminal to measure
FIX_VERBS = ("set ", "add ", "remove ", "scope ", "list ", "turn ", "enable ", "use ", "attach ", "replace ", "restrict ", "give ", "leave ")


def render(report: Report, width: Optional[int] = None, color: bool = False, mode: Mode = "full") -> str:
    """The report as text: for files and tests (no terminal), at `width` or $COLUMNS columns."""
    buffer = StringIO()
    width = width or int(os.environ.get("COLUMNS") or FILE_WIDTH)
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False)
    print_report(report, console, mode)
    return buffer.getvalue()


def print_report(report: Report, console: Console, mode: Mode = "full") -> None:
    """Print to a console: rich measures a real terminal itself and honours COLUMNS, NO_COLOR and FORCE_COLOR."""
    console.print(Text(counts_line(report)), soft_wrap=True)
    console.print(Text(profile_line(report)), soft_wrap=True)
    if mode == "compact":
        for finding in report.findings:
            console.print(_line(finding), soft_wrap=True)
    elif mode == "full":
        _tables(report, console)
    if report.baseline is not None and report.baseline.fixed and mode != "quiet":
        console.print(Text(f"Fixed since the baseline ({len(report.baseline.fixed)}):", style="bold green"))
        for entry in report.baseline.fixed:
            console.print(Text(f"  {entry.rule} {entry.urn.rsplit('::', 1)[-1]}: {entry.message}"), soft_wrap=True)
    blocked, sentence = verdict(report)
    console.print(Text(sentence, style="bold red" if blocked else "bold green"), soft_wrap=True)


def _where(f: Finding) -> str:
    return f"{f.source.file}:{f.source.line}" if f.source else ""


def _line(f: Finding) -> Text:
    line = Text()
    line.append(f"{f.status:<9}", style=STATUS_STYLE[f.status])
    line.append(f" {f.severity:<8}", style=STYLE[f.severity])
    line.append(f" {f.rule} {f.name} ({f.type})")
    if f.source:
        line.append(f" {_where(f)}")
    line.append(f": {f.message}")
    return line


def _tables(report: Report, console: Console) -> None:
    open_findings = [f for f in report.findings if f.status in ("mandatory", "advisory")]
    for severity in SEVERITIES:
        group = [f for f in open_findings if f.severity == severity]
        if not group:
            continue
        table = Table(title=f"{severity.upper()} ({len(group)})", title_style=STYLE[severity], title_justify="left",
                      show_lines=True, expand=True)
        table.add_column("status", no_wrap=True, min_width=len("mandatory"))
        # A rule id is never wrapped (it is copied into `stackguard explain`): its column is as wide as the
        # longest id, and where the problem would not fit beside it, the problem goes under it.
        longest = max(len(f.rule) for f in group)
        beside = console.width >= longest + MIN_PROBLEM_WIDTH + len("mandatory") + TABLE_FRAME
        if beside:
            table.add_column("rule and resource", overflow="fold", min_width=longest, max_width=max(longest, (console.width - TABLE_FRAME) // 2))
            table.add_column("problem", overflow="fold", ratio=1)
        else:
            table.add_column("rule, resource and problem", overflow="fold", ratio=1)
        for f in group:
            # Text cells: names and messages are data from the stack, never rich markup.
            rule_id = Text(f.rule, style="bold", no_wrap=True)
            what = Text(f"{f.name}\n{f.type}" + (f"\n{_where(f)}" if f.source else ""), overflow="fold")
            shown_status = Text(f.status, style=STATUS_STYLE[f.status])
            if beside:
                table.add_row(shown_status, Group(rule_id, what), Text(f.message))
            else:
                table.add_row(shown_status, Group(rule_id, what, Text(f.message, overflow="fold")))
        console.print(table)
    # A rule's fix once, and only where its findings do not already say it (rules write "...: set X to Y.").
    fixes = {f.rule: f.remediation for f in open_findings if not states_fix(f.message)}
    if fixes:
        how = Table.grid(padding=(0, 1))
        how.add_column(no_wrap=True, style="bold")
        how.add_column(overflow="fold")
        for rule, remediation in fixes.items():
            how.add_row(f"  {rule}", Text(remediation))
        console.print(Text("How to fix (details: stackguard explain RULE)", style="bold"))
        console.print(how)
    elif open_findings:
        console.print(Text("Each problem says how to fix it; details and a Pulumi example: stackguard explain RULE", style="bold"))
    acknowledged = [f for f in report.findings if f.acknowledged and not f.exempted]
    if acknowledged:
        console.print(Text(f"Acknowledged risk ({len(acknowledged)}), by owner:", style="cyan"))
        for owner, group in by_owner(acknowledged).items():
            console.print(Text(f"  {owner or '(no owner)'}:"))
            for f in group:
                console.print(Text(f"    {f.severity} {f.rule} {f.name}{' ' + _where(f) if f.source else ''} [{acknowledgement(f)}]"),
                              soft_wrap=False)
    for status in ("baselined", "exempted"):
        parked = [f for f in report.findings if f.status == status]
        if parked:
            console.print(Text(f"{status.capitalize()} ({len(parked)}), not blocking:", style="dim"))
            for f in parked:
                reason = f" [{f.exemption['reason']}, {f.exemption['owner']}, until {f.exemption['expires']}]" if f.exemption else ""
                console.print(Text(f"  {f.severity} {f.rule} {f.name}{' ' + _where(f) if f.source else ''}{reason}"), soft_wrap=False)
    _notices(report, console)


def _notices(report: Report, console: Console) -> None:
    if report.notices:
        console.print(Text(f"Notices: exemptions, baseline, inspection ({len(report.notices)}):", style="bold"))
        for n in report.notices:
            console.print(Text(f"  {notice(n)}", style="red" if n.level == "error" else "yellow"), soft_wrap=False)


def states_fix(message: str) -> bool:
    """Whether a finding's message already tells what to do: a clause after a colon that starts with a fix's verb."""
    return any(clause.lstrip().lower().startswith(FIX_VERBS) for clause in message.split(": ")[1:])


def headline(report: Report) -> str:
    """The stderr summary when standard output holds no table: the counts, then the verdict (BLOCKED or
    PASSED), one line each, never wrapped."""
    return f"{counts_line(report)}\n{verdict(report)[1]}"


__all__ = ["render", "print_report", "headline", "plural", "STYLE"]
