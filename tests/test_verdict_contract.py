"""Contract: `check`/`preflight` decide in-process exactly what `pulumi up --policy-pack` decides.

For every fixture export and every example program, the pack (started as the Pulumi CLI starts it,
driven over gRPC, configured with the same profile) and the in-process gate must report the same
(rule, resource, level) triples. The governance too: an exemptions file with a valid, a stale, an
over-long and a non-negotiable entry, a component's acknowledgement and a self-acknowledging tag
get the same verdicts both ways (a notice about an entry is a stack-level triple of its rule)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from pulumi.runtime import proto

from stackguard import exemptions, profiles, program_runner, pulumi_project, readers
from stackguard.decision import Decider
from stackguard.gate import Stack, evaluate
from stackguard.preflight import resources_of
from tests.pack_driver import PackProcess
from tests.stack_exports import ADMIN_POLICY, SCOPED_POLICY, export, kms_key, resource, role_with_policy, urn

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
LEVEL = {proto.ADVISORY: "advisory", proto.MANDATORY: "mandatory"}

EXPORTS = {
    "kms and admin policy": export(kms_key("data-key", rotation=False), *role_with_policy(ADMIN_POLICY)),
    "clean": export(kms_key("data-key", rotation=True), *role_with_policy(SCOPED_POLICY)),
    "edge api and open security group": export(
        resource("aws:apigateway/restApi:RestApi", "edge", {"name": "edge", "endpointConfiguration": {"types": "EDGE"}}),
        resource("aws:ec2/securityGroup:SecurityGroup", "ssh", {"ingress": [
            {"protocol": "tcp", "fromPort": 22, "toPort": 22, "cidrBlocks": ["0.0.0.0/0"]}]}),
        resource("aws:sqs/queue:Queue", "jobs", {}),
    ),
}
PROGRAMS = [(ROOT, "dev"), (ROOT, "prod"), (ROOT / "examples" / "insecure", "dev")]


def in_process(engine, rules, resources, profile, known) -> set[tuple[str, str, str]]:
    report = evaluate(engine, [Stack("contract", resources)], Decider(rules, profile, known), profile.rule_config())
    # The pack reports what does not block (exempted, accepted risk) as advisory.
    triples = {(f.rule, f.urn, "advisory" if f.exempted or f.accepted_risk else f.enforcement) for f in report.findings}
    return triples | {(n.rule or "", "", "mandatory" if n.level == "error" else "advisory") for n in report.notices or []}


def through_pack(pack, rules, resources, profile) -> set[tuple[str, str, str]]:
    pack.configure(profile.policy_config(rules))
    triples = set()
    for resource_, diagnostics in zip(resources, pack.analyze_many(resources)):
        triples |= {(d.policyName, d.urn or resource_.urn, LEVEL[d.enforcementLevel]) for d in diagnostics}
    triples |= {(d.policyName, d.urn, LEVEL[d.enforcementLevel]) for d in pack.analyze_stack(resources)}
    return triples


@pytest.mark.parametrize("name", sorted(EXPORTS))
@pytest.mark.parametrize("profile_name", ["prod", "dev"])
def test_fixture_exports_get_the_same_verdict(name, profile_name, tmp_path, engine, pack, rules):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(EXPORTS[name]))
    resources = readers.read(path)
    profile = profiles.load(profile_name, rules)
    none = exemptions.Exemptions([], "none")
    expected = in_process(engine, rules, resources, profile, none)
    assert through_pack(pack, rules, resources, profile) == expected
    if name != "clean":
        assert expected, "a contract over no findings proves nothing"


@pytest.mark.parametrize("project, stack", PROGRAMS, ids=["stacks-dev", "stacks-prod", "insecure-dev"])
def test_example_programs_get_the_same_verdict(project, stack, engine, pack, rules):
    loaded = pulumi_project.load(project)
    run = program_runner.run(loaded, stack, loaded.stack_config(stack), timeout=300)
    resources = resources_of(run, loaded.program_dir, ROOT)
    profile = profiles.load(stack, rules)
    none = exemptions.Exemptions([], "none")
    assert through_pack(pack, rules, resources, profile) == in_process(engine, rules, resources, profile, none)


def governed_stack() -> dict:
    today = dt.date.today()
    key = kms_key("data-key", rotation=False)
    tagged = kms_key("tagged-key", rotation=False)
    tagged["inputs"]["tags"] = {"stackguard:acknowledged:aws-kms-key-rotation": "we like it this way"}
    component = resource("stackguard:security:EncryptionKey", "vendor", {"stackguardAcknowledgements": [
        {"rule": "aws-kms-key-rotation", "resource": "vendor-key", "option": "allow_no_rotation",
         "reason": "vendor HSM rotates it", "owner": "crypto-team"}]}, custom=False)
    acknowledged = kms_key("vendor-key", rotation=False)
    acknowledged["parent"] = component["urn"]
    return export(key, tagged, component, acknowledged, *role_with_policy(ADMIN_POLICY)), today


def governed_exemptions(today: dt.date) -> dict:
    def entry(rule, resource_urn, days):
        return {"rule": rule, "resource": resource_urn, "stacks": ["prod"], "reason": "reviewed by the platform team",
                "owner": "platform-team", "expires": (today + dt.timedelta(days=days)).isoformat()}
    return {"exemptions": [
        entry("aws-kms-key-deletion-window", urn("aws:kms/key:Key", "data-key"), 30),           # valid, if it matched
        entry("aws-kms-key-rotation", urn("aws:kms/key:Key", "data-kye"), 30),                  # stale: a typo
        entry("aws-kms-key-rotation", urn("aws:kms/key:Key", "data-key"), 400),                 # over-long
        entry("aws-iam-policy-wildcard-actions", urn("aws:iam/rolePolicy:RolePolicy", "worker-policy"), 10),  # non-negotiable
    ]}


@pytest.mark.parametrize("profile_name", ["prod", "dev"])
def test_governance_gets_the_same_verdict(profile_name, tmp_path, engine, opa, rules):
    document, today = governed_stack()
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    exemptions_path = tmp_path / "exemptions.yaml"
    exemptions_path.write_text(yaml.safe_dump(governed_exemptions(today)))
    resources = readers.read(path)
    profile = profiles.load(profile_name, rules)
    known = exemptions.load(exemptions_path, known_rules={r.id for r in rules})
    expected = in_process(engine, rules, resources, profile, known)
    env = {"STACKGUARD_OPA_URL": opa.url, "STACKGUARD_OPA_TOKEN": opa.token, "STACKGUARD_EXEMPTIONS": str(exemptions_path)}
    with PackProcess(env=env) as governed_pack:
        assert through_pack(governed_pack, rules, resources, profile) == expected
    # The contract covers every kind of verdict: stale, refused and expiring entries, a refused tag, an accepted component.
    assert ("aws-kms-key-rotation", "", "mandatory" if profile_name == "prod" else "advisory") in expected
    assert ("aws-kms-key-rotation", urn("aws:kms/key:Key", "tagged-key"), "mandatory") in expected
    assert ("aws-kms-key-rotation", urn("aws:kms/key:Key", "vendor-key"), "advisory") in expected
    assert ("aws-iam-policy-wildcard-actions", "", "mandatory" if profile_name == "prod" else "advisory") in expected
