"""What flows through a check: the resources of a stack, and the report with its findings.

The report is the architecture's versioned JSON contract (additive changes only).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal, Optional

from google.protobuf import struct_pb2
from pydantic import BaseModel

from .vocabulary import SEVERITY_RANK, Enforcement, Severity

REPORT_VERSION = 1


@dataclass
class StackResource:
    """A resource as the engine would hand it to the analyzer, from any of the three ways in."""

    urn: str
    type: str
    name: str
    # A JSON document read from an export or preview, or the Struct a recorded registration carried.
    properties: dict[str, Any] | struct_pb2.Struct
    parent: str = ""
    dependencies: list[str] = field(default_factory=list)
    property_dependencies: dict[str, list[str]] = field(default_factory=dict)
    provider: Optional[dict[str, Any]] = None
    protect: bool = False
    source: Optional["SourceLocation"] = None
    custom: bool = True  # False for a component, which no rule judges (its children are judged)


@dataclass
class Stack:
    """The resources of one stack, as one input file or one program run gave them."""

    name: str
    resources: list[StackResource]


class SourceLocation(BaseModel):
    file: str
    line: int


class Finding(BaseModel):
    rule: str
    title: str
    severity: Severity
    concern: str
    enforcement: Enforcement
    exempted: bool
    urn: str
    type: str
    name: str
    message: str
    remediation: str
    source: Optional[SourceLocation] = None
    exemption: Optional[dict[str, str]] = None
    # Additive (report version 1): filled from the rule catalog and the baseline after the decision.
    description: Optional[str] = None
    compliance: Optional[dict[str, list[str]]] = None
    fingerprint: Optional[str] = None
    baselined: bool = False
    # An opt-out a component took with a reason: {reason, declared_by, option, owner, accepted}.
    # `accepted` ("true"/"false") is the profile's answer; accepted risk does not block.
    acknowledged: Optional[dict[str, str]] = None

    @property
    def accepted_risk(self) -> bool:
        return self.acknowledged is not None and self.acknowledged.get("accepted") == "true"

    @property
    def status(self) -> str:
        """What the finding does to the verdict: exempted, baselined and accepted findings never block."""
        if self.exempted:
            return "exempted"
        if self.baselined:
            return "baselined"
        if self.accepted_risk:
            return "acknowledged"
        return self.enforcement


class Summary(BaseModel):
    resources: int
    findings: int
    mandatory: int
    advisory: int
    exempted: int
    baselined: int = 0
    acknowledged: int = 0


class RunInfo(BaseModel):
    """Who decided, when, on what: enough for an auditor to reproduce the run."""

    timestamp: str
    commit: Optional[str] = None
    stackguard: str
    opa: str
    catalog: dict[str, Any]
    levels: dict[str, str] = {}
    # The files that chose this run's enforcement, by path and SHA-256: {file, sha256} for
    # stackguard.yaml (absent when none applied) and {name, file, sha256} for the profile.
    config: Optional[dict[str, str]] = None
    profile: Optional[dict[str, str]] = None
    # What was judged and under which exemptions, by path and SHA-256: the input files ({file, sha256};
    # "-" for standard input, without a hash) and the exemptions file ({file, sha256}, absent when none exists).
    inputs: Optional[list[dict[str, str]]] = None
    exemptions: Optional[dict[str, str]] = None


class FrameworkCoverage(BaseModel):
    """One compliance framework: the controls the evaluated rules cover, and those with open findings."""

    framework: str
    covered: list[str]
    with_findings: list[str]


class BaselineEntry(BaseModel):
    fingerprint: str
    rule: str
    urn: str
    message: str


class BaselineResult(BaseModel):
    file: str
    fixed: list[BaselineEntry]


class NotInspected(BaseModel):
    urn: str
    type: str
    reason: str


class Coverage(BaseModel):
    """What a run did not judge, stated rather than passed silently: data sources answered as unknown
    and resources preflight cannot see into (preflight), resources no rule judges, and rules the run
    left out (--rule, --skip-rule)."""

    generic_invokes: list[str] = []
    not_inspected: list[NotInspected] = []
    not_judged: list[NotInspected] = []
    skipped_rules: list[str] = []


class Notice(BaseModel):
    """A problem with the run itself, not a rule's finding: an exemption that matches nothing, expires
    soon, reaches past the profile's limit or names a non-negotiable rule; a baseline too old; a
    component whose children the run could not inspect (`uninspected`)."""

    # unreadable: a scanned stack whose state could not be read (`stackguard scan`), so not checked.
    kind: Literal["stale", "expiring", "over-long", "non-negotiable", "unowned", "expired", "baseline-age", "uninspected", "unreadable",
                  "break-glass"]
    level: Literal["error", "warning"]  # an error blocks the run like a mandatory finding
    file: str
    key: str  # where in the file: exemptions[2], created
    message: str
    rule: Optional[str] = None
    resource: Optional[str] = None
    did_you_mean: Optional[str] = None  # the nearest URN of the run, for an entry that matches nothing


class Report(BaseModel):
    version: int = REPORT_VERSION
    stack: str
    profile: str
    summary: Summary
    findings: list[Finding]
    # Additive (report version 1).
    run: Optional[RunInfo] = None
    compliance: Optional[list[FrameworkCoverage]] = None
    baseline: Optional[BaselineResult] = None
    fail_on: Optional[Severity] = None
    coverage: Optional[Coverage] = None
    notices: Optional[list[Notice]] = None

    @property
    def blocking_notices(self) -> list[Notice]:
        return [n for n in self.notices or [] if n.level == "error"]

    @property
    def blocking(self) -> list[Finding]:
        """Unexempted, unbaselined mandatory findings at or above the --fail-on severity."""
        floor = SEVERITY_RANK[self.fail_on or "low"]
        return [f for f in self.findings if f.status == "mandatory" and SEVERITY_RANK[f.severity] >= floor]

    def with_findings(self, findings: list[Finding]) -> "Report":
        """The same report over other findings (a rule selection, a baseline), with its summary recounted."""
        counted = [f for f in findings if not f.exempted]
        statuses = Counter(f.status for f in counted)  # one pass: a large stack has tens of thousands
        summary = Summary(
            resources=self.summary.resources, findings=len(findings),
            mandatory=statuses["mandatory"], advisory=statuses["advisory"],
            exempted=len(findings) - len(counted), baselined=sum(f.baselined for f in counted),
            acknowledged=statuses["acknowledged"],
        )
        return self.model_copy(update={"findings": findings, "summary": summary})

    def to_json(self) -> str:
        return self.model_dump_json(indent=2, exclude_none=True)
