"""A pull-request comment and audit record: verdict and counts, a table per severity, exempted and
baselined findings, compliance coverage per framework, each rule that fired with its fix once, and
the run's metadata (time, commit, versions, profile levels)."""
from __future__ import annotations

from ..model import Finding, Report
from ..vocabulary import SEVERITIES
from . import safe_text
from .words import blocked_by_notices, break_glass, by_owner, counts, plural

# CI finds its earlier comment by this marker and edits it instead of posting a new one per push.
MARKER = "<!-- stackguard-report -->"
FINDING_HEADER = ["| status | rule | resource | source | problem | compliance |", "|---|---|---|---|---|---|"]


def render(report: Report) -> str:
    verdict = ":x: **blocked**: mandatory findings must be fixed or exempted" if report.blocking \
        else f":x: **blocked**: {blocked_by_notices(report)}" if report.blocking_notices \
        else f":rotating_light: **passed under {break_glass(report)}**" if break_glass(report) \
        else ":white_check_mark: **passed**: no unexempted mandatory finding"
    lines = [
        MARKER,
        f"### stackguard: {verdict}",
        "",
        f"Stack {_cell(report.stack)}, profile {_cell(report.profile)}: {counts(report)}."
        + (f" Only findings at or above {report.fail_on} block." if report.fail_on else ""),
    ]
    open_findings = [f for f in report.findings if f.status in ("mandatory", "advisory")]
    for severity in SEVERITIES:
        group = [f for f in open_findings if f.severity == severity]
        if group:
            lines += ["", f"#### {severity.capitalize()} ({len(group)})", "", *FINDING_HEADER]
            lines += [f"| {f.status} | {_rule(f)} | {_resource(f)} | {_source(f)} | {_cell(f.message)} | {_refs(f)} |"
                      for f in group]
    baselined = [f for f in report.findings if f.status == "baselined"]
    if baselined:
        lines += ["", f"#### Baselined ({len(baselined)})", "", *FINDING_HEADER]
        lines += [f"| {f.severity} | {_rule(f)} | {_resource(f)} | {_source(f)} | {_cell(f.message)} | {_refs(f)} |"
                  for f in baselined]
    acknowledged = [f for f in report.findings if f.acknowledged and not f.exempted]
    if acknowledged:
        lines += ["", f"#### Acknowledged risk ({len(acknowledged)}), by owner"]
        for owner, group in by_owner(acknowledged).items():
            lines += ["", f"**{_cell(owner) if owner else 'no owner'}** ({len(group)})", "",
                      "| verdict | rule | resource | source | problem | option | reason |", "|---|---|---|---|---|---|---|"]
            for f in group:
                ack = f.acknowledged or {}
                verdict = "accepted" if f.accepted_risk else f"refused: {ack.get('refused', 'by the profile')}"
                lines.append(f"| {_cell(verdict)} | {_rule(f)} | {_resource(f)} | {_source(f)} | {_cell(f.message)} "
                             f"| {_cell(ack.get('option', ''))} | {_cell(ack.get('reason', ''))} |")
    exempted = [f for f in report.findings if f.exempted]
    if exempted:
        lines += ["", f"#### Exempted ({len(exempted)})", "",
                  "| severity | rule | resource | problem | reason | owner | expires |", "|---|---|---|---|---|---|---|"]
        for f in exempted:
            exemption = f.exemption or {}
            lines.append(f"| {f.severity} | {_rule(f)} | {_resource(f)} | {_cell(f.message)} | {_cell(exemption.get('reason', ''))} "
                         f"| {_cell(exemption.get('owner', ''))} | {_cell(exemption.get('expires', ''))} |")
    if report.baseline is not None and report.baseline.fixed:
        lines += ["", f"#### Fixed since the baseline ({len(report.baseline.fixed)})", "",
                  "| rule | resource | problem that was recorded |", "|---|---|---|"]
        lines += [f"| `{e.rule}` | {_cell(e.urn)} | {_cell(e.message)} |" for e in report.baseline.fixed]
    if report.notices:
        lines += ["", f"#### Notices: exemptions, baseline, inspection ({len(report.notices)})", "",
                  "| level | kind | file | entry | notice |", "|---|---|---|---|---|"]
        lines += [f"| {n.level} | {n.kind} | {_cell(n.file)} | {_cell(n.key)} | {_cell(n.message)} |" for n in report.notices]
    lines += _compliance(report) + _rules(report) + _run(report)
    return "\n".join(lines) + "\n"


def _compliance(report: Report) -> list[str]:
    if not report.compliance:
        return []
    lines = ["", "#### Compliance", "", "| framework | controls checked | with open findings |", "|---|---|---|"]
    for fw in report.compliance:
        hit = ", ".join(fw.with_findings) or "none"
        lines.append(f"| {_cell(fw.framework)} | {len(fw.covered)}: {_cell(', '.join(fw.covered))} | {len(fw.with_findings)}: {_cell(hit)} |")
    return lines


def _rules(report: Report) -> list[str]:
    first: dict[str, Finding] = {}
    for f in report.findings:
        first.setdefault(f.rule, f)
    lines = ["", "#### Rules", ""] if first else []
    for rule_id, f in sorted(first.items()):
        lines += [f"<details><summary><code>{rule_id}</code>: {_cell(f.title)}</summary>", ""]
        if f.description:
            lines += [_prose(f.description), ""]
        lines += [f"**Fix:** {_cell(f.remediation)}", ""]
        if f.compliance:
            lines += [f"**Compliance:** {_refs(f)}", ""]
        lines += [f"More: `stackguard explain {rule_id}`", "", "</details>"]
    return lines


def _run(report: Report) -> list[str]:
    run = report.run
    if run is None:
        return []
    levels: dict[str, list[str]] = {}
    for rule_id, level in run.levels.items():
        levels.setdefault(level, []).append(rule_id)
    shown = "; ".join(f"{level}: {len(ids)}" + (f" ({', '.join(f'`{i}`' for i in ids)})" if level != "mandatory" else "")
                      for level, ids in sorted(levels.items()))
    return ["", "<details><summary>Run</summary>", "", "| | |", "|---|---|",
            f"| time | {_cell(run.timestamp)} |",
            f"| commit | {_cell(run.commit or 'not a git work tree')} |",
            f"| stackguard | {_cell(run.stackguard)} |",
            f"| OPA | {_cell(run.opa)} |",
            f"| rule catalog | {plural(int(run.catalog.get('rules', 0)), 'rule')}, digest `{run.catalog.get('digest')}` |",
            f"| profile {_cell(report.profile)} | {shown} |",
            *(f"| {what} file | {_cell(files['file'])}, sha256 `{files.get('sha256', '')[:16]}` |"
              for what, files in (("stackguard.yaml", run.config), ("profile", run.profile)) if files),
            "", "</details>"]


def _prose(value: str) -> str:
    """Text outside a table: literal (no HTML, mentions or links), its line breaks left to Markdown."""
    return "\n".join(safe_text.markdown(line) for line in value.split("\n"))


def _cell(value: str) -> str:
    """One table cell: literal text (pipes escaped with the rest), newlines as <br>."""
    return "<br>".join(safe_text.markdown(line) for line in value.splitlines())


def _rule(f: Finding) -> str:
    # Rule ids are kebab-case by construction (catalog pattern), safe inside a code span.
    return f"`{f.rule}`<br>{_cell(f.title)}"


def _refs(f: Finding) -> str:
    return _cell("; ".join(f"{fw} {', '.join(controls)}" for fw, controls in (f.compliance or {}).items())) or "—"


def _resource(f: Finding) -> str:
    return f"{_cell(f.name)}<br>{_cell(f.type)}"


def _source(f: Finding) -> str:
    return _cell(f"{f.source.file}:{f.source.line}") if f.source else "—"
