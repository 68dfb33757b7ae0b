"""The decision core: the only place that turns the engine's answers into findings.

It knows the catalog (titles, severities), the profile's levels, the exemptions and what an engine
failure means. The CLI (`check`, `preflight`) and the CrossGuard pack both call it in-process and
only translate its result (a Report, or Pulumi diagnostics); nothing downstream re-decides.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Literal, Optional

from . import exemption_review
from .acknowledgements import Acknowledgement, AcknowledgementIndex
from .catalog import Rule
from .errors import EngineError
from .exemptions import BreakGlass, Exemption, Exemptions, stack_of
from .model import Finding, Notice, Report, SourceLocation, StackResource, Summary
from .profiles import Profile
from .vocabulary import SEVERITY_ORDER

if TYPE_CHECKING:  # the engine client (and its HTTP stack) loads only where a run queries OPA
    from .engine import RawFinding

ENGINE_FAILURE = "the policy engine could not decide"
# Rules about values a preview cannot know yet. At `pulumi up` the pack sees each resource again
# with its values known and judges them then, so there (judged_again_later) their findings are
# advisory: a mandatory one would refuse the update before its values could be judged.
JUDGED_AGAIN_AT_UPDATE = frozenset({"aws-pulumi-unknown-value"})


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
    """How the pack shows an exempted (or refused) exemption to a `pulumi up` user."""
    if exemption.get("break_glass"):
        return f"[BREAK-GLASS until {exemption['expires']}, owner {exemption['owner']}: {exemption['reason']}] "
    if exemption.get("refused"):
        return f"[exemption refused ({exemption['refused']}), owner {exemption['owner']}: {exemption['reason']}] "
    return f"[exempted until {exemption['expires']}, owner {exemption['owner']}: {exemption['reason']}] "


def _break_glass_fields(emergency: BreakGlass) -> dict[str, str]:
    return {"reason": emergency.reason, "owner": emergency.owner, "expires": emergency.expires.isoformat(), "break_glass": "true"}


def _exemption_fields(exemption: Exemption, refused: str) -> dict[str, str]:
    fields = {"reason": exemption.reason, "owner": exemption.owner, "expires": exemption.expires.isoformat()}
    return {**fields, "refused": refused} if refused else fields


def acknowledgement_note(acknowledged: dict[str, str]) -> str:
    """How the pack shows a component's acknowledged opt-out to a `pulumi up` user."""
    verdict = "accepted" if acknowledged.get("accepted") == "true" else f"refused: {acknowledged.get('refused', 'by the profile')}"
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
    def __init__(self, rules: Iterable[Rule], profile: Profile, exemptions: Exemptions, today: dt.date | None = None,
                 judged_again_later: bool = False, now: dt.datetime | None = None):
        self.catalog = {r.id: r for r in rules}
        self.profile = profile
        self.exemptions = exemptions
        self.today = today or dt.date.today()
        self.now = now or dt.datetime.now(dt.timezone.utc)
        # The exemptions that matched a finding so far (by position): the others are stale. The pack
        # sees a stack's resources one call at a time, so the decider remembers across calls.
        self.matched: set[int] = set()
        # The pack: the resources it judges in a preview are judged again, values known, at `pulumi up`.
        self.judged_again_later = judged_again_later

    def finding(self, raw: RawFinding, resource: ResourceRef, acknowledgement: Acknowledgement | None = None) -> Finding | None:
        """The finding for one engine answer, or None when the profile disables its rule."""
        rule = self.catalog.get(raw.rule)
        if rule is None:
            raise EngineError(f"the engine reported rule {raw.rule!r}, which the catalog does not know")
        level = self.profile.effective_level(rule.id)
        if level == "disabled":
            return None
        if self.judged_again_later and rule.id in JUDGED_AGAIN_AT_UPDATE:
            level = "advisory"
        exemption = self.exemptions.match(rule.id, resource.urn)
        refused = ""
        if exemption is not None:
            self.matched.add(exemption.index)
            refused = exemption_review.refusal(exemption, self.profile, self.today)
        finding = Finding(
            rule=rule.id, title=rule.title, severity=rule.severity, concern=rule.concern,
            enforcement=level, exempted=exemption is not None and not refused, urn=resource.urn, type=resource.type,
            name=resource.name, message=raw.message, remediation=rule.remediation, source=resource.source,
            description=rule.description, compliance=rule.compliance or None,
            fingerprint=fingerprint(rule.id, resource.urn, raw.message),
            exemption=_exemption_fields(exemption, refused) if exemption else None,
            acknowledged=self._acknowledged(acknowledgement) if acknowledgement else None,
        )
        return self._broken_glass(finding)

    def _broken_glass(self, finding: Finding) -> Finding:
        """A finding that would block, let through by the stack's active break-glass: never one of a
        non-negotiable rule (those block through any emergency), and always marked as let through."""
        emergency = self.exemptions.break_glass_for(stack_of(finding.urn), self.now)
        if emergency is None or finding.status != "mandatory" or self.profile.non_negotiable(finding.rule):
            return finding
        return finding.model_copy(update={"exempted": True, "exemption": _break_glass_fields(emergency)})

    def _acknowledgement_refusal(self, ack: Acknowledgement) -> str:
        """Why the profile does not let this acknowledgement pass its finding ("" when it does)."""
        profile, governance = self.profile, self.profile.governance
        if ack.channel == "tag" and not profile.accepts_acknowledgement_tag(ack.rule):
            return ("a tag on the resource is not an acknowledgement: only a trusted component's declaration counts "
                    f"(profile {profile.name} does not accept tags for {ack.rule})")
        if ack.channel == "component" and not governance.trusts(ack.component_type):
            return f"declared by {ack.component_type or 'a resource'}, which is not a trusted component library"
        if profile.non_negotiable(ack.rule):
            return f"{ack.rule} is non-negotiable in profile {profile.name}"
        if governance.acknowledgement_owner == "required" and not ack.owner:
            return f"no owner: profile {profile.name} requires one"
        if not profile.accepts_acknowledged(ack.rule):
            return f"profile {profile.name} refuses acknowledged risk for {ack.rule}"
        return ""

    def _acknowledged(self, acknowledgement: Acknowledgement) -> dict[str, str]:
        refused = self._acknowledgement_refusal(acknowledgement)
        fields = {"reason": acknowledgement.reason, "declared_by": acknowledgement.declared_by,
                  "option": acknowledgement.option, "owner": acknowledgement.owner,
                  "accepted": str(not refused).lower(), "refused": refused}
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

    def notices(self, urns: list[str]) -> list[Notice]:
        """What is wrong with the exemptions for the stacks of these URNs, once all their findings are decided."""
        stacks = {stack_of(urn) for urn in urns}
        notices = exemption_review.review(self.exemptions, self.profile, self.today, stacks, urns, self.matched)
        broken = {stack: e for stack in stacks if (e := self.exemptions.break_glass_for(stack, self.now))}
        if not broken:
            return notices
        # Under a break-glass an expired entry no longer stops the deploy, but it is still listed.
        notices = [n.model_copy(update={"level": "warning"}) if n.kind == "expired" else n for n in notices]
        return [*(self._break_glass_notice(stack, emergency) for stack, emergency in sorted(broken.items())), *notices]

    def _break_glass_notice(self, stack: str, emergency: BreakGlass) -> Notice:
        firm = sorted(self.profile.non_negotiable_rules())
        return Notice(kind="break-glass", level="warning", file=self.exemptions.source, key=emergency.key, message=(
            f"BREAK-GLASS on stack {stack} until {emergency.expires.isoformat()}, owner {emergency.owner}: {emergency.reason}. "
            f"Mandatory findings do not block"
            + (f", except those of the non-negotiable rules ({', '.join(firm)})" if firm else "")
            + "; expired exemptions are listed, not enforced. Remove the entry once the emergency is over."))

    def uninspected(self, stack: str, components: Iterable[ResourceRef]) -> list[Notice]:
        """A notice per multi-language component whose children the run could not inspect: an error that
        blocks the run under `uninspected: fail` (nothing under it was checked, so it cannot pass), a
        warning under `warn`. Each names the component and the run that does inspect its children."""
        governance = self.profile.governance
        level: Literal["error", "warning"] = "error" if governance.uninspected == "fail" else "warning"
        return [Notice(
            kind="uninspected", level=level, file=c.source.file if c.source else "(program)",
            key=f"line {c.source.line}" if c.source else c.urn, resource=c.urn,
            message=(f"{c.type} {c.name!r} is a multi-language component: preflight does not run its provider, so the "
                     f"resources it creates were not inspected by any rule (profile {self.profile.name}: uninspected: "
                     f"{governance.uninspected}). Gate them on a real preview, where the engine expands the component: "
                     f"`pulumi preview --stack {stack} --json --show-sames > preview.json` then "
                     f"`stackguard check preview.json --profile {self.profile.name}`."),
        ) for c in components]

    def report(self, stack: str, resources: int, findings: list[Finding], notices: list[Notice] | None = None) -> Report:
        order = {"mandatory": 0, "advisory": 1, "acknowledged": 2, "baselined": 3, "exempted": 4}
        findings = sorted(findings, key=lambda f: (order[f.status], SEVERITY_ORDER[f.severity], f.rule, f.urn))
        empty = Summary(resources=resources, findings=0, mandatory=0, advisory=0, exempted=0)
        report = Report(stack=stack, profile=self.profile.name, summary=empty, findings=[], notices=notices or None)
        return report.with_findings(findings)
