"""The CrossGuard pack behind `policies/pack`: the Pulumi CLI's Analyzer service, translating to and
from the decision core. Runs in the pack process the Pulumi CLI starts (`python -u -m pulumi.policy`).

It implements the generated Analyzer service itself (no private pulumi_policy members): one
policy per Rego rule in GetAnalyzerInfo, the profile from Configure, then one OPA query per
Analyze (per resource) and per AnalyzeStack; the findings come from `decision.Decider` and leave
as Pulumi diagnostics. An engine that cannot answer blocks: every policy reports a mandatory
violation with the reason.
"""
from __future__ import annotations

import hashlib
import signal
import sys
from concurrent import futures
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import grpc
from google.protobuf import empty_pb2, json_format
from pulumi.runtime import proto
from pulumi.runtime.proto import analyzer_pb2_grpc

from . import __version__, catalog, exemptions as exemptions_module, preview_receipts, rego_input
from .catalog import Rule
from .acknowledgements import AcknowledgementIndex
from .decision import Decider, ResourceRef, acknowledgement_note, engine_failure_message, exemption_note, unpreviewed_message
from .engine import EngineError, PolicyEngine
from .exemptions import Exemptions
from .gate import EngineSession
from .model import Finding
from .errors import InputError
from .profiles import GOVERNANCE_PARAMETERS, Profile, from_policy_config



@dataclass(frozen=True)
class PackIdentity:
    """The name and version the pack publishes under: stackguard's own, or a team's exported pack's
    (stackguard.yaml `pack:`), so two teams' packs never collide and each export can be republished."""

    name: str = "stackguard"
    version: str = __version__


MAX_MESSAGE_BYTES = 400 * 1024 * 1024
_LEVEL_TO_PROTO = {"advisory": proto.ADVISORY, "mandatory": proto.MANDATORY, "remediate": proto.REMEDIATE, "disabled": proto.DISABLED}
_PROTO_TO_LEVEL = {v: k for k, v in _LEVEL_TO_PROTO.items()}


def _severity(severity: str) -> proto.PolicySeverity.ValueType:
    return proto.PolicySeverity.Value(f"POLICY_SEVERITY_{severity.upper()}")


def policy_info(rule: Rule) -> proto.PolicyInfo:
    """How a rule is published to the Pulumi CLI and service: name = rule id, metadata from its annotations."""
    info = proto.PolicyInfo(
        name=rule.id, displayName=rule.title, description=rule.title, enforcementLevel=proto.MANDATORY,
        severity=_severity(rule.severity), remediation_steps=rule.remediation,
        policy_type=proto.PolicyType.Value("POLICY_TYPE_RESOURCE" if rule.kind == "resource" else "POLICY_TYPE_STACK"),
        tags=[rule.concern, *(f"{fw}:{c}" for fw, cs in rule.compliance.items() for c in cs)],
    )
    if rule.compliance:
        framework, controls = next(iter(rule.compliance.items()))
        info.framework.name, info.framework.reference = framework, ", ".join(controls)
    info.configSchema.properties.update({**rule.config, **GOVERNANCE_PARAMETERS})
    return info


class StackguardAnalyzer(analyzer_pb2_grpc.AnalyzerServicer):
    def __init__(self, rules: tuple[Rule, ...], engine: Optional[PolicyEngine], exemptions: Exemptions,
                 engine_problem: str = "", identity: PackIdentity = PackIdentity()):
        self._rules = rules
        self._identity = identity
        self._engine = engine
        self._engine_problem = engine_problem
        self._exemptions = exemptions
        self._decider = Decider(rules, Profile.pack_default(), exemptions, judged_again_later=True)
        # The engine analyses a component (with its inputs, where it declares its opt-outs) before its
        # children, so what it acknowledges is known when a child arrives, and at AnalyzeStack.
        self._acknowledgements = AcknowledgementIndex()
        # What ConfigureStack says: which stack, and whether this is a preview (dry run) or an update.
        self._stack: Optional[preview_receipts.StackIdentity] = None
        self._dry_run = True
        self._context = self._context_of(b"")
        self._vouched: Optional[frozenset[str]] = None

    def _context_of(self, configuration: bytes) -> str:
        """The profile and rules a verdict was reached under: a preview vouches only for the same."""
        rule_ids = "\0".join(rule.id for rule in self._rules).encode()
        return hashlib.sha256(configuration + b"\0" + rule_ids).hexdigest()

    def GetAnalyzerInfo(self, _request, _context):
        return proto.AnalyzerInfo(
            name=self._identity.name, version=self._identity.version, supportsConfig=True, displayName=self._identity.name, provider="aws",
            description="Secure API integrations on AWS: HTTPS, encryption, least-privilege IAM, logging, auth, network.",
            tags=["aws", "security"], policies=[policy_info(rule) for rule in self._rules],
        )

    def GetPluginInfo(self, _request, _context):
        return proto.PluginInfo(version=self._identity.version)

    def Configure(self, request, context):
        levels = {name: _PROTO_TO_LEVEL[config.enforcementLevel] for name, config in request.policyConfig.items()}
        properties = {name: json_format.MessageToDict(config.properties) for name, config in request.policyConfig.items()}
        try:
            profile = from_policy_config(levels, properties, self._rules)
        except InputError as err:  # a governance the pack cannot read must stop the update, not loosen it
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"stackguard policy pack: {err}")
        self._decider = Decider(self._rules, profile, self._exemptions, judged_again_later=True)
        self._context = self._context_of(request.SerializeToString(deterministic=True))
        self._vouched = None
        return empty_pb2.Empty()

    def ConfigureStack(self, request, _context):
        self._stack = preview_receipts.StackIdentity(request.organization, request.project, request.stack)
        self._dry_run = request.dry_run
        self._vouched = None
        return proto.AnalyzerStackConfigureResponse()

    def Analyze(self, request, _context):
        response = proto.AnalyzeResponse()
        if not self._previewed(request.urn):
            return self._blocked(response, "stack", request.urn, unpreviewed_message())
        try:
            engine = self._require_engine()
            revealed = _revealed(engine)
            document = {**rego_input.resource(request, {}, revealed), "config": self._decider.profile.rule_config()}
            raws = engine.resource_findings(document)
            if revealed:
                raws = revealed.masked(raws)
                document = rego_input.resource(request, {})
            self._acknowledgements.add(document)
            resource = ResourceRef(request.urn, request.type, request.name)
            findings = [self._decider.finding(raw, resource, self._acknowledgements.find(raw.rule, request.urn, request.name))
                        for raw in raws]
        except EngineError as err:
            return self._blocked(response, "resource", request.urn, engine_failure_message(str(err)))
        self._diagnose(response, [f for f in findings if f is not None])
        return response

    def AnalyzeStack(self, request, _context):
        response = proto.AnalyzeResponse()
        try:
            engine = self._require_engine()
            revealed = _revealed(engine)
            documents = [rego_input.stack_resource(r, revealed) for r in request.resources]
            raws = engine.stack_findings(documents, self._decider.profile.rule_config())
            # The stack comes last: no verdict of this deploy may rest on answers of two bundle revisions.
            engine.confirm_bundle()
            if revealed:
                raws = revealed.masked(raws)
                documents = [rego_input.stack_resource(r) for r in request.resources]
            refs = [ResourceRef(r.urn, r.type, r.name) for r in request.resources]
            findings = self._decider.stack_findings(raws, refs, self._acknowledgements.extended(documents))
        except EngineError as err:
            self._record_preview(passed=False, urns=[])
            return self._blocked(response, "stack", "", engine_failure_message(str(err)))
        # The stack comes last: every finding is decided, so the exemptions can be reviewed.
        notices = self._decider.notices([r.urn for r in request.resources])
        passed = not any(f.status == "mandatory" for f in findings) and not any(n.level == "error" for n in notices)
        self._record_preview(passed=passed, urns=[r.urn for r in request.resources])
        self._diagnose(response, findings)
        for notice in notices:
            rule = self._decider.catalog[notice.rule] if notice.rule else None
            if rule is not None:
                level = "mandatory" if notice.level == "error" else "advisory"
                self._append(response, rule.id, rule.title, rule.severity, level, f"[{notice.file}] {notice.message}", "")
        return response

    def _previewed(self, urn: str) -> bool:
        """In an update, whether a passing preview of this stack judged the resource with the stack-level
        policies, which the update itself runs only once every resource exists."""
        if self._dry_run or self._stack is None:
            return True
        if self._vouched is None:
            self._vouched = preview_receipts.vouched(self._stack, self._context)
        return urn in self._vouched

    def _record_preview(self, passed: bool, urns: list[str]) -> None:
        if not self._dry_run or self._stack is None:
            return
        if passed:
            preview_receipts.write(self._stack, self._context, urns)
        else:
            preview_receipts.forget(self._stack)

    def _require_engine(self) -> PolicyEngine:
        if self._engine is None:
            raise EngineError(self._engine_problem)
        return self._engine

    def _diagnose(self, response: proto.AnalyzeResponse, findings: list[Finding]) -> None:
        for finding in findings:
            note = exemption_note(finding.exemption) if finding.exemption else ""
            if finding.acknowledged:
                note += acknowledgement_note(finding.acknowledged)
            level = "advisory" if finding.exempted or finding.accepted_risk else finding.enforcement
            self._append(response, finding.rule, finding.title, finding.severity, level, note + finding.message, finding.urn)

    def _blocked(self, response: proto.AnalyzeResponse, kind: str, urn: str, message: str) -> proto.AnalyzeResponse:
        # Every policy that could not judge reports a mandatory violation, whatever its configured
        # level: a deployment nobody could check must not go ahead.
        for rule in self._rules:
            if rule.kind == kind and self._decider.profile.level(rule.id) != "disabled":
                self._append(response, rule.id, rule.title, rule.severity, "mandatory", message, urn)
        return response

    def _append(self, response, rule_id: str, title: str, severity: str, level: str, message: str, urn: str) -> None:
        # The Pulumi CLI shows `message` under the policy name; the SDK's convention is description, newline, detail.
        response.diagnostics.append(proto.AnalyzeDiagnostic(
            policyName=rule_id, policyPackName=self._identity.name, policyPackVersion=self._identity.version, description=title,
            message=f"{title}\n{message}", urn=urn, enforcementLevel=_LEVEL_TO_PROTO[level], severity=_severity(severity),
        ))


def _revealed(engine: PolicyEngine) -> Optional[rego_input.Revealed]:
    """The Pulumi CLI sends secrets' plaintext to the analyzer: the pack's private OPA judges it (and the
    messages come back masked); a central OPA gets the marker, so the value never leaves the machine."""
    return rego_input.Revealed() if engine.settings.private else None


def serve(extra_rule_dirs: tuple[Path, ...] = (), exemptions_file: Optional[Path] = None,
          identity: PackIdentity = PackIdentity()) -> None:
    """Start the analyzer the way pulumi_policy.PolicyPack does: print the port, serve until stopped."""
    rules = catalog.load(extra_rule_dirs)
    exemptions = exemptions_module.load(exemptions_file, known_rules={r.id for r in rules})
    session = EngineSession(rules, catalog.rule_dirs(extra_rule_dirs)).start()
    engine, problem = None, ""
    try:
        proving = session.engine()
        proving.proven()  # prove before serving: an unproven engine never answers Pulumi
        engine = proving
    except EngineError as err:
        problem = str(err)
    except Exception as err:  # noqa: BLE001 - any start-up failure must fail closed, not crash the deploy
        problem = f"{type(err).__name__}: {err}"

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), options=[("grpc.max_receive_message_length", MAX_MESSAGE_BYTES)])
    analyzer_pb2_grpc.add_AnalyzerServicer_to_server(StackguardAnalyzer(rules, engine, exemptions, problem, identity), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    sys.stdout.buffer.write(f"{port}\n".encode())
    sys.stdout.flush()

    def _stop(*_):
        server.stop(0)
        session.close()
        sys.exit(0)

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, _stop)
    try:
        server.wait_for_termination()
    finally:
        session.close()
