"""What `stackguard scan` reads from the `scan:` section of stackguard.yaml.

    scan:
      stacks:                       # first match wins; `match` is a glob over <project>/<stack>
        - match: "payments/prod*"
          profile: prod             # a built-in profile or a path (relative to stackguard.yaml)
          exemptions: policy/payments-exemptions.yaml   # optional; default: the file's `exemptions`
          baseline: policy/payments-prod.baseline.json  # optional: `check --create-baseline`'s file; its findings do not count
      sla:                          # days an unexempted finding may stay open, per profile, per severity
        default: {critical: 7, high: 30, medium: 90, low: 180}
        prod: {critical: 3, high: 14}
      alerts:                       # webhooks, each for new findings at or above a severity, and for failed scans
        - url: https://hooks.slack.com/services/...
          format: slack
          min_severity: high
        - url: https://siem.example.com/stackguard
          format: json              # a generic JSON body, signed: X-Stackguard-Signature: sha256=<HMAC-SHA256>
          min_severity: medium
          secret_env: STACKGUARD_ALERT_SECRET   # the HMAC key, from the environment, never in the file
      security_hub:                 # where the ASFF findings belong
        account_id: "123456789012"
        region: eu-west-1

A stack no `stacks` entry matches gets the profile `check` would give it (stackguard.yaml's
`profiles` entry for its stack name, else `default_profile`, else the built-in profile named like the
stack, else prod).
"""
from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Literal, Optional, cast
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .. import profiles
from ..errors import InputError
from ..project_config import FILE_NAME, ProjectConfig
from ..vocabulary import SEVERITY_RANK, Severity

SeverityName = Severity


class StackMapping(BaseModel):
    model_config = ConfigDict(extra="forbid")

    match: str = Field(min_length=1, description="a glob over <project>/<stack>")
    profile: str = Field(min_length=1)
    exemptions: Optional[str] = None
    baseline: Optional[str] = None  # a file written by `check --create-baseline`, relative to stackguard.yaml


class Alert(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str
    format: Literal["slack", "json"]
    min_severity: SeverityName = "high"
    secret_env: Optional[str] = None

    @field_validator("url")
    @classmethod
    def _http(cls, value: str) -> str:
        parsed = urlparse(value)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError("must be an http(s) URL")
        return value

    @property
    def where(self) -> str:
        """The webhook without its path: a Slack webhook's path is its credential, so it is never printed."""
        parsed = urlparse(self.url)
        return f"{parsed.scheme}://{parsed.netloc}"


class SecurityHub(BaseModel):
    model_config = ConfigDict(extra="forbid")

    account_id: str = Field(pattern=r"^\d{12}$")
    region: str = Field(pattern=r"^[a-z]{2}(-[a-z]+)+-\d$")


class ScanSection(BaseModel):
    model_config = ConfigDict(extra="forbid")

    stacks: list[StackMapping] = Field(default_factory=list)
    sla: dict[str, dict[SeverityName, int]] = Field(default_factory=dict)
    alerts: list[Alert] = Field(default_factory=list)
    security_hub: Optional[SecurityHub] = None


class StackPolicy(BaseModel):
    """How one stack is judged: the profile (as the configuration names it), the exemptions file, the SLA."""

    profile: str
    exemptions: Path
    sla: dict[str, int]
    baseline: Optional[Path] = None


class ScanSettings:
    def __init__(self, config: ProjectConfig, section: ScanSection):
        self.config = config
        self.section = section
        for index, alert in enumerate(section.alerts):
            if alert.format == "json" and not alert.secret_env:
                raise InputError(self.source, f"scan.alerts[{index}].secret_env",
                                 "a json webhook is signed: name the environment variable that holds its HMAC key")
        for name, days in section.sla.items():
            for severity, value in days.items():
                if value < 0:
                    raise InputError(self.source, f"scan.sla.{name}.{severity}", "must be a number of days, 0 or more")

    @property
    def source(self) -> str:
        return str(self.config.file or FILE_NAME)

    def policy(self, project: str, stack: str) -> StackPolicy:
        key = f"{project}/{stack}"
        entry = next((e for e in self.section.stacks if fnmatch.fnmatchcase(key, e.match)), None)
        if entry is not None:
            profile = self.config.resolve_profile(entry.profile)
            exemptions = (self.config.base / entry.exemptions).resolve() if entry.exemptions else Path(self.config.exemptions)
            if entry.baseline:
                return StackPolicy(profile=profile, exemptions=exemptions, sla=self._sla(profile), baseline=(self.config.base / entry.baseline).resolve())
        else:
            builtin = stack if stack in profiles.available() else "prod"
            profile = self.config.profile(None, stack, fallback=builtin)
            exemptions = Path(self.config.exemptions)
        return StackPolicy(profile=profile, exemptions=exemptions, sla=self._sla(profile))

    def _sla(self, profile: str) -> dict[str, int]:
        """The profile's SLA over the default one; severities neither names have none."""
        own = next((days for name, days in self.section.sla.items() if name != "default" and self.config.resolve_profile(name) == profile), {})
        return {str(severity): days for severity, days in {**self.section.sla.get("default", {}), **own}.items()}

    def alerts(self) -> list[Alert]:
        return list(self.section.alerts)


def load(config: ProjectConfig) -> ScanSettings:
    try:
        section = ScanSection.model_validate(config.scan_section)
    except ValidationError as err:
        first = err.errors()[0]
        # pydantic marks a bad mapping key with a "[key]" step after it.
        key = ".".join(["scan", *(f"[{p}]" if isinstance(p, int) else str(p) for p in first["loc"] if p != "[key]")]).replace(".[", "[")
        raise InputError(str(config.file or FILE_NAME), key, f"{first['msg']} (see `stackguard scan --help` and docs/scan.md)") from None
    return ScanSettings(config, section)


def severity_at_least(severity: str, floor: str) -> bool:
    return SEVERITY_RANK[cast(Severity, severity)] >= SEVERITY_RANK[cast(Severity, floor)]
