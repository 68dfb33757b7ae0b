"""Contract: `check`/`preflight` decide in-process exactly what `pulumi up --policy-pack` decides.

For every fixture export and every example program, the pack (started as the Pulumi CLI starts it,
driven over gRPC, configured with the same profile) and the in-process gate must report the same
(rule, resource, level) triples."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from pulumi.runtime import proto

from stackguard import exemptions, profiles, pulumi_project, readers
from stackguard.decision import Decider
from stackguard.gate import Stack, evaluate
from stackguard.preflight import resources_of, run_stack_program
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
    return {(f.rule, f.urn, "advisory" if f.exempted else f.enforcement) for f in report.findings}


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
    monitor = run_stack_program(loaded, stack, loaded.stack_config(stack))
    resources = resources_of(monitor, loaded.program_dir, ROOT)
    profile = profiles.load(stack, rules)
    none = exemptions.Exemptions([], "none")
    assert through_pack(pack, rules, resources, profile) == in_process(engine, rules, resources, profile, none)
