"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.

    ::error file=stacks/__main__.py,line=42,title=aws-kms-key-rotation (data-key)::KMS key ... Fix: ...

Blocking findings are errors, advisory (and mandatory below --fail-on) warnings, exempted and
baselined findings notices. Values are escaped as the Actions runner decodes them.
"""
from __future__ import annotations

from ..model import Finding, Report
from .words import acknowledgement, notice, summary, verdict


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(f: Finding, blocking: set[int]) -> str:
    if id(f) in blocking:
        level = "error"
    elif f.status in ("exempted", "baselined", "acknowledged"):
        level = "notice"
    else:
        level = "warning"
    properties = []
    if f.source:
        properties += [f"file={escape_property(f.source.file)}", f"line={f.source.line}"]
    label = f" [{f.status}]" if f.status in ("exempted", "baselined", "acknowledged") else ""
    properties.append(f"title={escape_property(f'{f.rule} ({f.name}){label}')}")
    message = f"{f.message}\nResource: {f.urn}\nFix: {f.remediation}"
    if f.acknowledged:
        message += f"\n{acknowledgement(f)}"
    return f"::{level} {','.join(properties)}::{escape_data(message)}"


def render(report: Report) -> str:
    blocking = {id(f) for f in report.blocking}
    lines = [_command(f, blocking) for f in report.findings]
    lines += [f"::{n.level if n.level == 'error' else 'warning'} title={escape_property(f'stackguard {n.kind} exemption')}"
              f"::{escape_data(notice(n))}" for n in report.notices or []]
    blocked, sentence = verdict(report)
    lines.append(f"::{'error' if blocked else 'notice'} title=stackguard::{escape_data(f'{summary(report)}. {sentence}')}")
    return "\n".join(lines) + "\n"
