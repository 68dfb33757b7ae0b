"""The decision core: the only place that turns the engine's answers into findings.

It knows the catalog (titles, severities), the profile's levels, the exemptions and what an engine
failure means. The CLI (`check`, `preflight`) and the CrossGuard pack both call it in-process and
only translate its result (a Report, or Pulumi diagnostics); nothing downstream re-decides.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional

from .acknowledgements import Acknowledgement, AcknowledgementIndex
from .catalog import Rule
from .errors import EngineError
from .exemptions import Exemptions
from .model import Finding, Report, SourceLocation, StackResource, Summary
from .profiles import Profile
from .vocabulary import SEVERITY_ORDER

if TYPE_CHECKING:  # the engine client (and its HTTP stack) loads only where a run queries OPA
    from .engine import RawFinding

ENGINE_FAILURE = "the policy engine could not decide"


# What changes between two runs without the problem changing: positions (`statement #2`, `ingress
# #0`, as every rule writes them) and long hex strings with a letter (hashes, preview sentinels,
# generated ids). Every other number defines the problem and stays: an account id, a port, a CIDR,
# a number of days (a baseline for partner account 111122223333 must not cover 666666666666).
_VOLATILE = re.compile(r"#\d+|\b(?=[0-9a-f-]*[a-f])[0-9a-f]{8,}(?:-[0-9a-f]{4,})*\b", re.IGNORECASE)


def fingerprint(rule: str, urn: str, message: str) -> str:
    """sha256 of rule, URN and what is wrong: stable across line moves and reordered statements."""
    what = " ".join(_VOLATILE.sub("#", message).lower().split())
    return hashlib.sha256(f"{rule}\n{urn}\n{what}".encode()).hexdigest()


def engine_failure_message(reason: str) -> str:
    """What a blocked run says, in the pack's diagnostics and on the CLI's stderr alike."""
    return f"stackguard: {ENGINE_FAILURE} ({reason.rstrip('.')}); nothing was checked, so nothing passes."


def unpreviewed_message() -> str:
    """What the pack says in an update when no passing preview judged a resource with the stack-level policies."""
    return ("stackguard: no passing preview of this stack judged this resource with the stack-level policies, which "
            "Pulumi runs in an update only after every resource was created (pulumi up --skip-preview?); nothing is "
            "created unjudged: run `pulumi preview` or `pulumi up` without --skip-preview, with the same policy pack "
            "and config, first.")


def exemption_note(exemption: dict[str, str]) -> str:
    """How the pack shows an exempted finding to a `pulumi up` user."""
    return f"[exempted until {exemption['expires']}, owner {exemption['owner']}: {exemption['reason']}] "


def acknowledgement_note(acknowledged: dict[str, str]) -> str:
    """How the pack shows a component's acknowledged opt-out to a `pulumi up` user."""
    verdict = "accepted" if acknowledged.get("accepted") == "true" else "refused by the profile"
    owner = f", owner {acknowledged['owner']}" if acknowledged.get("owner") else ""
    option = f" ({acknowledged['option']})" if acknowledged.get("option") else ""
    return f"[acknowledged risk{option}, {verdict}{owner}: {acknowledged['reason']}] "


@dataclass(frozen=True)
class ResourceRef:
    """What a finding needs to know of the resource it is about."""

    urn: str
    type: str
    name: str
    source: Optional[SourceLocation] = None

    @classmethod
    def of(cls, resource: StackResource) -> "ResourceRef":
        return cls(resource.urn, resource.type, resource.name, resource.source)


class Decider:
    def __init__(self, rules: Iterable[Rule], profile: Profile, exemptions: Exemptions):
        self.catalog = {r.id: r for r in rules}
        self.profile = profile
        self.exemptions = exemptions

    def finding(self, raw: RawFinding, resource: ResourceRef, acknowledgement: Acknowledgement | None = None) -> Finding | None:
        """The finding for one engine answer, or None when the profile disables its rule."""
        rule = self.catalog.get(raw.rule)
        if rule is None:
            raise EngineError(f"the engine reported rule {raw.rule!r}, which the catalog does not know")
        level = self.profile.effective_level(rule.id)
        if level == "disabled":
            return None
        exemption = self.exemptions.match(rule.id, resource.urn)
        return Finding(
            rule=rule.id, title=rule.title, severity=rule.severity, concern=rule.concern,
            enforcement=level, exempted=exemption is not None, urn=resource.urn, type=resource.type,
            name=resource.name, message=raw.message, remediation=rule.remediation, source=resource.source,
            description=rule.description, compliance=rule.compliance or None,
            fingerprint=fingerprint(rule.id, resource.urn, raw.message),
            exemption={"reason": exemption.reason, "owner": exemption.owner, "expires": exemption.expires.isoformat()} if exemption else None,
            acknowledged=self._acknowledged(acknowledgement) if acknowledgement else None,
        )

    def _acknowledged(self, acknowledgement: Acknowledgement) -> dict[str, str]:
        accepted = self.profile.accepts_acknowledged(acknowledgement.rule)
        fields = {"reason": acknowledgement.reason, "declared_by": acknowledgement.declared_by,
                  "option": acknowledgement.option, "owner": acknowledgement.owner, "accepted": str(accepted).lower()}
        return {k: v for k, v in fields.items() if v}

    def stack_findings(self, raws: Iterable[RawFinding], resources: Iterable[ResourceRef],
                       acknowledgements: AcknowledgementIndex) -> list[Finding]:
        """Findings for a whole stack; an answer about a resource that is not in it is an engine failure."""
        by_urn = {r.urn: r for r in resources}
        findings = []
        for raw in raws:
            if raw.urn not in by_urn:
                raise EngineError(f"the engine reported {raw.rule} for {raw.urn!r}, which is not a resource of the stack")
            ref = by_urn[raw.urn]
            finding = self.finding(raw, ref, acknowledgements.find(raw.rule, ref.urn, ref.name))
            if finding is not None:
                findings.append(finding)
        return findings

    def report(self, stack: str, resources: int, findings: list[Finding]) -> Report:
        order = {"mandatory": 0, "advisory": 1, "acknowledged": 2, "baselined": 3, "exempted": 4}
        findings = sorted(findings, key=lambda f: (order[f.status], SEVERITY_ORDER[f.severity], f.rule, f.urn))
        empty = Summary(resources=resources, findings=0, mandatory=0, advisory=0, exempted=0)
        return Report(stack=stack, profile=self.profile.name, summary=empty, findings=[]).with_findings(findings)
