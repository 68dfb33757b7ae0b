"""`stackguard check` as a user runs it: real pack process, real OPA, real exit codes."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.stack_exports import ADMIN_POLICY, SCOPED_POLICY, export, kms_key, role_with_policy, urn
from stackguard.opa_server import free_port

pytestmark = pytest.mark.slow
STACKGUARD = str(Path(sys.executable).with_name("stackguard"))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([STACKGUARD, *args], capture_output=True, text=True, timeout=180,
                          env={**os.environ, **(env or {})})


def insecure_export(write_json) -> Path:
    return write_json("insecure.json", export(kms_key("data-key", rotation=False), *role_with_policy(ADMIN_POLICY)))


def test_insecure_export_is_blocked_naming_both_rules_and_urns(write_json):
    result = run("check", str(insecure_export(write_json)), "--profile", "prod", "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    found = {(f["rule"], f["urn"]) for f in report["findings"]}
    assert ("aws-kms-key-rotation", urn("aws:kms/key:Key", "data-key")) in found
    assert ("aws-iam-policy-wildcard-actions", urn("aws:iam/rolePolicy:RolePolicy", "worker-policy")) in found
    assert report["version"] == 1 and report["stack"] == "prod" and report["profile"] == "prod"
    assert report["summary"]["mandatory"] >= 2 and report["summary"]["resources"] == 4


def test_fixed_export_passes(write_json):
    fixed = write_json("fixed.json", export(kms_key("data-key", rotation=True), *role_with_policy(SCOPED_POLICY)))
    result = run("check", str(fixed), "--profile", "prod", "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["summary"]["mandatory"] == 0


def test_closed_engine_port_fails_closed(write_json):
    result = run("check", str(insecure_export(write_json)), "--format", "json",
                 env={"STACKGUARD_OPA_URL": f"http://127.0.0.1:{free_port()}"})
    assert result.returncode == 3
    assert "could not decide" in result.stderr and "unreachable" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_advisory_profile_reports_without_blocking(write_json):
    result = run("check", str(insecure_export(write_json)), "--profile", "dev", "--format", "json")
    report = json.loads(result.stdout)
    rotation = [f for f in report["findings"] if f["rule"] == "aws-kms-key-rotation"]
    assert rotation and rotation[0]["enforcement"] == "mandatory"
    assert result.returncode == 1


def test_malformed_export_names_file_and_key(write_json):
    bad = write_json("bad.json", {"version": 3, "deployment": {"resources": [{"urn": "urn:x", "inputs": {}}]}})
    result = run("check", str(bad))
    assert result.returncode == 2
    assert str(bad) in result.stderr and "deployment.resources[0].type" in result.stderr
    assert "Traceback" not in result.stderr


def test_not_json_names_file_and_position(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{\"deployment\": ")
    result = run("check", str(bad))
    assert result.returncode == 2 and str(bad) in result.stderr and "line 1" in result.stderr


def test_unknown_profile_lists_allowed(write_json):
    result = run("check", str(insecure_export(write_json)), "--profile", "qa")
    assert result.returncode == 2
    assert "--profile" in result.stderr and "dev, prod, staging" in result.stderr


@pytest.mark.parametrize("entry, key", [
    ({"rule": "aws-kms-key-rotation", "resource": "*", "stacks": ["prod"], "reason": "short", "owner": "t", "expires": "2099-01-01"}, "exemptions[0].reason"),
    ({"rule": "aws-kms-key-rotation", "resource": "*", "stacks": ["prod"], "reason": "legacy key, migrating", "owner": "t", "expires": "2020-01-01"}, "exemptions[0].expires"),
    ({"rule": "aws-kms-nope", "resource": "*", "stacks": ["prod"], "reason": "legacy key, migrating", "owner": "t", "expires": "2099-01-01"}, "exemptions[0].rule"),
    ({"rule": "aws-kms-key-rotation", "resource": "*", "stacks": ["prod"], "reason": "legacy key, migrating", "owner": "t", "expires": "2099-01-01", "until": "x"}, "exemptions[0].until"),
])
def test_bad_exemption_entry_exits_2(write_json, tmp_path, entry, key):
    exemptions = tmp_path / "exemptions.yaml"
    exemptions.write_text(json.dumps({"exemptions": [entry]}))
    result = run("check", str(insecure_export(write_json)), env={"STACKGUARD_EXEMPTIONS": str(exemptions)})
    assert result.returncode == 2, result.stderr
    assert str(exemptions) in result.stderr and key in result.stderr
    assert "Traceback" not in result.stderr


def test_exempted_finding_stays_in_report_and_does_not_block(write_json, tmp_path):
    exemptions = tmp_path / "exemptions.yaml"
    exemptions.write_text(json.dumps({"exemptions": [{
        "rule": "aws-kms-key-rotation", "resource": "urn:pulumi:prod::payments::aws:kms/key:Key::*",
        "stacks": ["prod"], "reason": "HSM-backed key rotated by the vendor", "owner": "crypto-team",
        "expires": (dt.date.today() + dt.timedelta(days=90)).isoformat()}]}))
    only_key = write_json("key.json", export(kms_key("data-key", rotation=False)))
    result = run("check", str(only_key), "--format", "json", env={"STACKGUARD_EXEMPTIONS": str(exemptions)})
    assert result.returncode == 0, result.stdout + result.stderr
    [finding] = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "aws-kms-key-rotation"]
    assert finding["exempted"] is True and finding["exemption"]["reason"] == "HSM-backed key rotated by the vendor"
    assert not finding["message"].startswith("[exempted")


def test_preview_json_with_unknown_value_is_not_reported_as_absent(write_json):
    preview = write_json("preview.json", {"steps": [
        {"op": "create", "urn": urn("aws:secretsmanager/secret:Secret", "partner"), "newState": {
            "urn": urn("aws:secretsmanager/secret:Secret", "partner"), "type": "aws:secretsmanager/secret:Secret",
            "custom": True, "inputs": {"kmsKeyId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "recoveryWindowInDays": 30}}},
        {"op": "delete", "urn": urn("aws:kms/key:Key", "old"), "oldState": {"urn": urn("aws:kms/key:Key", "old"), "type": "aws:kms/key:Key"}},
    ]})
    result = run("check", str(preview), "--format", "json")
    report = json.loads(result.stdout)
    assert report["summary"]["resources"] == 1
    assert not [f for f in report["findings"] if f["rule"] == "aws-secretsmanager-secret-cmk"]


def test_secret_values_never_reach_the_report(write_json):
    secret_value = "s3cr3t-partner-token-123"
    doc = export(
        resource_with_secret := {
            "urn": urn("aws:ssm/parameter:Parameter", "api-token"), "custom": True, "type": "aws:ssm/parameter:Parameter",
            "inputs": {"name": "/partner/api-token", "type": "String",
                       "value": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "plaintext": json.dumps(secret_value)}}})
    result = run("check", str(write_json("secret.json", doc)), "--format", "json")
    assert resource_with_secret["inputs"]["value"]
    assert secret_value not in result.stdout + result.stderr
    assert any(f["rule"] == "aws-ssm-parameter-secure-string" for f in json.loads(result.stdout)["findings"])


def test_rules_catalog_json():
    result = run("rules", "--format", "json")
    assert result.returncode == 0, result.stderr
    catalog = json.loads(result.stdout)
    assert len(catalog) >= 45
    for rule in catalog:
        assert rule["id"] and rule["title"] and rule["remediation"]
        assert rule["severity"] in {"low", "medium", "high", "critical"}
        assert rule["concern"] in {"https", "encryption", "iam", "logging", "auth", "network"}


def test_usage_error_exits_2():
    result = run("check", "--format", "pdf", "x.json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
