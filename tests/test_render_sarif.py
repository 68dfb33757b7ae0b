"""SARIF report: valid against the official 2.1.0 schema, and shaped the way GitHub code scanning reads it."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from stackguard import catalog
from stackguard.model import Finding, Report, SourceLocation, Summary
from stackguard.profiles import Profile
from stackguard.render import renderer, sarif
from stackguard.report_metadata import enrich
from tests import report_builders

SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "sarif-2.1.0.schema.json").read_text())

KMS = catalog.Rule(
    id="aws-kms-key-rotation", title="KMS keys rotate their key material yearly",
    description="Customer-managed KMS keys must rotate so that a leaked key version has a bounded lifetime.",
    severity="high", concern="encryption", remediation="Set enableKeyRotation to true on the key.",
    compliance={"cis-aws-foundations": ["3.6"], "nist-800-53": ["SC-12", "SC-28"]},
    kind="resource", file="policies/rego/aws/kms/key_rotation.rego",
)
SNS = catalog.Rule(
    id="aws-sns-topic-tls-only", title="SNS topics refuse publishing without TLS",
    description="A topic policy must deny requests that do not use TLS.",
    severity="medium", concern="https", remediation="Attach a topic policy denying aws:SecureTransport false.",
    kind="stack", file="policies/rego/aws/sns/topic_tls_only.rego",
)
LOGS = catalog.Rule(
    id="aws-apigateway-stage-access-logs", title="API stages write access logs",
    description="Every API Gateway stage must write access logs to CloudWatch.",
    severity="low", concern="logging", remediation="Set accessLogSettings.destinationArn on the stage.",
    compliance={"pci-dss": ["10.2.1"]}, kind="resource", file="policies/rego/aws/apigateway/stage_access_logs.rego",
)
UNUSED = catalog.Rule(
    id="aws-s3-bucket-encryption", title="S3 buckets encrypt objects at rest",
    description="Buckets must encrypt objects with a KMS key.", severity="critical", concern="encryption",
    remediation="Add a server-side encryption configuration.", kind="resource", file="policies/rego/aws/s3/bucket_encryption.rego",
)


def finding(rule: catalog.Rule, type_: str, name: str, with_catalog_text: bool = True, **fields) -> Finding:
    # The decision core copies the rule's description and compliance references onto each finding.
    text = {"description": rule.description, "compliance": rule.compliance or None} if with_catalog_text else {}
    return report_builders.finding(rule.id, rule.severity, name, type_=type_, concern=rule.concern, title=rule.title,
                                   remediation=rule.remediation, **text, **fields)


FINDINGS = [
    finding(KMS, "aws:kms/key:Key", "data-key", source=SourceLocation(file="stacks/__main__.py", line=42),
            message="Key <script>alert(1)</script> | has\nno rotation."),
    finding(KMS, "aws:kms/key:Key", "logs-key", source=SourceLocation(file="components\\kms.py", line=7)),
    finding(SNS, "aws:sns/topic:Topic", "orders", with_catalog_text=False, enforcement="advisory"),
    finding(LOGS, "aws:apigateway/stage:Stage", "v1", enforcement="mandatory", exempted=True,
            source=SourceLocation(file="stacks/__main__.py", line=80),
            exemption={"reason": "Legacy stage, replaced in Q3.", "owner": "platform@example.com", "expires": "2027-03-31"}),
]
# SNS's finding carries no catalog text: its descriptor must come from the finding's own fields.
REPORT = enrich(Report(stack="prod", profile="prod", findings=FINDINGS,
                       summary=Summary(resources=12, findings=4, mandatory=2, advisory=1, exempted=1)),
                (KMS, LOGS, UNUSED), Profile(name="prod", file="prod.json", default="mandatory"))


@pytest.fixture(scope="module")
def log() -> dict:
    return json.loads(sarif.render(REPORT))


def results_by_name(log: dict) -> dict[str, dict]:
    return {r["properties"]["urn"].rsplit("::", 1)[-1]: r for r in log["runs"][0]["results"]}


def test_the_fixture_is_the_official_draft_07_schema():
    assert SCHEMA["$id"] == "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
    assert jsonschema.validators.validator_for(SCHEMA) is jsonschema.Draft7Validator
    jsonschema.Draft7Validator.check_schema(SCHEMA)


def test_validates_against_the_official_schema(log):
    # Every $ref in the schema is local (#/definitions/...), so nothing is fetched.
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json" and log["version"] == "2.1.0"
    assert log["runs"][0]["tool"]["driver"]["name"] == "stackguard"


def test_an_empty_report_is_valid():
    empty = Report(stack="dev", profile="dev", findings=[], summary=Summary(resources=3, findings=0, mandatory=0, advisory=0, exempted=0))
    log = json.loads(renderer("sarif")(empty))
    jsonschema.Draft7Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_the_renderer_reads_only_the_report(monkeypatch):
    def no_opa():
        raise AssertionError("renderers must not load the catalog: the report carries the rule text")

    monkeypatch.setattr(catalog, "load", no_opa)
    assert json.loads(renderer("sarif")(REPORT)) == json.loads(sarif.render(REPORT))


def test_baselined_findings_are_notes_marked_unchanged():
    baselined = REPORT.with_findings([f.model_copy(update={"baselined": True}) if f.name == "data-key" else f for f in REPORT.findings])
    log = json.loads(sarif.render(baselined))
    jsonschema.Draft7Validator(SCHEMA).validate(log)
    result = results_by_name(log)["data-key"]
    assert result["level"] == "note" and result["baselineState"] == "unchanged" and "suppressions" not in result
    assert results_by_name(log)["logs-key"]["level"] == "error" and "baselineState" not in results_by_name(log)["logs-key"]


def test_levels_follow_enforcement_and_exemption(log):
    results = results_by_name(log)
    assert {name: r["level"] for name, r in results.items()} == {
        "data-key": "error", "logs-key": "error", "orders": "warning", "v1": "note",
    }


def test_rule_index_points_at_the_rule_and_only_rules_that_fired_are_listed(log):
    driver_rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in driver_rules] == sorted([KMS.id, SNS.id, LOGS.id])
    for result in log["runs"][0]["results"]:
        assert driver_rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_rule_descriptor_carries_catalog_metadata_for_github(log):
    kms = next(r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == KMS.id)
    assert kms["name"] == "KMSKeysRotateTheirKeyMaterialYearly"
    assert kms["shortDescription"]["text"] == KMS.title
    assert kms["fullDescription"]["text"] == KMS.description
    assert kms["defaultConfiguration"]["level"] == "error"
    assert kms["properties"]["security-severity"] == "8.0"
    assert kms["properties"]["tags"] == ["security", "encryption", "cis-aws-foundations:3.6", "nist-800-53:SC-12", "nist-800-53:SC-28"]
    assert KMS.remediation in kms["help"]["text"] and "nist-800-53 SC-12, SC-28" in kms["help"]["text"]
    assert f"**Fix:** {KMS.remediation}" in kms["help"]["markdown"]
    levels = {r["id"]: (r["defaultConfiguration"]["level"], r["properties"]["security-severity"])
              for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert levels[SNS.id] == ("warning", "5.5") and levels[LOGS.id] == ("note", "3.0")


def test_a_rule_missing_from_the_catalog_is_described_from_its_finding():
    log = json.loads(sarif.render(REPORT))
    jsonschema.Draft7Validator(SCHEMA).validate(log)
    sns = next(r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == SNS.id)
    assert sns["fullDescription"]["text"] == SNS.title and sns["properties"]["tags"] == ["security", "https"]


def test_locations_carry_file_and_line_or_fall_back_to_the_project_file(log):
    results = results_by_name(log)
    physical = results["data-key"]["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "stacks/__main__.py", "uriBaseId": "%SRCROOT%"}
    assert physical["region"] == {"startLine": 42}
    assert results["logs-key"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "components/kms.py"
    stack_level = results["orders"]["locations"][0]
    assert stack_level["physicalLocation"]["artifactLocation"]["uri"] == "Pulumi.yaml"
    assert stack_level["physicalLocation"]["region"] == {"startLine": 1}
    assert stack_level["logicalLocations"] == [
        {"name": "orders", "fullyQualifiedName": "urn:pulumi:prod::shop::aws:sns/topic:Topic::orders", "kind": "resource"},
    ]


def test_suppressions_only_on_exempted_findings(log):
    results = results_by_name(log)
    assert results["v1"]["suppressions"] == [{
        "kind": "external", "status": "accepted", "justification": "Legacy stage, replaced in Q3.",
        "properties": {"owner": "platform@example.com", "expires": "2027-03-31"},
    }]
    assert all("suppressions" not in results[name] for name in ("data-key", "logs-key", "orders"))


def test_message_includes_the_fix_and_properties_identify_the_resource(log):
    result = results_by_name(log)["data-key"]
    assert result["message"]["text"] == f"Key <script>alert(1)</script> | has\nno rotation. Fix: {KMS.remediation}"
    assert result["properties"] == {"urn": "urn:pulumi:prod::shop::aws:kms/key:Key::data-key", "type": "aws:kms/key:Key",
                                    "enforcement": "mandatory", "exempted": False, "baselined": False}


def test_fingerprints_are_stable_and_distinct_per_rule_and_resource(log):
    again = json.loads(sarif.render(REPORT))
    hashes = [r["partialFingerprints"]["stackguardFindingHash/v1"] for r in log["runs"][0]["results"]]
    assert hashes == [r["partialFingerprints"]["stackguardFindingHash/v1"] for r in again["runs"][0]["results"]]
    assert len(set(hashes)) == len(hashes)
