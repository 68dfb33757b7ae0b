"""The per-type rule index of policies/rego/stackguard/main.rego (issue #10).

`deny` and `batch_deny` consult a resource rule only for the types in its `resource_types`
(or for every type when it declares none). A declaration that leaves out a type the rule judges
would silently drop findings, so these tests hold the declarations against the rules' own code
and the indexed answer against an evaluation of every rule for every resource.
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from stackguard import catalog, profiles, readers, rego_input, toolchain
from tests.stack_exports import generated_inputs

ROOT = Path(__file__).resolve().parents[1]
REGO = ROOT / "policies" / "rego"
TEAM_RULES = ROOT / "examples" / "consumer" / "stackguard" / "rules"
CASES = Path(__file__).parent / "detection" / "cases"
FIXTURES = Path(__file__).parent / "fixtures"

# Rules that judge resources of every type on purpose, and say so with pulumi.any_type.
ANY_TYPE_RULES = {
    # Any resource can carry a policy document as a Pulumi secret; the rule looks at its keys.
    "iam/policy_secret_unverifiable",
}

# A Pulumi type token: "aws:kms/key:Key", "aws:s3/bucketV2:BucketV2", "pulumi:pulumi:Stack".
TOKEN = re.compile(r'"([a-z][a-z0-9-]*:[A-Za-z0-9/._-]+:[A-Za-z0-9]+)"')
IS_TYPE_LITERAL = re.compile(r'is_type\(input, "([^"]+)"\)')

# Every resource rule for every resource, without the index: what batch_deny must answer.
UNINDEXED = """package stackguard_unindexed

import data.stackguard

findings contains finding if {
	some resource in input.resources
	doc := object.union(resource, {"config": input.config})
	some service, rule
	some message in data.aws[service][rule].deny with input as doc
	finding := {"rule": stackguard.rule_id(service, rule), "message": message, "urn": resource.urn}
}
"""


def opa_eval(query: str, *extra: Path, document: dict[str, Any] | None = None, tmp_path: Path) -> Any:
    args = [str(toolchain.opa_binary()), "eval", "--format", "json", "--fail-defined=false"]
    for folder in (REGO, TEAM_RULES, *extra):
        args += ["--data", str(folder)]
    if document is not None:
        path = tmp_path / "input.json"
        path.write_text(json.dumps(document))
        args += ["--input", str(path)]
    result = subprocess.run([*args, query], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)["result"][0]["expressions"][0]["value"]


def rule_files(folder: Path) -> dict[str, Path]:
    """The resource rules (files defining deny) of a rules folder, by "<service>/<rule>"."""
    return {f"{p.parent.name}/{p.stem}": p for p in sorted((folder / "aws").rglob("*.rego"))
            if not p.name.endswith("_test.rego") and re.search(r"^deny contains", p.read_text(), flags=re.M)}


BUILT_IN = rule_files(REGO)
TEAM = rule_files(TEAM_RULES)


@pytest.fixture(scope="module")
def declared(tmp_path_factory) -> dict[str, set[str]]:
    """Each rule's resource_types as OPA evaluates them, by "<service>/<rule>"."""
    value = opa_eval('{concat("/", [s, r]): t | some s, r; t := data.aws[s][r].resource_types}',
                     tmp_path=tmp_path_factory.mktemp("declared"))
    return {name: set(types) for name, types in value.items()}


def code(path: Path) -> str:
    """The rule file without its comments (the METADATA description names types in prose)."""
    return "\n".join(line for line in path.read_text().splitlines() if not line.lstrip().startswith("#"))


def test_every_built_in_resource_rule_declares_its_types(declared):
    assert len(BUILT_IN) >= 100
    missing = sorted(set(BUILT_IN) - set(declared))
    assert not missing, f"resource rules without resource_types (they would be consulted for every resource): {missing}"
    any_type = {name for name, types in declared.items() if "*" in types}
    assert any_type == ANY_TYPE_RULES, "a rule that judges every type must be listed in ANY_TYPE_RULES with its reason"
    assert all(declared[name] for name in BUILT_IN), "a rule that declares no type at all is never consulted"


def test_the_team_rule_example_declares_its_types(declared):
    assert TEAM and set(TEAM) <= set(declared)


@pytest.mark.parametrize("name", sorted({**BUILT_IN, **TEAM}))
def test_type_tokens_a_rule_names_are_among_its_resource_types(name, declared):
    path = {**BUILT_IN, **TEAM}[name]
    types = declared[name]
    if "*" in types:
        return
    text = code(path)
    literals = set(IS_TYPE_LITERAL.findall(text)) | set(TOKEN.findall(text))
    outside = sorted(literals - types)
    assert not outside, f"{path.relative_to(ROOT)} names types its resource_types {sorted(types)} leave out: {outside}"


def corpus_resources() -> list[dict[str, Any]]:
    """The stack input entries of every detection case and fixture export, as the CLI builds them."""
    # The real CLI's previews and export (fixtures/real-cli) are views of one stack: its export stands for them.
    files = sorted(CASES.glob("*/*/*.json")) + sorted(p for p in FIXTURES.rglob("*.json")
                                                      if _is_export(p) and (p.parent.name != "real-cli" or p.stem == "export"))
    resources = [rego_input.from_stack_resource(r) for path in files for r in readers.read(path)]
    # The benchmarks' generated stack: a mix of resources, insecure and not, as a program makes them.
    resources += generated_inputs(300)
    return resources + probes()


# Properties that make the rules reading policy documents through lib tables speak: an inline,
# identity, trust, resource and attached policy that is public, an administrator and names an
# unknown action. The corpus has no resource of every type a table names; these probes, one for
# each type token the rules and libraries name, catch a table type a declaration leaves out.
OPEN_DOCUMENT = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": ["*", "iam:PassRole", "s3:GetObjekt"], "Resource": "*"},
    {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
]})
ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess"
PROBE_PROPERTIES = {
    "policy": OPEN_DOCUMENT, "assumeRolePolicy": OPEN_DOCUMENT, "policyDocument": OPEN_DOCUMENT,
    "inlinePolicies": [{"name": "inline", "policy": OPEN_DOCUMENT}],
    "policyArn": ADMIN_ARN, "managedPolicyArns": [ADMIN_ARN], "policyArns": [ADMIN_ARN],
}


def probes() -> list[dict[str, Any]]:
    sources = [p for p in REGO.rglob("*.rego") if not p.name.endswith("_test.rego")]
    tokens = sorted({t for p in sources for t in TOKEN.findall(code(p))})
    return [{"urn": f"urn:pulumi:probe::index::{t}::probe", "type": t, "name": "probe", "properties": PROBE_PROPERTIES}
            for t in tokens]


def _is_export(path: Path) -> bool:
    try:
        document = json.loads(path.read_text())
    except ValueError:
        return False
    return isinstance(document, dict) and ("deployment" in document or "steps" in document)


@pytest.mark.slow
def test_indexed_batch_deny_equals_every_rule_for_every_resource(tmp_path):
    resources = corpus_resources()
    urns = [r["urn"] for r in resources]
    assert len(urns) == len(set(urns)) and len(resources) > 1000
    config = profiles.load("prod", catalog.load()).rule_config()
    (tmp_path / "unindexed.rego").write_text(UNINDEXED)
    value = opa_eval('{"indexed": data.stackguard.batch_deny, "unindexed": data.stackguard_unindexed.findings}',
                     tmp_path / "unindexed.rego", document={"resources": resources, "config": config}, tmp_path=tmp_path)
    indexed = {(f["urn"], f["rule"], f["message"]) for f in value["indexed"]}
    unindexed = {(f["urn"], f["rule"], f["message"]) for f in value["unindexed"]}
    missed = sorted(unindexed - indexed)
    assert not missed, f"{len(missed)} findings the index skips, e.g. {missed[:5]}"
    assert indexed == unindexed
    # The comparison means something: most resource rules find something in the corpus.
    assert len({rule for _, rule, _ in indexed}) >= 0.9 * len(BUILT_IN)


def test_an_undeclared_rule_is_consulted_for_every_resource(tmp_path):
    folder = tmp_path / "rules" / "aws" / "team"
    folder.mkdir(parents=True)
    (folder / "anything.rego").write_text('package aws.team.anything\n\ndeny contains "seen" if input.name\n')
    resources = [{"urn": f"urn:{t}", "type": t, "name": t, "properties": {}}
                 for t in ("aws:kms/key:Key", "pulumi:pulumi:Stack", "example:made/up:Type")]
    value = opa_eval("data.stackguard.batch_deny", tmp_path / "rules",
                     document={"resources": resources, "config": {}}, tmp_path=tmp_path)
    assert {f["urn"] for f in value if f["rule"] == "aws-team-anything"} == {r["urn"] for r in resources}


# Stack rules: the CLI and the pack send stack_deny only the resources of the types in
# data.stackguard.stack_types, the union of the stack rules' stack_resource_types. A type a rule
# reads but no rule declares would never reach it: its findings would silently disappear.

def stack_rule_files(folder: Path) -> dict[str, Path]:
    return {f"{p.parent.name}/{p.stem}": p for p in sorted((folder / "aws").rglob("*.rego"))
            if not p.name.endswith("_test.rego") and re.search(r"^stack_deny contains", p.read_text(), flags=re.M)}


STACK_RULES = stack_rule_files(REGO)
# Library modules that read stack resources for the rules importing them.
STACK_LIBRARIES = [p for p in (REGO / "lib").glob("*.rego") if not p.name.endswith("_test.rego")
                   and p.name != "stack.rego" and "stack.of_type(" in p.read_text()]


def type_tokens(path: Path) -> set[str]:
    """The resource type tokens a module names (with a module path: not "aws:kms:dsse")."""
    return {t for t in TOKEN.findall(code(path)) if "/" in t}


@pytest.fixture(scope="module")
def stack_declared(tmp_path_factory) -> dict[str, set[str]]:
    value = opa_eval('{concat("/", [s, r]): t | some s, r; t := data.aws[s][r].stack_resource_types}',
                     tmp_path=tmp_path_factory.mktemp("stack_declared"))
    return {name: set(types) for name, types in value.items()}


def test_every_built_in_stack_rule_declares_the_types_it_reads(stack_declared):
    assert len(STACK_RULES) >= 15
    missing = sorted(set(STACK_RULES) - set(stack_declared))
    assert not missing, f"stack rules without stack_resource_types (the stack query would carry every resource): {missing}"
    for name, path in STACK_RULES.items():
        outside = sorted(type_tokens(path) - stack_declared[name])
        assert not outside, f"{path.relative_to(ROOT)} reads types its stack_resource_types leave out: {outside}"
    union = set().union(*stack_declared.values())
    for library in STACK_LIBRARIES:
        outside = sorted(type_tokens(library) - union)
        assert not outside, f"{library.relative_to(ROOT)} reads types no stack rule declares: {outside}"


def test_no_rule_reads_the_stack_but_through_of_type():
    # stack_types holds only if every stack read goes through lib.stack.of_type (by_type).
    readers_of_input = [p for p in REGO.rglob("*.rego") if not p.name.endswith("_test.rego")
                        and "input.resources" in code(p) and p != REGO / "lib" / "stack.rego"
                        and p != REGO / "stackguard" / "main.rego"]
    assert not readers_of_input


@pytest.mark.slow
def test_stack_deny_on_the_declared_types_equals_stack_deny_on_every_resource(tmp_path):
    resources = corpus_resources()
    config = profiles.load("prod", catalog.load()).rule_config()
    types = set(opa_eval("data.stackguard.stack_types", tmp_path=tmp_path))
    assert "*" not in types
    kept = [r for r in resources if r["type"] in types]
    assert 0 < len(kept) < len(resources)
    every = opa_eval("data.stackguard.stack_deny", document={"resources": resources, "config": config}, tmp_path=tmp_path)
    declared_only = opa_eval("data.stackguard.stack_deny", document={"resources": kept, "config": config}, tmp_path=tmp_path)
    as_set = lambda rows: {(f["urn"], f["rule"], f["message"]) for f in rows}  # noqa: E731
    assert as_set(declared_only) == as_set(every)
    # The comparison means something: most stack rules find something in the corpus.
    assert len({f["rule"] for f in every}) >= 0.8 * len(STACK_RULES)


def test_an_undeclared_stack_rule_makes_the_stack_query_carry_every_resource(tmp_path):
    folder = tmp_path / "rules" / "aws" / "team"
    folder.mkdir(parents=True)
    (folder / "joins.rego").write_text(
        'package aws.team.joins\n\nstack_deny contains {"urn": r.urn, "message": "seen"} if some r in input.resources\n')
    assert opa_eval("data.stackguard.stack_types", tmp_path / "rules", tmp_path=tmp_path) == ["*"]
