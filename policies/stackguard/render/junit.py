"""JUnit XML (the Ant/Jenkins schema every CI reads): a test suite per rule that fired, a test case per finding.

A blocking finding is a failure; advisory, exempted and baselined findings are skipped test cases
that say why, so CI dashboards show them without failing the build. Every rule the run evaluated
(`run.levels`) without a finding is a passing test case over the stack's resources, so a clean stack
shows what was checked; a report without run metadata and no finding still has one passing case.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from ..model import Finding, Report
from .words import acknowledgement, notice, plural


# Why a finding that does not block is a skipped test case, by its status.
SKIPPED_BECAUSE = {
    "advisory": "advisory: reported, not enforced",
    "baselined": "baselined: recorded in the baseline, not new",
    "acknowledged": "acknowledged: an opt-out taken with a reason, accepted by the profile",
    "mandatory": "mandatory, below the --fail-on severity",
}


def _case(suite: ET.Element, f: Finding, blocking: set[int]) -> None:
    case = ET.SubElement(suite, "testcase", name=f"{f.name} ({f.type})", classname=f.rule)
    where = f" at {f.source.file}:{f.source.line}" if f.source else ""
    text = f"{f.message}\nResource: {f.urn}{where}\nFix: {f.remediation}"
    if id(f) in blocking:
        ET.SubElement(case, "failure", type=f.severity, message=f.message).text = text
        return
    why = f"exempted: {(f.exemption or {}).get('reason', '')}" if f.exempted else SKIPPED_BECAUSE[f.status]
    if f.acknowledged:
        text += f"\n{acknowledgement(f)}"
    ET.SubElement(case, "skipped", message=why).text = text


def render(report: Report) -> str:
    blocking = {id(f) for f in report.blocking}
    by_rule: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_rule.setdefault(f.rule, []).append(f)
    passed = [rule for rule, level in (report.run.levels if report.run else {}).items() if level != "disabled" and rule not in by_rule]
    root = ET.Element("testsuites", name=f"stackguard {report.stack}", tests=str(max(1, len(report.findings) + len(passed))),
                      failures=str(len(blocking)), errors="0")
    if passed:
        suite = ET.SubElement(root, "testsuite", name="stackguard passed rules", tests=str(len(passed)), failures="0", errors="0", skipped="0")
        for rule in passed:
            ET.SubElement(suite, "testcase", name=f"{rule}: no finding on {plural(report.summary.resources, 'resource')}", classname=rule)
    elif not by_rule:
        suite = ET.SubElement(root, "testsuite", name="stackguard", tests="1", failures="0", errors="0", skipped="0")
        ET.SubElement(suite, "testcase", name=f"stack {report.stack}: no findings", classname="stackguard")
    if report.notices:
        notices = report.notices
        suite = ET.SubElement(root, "testsuite", name="stackguard notices", tests=str(len(notices)),
                              failures=str(len(report.blocking_notices)), errors="0", skipped=str(len(notices) - len(report.blocking_notices)))
        for n in notices:
            case = ET.SubElement(suite, "testcase", name=f"{n.file} {n.key}", classname=f"stackguard.{n.kind}")
            ET.SubElement(case, "failure" if n.level == "error" else "skipped", message=notice(n)).text = notice(n)
        root.set("failures", str(len(blocking) + len(report.blocking_notices)))
    for rule, findings in by_rule.items():
        failures = sum(id(f) in blocking for f in findings)
        suite = ET.SubElement(root, "testsuite", name=rule, tests=str(len(findings)), failures=str(failures),
                              errors="0", skipped=str(len(findings) - failures))
        properties = ET.SubElement(suite, "properties")
        for name, value in (("stack", report.stack), ("profile", report.profile), ("title", findings[0].title),
                            ("severity", findings[0].severity)):
            ET.SubElement(properties, "property", name=name, value=value)
        for f in findings:
            _case(suite, f, blocking)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
