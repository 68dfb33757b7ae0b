"""What flows through a check: the resources of a stack, and the report with its findings.

The report is the architecture's versioned JSON contract (additive changes only).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Optional

from pydantic import BaseModel

REPORT_VERSION = 1


@dataclass
class StackResource:
    """A resource as the engine would hand it to the analyzer, from any of the three ways in."""

    urn: str
    type: str
    name: str
    properties: dict[str, Any]
    parent: str = ""
    dependencies: list[str] = field(default_factory=list)
    property_dependencies: dict[str, list[str]] = field(default_factory=dict)
    provider: Optional[dict[str, Any]] = None
    protect: bool = False
    source: Optional["SourceLocation"] = None


class SourceLocation(BaseModel):
    file: str
    line: int


class Finding(BaseModel):
    rule: str
    title: str
    severity: Literal["low", "medium", "high", "critical"]
    concern: str
    enforcement: Literal["advisory", "mandatory"]
    exempted: bool
    urn: str
    type: str
    name: str
    message: str
    remediation: str
    source: Optional[SourceLocation] = None
    exemption: Optional[dict[str, str]] = None


class Summary(BaseModel):
    resources: int
    findings: int
    mandatory: int
    advisory: int
    exempted: int


class NotInspected(BaseModel):
    urn: str
    type: str
    reason: str


class Coverage(BaseModel):
    """What a preflight run could not judge: data sources answered as unknown, resources it cannot see into."""

    generic_invokes: list[str] = []
    not_inspected: list[NotInspected] = []


class Report(BaseModel):
    version: int = REPORT_VERSION
    stack: str
    profile: str
    summary: Summary
    findings: list[Finding]
    coverage: Optional[Coverage] = None

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.enforcement == "mandatory" and not f.exempted]

    def to_json(self) -> str:
        return self.model_dump_json(indent=2, exclude_none=True)
