"""Findings for the renderer tests, built the way the gate builds them."""
from __future__ import annotations

from stackguard.model import Finding


def finding(rule: str, severity: str, name: str, *, type_: str = "aws:kms/key:Key", concern: str = "encryption",
            title: str | None = None, remediation: str | None = None, **fields) -> Finding:
    return Finding(
        rule=rule, title=title or f"Title of {rule}", severity=severity, concern=concern,
        enforcement=fields.pop("enforcement", "mandatory"), exempted=fields.pop("exempted", False),
        urn=f"urn:pulumi:prod::shop::{type_}::{name}", type=type_, name=name,
        message=fields.pop("message", f"{name} is not compliant."), remediation=remediation or f"Fix {name}.", **fields,
    )
