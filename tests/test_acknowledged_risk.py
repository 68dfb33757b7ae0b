"""Acknowledged risk: an opt-out a trusted component declared with a reason is reported as such in
every format, and the profile decides whether it passes: per rule (`acknowledgedRisk`,
`nonNegotiable`, `acknowledgementTags`) and profile-wide (`acknowledgementOwner`, `trustedComponents`).
A tag on a raw resource is not an acknowledgement unless the profile accepts tags for that rule."""
from __future__ import annotations

import json

import pytest

from stackguard.acknowledgements import AcknowledgementIndex
from tests.stack_exports import STACK_URN, export, kms_key, resource, urn
from tests.test_cli_check import run

pytestmark = pytest.mark.slow
REASON = "vendor HSM rotates this key on its own schedule"
COMPONENT = urn("stackguard:index:EncryptionKey", "payments")


def acknowledged_key(by: str, owner: str | None = "crypto-team", component_type: str = "stackguard:index:EncryptionKey") -> list[dict]:
    key = kms_key("data-key", rotation=False)
    if by == "tag":
        key["inputs"]["tags"] = {"stackguard:acknowledged:aws-kms-key-rotation": REASON}
        return [key]
    declaration = {"rule": "aws-kms-key-rotation", "resource": "data-key", "option": "allow_no_rotation", "reason": REASON}
    component = resource(component_type, "payments", {"stackguardAcknowledgements": [
        {**declaration, "owner": owner} if owner else declaration]})
    component["custom"] = False
    key["parent"] = urn(component_type, "payments")
    return [component, key]


def rotation_finding(stdout: str) -> dict:
    [finding] = [f for f in json.loads(stdout)["findings"] if f["rule"] == "aws-kms-key-rotation"]
    return finding


def profile_file(tmp_path, document: dict) -> str:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(document))
    return str(path)


def test_components_reasoned_opt_out_is_accepted_under_prod_and_shows_its_owner_in_every_format(write_json, tmp_path):
    path = write_json("ack.json", export(*acknowledged_key("component")))
    outputs = {fmt: tmp_path / f"report.{fmt}" for fmt in ("json", "sarif", "markdown", "html", "junit", "github", "table")}
    result = run("check", str(path), "--profile", "prod", *[a for fmt, p in outputs.items() for a in ("--output", f"{fmt}={p}")])
    assert result.returncode == 0, result.stderr
    report = json.loads(outputs["json"].read_text())
    finding = rotation_finding(outputs["json"].read_text())
    assert finding["acknowledged"]["reason"] == REASON and finding["acknowledged"]["accepted"] == "true"
    assert finding["acknowledged"]["option"] == "allow_no_rotation" and finding["acknowledged"]["owner"] == "crypto-team"
    assert report["summary"]["acknowledged"] == 1 and report["summary"]["mandatory"] == 0
    for fmt, file in outputs.items():
        text = " ".join(file.read_text().split())
        assert REASON in text, f"{fmt} does not show the acknowledgement"
        assert "crypto-team" in text, f"{fmt} does not show the acknowledgement's owner"


def test_self_acknowledging_tag_is_refused_under_prod(write_json):
    path = write_json("ack.json", export(*acknowledged_key("tag")))
    result = run("check", str(path), "--profile", "prod", "--format", "json")
    assert result.returncode == 1, result.stderr
    finding = rotation_finding(result.stdout)
    assert finding["acknowledged"]["accepted"] == "false" and finding["enforcement"] == "mandatory"
    assert "tag on the resource is not an acknowledgement" in finding["acknowledged"]["refused"]
    assert json.loads(result.stdout)["summary"]["acknowledged"] == 0


def test_a_profile_may_accept_tags_for_named_rules_only(write_json, tmp_path):
    path = write_json("ack.json", export(*acknowledged_key("tag")))
    # A tag names no owner: a profile that accepts tags also says owners are optional.
    relaxed = {"enforcementLevel": "mandatory", "acknowledgementOwner": "optional"}
    tags_for_rotation = profile_file(tmp_path, {"all": relaxed, "aws-kms-key-rotation": {"acknowledgementTags": "accept"}})
    result = run("check", str(path), "--profile", tags_for_rotation, "--format", "json")
    assert result.returncode == 0, result.stdout
    assert rotation_finding(result.stdout)["acknowledged"]["accepted"] == "true"
    tags_for_another_rule = profile_file(tmp_path, {"all": relaxed, "aws-kms-key-deletion-window": {"acknowledgementTags": "accept"}})
    assert run("check", str(path), "--profile", tags_for_another_rule, "--format", "json").returncode == 1


def test_an_acknowledgement_without_owner_is_refused_under_prod_and_accepted_in_dev(write_json):
    path = write_json("ack.json", export(*acknowledged_key("component", owner=None)))
    prod = run("check", str(path), "--profile", "prod", "--format", "json")
    assert prod.returncode == 1
    assert rotation_finding(prod.stdout)["acknowledged"]["refused"] == "no owner: profile prod requires one"
    assert run("check", str(path), "--profile", "dev", "--format", "json").returncode == 0


def test_only_a_trusted_component_library_may_acknowledge(write_json, tmp_path):
    path = write_json("ack.json", export(*acknowledged_key("component", component_type="acme:security:Key")))
    result = run("check", str(path), "--profile", "prod", "--format", "json")
    assert result.returncode == 1
    assert "acme:security:Key, which is not a trusted component library" in rotation_finding(result.stdout)["acknowledged"]["refused"]
    trusting = profile_file(tmp_path, {"all": {"enforcementLevel": "mandatory", "trustedComponents": ["acme:"]}})
    assert run("check", str(path), "--profile", trusting, "--format", "json").returncode == 0


def test_profile_can_refuse_acknowledged_risk(write_json, tmp_path):
    path = write_json("ack.json", export(*acknowledged_key("component")))
    profile = profile_file(tmp_path, {"all": "mandatory", "aws-kms-key-rotation": {"enforcementLevel": "mandatory", "acknowledgedRisk": "refuse"}})
    result = run("check", str(path), "--profile", profile, "--format", "json")
    assert result.returncode == 1
    finding = rotation_finding(result.stdout)
    assert finding["acknowledged"]["accepted"] == "false" and finding["enforcement"] == "mandatory"


def test_an_acknowledgement_covers_only_its_rule_and_resource():
    index = AcknowledgementIndex()
    index.add({"urn": COMPONENT, "parent": STACK_URN, "properties": {"stackguardAcknowledgements": [
        {"rule": "aws-kms-key-rotation", "resource": "data-key", "reason": REASON}]}})
    child = urn("aws:kms/key:Key", "data-key")
    other = urn("aws:kms/key:Key", "logs-key")
    index.add({"urn": child, "parent": COMPONENT, "properties": {}})
    index.add({"urn": other, "parent": COMPONENT, "properties": {}})
    assert index.find("aws-kms-key-rotation", child, "data-key").reason == REASON
    assert index.find("aws-kms-key-deletion-window", child, "data-key") is None
    assert index.find("aws-kms-key-rotation", other, "logs-key") is None


def test_an_empty_reason_acknowledges_nothing():
    index = AcknowledgementIndex()
    index.add({"urn": "urn:k", "properties": {"tags": {"stackguard:acknowledged:aws-kms-key-rotation": "  "}}})
    assert index.find("aws-kms-key-rotation", "urn:k", "k") is None


def test_the_extended_index_keeps_who_declared():
    """The pack extends its index for AnalyzeStack: the component's type must survive, or a trusted
    component's stack-level acknowledgement would be refused as untrusted."""
    index = AcknowledgementIndex()
    index.add({"urn": COMPONENT, "type": "stackguard:index:EncryptionKey", "parent": STACK_URN, "properties": {
        "stackguardAcknowledgements": [{"rule": "aws-kms-key-rotation", "resource": "data-key", "reason": REASON}]}})
    child = urn("aws:kms/key:Key", "data-key")
    extended = index.extended([{"urn": child, "parent": COMPONENT, "properties": {}}])
    assert extended.find("aws-kms-key-rotation", child, "data-key").component_type == "stackguard:index:EncryptionKey"
