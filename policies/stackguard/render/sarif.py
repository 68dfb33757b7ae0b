"""SARIF 2.1.0, shaped for GitHub code scanning: one run, a rule descriptor per rule that fired, one result per finding."""
from __future__ import annotations

import hashlib
from typing import Any
import json
import re
from urllib.parse import quote

from .. import __version__
from ..model import Finding, Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "stackguardFindingHash/v1"
SRCROOT = "%SRCROOT%"
# GitHub rejects a result without a physical location. Findings without a source position (stack
# rules, `check` on preview/export files) are anchored at the project file, line 1; their real
# identity stays in the logical location (the URN).
FALLBACK_FILE = "Pulumi.yaml"

RULE_LEVEL = {"critical": "error", "high": "error", "medium": "warning", "low": "note"}
# GitHub buckets security alerts by this number (as a string): >= 9.0 critical, >= 7.0 high, >= 4.0 medium.
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0"}


def render(report: Report) -> str:
    first: dict[str, Finding] = {}
    for finding in report.findings:
        first.setdefault(finding.rule, finding)
    ids = sorted(first)
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "stackguard",
                "version": __version__,
                "rules": [_descriptor(first[rule_id]) for rule_id in ids],
            }},
            "results": [_result(f, index[f.rule]) for f in report.findings],
            "invocations": [_invocation(report)],
            "properties": {"stack": report.stack, "profile": report.profile,
                           **({"run": report.run.model_dump(exclude_none=True, exclude={"levels"})} if report.run else {})},
        }],
    }
    return json.dumps(log, indent=2) + "\n"


def _invocation(report: Report) -> dict:
    """The run's own problems (exemptions, baseline) as configuration notifications: they are about no resource."""
    notifications = [{"level": n.level, "descriptor": {"id": f"stackguard/{n.kind}"}, "message": {"text": f"{n.file}: {n.message}"},
                      "properties": n.model_dump(exclude_none=True)} for n in report.notices or []]
    return {"executionSuccessful": True, "toolConfigurationNotifications": notifications}


def _descriptor(finding: Finding) -> dict:
    # A finding carries its rule's text (description and compliance once the report is enriched).
    description = finding.description or finding.title
    compliance = finding.compliance or {}
    refs = [f"{framework}:{ref}" for framework, items in compliance.items() for ref in items]
    return {
        "id": finding.rule,
        "name": _camel(finding.title) or _camel(finding.rule),
        "shortDescription": {"text": finding.title},
        "fullDescription": {"text": description},
        "help": _help(description, finding.remediation, compliance),
        "defaultConfiguration": {"level": RULE_LEVEL[finding.severity]},
        "properties": {
            # GitHub reads security-severity only on rules tagged "security".
            "tags": list(dict.fromkeys(["security", finding.concern, *refs])),
            "security-severity": SECURITY_SEVERITY[finding.severity],
            # Rules are deterministic checks of declared configuration, not heuristics.
            "precision": "very-high",
        },
    }


def _help(description: str, remediation: str, compliance: dict[str, list[str]]) -> dict:
    listed = [f"{framework} {', '.join(items)}" for framework, items in compliance.items()]
    text = f"{description}\n\nFix: {remediation}"
    markdown = f"{description}\n\n**Fix:** {remediation}"
    if listed:
        text += "\n\nCompliance: " + "; ".join(listed)
        markdown += "\n\n**Compliance:**\n" + "".join(f"\n- {item}" for item in listed)
    return {"text": text, "markdown": markdown}


def _camel(text: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[A-Za-z0-9]+", text))


def _result(f: Finding, rule_index: int) -> dict:
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": "note" if f.status in ("exempted", "baselined", "acknowledged") else ("error" if f.status == "mandatory" else "warning"),
        "message": {"text": f"{f.message} Fix: {f.remediation}"},
        "locations": [_location(f)],
        "partialFingerprints": {FINGERPRINT: hashlib.sha256(f"{f.rule}\n{f.urn}".encode()).hexdigest()},
        "properties": {"urn": f.urn, "type": f.type, "enforcement": f.enforcement, "exempted": f.exempted,
                       "baselined": f.baselined},
    }
    if f.acknowledged:
        result["properties"]["acknowledged"] = f.acknowledged
    if f.exempted:
        result["suppressions"] = [_suppression(f.exemption or {})]
    elif f.accepted_risk:
        # Declared in the program (a component opt-out with a reason): an in-source suppression.
        result["suppressions"] = [{"kind": "inSource", "status": "accepted", "justification": (f.acknowledged or {}).get("reason", "")}]
    elif f.baselined:
        result["baselineState"] = "unchanged"
    return result


def _location(f: Finding) -> dict:
    if f.source:
        uri, line = f.source.file.replace("\\", "/").removeprefix("./"), f.source.line
    else:
        uri, line = FALLBACK_FILE, 1
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(uri), "uriBaseId": SRCROOT},
            "region": {"startLine": line},
        },
        "logicalLocations": [{"name": f.name, "fullyQualifiedName": f.urn, "kind": "resource"}],
    }


def _suppression(exemption: dict[str, str]) -> dict:
    suppression: dict[str, Any] = {"kind": "external", "status": "accepted"}
    if "reason" in exemption:
        suppression["justification"] = exemption["reason"]
    extra = {key: exemption[key] for key in ("owner", "expires") if key in exemption}
    if extra:
        suppression["properties"] = extra
    return suppression
