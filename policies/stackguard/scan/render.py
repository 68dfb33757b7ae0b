"""The scan report's formats: json, table, html, asff (AWS Security Hub findings), and check's sarif, junit and
markdown and github over the scan's findings. Each reads only the ScanReport.

The ASFF output is a JSON list of AwsSecurityFinding documents (send them to BatchImportFindings,
100 at a time): one per open finding (RecordState ACTIVE, Workflow NEW) and one per finding fixed
by this scan (ARCHIVED, RESOLVED), so Security Hub closes what the stacks fixed. Its `Id` is stable
per stack and finding, so a re-import updates instead of duplicating.
"""
from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any, Callable, TextIO

from rich.console import Console
from rich.table import Table

from .. import render as check_renderers
from ..errors import InputError
from ..model import Report
from ..outputs import Output, atomic_write
from ..render.safe_text import terminal
from .history import SEVERITIES
from .summary import FindingEntry, ScanReport

# check's own renderers, over the scan's findings as one check report (github: Actions annotations, for the cron workflow).
CHECK_FORMATS = ("sarif", "junit", "markdown", "github")
FORMATS = ("table", "json", "asff", "html", *CHECK_FORMATS)
ASFF_SCHEMA_VERSION = "2018-10-08"
ASFF_TYPE = "Software and Configuration Checks/AWS Security Best Practices"
# ASFF length limits (AwsSecurityFinding: Title 256, Description 1024, Recommendation.Text 512, ProductFields values 2048).
_LIMITS = {"Title": 256, "Description": 1024, "Text": 512, "field": 2048}


def renderer(fmt: str, security_hub: dict[str, str] | None) -> Callable[[ScanReport], str]:
    if fmt == "json":
        return lambda report: report.to_json() + "\n"
    if fmt == "table":
        return table
    if fmt == "html":
        from .dashboard import render as dashboard

        return dashboard
    if fmt in CHECK_FORMATS:
        render_check = check_renderers.renderer(fmt)
        return lambda report: render_check(_findings_report(report))
    if fmt == "asff":
        if security_hub is None:
            raise InputError("stackguard.yaml", "scan.security_hub", "the asff format needs account_id and region (where the findings belong)")
        return lambda report: asff(report, security_hub["account_id"], security_hub["region"])
    raise InputError("--format", fmt, f"allowed: {', '.join(FORMATS)}")


def _findings_report(report: ScanReport) -> Report:
    if report.findings_report is None:
        raise ValueError("the scan report carries no findings report")  # command.run always builds one
    return report.findings_report


def table(report: ScanReport) -> str:
    out = StringIO()
    console = Console(file=out, width=160, highlight=False, color_system=None)
    summary = report.summary
    grid = Table(title=f"stackguard scan #{report.scan.id} ({report.scan.finished_at})", title_justify="left")
    for column in ("stack", "profile", "resources", "open (crit/high/med/low)", "new", "fixed", "past SLA", "changed"):
        grid.add_column(column)
    for stack in report.stacks:
        counts = "/".join(str(stack.open_by_severity[s]) for s in SEVERITIES)
        grid.add_row(terminal(stack.stack), terminal(stack.profile), str(stack.resources), counts, str(len(stack.new) + len(stack.unexempted)),
                     str(len(stack.fixed)), str(len(stack.sla_breaches)), "yes" if stack.changed else "no")
    console.print(grid)
    if report.unreadable:
        console.print(f"\nNot read, so NOT checked ({len(report.unreadable)}):", markup=False)
        for u in report.unreadable:
            console.print(f"  {terminal(u.stack)}  {terminal(u.reason)}", markup=False, soft_wrap=True)
    sections: list[tuple[str, list[FindingEntry]]] = [
        ("New", [f for s in report.stacks for f in s.new]),
        ("No longer exempted", [f for s in report.stacks for f in s.unexempted]),
        ("Fixed", [f for s in report.stacks for f in s.fixed]),
        ("Past their SLA", [f for s in report.stacks for f in s.sla_breaches]),
    ]
    for title, findings in sections:
        if findings:
            console.print(f"\n{title} ({len(findings)}):")
            for f in findings:
                age = f", open {f.age_days} days (SLA {f.sla_days})" if f.sla_days is not None else ""
                console.print(f"  {f.severity:<8} {terminal(f.stack)}  {f.rule}  {terminal(f.urn)}{age}\n           {terminal(f.message)}",
                              markup=False, soft_wrap=True)
    notices = [(stack.stack, n) for stack in report.stacks for n in stack.notices]
    if notices:
        console.print(f"\nExemption and baseline notices ({len(notices)}):", markup=False)
        for stack_key, n in notices:
            console.print(f"  {n.level:<8} {terminal(stack_key)}  {terminal(n.message)}", markup=False, soft_wrap=True)
    exemptions = report.exemptions
    for title, entries in (("Exemptions expiring within 14 days", exemptions.expiring), ("Expired exemptions", exemptions.expired),
                           ("Stale exemptions (matching nothing)", exemptions.stale)):
        if entries:
            console.print(f"\n{title} ({len(entries)}):")
            for e in entries:
                console.print(f"  {e.rule} {terminal(e.resource)} stacks {', '.join(e.stacks)}: expires {e.expires} "
                              f"({e.days_left} days), owner {terminal(e.owner)}", markup=False, soft_wrap=True)
    if report.trend:
        console.print("\nTrend, open findings (critical/high/medium/low):")
        for point in report.trend[-10:]:
            console.print(f"  #{point.scan} {point.at}  " + "/".join(str(point.open[s]) for s in SEVERITIES), markup=False)
    for alert in report.alerts:
        state = "delivered" if alert.delivered else f"NOT delivered ({alert.error}); queued for the next scan"
        console.print(f"\nAlert {alert.event} to {alert.where}: {state}", markup=False)
    not_read = f" ({summary.unreadable} more not read)" if summary.unreadable else ""
    console.print(f"\n{summary.stacks} stacks{not_read}, {summary.resources} resources: {summary.open} open findings "
                  f"({summary.blocking} blocking), {summary.new} new, {summary.fixed} fixed, {summary.unexempted} no longer exempted, "
                  f"{summary.sla_breaches} past their SLA", markup=False)
    return out.getvalue()


def asff(report: ScanReport, account: str, region: str) -> str:
    findings = []
    for stack in report.stacks:
        findings += [_asff_finding(f, report, account, region, fixed=False) for f in stack.open]
        findings += [_asff_finding(f, report, account, region, fixed=True) for f in stack.fixed]
    return json.dumps(findings, indent=2) + "\n"


def _timestamp(iso: str) -> str:
    """ISO 8601 in UTC as ASFF writes it (2026-12-04T14:00:00Z)."""
    return iso.replace("+00:00", "Z")


def _asff_finding(f: FindingEntry, report: ScanReport, account: str, region: str, fixed: bool) -> dict[str, Any]:
    updated = _timestamp(report.scan.finished_at)
    return {
        "SchemaVersion": ASFF_SCHEMA_VERSION,
        "Id": f"stackguard/{f.stack}/{f.fingerprint}",
        "ProductArn": f"arn:aws:securityhub:{region}:{account}:product/{account}/default",
        "ProductName": "stackguard",
        "GeneratorId": f"stackguard/{f.rule}",
        "AwsAccountId": account,
        "Region": region,
        "Types": [ASFF_TYPE],
        "FirstObservedAt": _timestamp(f.first_seen),
        "LastObservedAt": _timestamp(f.last_seen),
        "CreatedAt": _timestamp(f.first_seen),
        "UpdatedAt": updated,
        "Severity": {"Label": f.severity.upper(), "Original": f.severity},
        "Title": (f.title or f.rule)[: _LIMITS["Title"]],
        "Description": f.message[: _LIMITS["Description"]],
        **({"Remediation": {"Recommendation": {"Text": f.remediation[: _LIMITS["Text"]]}}} if f.remediation else {}),
        "ProductFields": {"stackguard/rule": f.rule, "stackguard/stack": f.stack[: _LIMITS["field"]], "stackguard/status": f.status,
                          "stackguard/urn": f.urn[: _LIMITS["field"]]},
        "Resources": [{"Type": "Other", "Id": f.urn[:512], "Partition": "aws", "Region": region}],
        "Compliance": {"Status": "PASSED" if fixed else "FAILED"},
        "Workflow": {"Status": "RESOLVED" if fixed else "NEW"},
        "RecordState": "ARCHIVED" if fixed else "ACTIVE",
    }


def outputs(values: list[str], fmt: str | None, default: str) -> list[Output]:
    """The scan's outputs: --output FORMAT=FILE (repeatable; FILE '-' is standard output) and --format for standard output."""
    specs = []
    for value in values:
        name, sep, target = value.partition("=")
        if not sep or name not in FORMATS or not target:
            raise InputError("--output", value, f"write FORMAT=FILE with FORMAT one of {', '.join(FORMATS)} (FILE '-' for standard output)")
        specs.append(Output(name, None if target == "-" else Path(target)))
    if fmt or not any(s.path is None for s in specs):
        specs.insert(0, Output(fmt or default, None))
    if sum(s.path is None for s in specs) > 1:
        raise InputError("--output", "-", "only one output can go to standard output")
    return specs


def write(report: ScanReport, specs: list[Output], security_hub: dict[str, str] | None, stdout: TextIO) -> None:
    """Render every output first, then write them (files atomically): a failing renderer writes nothing."""
    rendered = [(spec, renderer(spec.fmt, security_hub)(report)) for spec in specs]
    for spec, text in rendered:
        if spec.path is None:
            stdout.write(text)
            stdout.flush()
        else:
            atomic_write(spec.path, text)
