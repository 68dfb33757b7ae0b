"""`stackguard preflight` as a newcomer runs it: no cloud account, no Pulumi CLI."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.processes import alive, descendants

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
    assert report["summary"]["mandatory"] >= 9 and report["summary"]["acknowledged"] >= 5
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


@pytest.mark.parametrize("stack, hint", [("prd", "did you mean 'prod'?"), ("qa", "create Pulumi.qa.yaml first")])
def test_a_stack_without_a_config_file_beside_others_is_refused_with_a_did_you_mean(stack, hint):
    # `prd` would run with an empty config, and the exemptions written for `prod` would not apply.
    result = preflight("--stack", stack, "--profile", "prod")
    assert result.returncode == 2 and "Traceback" not in result.stderr and result.stdout == ""
    message = " ".join(result.stderr.split())
    assert f"stacks/Pulumi.{stack}.yaml does not exist" in message and "dev, prod, staging" in message
    assert hint in message


def test_invalid_stack_name_exits_2():
    result = preflight("--stack", "../prod")
    assert result.returncode == 2 and "--stack" in result.stderr and "Traceback" not in result.stderr


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


def write_program(tmp_path: Path, program: str, config: dict | None = None) -> Path:
    project = tmp_path / "program"
    project.mkdir()
    (project / "Pulumi.yaml").write_text(yaml.safe_dump(
        {"name": "probe", "runtime": {"name": "python", "options": {"virtualenv": str(ROOT / ".venv")}}}))
    (project / "__main__.py").write_text(program)
    if config is not None:
        (project / "Pulumi.dev.yaml").write_text(yaml.safe_dump({"config": config}))
    return project


@pytest.mark.parametrize("ending, code, says", [("sys.exit(0)", 2, "before it finished"),
                                               ("os._exit(0)", 3, "before its stack completed")])
def test_a_program_that_exits_early_never_passes(tmp_path, ending, code, says):
    project = write_program(tmp_path, f"import os, sys\nimport pulumi_aws as aws\n"
                                      f"aws.kms.Key('unrotated', enable_key_rotation=False)\n{ending}\n", {})
    result = preflight("--project", str(project), "--stack", "dev", "--format", "json")
    assert result.returncode == code and result.stdout == ""
    assert says in result.stderr and "Traceback" not in result.stderr


def test_report_states_generic_data_sources_and_what_was_not_inspected(tmp_path):
    project = write_program(tmp_path, """import pulumi, pulumi_aws as aws
class Vpc(pulumi.ComponentResource):
    def __init__(self, name):
        super().__init__("awsx:ec2:Vpc", name, {}, None, remote=True)
Vpc("net")
legacy = aws.s3.Bucket.get("legacy", "legacy-bucket")
instance = aws.ec2.get_instance(instance_id="i-0123456789abcdef0")
aws.kms.Key("unrotated", enable_key_rotation=False, description=instance.ami)
""", {})
    result = preflight("--project", str(project), "--stack", "dev", "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["coverage"]["generic_invokes"] == ["aws:ec2/getInstance:getInstance"]
    assert {(n["type"], n["reason"].split(":")[0]) for n in report["coverage"]["not_inspected"]} == {
        ("awsx:ec2:Vpc", "remote component"), ("aws:s3/bucket:Bucket", "read with get (id legacy-bucket)")}
    assert "aws-kms-key-rotation" in {f["rule"] for f in report["findings"]}


REMOTE_ONLY = """import pulumi
class FargateService(pulumi.ComponentResource):
    def __init__(self, name):
        super().__init__("awsx:ecs:FargateService", name, {"assignPublicIp": True}, None, remote=True)
FargateService("service")
"""


def test_a_program_of_remote_components_only_never_passes_in_prod(tmp_path):
    """Nothing under a multi-language component was inspected: with no finding at all, prod still blocks,
    naming the component, its line and the run that inspects its children."""
    project = write_program(tmp_path, REMOTE_ONLY, {})
    result = preflight("--project", str(project), "--stack", "dev", "--profile", "prod", "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["findings"] == []
    [notice] = report["notices"]
    assert (notice["kind"], notice["level"], notice["key"]) == ("uninspected", "error", "line 5")
    assert notice["file"] == str(project / "__main__.py")
    assert notice["resource"].endswith("awsx:ecs:FargateService::service")
    assert "awsx:ecs:FargateService 'service'" in notice["message"] and "uninspected: fail" in notice["message"]
    assert "pulumi preview --stack dev --json --show-sames" in notice["message"]
    assert "stackguard check preview.json --profile prod" in notice["message"]
    table = preflight("--project", str(project), "--stack", "dev", "--profile", "prod", "--format", "table")
    assert table.returncode == 1 and "BLOCKED: 1 component not inspected" in table.stdout


def test_a_program_of_remote_components_only_warns_in_dev(tmp_path):
    project = write_program(tmp_path, REMOTE_ONLY, {})
    result = preflight("--project", str(project), "--stack", "dev", "--profile", "dev", "--format", "json")
    assert result.returncode == 0, result.stderr
    [notice] = json.loads(result.stdout)["notices"]
    assert (notice["kind"], notice["level"]) == ("uninspected", "warning")
    assert "uninspected: warn" in notice["message"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_stops_program_pack_and_opa_with_nothing_left(tmp_path, signum):
    started = tmp_path / "started"
    project = write_program(tmp_path, f"import subprocess, time\nsubprocess.Popen(['sleep', '300'])\n"
                                      f"open({str(started)!r}, 'w').close()\ntime.sleep(300)\n", {})
    environment = {k: v for k, v in os.environ.items() if k != "PULUMI_CONFIG_PASSPHRASE"}
    cli = subprocess.Popen([STACKGUARD, "preflight", "--project", str(project), "--stack", "dev", "--format", "json"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert started.exists(), cli.stderr.read() if cli.poll() is not None else "the program never started"
    time.sleep(1.0)  # let the pack and OPA finish booting, so they are part of what must go
    below = descendants(cli.pid)
    assert len(below) >= 3  # the program, its sleep, the pack (and OPA)
    cli.send_signal(signum)
    out, err = cli.communicate(timeout=30)
    assert cli.returncode == 3 and out == ""
    assert f"stopped by {signal.Signals(signum).name}" in err and "running the program" in err
    deadline = time.monotonic() + 10
    while any(alive(p) for p in below) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [p for p in below if alive(p)] == []


def test_timeout_stops_preflight_with_exit_3_naming_the_stage(tmp_path):
    from stackguard.errors import EngineError
    from stackguard.preflight import preflight as run_preflight

    project = write_program(tmp_path, "import time\ntime.sleep(300)\n", {})
    started = time.monotonic()
    with pytest.raises(EngineError) as err:
        run_preflight(project, "dev", timeout=4)
    assert time.monotonic() - started < 20
    assert "within 4 s" in str(err.value) and "running the program" in str(err.value)


def test_a_program_error_quoting_a_decrypted_secret_never_prints_it(tmp_path):
    # issue 12 item 10: the program raises with the decrypted config secret in its message.
    project = tmp_path / "leaky"
    project.mkdir()
    (project / "Pulumi.yaml").write_text(yaml.safe_dump(
        {"name": "secure-api", "runtime": {"name": "python", "options": {"virtualenv": str(ROOT / ".venv")}}}))
    dev = yaml.safe_load((ROOT / "stacks" / "Pulumi.dev.yaml").read_text())
    (project / "Pulumi.dev.yaml").write_text(yaml.safe_dump(
        {"encryptionsalt": dev["encryptionsalt"], "config": {"secure-api:partnerApiKey": dev["config"]["secure-api:partnerApiKey"]}}))
    (project / "__main__.py").write_text(
        "import pulumi\ntoken = pulumi.Config().require('partnerApiKey')\nprint('using', token)\n"
        "raise ValueError(f'token {token!r} was rejected by the partner')\n")
    result = preflight("--project", str(project), "--stack", "dev", env={"PULUMI_CONFIG_PASSPHRASE": DEV_PASSPHRASE})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "__main__.py:4: ValueError" in result.stderr and "token '[secret]' was rejected" in result.stderr
    assert DEV_PARTNER_KEY not in result.stdout + result.stderr
