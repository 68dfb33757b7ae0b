"""Acknowledged findings: `policies/exemptions.yaml`.

    exemptions:
      - rule: aws-apigateway-rest-api-endpoint-type
        resource: "urn:pulumi:dev::*::aws:apigateway/restApi:RestApi::legacy"   # a URN or a glob
        stacks: [dev]
        reason: Partner integration still calls the edge URL; moving in Q3.
        owner: platform-team@example.com
        expires: 2027-03-31

An exempted finding is never dropped: it is reported as advisory, marked exempted, with its reason.
An expired or malformed entry is an error (exit 2), never a silent pass.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import inputs, paths
from .errors import InputError


class Exemption(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str = Field(pattern=r"^aws-[a-z0-9-]+$")
    resource: str = Field(min_length=1, description="a URN or a glob over URNs")
    stacks: list[str] = Field(min_length=1)
    reason: str = Field(min_length=10)
    owner: str = Field(min_length=1)
    expires: dt.date

    @field_validator("reason", "owner")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()

    def covers(self, rule: str, urn: str, stack: str) -> bool:
        return rule == self.rule and stack in self.stacks and fnmatch.fnmatchcase(urn, self.resource)


class ExemptionsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    exemptions: list[Exemption] = Field(default_factory=list)


class Exemptions:
    def __init__(self, entries: list[Exemption], source: str):
        self.entries = entries
        self.source = source

    def match(self, rule: str, urn: str) -> Optional[Exemption]:
        stack = stack_of(urn)
        return next((e for e in self.entries if e.covers(rule, urn, stack)), None)


def stack_of(urn: str) -> str:
    """The stack name in a URN: urn:pulumi:<stack>::<project>::<type>::<name>."""
    return urn.split("::", 1)[0].removeprefix("urn:pulumi:")


def load(path: Path | None = None, known_rules: set[str] | None = None, today: dt.date | None = None) -> Exemptions:
    path = path or paths.exemptions_file()
    source = str(path)
    if not path.exists():
        return Exemptions([], source)
    document = inputs.load_yaml(path, "an exemptions file: a mapping with an 'exemptions' list") or {}
    if not isinstance(document, dict):
        raise InputError(source, "(top level)", f"must be a mapping with an 'exemptions' list, got {type(document).__name__}")
    try:
        parsed = ExemptionsFile.model_validate(document)
    except ValidationError as err:
        first = err.errors()[0]
        key = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in first["loc"]).replace(".[", "[")
        raise InputError(source, key, _allowed(first)) from None
    today = today or dt.date.today()
    for index, entry in enumerate(parsed.exemptions):
        if known_rules is not None and entry.rule not in known_rules:
            raise InputError(source, f"exemptions[{index}].rule", f"{entry.rule!r} is not a rule id; allowed: an id listed by `stackguard rules`")
        if entry.expires < today:
            raise InputError(source, f"exemptions[{index}].expires", f"expired on {entry.expires.isoformat()}; renew it with a new date or fix the finding")
    return Exemptions(parsed.exemptions, source)


def _allowed(error: Any) -> str:
    hints = {
        "reason": "a reason of at least 10 characters is required",
        "expires": "an expiry date (YYYY-MM-DD) is required",
        "owner": "an owner (team or person) is required",
        "stacks": "a non-empty list of stack names is required",
        "rule": "a rule id like aws-kms-key-rotation is required",
        "resource": "a URN or a glob over URNs is required",
    }
    field = str(error["loc"][-1])
    if error["type"] == "extra_forbidden":
        return f"unknown key; allowed: {', '.join(Exemption.model_fields)}"
    return f"{error['msg']} ({hints.get(field, 'see policies/exemptions.yaml header')})"
