"""JUnit XML: valid against the Jenkins xUnit JUnit schema, a failure per blocking finding only."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from stackguard.model import Report, RunInfo, SourceLocation, Summary
from stackguard.render import renderer
from tests.report_builders import finding

XSD = Path(__file__).parent / "fixtures" / "junit-10.xsd"
FINDINGS = [
    finding("aws-kms-key-rotation", "high", "data-key", source=SourceLocation(file="stacks/__main__.py", line=42),
            message='Key "data-key" <does> not & rotate.'),
    finding("aws-kms-key-rotation", "high", "old-key", baselined=True),
    finding("aws-sns-topic-encryption", "medium", "orders", enforcement="advisory"),
    finding("aws-s3-bucket-sse-kms", "low", "logs", exempted=True,
            exemption={"reason": "Log bucket of a vendor.", "owner": "ops@example.com", "expires": "2027-01-01"}),
]
EMPTY = Summary(resources=5, findings=0, mandatory=0, advisory=0, exempted=0)
REPORT = Report(stack="prod", profile="prod", summary=EMPTY, findings=[]).with_findings(FINDINGS)


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD))


def test_the_fixture_is_the_jenkins_junit_schema(schema):
    assert {"testsuites", "testsuite", "testcase", "failure", "skipped"} <= set(schema.elements)
    assert "Copyright (c) 2014, Gregory Boissinot" in XSD.read_text()


@pytest.mark.parametrize("report", [REPORT, REPORT.with_findings([]), REPORT.model_copy(update={"fail_on": "critical"})])
def test_validates_against_the_schema(schema, report):
    schema.validate(renderer("junit")(report))


def test_only_blocking_findings_fail_and_the_others_say_why_they_are_skipped():
    root = ET.fromstring(renderer("junit")(REPORT))
    assert root.get("failures") == "1" and root.get("tests") == "4"
    cases = {case.get("name").split(" ")[0]: case for case in root.iter("testcase")}
    failure = cases["data-key"].find("failure")
    assert failure is not None and failure.get("message") == 'Key "data-key" <does> not & rotate.'
    assert "stacks/__main__.py:42" in failure.text and "Fix data-key." in failure.text
    assert cases["old-key"].find("skipped").get("message").startswith("baselined")
    assert cases["orders"].find("skipped").get("message").startswith("advisory")
    assert cases["logs"].find("skipped").get("message") == "exempted: Log bucket of a vendor."
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert suites["aws-kms-key-rotation"].get("tests") == "2" and suites["aws-kms-key-rotation"].get("failures") == "1"


def test_fail_on_turns_lower_severities_into_skips():
    root = ET.fromstring(renderer("junit")(REPORT.model_copy(update={"fail_on": "critical"})))
    assert root.get("failures") == "0" and not list(root.iter("failure"))


def test_a_clean_run_is_one_passing_test():
    root = ET.fromstring(renderer("junit")(REPORT.with_findings([])))
    [case] = list(root.iter("testcase"))
    assert case.find("failure") is None and root.get("tests") == "1"


def test_rules_the_run_evaluated_without_a_finding_are_passing_cases(schema):
    """A clean stack once showed tests="0" in CI dashboards: the checks that passed are listed as passed cases."""
    run = RunInfo(timestamp="2026-12-04T17:00:00Z", stackguard="0", opa="1", catalog={},
                  levels={"aws-kms-key-rotation": "mandatory", "aws-sqs-queue-encryption": "advisory", "aws-x-off": "disabled"})
    clean = renderer("junit")(REPORT.with_findings([]).model_copy(update={"run": run}))
    schema.validate(clean)
    root = ET.fromstring(clean)
    cases = {case.get("classname"): case for case in root.iter("testcase")}
    assert root.get("tests") == "2" and set(cases) == {"aws-kms-key-rotation", "aws-sqs-queue-encryption"}
    assert all(not list(case) for case in cases.values()) and "no finding on 5 resources" in cases["aws-kms-key-rotation"].get("name")
    mixed = ET.fromstring(renderer("junit")(REPORT.model_copy(update={"run": run})))
    assert mixed.get("tests") == "5" and [c.get("classname") for c in mixed.iter("testcase")][0] == "aws-sqs-queue-encryption"
