"""The reproductions of issue #25 (a second hostile attack on the gate): configuration the user did
not choose, team rules that shadow the built-ins, values the gate cannot see. Each once passed an
insecure stack silently or weakened the gate quietly; each must now be caught, block or be reported."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from stackguard.decision import fingerprint
from tests.cli_runs import STACKGUARD, run, write as _write
from tests.stack_exports import export, kms_key, resource

pytestmark = pytest.mark.slow


def _plant_disabling_config(folder: Path) -> None:
    _write(folder / "stackguard.yaml", "profiles:\n  prod: cfg/prod.json\n")
    _write(folder / "cfg" / "prod.json", json.dumps({"all": "disabled"}))


def test_stackguard_yaml_above_the_repository_is_not_obeyed(tmp_path):
    """#25.1: a stackguard.yaml planted in a shared parent folder once turned prod off (exit 0, "profile prod")."""
    _plant_disabling_config(tmp_path)
    project = tmp_path / "work" / "payments"
    (project / ".git").mkdir(parents=True)
    stack = _write(project / "stack.json", json.dumps(export(kms_key("data-key", rotation=False))))
    result = run("check", str(stack), "--format", "json", cwd=project)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert {f["rule"] for f in report["findings"]} == {"aws-kms-key-rotation"}
    assert "config" not in report["run"] and report["profile"] == "prod"
    assert report["run"]["profile"]["file"].endswith("profiles/prod.json")
    builtin = Path(report["run"]["profile"]["file"]).read_bytes()
    assert report["run"]["profile"]["sha256"] == hashlib.sha256(builtin).hexdigest()


def test_stackguard_yaml_outside_any_repository_is_only_read_from_the_folder_itself(tmp_path):
    _plant_disabling_config(tmp_path)
    project = tmp_path / "payments"
    stack = _write(project / "stack.json", json.dumps(export(kms_key("data-key", rotation=False))))
    result = run("check", str(stack), "--format", "json", cwd=project)
    assert result.returncode == 1, result.stderr


def test_the_project_configuration_and_its_profile_are_named_with_their_hashes(tmp_path):
    """A profile loaded from a path is reported by its path, never under the built-in's name."""
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    _plant_disabling_config(repository)
    stack = _write(repository / "infra" / "stack.json", json.dumps(export(kms_key("data-key", rotation=False))))
    result = run("check", str(stack), "--format", "json", cwd=stack.parent)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    config, profile = repository / "stackguard.yaml", repository / "cfg" / "prod.json"
    assert report["run"]["config"] == {"file": str(config), "sha256": hashlib.sha256(config.read_bytes()).hexdigest()}
    assert report["profile"] == str(profile) != "prod"
    assert report["run"]["profile"] == {"name": str(profile), "file": str(profile),
                                        "sha256": hashlib.sha256(profile.read_bytes()).hexdigest()}


def _stack_file(folder: Path, name: str, stack: str, document: dict) -> Path:
    return _write(folder / name, json.dumps(document).replace("urn:pulumi:prod::", f"urn:pulumi:{stack}::"))


def test_files_of_stacks_with_different_profiles_are_refused_without_profile(tmp_path):
    """#25.7: `check preview-dev.json preview-prod.json` once judged prod under dev's profile and exited 0."""
    dev = _stack_file(tmp_path, "preview-dev.json", "dev", export())
    prod = _stack_file(tmp_path, "preview-prod.json", "prod", export(kms_key("data-key", rotation=False)))
    result = run("check", str(dev), str(prod), "--format", "json", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == "", result.stderr
    assert "dev (profile dev)" in result.stderr and "prod (profile prod)" in result.stderr and "--profile" in result.stderr
    named = run("check", str(dev), str(prod), "--profile", "prod", "--format", "json", cwd=tmp_path)
    assert named.returncode == 1 and json.loads(named.stdout)["profile"] == "prod", named.stderr


def test_files_of_stacks_with_the_same_profile_are_checked_together(tmp_path):
    first = _stack_file(tmp_path, "a.json", "prod", export(kms_key("data-key", rotation=False)))
    second = _stack_file(tmp_path, "b.json", "prod", export(kms_key("other-key", rotation=True)))
    result = run("check", str(first), str(second), "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["profile"] == "prod"


@pytest.mark.parametrize("failure, key", [
    ({"diagnostics": [{"urn": "urn:pulumi:prod::payments::pulumi:pulumi:Stack::payments-prod", "severity": "error",
                       "message": "error: Program failed with an unhandled exception"},
                      {"message": "error: preview failed\n", "severity": "error"}]}, "diagnostics[0]"),
    ({"maybeCorrupt": True}, "maybeCorrupt"),
])
def test_a_failed_preview_is_refused_not_checked_on_its_partial_steps(tmp_path, failure, key):
    """#25.5: a preview with an error diagnostic and maybeCorrupt once exited 0 on the steps it reached."""
    key_state = export(kms_key("data-key", rotation=True))["deployment"]["resources"][1]
    preview = {"steps": [{"op": "create", "urn": key_state["urn"], "newState": key_state}],
               "diagnostics": [{"urn": "", "message": "a warning", "severity": "warning"}], **failure}
    path = _write(tmp_path / "preview.json", json.dumps(preview))
    result = run("check", str(path), "--profile", "prod", "--format", "json", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert str(path) in result.stderr and key in result.stderr and "incomplete" in result.stderr


def test_a_complete_preview_that_the_policy_pack_failed_is_checked(tmp_path):
    """The policy pack's mandatory findings fail a complete preview with one "preview failed" error naming no URN."""
    key_state = export(kms_key("data-key", rotation=False))["deployment"]["resources"][1]
    preview = {"steps": [{"op": "create", "urn": key_state["urn"], "newState": key_state}],
               "diagnostics": [{"urn": "", "message": "a warning", "severity": "warning"},
                               {"message": "error: preview failed\n", "severity": "error"}]}
    result = run("check", str(_write(tmp_path / "preview.json", json.dumps(preview))), "--profile", "prod", "--format", "json")
    assert result.returncode == 1, result.stderr


def test_skipped_rules_and_unjudged_resources_are_in_the_coverage(tmp_path):
    """#25.10: --skip-rule left no trace in the JSON report, and non-aws: resources were not counted as unchecked."""
    password = resource("random:index/randomPassword:RandomPassword", "db-password", {"length": 8})
    component = {**resource("acme:index:Service", "svc", {}), "custom": False}
    path = _write(tmp_path / "stack.json", json.dumps(export(kms_key("data-key", rotation=False), password, component)))
    result = run("check", str(path), "--profile", "prod", "--skip-rule", "aws-kms-key-rotation", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    coverage = json.loads(result.stdout)["coverage"]
    assert coverage["skipped_rules"] == ["aws-kms-key-rotation"]
    assert [(n["urn"], n["type"]) for n in coverage["not_judged"]] == [(password["urn"], password["type"])]
    assert "aws-kms-key-rotation" in result.stderr and "random:index/randomPassword:RandomPassword" in result.stderr


@pytest.mark.parametrize("recorded, now", [
    ("Role r trusts account 111122223333 without an external id (statement #1).",
     "Role r trusts account 666666666666 without an external id (statement #1)."),
    ("Security group \"web\" (ingress #0) opens port 8443 to 0.0.0.0/0.",
     "Security group \"web\" (ingress #0) opens port 22 to 0.0.0.0/0."),
    ("Security group \"web\" (ingress #0) opens port 22 to 10.0.0.0/8.",
     "Security group \"web\" (ingress #0) opens port 22 to 0.0.0.0/0."),
])
def test_a_baseline_fingerprint_keeps_the_values_that_define_the_problem(recorded, now):
    """#25.8: a baseline for partner account 111122223333 and port 8443 once also covered 666666666666 and port 22."""
    urn = "urn:pulumi:prod::shop::aws:iam/role:Role::r"
    assert fingerprint("aws-x-y", urn, recorded) != fingerprint("aws-x-y", urn, now)


def test_a_baseline_fingerprint_ignores_positions_and_preview_sentinels():
    urn = "urn:pulumi:prod::shop::aws:iam/role:Role::r"
    assert fingerprint("aws-x-y", urn, "Role r statement #1 allows 04da6b54-80e4-46f7-96ec-b56ff0331ba9.") == \
        fingerprint("aws-x-y", urn, "Role r statement #3 allows 1c4a061d-8072-4f0a-a4cb-0ff528b18fe7.")


def _team_config(folder: Path, modules: dict[str, str]) -> Path:
    for relative, text in modules.items():
        _write(folder / "rules" / relative, text)
    return _write(folder / "stackguard.yaml", "rules:\n  - rules\n")


@pytest.mark.parametrize("relative, text, package", [
    ("lib/stack.rego", "package lib.stack\n\nreferenced(_, _, _) if true\n", "lib.stack"),
    ("aws/ec2/open.rego", "package aws.ec2.security_group_open_ingress\n\nhttps_only(_) if true\n",
     "aws.ec2.security_group_open_ingress"),
    ("stackguard/x.rego", "package stackguard\n\nextra := 1\n", "stackguard"),
    ("system/authz.rego", "package system.authz\n\ndefault allow := true\n", "system.authz"),
    ("aws/kms.rego", "package aws.kms\n\nhelper := 1\n", "aws.kms"),
    ("acme.rego", "package acme.helpers\n\nhelper := 1\n", "acme.helpers"),
])
def test_team_modules_may_not_define_or_extend_stackguards_packages(tmp_path, relative, text, package):
    """#25.2: a team module `package lib.stack` once silenced every S3 stack rule, and one in a built-in
    rule's package (without # METADATA) was never seen as a rule, so the refusal of a taken id never fired."""
    config = _team_config(tmp_path, {relative: text})
    stack = _write(tmp_path / "stack.json", json.dumps(export(kms_key("data-key", rotation=False))))
    result = run("check", str(stack), "--config", str(config), "--profile", "prod", "--format", "json", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr, result.stderr
    assert str(tmp_path / "rules" / relative) in result.stderr and f"defines data.{package};" in result.stderr


def test_team_data_files_stay_under_the_team_namespace(tmp_path):
    config = _team_config(tmp_path, {"lib/iam_catalog/data.json": json.dumps({"actions": {}})})
    stack = _write(tmp_path / "stack.json", json.dumps(export(kms_key("data-key", rotation=False))))
    result = run("check", str(stack), "--config", str(config), "--format", "json", cwd=tmp_path)
    assert result.returncode == 2 and "lib/iam_catalog/data.json" in result.stderr and "data.team.<name>" in result.stderr


def test_team_rules_and_helpers_in_their_own_namespace_are_evaluated(tmp_path):
    rule = (Path(__file__).parents[1] / "examples/consumer/stackguard/rules/aws/payments/kms_alias_prefix.rego").read_text()
    helper = "package team.payments.names\n\nprefix := \"alias/payments/\"\n"
    config = _team_config(tmp_path, {"aws/payments/kms_alias_prefix.rego": rule, "team/payments/names.rego": helper,
                                     "team/payments/data.json": json.dumps({"owners": ["payments"]})})
    alias = resource("aws:kms/alias:Alias", "data", {"name": "alias/data", "targetKeyId": "data-key-id"})
    stack = _write(tmp_path / "stack.json", json.dumps(export(kms_key("data-key", rotation=True), alias)))
    result = run("check", str(stack), "--config", str(config), "--profile", "prod", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"aws-payments-kms-alias-prefix"}


def _edit_cache(cache_home: Path, edit) -> int:
    """Apply `edit` to every cached `opa inspect` answer (as a CI cache restore could); how many it changed."""
    changed = 0
    for path in (cache_home / "stackguard").glob("inspect-*.json"):
        document = json.loads(path.read_text())
        if edit(document):
            path.write_text(json.dumps(document))
            changed += 1
    return changed


def _lower_every_severity(document: dict) -> bool:
    custom = [a["annotations"].get("custom", {}) for a in document["annotations"]]
    for fields in custom:
        if "severity" in fields:
            fields["severity"] = "low"
    return any("severity" in fields for fields in custom)


def test_an_edited_catalog_cache_is_not_trusted(tmp_path):
    """#25.9: lowering every severity in ~/.cache/stackguard once let `--fail-on high` pass a critical finding."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    stack = _write(tmp_path / "stack.json", json.dumps(export(kms_key("data-key", rotation=False))))
    first = run("check", str(stack), "--profile", "prod", "--fail-on", "high", "--format", "json", cwd=tmp_path, env=env)
    assert first.returncode == 1, first.stderr
    assert _edit_cache(tmp_path / "cache", _lower_every_severity) >= 1
    again = run("check", str(stack), "--profile", "prod", "--fail-on", "high", "--format", "json", cwd=tmp_path, env=env)
    assert again.returncode == 1, again.stderr
    assert [f["severity"] for f in json.loads(again.stdout)["findings"]] == ["high"]


def test_an_edited_catalog_cache_cannot_hide_a_team_module_in_stackguards_packages(tmp_path):
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    config = _team_config(tmp_path, {"lib/stack.rego": "package lib.stack\n\nreferenced(_, _, _) if true\n"})
    stack = _write(tmp_path / "stack.json", json.dumps(export(kms_key("data-key", rotation=False))))
    assert run("check", str(stack), "--config", str(config), "--format", "json", cwd=tmp_path, env=env).returncode == 2

    def hide(document: dict) -> bool:
        team = document["namespaces"].get("data.lib.stack") == [str(tmp_path / "rules" / "lib" / "stack.rego")]
        return team and document["namespaces"].pop("data.lib.stack") is not None

    assert _edit_cache(tmp_path / "cache", hide) == 1
    result = run("check", str(stack), "--config", str(config), "--format", "json", cwd=tmp_path, env=env)
    assert result.returncode == 2 and "defines data.lib.stack;" in result.stderr, result.stderr


UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
COMPUTED = {
    "admin policy": (resource("aws:iam/rolePolicy:RolePolicy", "worker-policy", {"role": "worker-id", "policy": UNKNOWN}), "policy"),
    "rotation off": (resource("aws:kms/key:Key", "data-key", {"enableKeyRotation": UNKNOWN}), "enableKeyRotation"),
    "ssh open": (resource("aws:ec2/securityGroup:SecurityGroup", "web", {"ingress": [
        {"protocol": "tcp", "fromPort": 22, "toPort": 22, "cidrBlocks": [UNKNOWN]}]}), "ingress[0].cidrBlocks"),
}


@pytest.mark.parametrize("case", sorted(COMPUTED))
@pytest.mark.parametrize("shape", ["export", "preview"])
def test_a_security_value_computed_from_another_output_is_not_judged_clean(tmp_path, case, shape):
    """#25.4: an admin policy, rotation off or SSH open, each computed from another resource's output,
    once exited 0 in prod, and nothing listed the resource as unjudged."""
    state, label = COMPUTED[case]
    document = export(state) if shape == "export" else {"steps": [{"op": "create", "urn": state["urn"], "newState": state}]}
    path = _write(tmp_path / "stack.json", json.dumps(document))
    prod = run("check", str(path), "--profile", "prod", "--format", "json", cwd=tmp_path)
    assert prod.returncode == 1, prod.stderr
    unjudged = [f for f in json.loads(prod.stdout)["findings"] if f["rule"] == "aws-pulumi-unknown-value"]
    assert [(f["urn"], f["enforcement"]) for f in unjudged] == [(state["urn"], "mandatory")]
    assert f": {label} is unknown until deployment" in unjudged[0]["message"]
    dev = run("check", str(path), "--profile", "dev", "--format", "json", cwd=tmp_path)
    assert [f["enforcement"] for f in json.loads(dev.stdout)["findings"] if f["rule"] == "aws-pulumi-unknown-value"] == ["advisory"]


def test_the_pack_leaves_unknown_values_to_its_judgement_at_pulumi_up(rules):
    """At `pulumi up` the pack sees the value once it is known; in its preview the unknown is advisory, so the
    update is not refused before it could be judged."""
    from stackguard.decision import Decider, ResourceRef
    from stackguard.engine import RawFinding
    from stackguard.exemptions import Exemptions
    from stackguard.profiles import load

    prod = load("prod", rules)
    raw = RawFinding("aws-pulumi-unknown-value", "policy is unknown until deployment", "urn:x")
    ref = ResourceRef("urn:x", "aws:iam/policy:Policy", "x")
    assert Decider(rules, prod, Exemptions([], "none")).finding(raw, ref).enforcement == "mandatory"
    assert Decider(rules, prod, Exemptions([], "none"), judged_again_later=True).finding(raw, ref).enforcement == "advisory"


SECRET_PROGRAM = '''
import pulumi
import pulumi_aws as aws

aws.kms.Key("data-key", enable_key_rotation=pulumi.Output.secret(False))
aws.ec2.SecurityGroup("bastion", ingress=[aws.ec2.SecurityGroupIngressArgs(
    protocol="tcp", from_port=22, to_port=22, cidr_blocks=[pulumi.Output.secret("0.0.0.0/0")])])
aws.rds.Instance("db", engine="postgres", instance_class="db.t4g.micro", allocated_storage=20,
                 username="app", manage_master_user_password=True,
                 publicly_accessible=pulumi.Output.secret(True), storage_encrypted=pulumi.Output.secret(False))
aws.lambda_.FunctionUrl("url", function_name="fn", authorization_type=pulumi.Output.secret("NONE"))
'''


SECRET_FINDINGS = {("data-key", "aws-kms-key-rotation"), ("bastion", "aws-ec2-security-group-open-ingress"),
                   ("db", "aws-rds-instance-public-access"), ("db", "aws-rds-instance-storage-encrypted"),
                   ("url", "aws-lambda-function-url-auth")}


def _secrets_project(tmp_path: Path) -> Path:
    project = tmp_path / "secrets"
    _write(project / "Pulumi.yaml", json.dumps({"name": "secrets", "runtime": {
        "name": "python", "options": {"virtualenv": str(Path(__file__).resolve().parents[1] / ".venv")}}}))
    _write(project / "__main__.py", SECRET_PROGRAM)
    _write(project / "Pulumi.prod.yaml", "config:\n  aws:region: eu-west-1\n")
    return project


def test_secret_wrapped_security_values_are_judged_in_preflight_and_never_shown(tmp_path):
    """#25.3: Output.secret(False) rotation, a secret 0.0.0.0/0, a secret public unencrypted RDS and a secret
    unauthenticated function URL once gave 0 findings and exit 0. The private OPA now judges their plaintext,
    and every report shows the value masked."""
    project = _secrets_project(tmp_path)
    outputs = {fmt: tmp_path / f"report.{fmt}" for fmt in ("sarif", "html", "markdown", "junit", "table")}
    result = run("preflight", "--project", str(project), "--stack", "prod", "--format", "json",
                 *[arg for fmt, path in outputs.items() for arg in ("--output", f"{fmt}={path}")],
                 cwd=tmp_path, env={"COLUMNS": "400"})
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert SECRET_FINDINGS <= {(f["name"], f["rule"]) for f in findings}
    assert "aws-pulumi-secret-value" not in {f["rule"] for f in findings}
    ingress = next(f for f in findings if f["rule"] == "aws-ec2-security-group-open-ingress")
    assert "allows ingress from [secret] to" in ingress["message"], ingress["message"]
    for text in [result.stdout, result.stderr, *(path.read_text() for path in outputs.values())]:
        assert "ingress from 0.0.0.0/0" not in text
    assert all("ingress from [secret]" in outputs[fmt].read_text() for fmt in ("sarif", "html"))


def test_secret_values_are_not_sent_to_a_central_engine(tmp_path, opa):
    """A central OPA is another machine: secrets reach it as the marker, and the resource stays "not judged"."""
    project = _secrets_project(tmp_path)
    result = run("preflight", "--project", str(project), "--stack", "prod", "--format", "json", cwd=tmp_path,
                 env={"STACKGUARD_OPA_URL": opa.url, "STACKGUARD_OPA_TOKEN": opa.token})
    assert result.returncode == 1, result.stderr
    unjudged = {(f["name"], f["message"].split(": ", 1)[1].split(" is ")[0])
                for f in json.loads(result.stdout)["findings"] if f["rule"] == "aws-pulumi-secret-value"}
    assert unjudged == {("data-key", "enableKeyRotation"), ("bastion", "ingress[0].cidrBlocks"),
                        ("db", "publiclyAccessible"), ("db", "storageEncrypted"), ("url", "authorizationType")}
    assert "0.0.0.0/0" not in result.stdout + result.stderr


SECRET_SIG = {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270"}


def test_the_pack_judges_the_plaintext_secrets_pulumi_sends_it(tmp_path):
    """The Pulumi CLI marshals the analyzer's properties with their secrets' plaintext (KeepSecrets); the pack's
    private OPA judges them, and its diagnostics show the value masked."""
    from stackguard.model import StackResource
    from tests.pack_driver import PackProcess

    group = StackResource(
        urn="urn:pulumi:prod::p::aws:ec2/securityGroup:SecurityGroup::bastion", type="aws:ec2/securityGroup:SecurityGroup",
        name="bastion", properties={"ingress": [{"protocol": "tcp", "fromPort": 22, "toPort": 22,
                                                 "cidrBlocks": [{**SECRET_SIG, "value": "0.0.0.0/0"}]}]})
    key = StackResource(urn="urn:pulumi:prod::p::aws:kms/key:Key::data-key", type="aws:kms/key:Key", name="data-key",
                        properties={"enableKeyRotation": {**SECRET_SIG, "value": False}})
    assert "STACKGUARD_OPA_URL" not in os.environ  # the pack starts its private OPA
    with PackProcess() as pack:
        diagnostics = [d for resource in (group, key) for d in pack.analyze(resource)]
    assert {d.policyName for d in diagnostics} >= {"aws-ec2-security-group-open-ingress", "aws-kms-key-rotation"}
    assert "aws-pulumi-secret-value" not in {d.policyName for d in diagnostics}
    assert all("0.0.0.0/0" not in d.message for d in diagnostics)
    assert any("ingress from [secret]" in d.message for d in diagnostics)


def test_a_secret_security_value_in_an_export_is_not_judged_clean(tmp_path):
    secret = {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:QUJD:REVG"}
    key = resource("aws:kms/key:Key", "data-key", {"enableKeyRotation": secret})
    result = run("check", str(_write(tmp_path / "stack.json", json.dumps(export(key)))), "--profile", "prod", "--format", "json")
    assert result.returncode == 1, result.stderr
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["aws-pulumi-secret-value"]
    assert "v1:QUJD" not in result.stdout + result.stderr


def _program(folder: Path, source: str) -> Path:
    venv = Path(__file__).resolve().parents[1] / ".venv"
    _write(folder / "Pulumi.yaml", json.dumps({"name": folder.name, "runtime": {"name": "python", "options": {"virtualenv": str(venv)}}}))
    _write(folder / "__main__.py", source)
    _write(folder / "Pulumi.dev.yaml", "config: {}\n")
    return folder


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_double_forking_program_leaves_no_process_behind(tmp_path):
    """#25.11: a program that double-forks and calls setsid once left a process running after an exit-0 preflight."""
    pid_file = tmp_path / "orphan.pid"
    project = _program(tmp_path / "forker", f"""
import os, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        open({str(pid_file)!r}, "w").write(str(os.getpid()))
        time.sleep(300)
    os._exit(0)
while not os.path.exists({str(pid_file)!r}):
    time.sleep(0.05)
""")
    result = run("preflight", "--project", str(project), "--stack", "dev", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    orphan = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while _alive(orphan) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(orphan), f"process {orphan} outlived preflight"


def test_sigkill_during_preflight_leaves_no_host_folder(tmp_path):
    """#25.11: SIGKILL during preflight once left stackguard-host-* in TMPDIR."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    started = tmp_path / "started"
    project = _program(tmp_path / "sleeper", f"""
import time
open({str(started)!r}, "w").close()
time.sleep(300)
""")
    cli = subprocess.Popen([STACKGUARD, "preflight", "--project", str(project), "--stack", "dev", "--format", "json"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "TMPDIR": str(temp)})
    try:
        deadline = time.monotonic() + 60
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert started.exists(), "the program never started"
        cli.kill()
        cli.wait(timeout=30)
        assert sorted(p.name for p in temp.glob("stackguard-host-*")) == []
    finally:
        if cli.poll() is None:
            cli.kill()


FORGER = '''
import json, os, sys
import pulumi_aws as aws

aws.kms.Key("unrotated", enable_key_rotation=False)


def host_frame():
    """The host's frame holding the result descriptor (and, once, its nonce), found as the issue found it."""
    for frame in sys._current_frames().values():
        while frame is not None:
            if "result_fd" in frame.f_locals:
                return frame.f_locals
            frame = frame.f_back
    raise SystemExit("no host frame")


found = host_frame()
forged = {"status": "ok", "registrations": [], "reads": [], "generic_invokes": [], "nonce": found.get("nonce")}
os.write(found["result_fd"], json.dumps(forged).encode())
os._exit(0)
'''


def test_a_program_cannot_forge_the_hosts_result(tmp_path):
    """#25.6: a program that found the host's result descriptor and nonce by walking sys._current_frames(),
    wrote {"status": "ok", "registrations": []} and called os._exit(0) once got 0 resources and PASSED."""
    project = _program(tmp_path / "forger", FORGER)
    result = run("preflight", "--project", str(project), "--stack", "dev", "--format", "json", cwd=tmp_path)
    assert result.returncode == 3, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert "before its stack completed" in result.stderr and "nothing was checked" in result.stderr


def test_a_program_that_rewrites_the_host_in_its_own_process_still_gets_its_findings(tmp_path):
    """#25.6: the program runs in the host's process, so it can replace any of the host's functions (here the
    one that listed its registrations); what the gate judges is recorded by stackguard's process instead."""
    project = _program(tmp_path / "rewriter", """
import sys
import pulumi_aws as aws

aws.kms.Key("unrotated", enable_key_rotation=False)
for frame in sys._current_frames().values():
    while frame is not None:
        if "Scrubber" in frame.f_globals:  # the host's module, hidden from sys.modules while the program runs
            frame.f_globals["_registrations"] = lambda *args, **kwargs: []
        frame = frame.f_back
""")
    result = run("preflight", "--project", str(project), "--stack", "dev", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["aws-kms-key-rotation"]
