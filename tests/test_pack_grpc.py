"""The policy pack started exactly as the Pulumi CLI starts it, driven over its gRPC Analyzer service."""
from __future__ import annotations

import json

import pytest
from google.protobuf import empty_pb2
from pulumi.runtime import proto

from tests.stack_exports import ADMIN_POLICY, resource
from stackguard.model import StackResource
from stackguard.opa_server import free_port
from tests.pack_driver import PackProcess
from stackguard.profiles import parse

pytestmark = pytest.mark.slow
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"


def as_resource(doc: dict) -> StackResource:
    return StackResource(urn=doc["urn"], type=doc["type"], name=doc["urn"].rsplit("::", 1)[-1],
                         properties=doc["inputs"], property_dependencies=doc.get("propertyDependencies", {}))


def key(rotation) -> StackResource:
    return as_resource(resource("aws:kms/key:Key", "data-key", {"enableKeyRotation": rotation}))


def configure(pack, rules, document: dict) -> None:
    pack.configure(parse(document, "test-profile.json", "test", rules).policy_config(rules))


def rules_of(diagnostics) -> set[str]:
    return {d.policyName for d in diagnostics}


def test_analyzer_info_publishes_every_rule_with_metadata(pack, rules):
    info = pack.info()
    published = {p.name: p for p in info.policies}
    assert set(published) == {r.id for r in rules}
    assert info.name == "stackguard" and info.supportsConfig
    for rule in rules:
        policy = published[rule.id]
        assert policy.description == rule.title
        assert policy.remediation_steps == rule.remediation
        assert policy.severity == proto.PolicySeverity.Value(f"POLICY_SEVERITY_{rule.severity.upper()}")
        assert rule.concern in policy.tags
        expected_type = "POLICY_TYPE_RESOURCE" if rule.kind == "resource" else "POLICY_TYPE_STACK"
        assert policy.policy_type == proto.PolicyType.Value(expected_type)
        if rule.compliance:
            assert policy.framework.name == next(iter(rule.compliance))
    endpoint = published["aws-apigateway-rest-api-endpoint-type"]
    assert "allowedEndpointTypes" in endpoint.configSchema.properties


def test_analyze_flags_bad_resource_and_passes_good_one(pack, rules):
    configure(pack, rules, {"all": "mandatory"})
    bad = pack.analyze(key(False))
    assert rules_of(bad) == {"aws-kms-key-rotation"}
    assert bad[0].enforcementLevel == proto.MANDATORY and bad[0].policyPackName == "stackguard"
    assert "data-key" in bad[0].message
    assert pack.analyze(key(True)) == []


def test_unknown_value_is_not_judged_until_pulumi_up(pack, rules):
    """Rotation unknown in a preview: no rule judges it yet; the pack says so as advisory (#25.4), so the
    update goes on and is judged with the value known."""
    configure(pack, rules, {"all": "mandatory"})
    assert [(d.policyName, d.enforcementLevel) for d in pack.analyze(key(UNKNOWN))] == [("aws-pulumi-unknown-value", proto.ADVISORY)]


def test_configure_changes_enforcement(pack, rules):
    configure(pack, rules, {"all": "mandatory", "aws-kms-key-rotation": "advisory"})
    [diagnostic] = pack.analyze(key(False))
    assert diagnostic.enforcementLevel == proto.ADVISORY
    configure(pack, rules, {"all": "mandatory", "aws-kms-key-rotation": "disabled"})
    assert pack.analyze(key(False)) == []
    configure(pack, rules, {"all": "mandatory"})
    assert pack.analyze(key(False))[0].enforcementLevel == proto.MANDATORY


def test_configure_passes_rule_parameters_to_rego(pack, rules):
    edge_api = as_resource(resource("aws:apigateway/restApi:RestApi", "edge", {"name": "edge", "endpointConfiguration": {"types": "EDGE"}}))
    configure(pack, rules, {"all": "mandatory"})
    assert "aws-apigateway-rest-api-endpoint-type" in rules_of(pack.analyze(edge_api))
    configure(pack, rules, {"all": "mandatory", "aws-apigateway-rest-api-endpoint-type": {
        "enforcementLevel": "mandatory", "allowedEndpointTypes": ["EDGE", "REGIONAL"]}})
    assert "aws-apigateway-rest-api-endpoint-type" not in rules_of(pack.analyze(edge_api))
    configure(pack, rules, {"all": "mandatory"})


def test_analyze_stack_catches_cross_resource_rules(pack, rules):
    configure(pack, rules, {"all": "mandatory"})
    bucket = resource("aws:s3/bucketV2:BucketV2", "uploads", {"bucket": "uploads"})
    tls_policy = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Deny", "Principal": "*", "Action": "s3:*",
        "Resource": ["arn:aws:s3:::uploads", "arn:aws:s3:::uploads/*"],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]})
    policy = resource("aws:s3/bucketPolicy:BucketPolicy", "uploads-tls", {"bucket": "uploads", "policy": tls_policy},
                      propertyDependencies={"bucket": [bucket["urn"]]})
    alone = pack.analyze_stack([as_resource(bucket)])
    assert {"aws-s3-bucket-tls-only", "aws-s3-bucket-sse-kms"} <= rules_of(alone)
    assert all(d.urn == bucket["urn"] for d in alone)
    with_policy = pack.analyze_stack([as_resource(bucket), as_resource(policy)])
    assert "aws-s3-bucket-tls-only" not in rules_of(with_policy)
    assert "aws-s3-bucket-sse-kms" in rules_of(with_policy)


def test_one_resource_can_break_several_rules(pack, rules):
    configure(pack, rules, {"all": "mandatory"})
    policy = as_resource(resource("aws:iam/policy:Policy", "admin", {"policy": ADMIN_POLICY}))
    assert {"aws-iam-policy-wildcard-actions"} <= rules_of(pack.analyze(policy))


def test_unimplemented_handshake_is_what_the_sdk_says(pack):
    # The CLI tolerates UNIMPLEMENTED here; the pack must not pretend otherwise.
    import grpc

    with pytest.raises(grpc.RpcError) as err:
        pack.stub.Handshake(proto.AnalyzerHandshakeRequest(), timeout=10)
    assert err.value.code() == grpc.StatusCode.UNIMPLEMENTED
    assert pack.stub.GetPluginInfo(empty_pb2.Empty(), timeout=10).version


def test_unreachable_engine_fails_closed_for_every_policy(rules):
    with PackProcess(env={"STACKGUARD_OPA_URL": f"http://127.0.0.1:{free_port()}"}) as pack:
        # Even a rule configured advisory reports a mandatory violation: nobody decided.
        configure(pack, rules, {"all": "advisory"})
        diagnostics = pack.analyze(key(True))
        resource_rules = {r.id for r in rules if r.kind == "resource"}
        assert rules_of(diagnostics) == resource_rules
        assert all(d.enforcementLevel == proto.MANDATORY for d in diagnostics)
        assert all("could not decide" in d.message for d in diagnostics)
        stack = pack.analyze_stack([key(True)])
        assert rules_of(stack) == {r.id for r in rules if r.kind == "stack"}
        assert all(d.enforcementLevel == proto.MANDATORY for d in stack)


def test_pack_depends_only_on_the_public_analyzer_protocol():
    """An SDK upgrade that renames the Analyzer service or the diagnostic fields fails here, loudly."""
    import ast
    from pathlib import Path

    from pulumi.runtime.proto import analyzer_pb2_grpc

    from stackguard import pack as pack_module

    for method in ("Analyze", "AnalyzeStack", "GetAnalyzerInfo", "GetPluginInfo", "Configure"):
        assert hasattr(analyzer_pb2_grpc.AnalyzerServicer, method), method
        assert method in vars(pack_module.StackguardAnalyzer), method
    fields = set(proto.AnalyzeDiagnostic.DESCRIPTOR.fields_by_name)
    assert {"policyName", "policyPackName", "policyPackVersion", "description", "message", "urn",
            "enforcementLevel", "severity"} <= fields
    assert {"remediation_steps", "policy_type", "configSchema", "framework", "tags"} <= set(proto.PolicyInfo.DESCRIPTOR.fields_by_name)
    source = ast.parse(Path(pack_module.__file__).read_text())
    private = [alias.name for node in ast.walk(source) if isinstance(node, ast.ImportFrom)
               for alias in node.names if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert private == [], f"the pack imports private SDK members: {private}"


def test_the_pack_folder_announces_the_products_version(pack):
    # The Pulumi CLI names a pack by PulumiPolicy.yaml's version (`stackguard@v…` in its output and in
    # Pulumi Cloud), the analyzer by GetAnalyzerInfo's: both are the product's own version.
    import yaml

    from stackguard import __version__, paths

    declared = yaml.safe_load((paths.pack_dir() / "PulumiPolicy.yaml").read_text())["version"]
    assert str(declared) == __version__
    assert pack.info().version == __version__


def test_a_components_declaration_seen_by_analyze_holds_in_analyze_stack(pack, rules):
    # The real engine hands the pack a component's inputs (where it declares its opt-outs) only in
    # Analyze, before its children; AnalyzeStack carries the outputs the component registered.
    configure(pack, rules, {"all": "mandatory"})
    site = resource("stackguard:index:Site", "docs", {"stackguardAcknowledgements": [
        {"rule": "aws-s3-bucket-sse-kms", "resource": "docs-bucket", "option": "allow_sse_s3",
         "reason": "public documentation, nothing confidential", "owner": "docs-team"}]})
    bucket = resource("aws:s3/bucketV2:BucketV2", "docs-bucket", {"bucket": "docs-bucket"})
    parented = StackResource(urn=bucket["urn"], type=bucket["type"], name="docs-bucket", properties=bucket["inputs"],
                             parent=site["urn"])
    pack.analyze(StackResource(urn=site["urn"], type=site["type"], name="docs", properties=site["inputs"]))
    pack.analyze(parented)
    registered_outputs = StackResource(urn=site["urn"], type=site["type"], name="docs", properties={"bucketName": "docs-bucket"})
    [sse] = [d for d in pack.analyze_stack([registered_outputs, parented]) if d.policyName == "aws-s3-bucket-sse-kms"]
    assert sse.enforcementLevel == proto.ADVISORY
    assert "owner docs-team" in sse.message and "allow_sse_s3" in sse.message
