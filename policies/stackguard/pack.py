"""The CrossGuard analyzer behind `policies/pack`: one Pulumi policy per Rego rule, decided by OPA.

The Pulumi SDK's servicer runs each policy's own validate function, which would mean one OPA
query per rule per resource. This subclass keeps the SDK's Configure, GetAnalyzerInfo and
enforcement-level handling and replaces only Analyze and AnalyzeStack: one query per resource,
one per stack, then one diagnostic per finding under the policy named after the finding's rule.
"""
from __future__ import annotations

import atexit
import os
import signal
import sys
from concurrent import futures
from typing import Optional

import grpc
from pulumi.runtime import proto
from pulumi.runtime.proto import analyzer_pb2_grpc
from pulumi_policy import (
    EnforcementLevel,
    PolicyComplianceFramework,
    PolicyConfigSchema,
    ResourceValidationPolicy,
    Severity,
    StackValidationPolicy,
)
from pulumi_policy.policy import _GRPC_CHANNEL_OPTIONS, _PolicyAnalyzerServicer

from . import catalog, exemptions as exemptions_module, rego_input
from .catalog import Rule
from .engine import EngineError, EngineSettings, PolicyEngine, RawFinding
from .exemptions import Exemptions

PACK_NAME = "stackguard"
PACK_VERSION = "0.1.0"
ENGINE_FAILURE = "the policy engine could not decide"


def exempted_prefix(exemption) -> str:
    return f"[exempted until {exemption.expires.isoformat()}, owner {exemption.owner}: {exemption.reason}] "


def _batched(_args, _report_violation) -> None:
    # The SDK insists on a validate callback per policy; stackguard evaluates all rules of a
    # resource in one OPA query inside StackguardAnalyzer, so reaching this is a wiring bug.
    raise RuntimeError("stackguard policies are evaluated by StackguardAnalyzer, not one by one")


def policy_for(rule: Rule):
    """The Pulumi policy that publishes a rule: name = rule id, metadata from its annotations."""
    kind = ResourceValidationPolicy if rule.kind == "resource" else StackValidationPolicy
    framework_name, controls = next(iter(rule.compliance.items()), (None, []))
    return kind(
        name=rule.id,
        description=rule.title,
        validate=_batched,
        display_name=rule.title,
        severity=Severity(rule.severity),
        remediation_steps=rule.remediation,
        framework=PolicyComplianceFramework(name=framework_name, reference=", ".join(controls)) if framework_name else None,
        tags=[rule.concern, *(f"{fw}:{c}" for fw, cs in rule.compliance.items() for c in cs)],
        config_schema=PolicyConfigSchema(properties=rule.config) if rule.config else None,
    )


class StackguardAnalyzer(_PolicyAnalyzerServicer):
    def __init__(self, rules: tuple[Rule, ...], engine: Optional[PolicyEngine], exemptions: Exemptions,
                 engine_problem: str = ""):
        self._policies = {rule.id: policy_for(rule) for rule in rules}
        self._configurable = [rule.id for rule in rules if rule.config]
        super().__init__(
            PACK_NAME, PACK_VERSION, list(self._policies.values()), EnforcementLevel.MANDATORY,
            description="Secure API integrations on AWS: HTTPS, encryption, least-privilege IAM, logging, auth, network.",
            display_name="stackguard", provider="aws", tags=["aws", "security"],
        )
        self._engine = engine
        self._engine_problem = engine_problem
        self._exemptions = exemptions

    def Analyze(self, request, _context):
        response = proto.AnalyzeResponse()
        try:
            findings = self._require_engine().resource_findings(rego_input.resource(request, self._rule_config()))
        except EngineError as err:
            self._fail_closed(response, ResourceValidationPolicy, request.urn, str(err))
            return response
        for finding in findings:
            self._report(response, finding.rule, finding.message, request.urn)
        return response

    def AnalyzeStack(self, request, _context):
        response = proto.AnalyzeResponse()
        resources = [rego_input.stack_resource(r) for r in request.resources]
        try:
            findings = self._require_engine().stack_findings(resources, self._rule_config())
        except EngineError as err:
            self._fail_closed(response, StackValidationPolicy, "", str(err))
            return response
        for finding in findings:
            self._report(response, finding.rule, finding.message, finding.urn or "")
        return response

    def _require_engine(self) -> PolicyEngine:
        if self._engine is None:
            raise EngineError(self._engine_problem)
        return self._engine

    def _rule_config(self) -> dict:
        return {rule_id: config for rule_id in self._configurable if (config := self._get_policy_config(rule_id))}

    def _report(self, response, rule_id: str, message: str, urn: str) -> None:
        policy = self._policies[rule_id]
        level = self._get_enforcement_level(policy)
        if level == EnforcementLevel.DISABLED:
            return
        if level == EnforcementLevel.REMEDIATE:
            level = EnforcementLevel.MANDATORY
        exemption = self._exemptions.match(rule_id, urn) if urn else None
        if exemption:
            level, message = EnforcementLevel.ADVISORY, exempted_prefix(exemption) + message
        self._create_report_violation(response, policy.name, policy.description, level, policy.severity)(message, urn)

    def _fail_closed(self, response, kind, urn: str, reason: str) -> None:
        # Every policy that would have run reports a mandatory violation, whatever its configured
        # level: a deployment nobody could check must not go ahead.
        message = f"stackguard: {ENGINE_FAILURE} ({reason}); the deployment is blocked until it answers."
        for policy in self._policies.values():
            if isinstance(policy, kind) and self._get_enforcement_level(policy) != EnforcementLevel.DISABLED:
                self._create_report_violation(
                    response, policy.name, policy.description, EnforcementLevel.MANDATORY, policy.severity
                )(message, urn)


def serve() -> None:
    """Start the analyzer the way pulumi_policy.PolicyPack does: print the port, serve until stopped."""
    from .opa_server import OpaServer  # only the pack process starts a private OPA

    rules = catalog.load()
    exemptions = exemptions_module.load(known_rules={r.id for r in rules})
    engine, problem, server_process = None, "", None
    try:
        if "STACKGUARD_OPA_URL" not in os.environ:
            server_process = OpaServer().start()
            atexit.register(server_process.stop)
        engine = PolicyEngine(EngineSettings.from_env(server_process.url if server_process else None), {r.id for r in rules})
    except EngineError as err:
        problem = str(err)
    except Exception as err:  # noqa: BLE001 - any start-up failure must fail closed, not crash the deploy
        problem = f"{type(err).__name__}: {err}"

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4), options=_GRPC_CHANNEL_OPTIONS)
    analyzer_pb2_grpc.add_AnalyzerServicer_to_server(StackguardAnalyzer(rules, engine, exemptions, problem), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    sys.stdout.buffer.write(f"{port}\n".encode())
    sys.stdout.flush()

    def _stop(*_):
        server.stop(0)
        sys.exit(0)

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    server.wait_for_termination()
