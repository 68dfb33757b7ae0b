"""Acknowledged risk: an opt-out a component took with a reason is reported as such in every format,
and the profile decides whether it passes (per rule, `acknowledgedRisk: accept|refuse`)."""
from __future__ import annotations

import json

import pytest

from stackguard.acknowledgements import AcknowledgementIndex
from tests.stack_exports import STACK_URN, export, kms_key, resource, urn
from tests.test_cli_check import run

pytestmark = pytest.mark.slow
REASON = "vendor HSM rotates this key on its own schedule"
COMPONENT = urn("stackguard:index:EncryptionKey", "payments")


def acknowledged_key(by: str) -> list[dict]:
    key = kms_key("data-key", rotation=False)
    if by == "tag":
        key["inputs"]["tags"] = {"stackguard:acknowledged:aws-kms-key-rotation": REASON}
        return [key]
    component = resource("stackguard:index:EncryptionKey", "payments", {"stackguardAcknowledgements": [
        {"rule": "aws-kms-key-rotation", "resource": "data-key", "option": "allow_no_rotation",
         "reason": REASON, "owner": "crypto-team"}]})
    component["custom"] = False
    key["parent"] = COMPONENT
    return [component, key]


@pytest.mark.parametrize("by", ["tag", "component"])
def test_acknowledged_opt_out_passes_and_is_shown_in_every_format(by, write_json, tmp_path):
    path = write_json("ack.json", export(*acknowledged_key(by)))
    outputs = {fmt: tmp_path / f"report.{fmt}" for fmt in ("json", "sarif", "markdown", "html", "junit", "github", "table")}
    result = run("check", str(path), *[a for fmt, p in outputs.items() for a in ("--output", f"{fmt}={p}")])
    assert result.returncode == 0, result.stderr
    report = json.loads(outputs["json"].read_text())
    [finding] = [f for f in report["findings"] if f["rule"] == "aws-kms-key-rotation"]
    assert finding["acknowledged"]["reason"] == REASON and finding["acknowledged"]["accepted"] == "true"
    assert report["summary"]["acknowledged"] == 1 and report["summary"]["mandatory"] == 0
    for fmt, file in outputs.items():
        assert REASON in " ".join(file.read_text().split()), f"{fmt} does not show the acknowledgement"
    if by == "component":
        assert finding["acknowledged"]["option"] == "allow_no_rotation" and finding["acknowledged"]["owner"] == "crypto-team"


def test_profile_can_refuse_acknowledged_risk(write_json, tmp_path):
    path = write_json("ack.json", export(*acknowledged_key("component")))
    profile = tmp_path / "strict.json"
    profile.write_text(json.dumps({"all": "mandatory", "aws-kms-key-rotation": {"enforcementLevel": "mandatory", "acknowledgedRisk": "refuse"}}))
    result = run("check", str(path), "--profile", str(profile), "--format", "json")
    assert result.returncode == 1
    [finding] = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "aws-kms-key-rotation"]
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
