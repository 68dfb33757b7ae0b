"""`stackguard preflight` as a newcomer runs it: no cloud account, no Pulumi CLI."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
STACKGUARD = str(Path(sys.executable).with_name("stackguard"))
DEV_PASSPHRASE = "stackguard-dev-demo-passphrase"  # the README's demo passphrase for stacks/Pulumi.dev.yaml
DEV_PARTNER_KEY = "dev-partner-key-7Qm2xV9pLk"
INSECURE = ROOT / "examples" / "insecure"


def preflight(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "PULUMI_CONFIG_PASSPHRASE"}
    return subprocess.run([STACKGUARD, "preflight", *args], capture_output=True, text=True, timeout=300,
                          cwd=cwd, env={**environment, **(env or {})})


@pytest.mark.parametrize("stack", ["prod", "staging", "dev"])
def test_reference_stack_passes_its_gate(stack):
    result = preflight("--stack", stack, "--format", "json")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert report["stack"] == stack and report["profile"] == stack
    assert report["summary"]["resources"] >= 40
    assert report["summary"]["mandatory"] == 0


def test_insecure_example_is_blocked_with_rule_resource_and_line():
    result = preflight("--project", "examples/insecure", "--stack", "dev", "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    program = (INSECURE / "__main__.py").read_text().splitlines()
    assert report["summary"]["mandatory"] >= 10
    for finding in report["findings"]:
        assert finding["rule"].startswith("aws-") and finding["urn"] and finding["name"]
        assert finding["source"]["file"] == "examples/insecure/__main__.py"
        line = program[finding["source"]["line"] - 1]
        assert "(" in line, f"{finding['rule']} points at a line that creates nothing: {line!r}"
    by_rule = {f["rule"]: f for f in report["findings"]}
    # A resource made inside a component points at the line where the example creates the component.
    api_line = next(i for i, text in enumerate(program, 1) if text.startswith("api = RestApi("))
    assert by_rule["aws-apigateway-method-authorization"]["source"]["line"] == api_line
    assert by_rule["aws-apigateway-integration-https"]["source"]["line"] == api_line
    raw_line = next(i for i, text in enumerate(program, 1) if 'aws.kms.Key("unrotated"' in text)
    assert by_rule["aws-kms-key-rotation"]["source"]["line"] == raw_line
    assert by_rule["aws-apigateway-rest-api-endpoint-type"]["enforcement"] == "advisory"


def copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "Pulumi.yaml", project)
    (project / ".venv").symlink_to(ROOT / ".venv")  # the program's environment, as Pulumi.yaml names it
    shutil.copytree(ROOT / "stacks", project / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    return project


def edit_config(project: Path, stack: str, change) -> Path:
    path = project / "stacks" / f"Pulumi.{stack}.yaml"
    document = yaml.safe_load(path.read_text())
    change(document["config"])
    path.write_text(yaml.safe_dump(document))
    return path


@pytest.mark.parametrize("change, key, allowed", [
    (lambda c: c.update({"secure-api:wafRateLimit": "lots"}), "secure-api:wafRateLimit", "integer"),
    (lambda c: c.pop("secure-api:partnerUrl"), "secure-api:partnerUrl", "required"),
    (lambda c: c.update({"secure-api:enableDebug": True}), "secure-api:enableDebug", "allowed keys"),
    (lambda c: c.update({"secure-api:partnerUrl": "http://partner.example.com"}), "secure-api:partnerUrl", "https"),
    (lambda c: c.update({"secure-api:endpointType": "EDGE"}), "secure-api:endpointType", "REGIONAL"),
    (lambda c: c.pop("aws:allowedAccountIds"), "aws:allowedAccountIds", "required"),
])
def test_bad_config_exits_2_naming_file_and_key(tmp_path, change, key, allowed):
    project = copy_project(tmp_path)
    edit_config(project, "prod", change)
    result = preflight("--project", str(project), "--stack", "prod")
    assert result.returncode == 2, result.stdout + result.stderr
    message = " ".join(result.stderr.split())
    assert "stacks/Pulumi.prod.yaml" in message and key in message and allowed in message
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_unknown_stack_lists_the_stacks():
    result = preflight("--stack", "qa")
    assert result.returncode == 2
    assert "dev, prod, staging" in result.stderr and "Traceback" not in result.stderr


def test_not_a_project_exits_2(tmp_path):
    result = preflight("--project", str(tmp_path), "--stack", "dev")
    assert result.returncode == 2 and "Pulumi.yaml" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "table", "sarif", "markdown", "html"])
def test_decrypted_secret_never_appears_in_any_report(fmt, tmp_path):
    out = tmp_path / f"report.{fmt}"
    result = preflight("--stack", "dev", "--format", fmt, "--output", str(out),
                       env={"PULUMI_CONFIG_PASSPHRASE": DEV_PASSPHRASE})
    assert result.returncode == 0, result.stderr
    written = out.read_text()
    assert written and DEV_PARTNER_KEY not in written
    assert DEV_PARTNER_KEY not in result.stdout + result.stderr


def test_wrong_passphrase_is_a_clear_error():
    result = preflight("--stack", "dev", env={"PULUMI_CONFIG_PASSPHRASE": "not-the-passphrase"})
    assert result.returncode == 2
    assert "encryptionsalt" in result.stderr and "not-the-passphrase" not in result.stderr


def test_secret_in_a_bad_config_value_is_not_echoed(tmp_path):
    project = copy_project(tmp_path)
    # A secret pasted where a number belongs must not be quoted back in the error.
    edit_config(project, "prod", lambda c: c.update({"secure-api:wafRateLimit": DEV_PARTNER_KEY}))
    result = preflight("--project", str(project), "--stack", "prod")
    assert result.returncode == 2 and DEV_PARTNER_KEY not in result.stderr


def test_sarif_report_locates_results_in_the_program(tmp_path):
    import jsonschema

    out = tmp_path / "insecure.sarif"
    result = preflight("--project", "examples/insecure", "--stack", "dev", "--format", "sarif", "--output", str(out))
    assert result.returncode == 1
    sarif = json.loads(out.read_text())
    schema = json.loads((ROOT / "tests" / "fixtures" / "sarif-2.1.0.schema.json").read_text())
    jsonschema.Draft7Validator(schema).validate(sarif)
    locations = [r["locations"][0]["physicalLocation"] for r in sarif["runs"][0]["results"]]
    assert locations and all(loc["artifactLocation"]["uri"] == "examples/insecure/__main__.py" for loc in locations)
    assert all(loc["region"]["startLine"] > 0 for loc in locations)
