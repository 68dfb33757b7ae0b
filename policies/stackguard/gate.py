"""The gate shared by `check` and `preflight`: resources in, the policy pack's verdict out, as a Report."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from pulumi.runtime import proto

from .catalog import Rule
from .errors import EngineError
from .exemptions import Exemptions
from .model import Finding, Report, StackResource, Summary
from .pack import ENGINE_FAILURE, exempted_prefix
from .pack_client import PackProcess
from .profiles import Profile


@dataclass
class Stack:
    name: str
    resources: list[StackResource]


def _message(diagnostic: proto.AnalyzeDiagnostic) -> str:
    # The SDK prefixes every violation with the policy description on its own line.
    prefix = diagnostic.description + "\n"
    text = diagnostic.message
    return text[len(prefix):] if text.startswith(prefix) else text


def _engine_failure(diagnostics: list[proto.AnalyzeDiagnostic]) -> None:
    for diagnostic in diagnostics:
        if ENGINE_FAILURE in diagnostic.message:
            raise EngineError(_message(diagnostic).removeprefix("stackguard: "))


def evaluate(
    pack: PackProcess,
    stacks: list[Stack],
    rules: tuple[Rule, ...],
    profile: Profile,
    exemptions: Exemptions,
    progress: Callable[[str], None] = lambda _message: None,
) -> Report:
    """Run every resource of every stack through a connected pack; raise EngineError when it could not decide."""
    catalog = {r.id: r for r in rules}
    findings: list[Finding] = []
    missing = set(catalog) - {p.name for p in pack.info().policies}
    if missing:
        raise EngineError(f"the policy pack does not publish {', '.join(sorted(missing))}")
    pack.configure(profile.policy_config(rules))
    for stack in stacks:
        by_urn = {r.urn: r for r in stack.resources}
        progress(f"analyzing {len(stack.resources)} resources of stack {stack.name}")
        per_resource = pack.analyze_many(stack.resources)
        stack_diagnostics = pack.analyze_stack(stack.resources)
        pairs = [(d, r.urn) for r, ds in zip(stack.resources, per_resource) for d in ds]
        pairs += [(d, d.urn) for d in stack_diagnostics]
        _engine_failure([d for d, _ in pairs])
        for diagnostic, urn in pairs:
            findings.append(_finding(diagnostic, by_urn.get(urn), urn, catalog, profile, exemptions))
    return _report(stacks, profile, findings)


def _finding(diagnostic, resource: StackResource | None, urn: str, catalog: dict[str, Rule],
             profile: Profile, exemptions: Exemptions) -> Finding:
    rule = catalog[diagnostic.policyName]
    exemption = exemptions.match(rule.id, urn)
    message = _message(diagnostic)
    if exemption:
        message = message.removeprefix(exempted_prefix(exemption))
    return Finding(
        rule=rule.id, title=rule.title, severity=rule.severity, concern=rule.concern,
        enforcement=profile.effective_level(rule.id), exempted=exemption is not None,
        urn=urn, type=resource.type if resource else urn.split("::")[-2].split("$")[-1],
        name=resource.name if resource else urn.rsplit("::", 1)[-1], message=message,
        remediation=rule.remediation, source=resource.source if resource else None,
        exemption={"reason": exemption.reason, "owner": exemption.owner, "expires": exemption.expires.isoformat()} if exemption else None,
    )


_SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}


def _report(stacks: list[Stack], profile: Profile, findings: list[Finding]) -> Report:
    findings.sort(key=lambda f: (f.exempted, f.enforcement != "mandatory", _SEVERITY_ORDER[f.severity], f.rule, f.urn))
    unexempted = [f for f in findings if not f.exempted]
    return Report(
        stack=", ".join(dict.fromkeys(s.name for s in stacks)),
        profile=profile.name,
        summary=Summary(
            resources=sum(len(s.resources) for s in stacks),
            findings=len(findings),
            mandatory=sum(f.enforcement == "mandatory" for f in unexempted),
            advisory=sum(f.enforcement == "advisory" for f in unexempted),
            exempted=len(findings) - len(unexempted),
        ),
        findings=findings,
    )
