"""Exemptions, acknowledgements and baselines under a profile's governance (issue #20): an entry that
matches nothing, expires soon, reaches too far or names a non-negotiable rule is reported (and in
prod blocks), and a non-negotiable rule's finding passes by no exemption, acknowledgement or baseline."""
from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

from stackguard import exemptions as exemptions_module

from tests.stack_exports import ADMIN_POLICY, export, kms_key, resource, role_with_policy, urn
from tests.test_cli_check import run

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date.today()
KEY_URN = urn("aws:kms/key:Key", "data-key")
POLICY_URN = urn("aws:iam/rolePolicy:RolePolicy", "worker-policy")
WILDCARD = "aws-iam-policy-wildcard-actions"


def entry(rule: str, resource_urn: str, days: int = 90, **change) -> dict:
    return {"rule": rule, "resource": resource_urn, "stacks": ["prod"], "reason": "vendor HSM rotates this key itself",
            "owner": "crypto-team", "expires": (TODAY + dt.timedelta(days=days)).isoformat(), **change}


def exemptions_file(tmp_path, *entries: dict) -> dict[str, str]:
    path = tmp_path / "exemptions.yaml"
    path.write_text(yaml.safe_dump({"exemptions": list(entries)}))
    return {"STACKGUARD_EXEMPTIONS": str(path)}


def notices(stdout: str) -> list[dict]:
    return json.loads(stdout).get("notices", [])


def test_a_stale_exemption_fails_prod_naming_the_entry_and_the_nearest_urn(write_json, tmp_path):
    clean = write_json("clean.json", export(kms_key("data-key", rotation=True)))
    env = exemptions_file(tmp_path, entry("aws-kms-key-rotation", urn("aws:kms/key:Key", "data-kye")))
    result = run("check", str(clean), "--profile", "prod", "--format", "json", env=env)
    assert result.returncode == 1, result.stderr
    [stale] = notices(result.stdout)
    assert (stale["kind"], stale["level"], stale["key"]) == ("stale", "error", "exemptions[0]")
    assert stale["did_you_mean"] == KEY_URN and f"did you mean {KEY_URN}?" in stale["message"]
    table = run("check", str(clean), "--profile", "prod", "--format", "table", env={**env, "COLUMNS": "400"})
    assert "exemptions[0]" in table.stdout and "did you mean" in table.stdout and "BLOCKED" in table.stdout


def test_a_stale_exemption_only_warns_in_dev(write_json, tmp_path):
    clean = write_json("clean.json", export(kms_key("data-key", rotation=True)))
    env = exemptions_file(tmp_path, entry("aws-kms-key-rotation", urn("aws:kms/key:Key", "data-kye")))
    result = run("check", str(clean), "--profile", "dev", "--format", "json", env=env)
    assert result.returncode == 0, result.stdout
    assert [(n["kind"], n["level"]) for n in notices(result.stdout)] == [("stale", "warning")]


def test_an_exemption_for_another_stack_is_not_stale(write_json, tmp_path):
    clean = write_json("clean.json", export(kms_key("data-key", rotation=True)))
    env = exemptions_file(tmp_path, entry("aws-kms-key-rotation", "urn:pulumi:dev::*", stacks=["dev"]))
    result = run("check", str(clean), "--profile", "prod", "--format", "json", env=env)
    assert result.returncode == 0 and notices(result.stdout) == []


def test_an_over_long_exemption_is_refused_in_prod(write_json, tmp_path):
    key = write_json("key.json", export(kms_key("data-key", rotation=False)))
    env = exemptions_file(tmp_path, entry("aws-kms-key-rotation", KEY_URN, days=200))
    result = run("check", str(key), "--profile", "prod", "--rule", "aws-kms-key-rotation", "--format", "json", env=env)
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["exempted"] is False and "more than 180 days away" in finding["exemption"]["refused"]
    assert [(n["kind"], n["level"]) for n in notices(result.stdout)] == [("over-long", "error")]
    within = exemptions_file(tmp_path, entry("aws-kms-key-rotation", KEY_URN, days=170))
    assert run("check", str(key), "--profile", "prod", "--rule", "aws-kms-key-rotation", env=within).returncode == 0


def test_an_exemption_ten_days_from_expiry_warns_in_table_json_sarif_and_markdown(write_json, tmp_path):
    key = write_json("key.json", export(kms_key("data-key", rotation=False)))
    env = exemptions_file(tmp_path, entry("aws-kms-key-rotation", KEY_URN, days=10))
    formats = ("table", "json", "sarif", "markdown", "html", "junit", "github")
    files = {fmt: tmp_path / f"report.{fmt}" for fmt in formats}
    result = run("check", str(key), "--profile", "prod", "--rule", "aws-kms-key-rotation",
                 *[a for fmt, path in files.items() for a in ("--output", f"{fmt}={path}")], env=env)
    assert result.returncode == 0, result.stderr
    expiry = (TODAY + dt.timedelta(days=10)).isoformat()
    warning = f"expires on {expiry}, in 10 days"
    for fmt, path in files.items():
        assert warning in path.read_text(), f"{fmt} does not warn of the expiry"
    [expiring] = notices(files["json"].read_text())
    assert (expiring["kind"], expiring["level"]) == ("expiring", "warning")
    [notification] = json.loads(files["sarif"].read_text())["runs"][0]["invocations"][0]["toolConfigurationNotifications"]
    assert notification["level"] == "warning" and warning in notification["message"]["text"]
    assert "| warning | expiring |" in files["markdown"].read_text()
    assert ET.parse(files["junit"]).getroot().get("failures") == "0"


def wildcard_role(acknowledged_by: str | None = None) -> list[dict]:
    role, role_policy = role_with_policy(ADMIN_POLICY)
    if acknowledged_by is None:
        return [role, role_policy]
    component = resource("stackguard:security:ServiceRole", "worker", {"stackguardAcknowledgements": [
        {"rule": acknowledged_by, "resource": "worker-policy", "option": "statements.0.allow_wildcard",
         "reason": "break-glass role, reviewed every quarter", "owner": "platform-team"}]}, custom=False)
    role_policy["parent"] = component["urn"]
    return [component, role, role_policy]


@pytest.mark.parametrize("profile, firm", [("prod", True), ("dev", False)])
def test_a_non_negotiable_rule_passes_by_no_exemption_acknowledgement_or_baseline(write_json, tmp_path, profile, firm):
    """Under prod the wildcard rule is non-negotiable; under dev the same three routes do pass it (the control)."""
    only = ("--rule", WILDCARD, "--profile", profile, "--format", "json")
    expected = 1 if firm else 0
    plain = write_json("role.json", export(*wildcard_role()))
    exempted = run("check", str(plain), *only, env=exemptions_file(tmp_path, entry(WILDCARD, POLICY_URN)))
    assert exempted.returncode == expected, exempted.stdout
    [finding] = json.loads(exempted.stdout)["findings"]
    assert finding["exempted"] is not firm
    if firm:
        assert "non-negotiable" in finding["exemption"]["refused"]
        assert ("non-negotiable", "error") in [(n["kind"], n["level"]) for n in notices(exempted.stdout)]

    acknowledged = write_json("acknowledged.json", export(*wildcard_role(acknowledged_by=WILDCARD)))
    result = run("check", str(acknowledged), *only)
    assert result.returncode == expected, result.stdout
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["acknowledged"]["accepted"] == ("false" if firm else "true")
    if firm:
        assert finding["acknowledged"]["refused"] == f"{WILDCARD} is non-negotiable in profile prod"

    baseline = tmp_path / "baseline.json"
    assert run("check", str(plain), *only, "--create-baseline", str(baseline)).returncode == expected
    result = run("check", str(plain), *only, "--baseline", str(baseline))
    assert result.returncode == expected, result.stdout
    [finding] = json.loads(result.stdout)["findings"]
    assert finding.get("baselined", False) is not firm


def lint(*args: str, env: dict[str, str] | None = None):
    return run("exemptions", "lint", "--format", "json", *args, env=env)


def test_exemptions_lint_lists_every_kind_of_problem_and_fails_under_prod(write_json, tmp_path):
    path = tmp_path / "exemptions.yaml"
    unowned = entry("aws-kms-key-deletion-window", KEY_URN)
    del unowned["owner"]
    path.write_text(yaml.safe_dump({"exemptions": [
        entry("aws-kms-key-rotation", urn("aws:kms/key:Key", "data-kye")),      # 0: stale against the export
        entry("aws-kms-key-rotation", KEY_URN, days=10),                         # 1: expiring
        entry("aws-kms-key-rotation", KEY_URN, days=365),                        # 2: over-long
        unowned,                                                                 # 3: unowned
        entry(WILDCARD, POLICY_URN),                                             # 4: non-negotiable
        entry("aws-kms-key-rotation", KEY_URN, days=-1),                         # 5: expired
    ]}))
    stack = write_json("stack.json", export(kms_key("data-key", rotation=False), *wildcard_role()))
    result = lint(str(path), "--against", str(stack))
    assert result.returncode == 1, result.stderr
    found = {(n["key"], n["kind"], n["level"]) for n in json.loads(result.stdout)["notices"]}
    assert found == {("exemptions[0]", "stale", "error"), ("exemptions[1]", "expiring", "warning"),
                     ("exemptions[2]", "over-long", "error"), ("exemptions[3]", "unowned", "error"),
                     ("exemptions[4]", "non-negotiable", "error"), ("exemptions[5]", "expired", "error")}
    [stale] = [n for n in json.loads(result.stdout)["notices"] if n["kind"] == "stale"]
    assert stale["did_you_mean"] == KEY_URN
    assert "Traceback" not in result.stderr


def test_exemptions_lint_only_warns_under_dev_and_passes_a_clean_file(tmp_path):
    path = tmp_path / "exemptions.yaml"
    path.write_text(yaml.safe_dump({"exemptions": [entry("aws-kms-key-rotation", KEY_URN, days=10)]}))
    dev = lint(str(path), "--profile", "dev")
    assert dev.returncode == 0 and [n["kind"] for n in json.loads(dev.stdout)["notices"]] == ["expiring"]
    path.write_text(yaml.safe_dump({"exemptions": [entry("aws-kms-key-rotation", KEY_URN, days=60)]}))
    clean = lint(str(path))
    assert clean.returncode == 0 and json.loads(clean.stdout)["notices"] == []


def test_exemptions_lint_refuses_a_malformed_file_with_exit_2(tmp_path):
    path = tmp_path / "exemptions.yaml"
    path.write_text(yaml.safe_dump({"exemptions": [entry("aws-kms-key-rotation", KEY_URN, reason="short")]}))
    result = lint(str(path))
    assert result.returncode == 2 and "exemptions[0].reason" in result.stderr and "Traceback" not in result.stderr


def test_the_pre_commit_hook_runs_the_lint_under_prod():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    [hook] = [h for h in hooks if h["id"] == "stackguard-exemptions-lint"]
    assert hook["entry"].startswith("stackguard exemptions lint") and hook["args"] == ["--profile", "prod"]
    assert re.search(hook["files"], "stackguard/exemptions.yaml") and re.search(hook["files"], "policies/exemptions.yaml")


def test_the_shipped_schema_is_the_one_the_code_validates_with():
    documented = json.loads((ROOT / "docs" / "exemptions.schema.json").read_text())
    assert exemptions_module.schema() == documented
    jsonschema.Draft202012Validator.check_schema(documented)
    shipped = yaml.safe_load((ROOT / "policies" / "exemptions.yaml").read_text())
    assert list(jsonschema.Draft202012Validator(documented).iter_errors(shipped)) == []
