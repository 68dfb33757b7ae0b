"""Contract: `check`/`preflight` decide in-process exactly what `pulumi up --policy-pack` decides.

For every fixture export and every example program, the pack (started as the Pulumi CLI starts it,
driven over gRPC, configured with the same profile) and the in-process gate must report the same
(rule, resource, level) triples."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from pulumi.runtime import proto

from stackguard import exemptions, profiles, program_runner, pulumi_project, readers
from stackguard.decision import Decider
from stackguard.gate import Stack, evaluate
from stackguard.preflight import resources_of
from tests.stack_exports import ADMIN_POLICY, SCOPED_POLICY, export, kms_key, resource, role_with_policy

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


def in_process(engine, rules, resources, profile, none) -> set[tuple[str, str, str]]:
    report = evaluate(engine, [Stack("contract", resources)], Decider(rules, profile, none), profile.rule_config())
    # The pack reports what does not block (exempted, accepted risk) as advisory.
    return {(f.rule, f.urn, "advisory" if f.exempted or f.accepted_risk else f.enforcement) for f in report.findings}


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
