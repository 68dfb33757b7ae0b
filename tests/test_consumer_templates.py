"""The templates consumers copy: the GitHub Actions workflow's commands and the pre-commit hooks,
run as they would run in another team's repository (offline: the hooks use the installed stackguard)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import xmlschema
import yaml

from tests.stack_exports import kms_key

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
WORKFLOW = yaml.safe_load((ROOT / "templates" / "github-workflow.yml").read_text())
# Steps that need the network, a cloud account or the Pulumi CLI; every other `run` step is run here.
# (the install step runs in tests/test_first_day_acceptance.py, in a fresh virtualenv from the built wheel)
NOT_RUN_HERE = {"install": "a package index serving the wheel", "preview": "the Pulumi CLI and a backend"}
BIN = str(Path(sys.executable).parent)


def preview(*resources: dict) -> dict:
    return {"steps": [{"op": "create", "urn": r["urn"], "newState": r} for r in resources]}


def run_steps(workdir: Path, summary: Path) -> dict[str, subprocess.CompletedProcess]:
    """Run the workflow's `run` steps in order, as the runner does (bash -e, the workflow's env)."""
    env = {**os.environ, **{k: str(v) for k, v in WORKFLOW["env"].items()},
           "GITHUB_STEP_SUMMARY": str(summary), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    results = {}
    for step in WORKFLOW["jobs"]["gate"]["steps"]:
        if "run" not in step or step.get("id") in NOT_RUN_HERE:
            continue
        results[step["id"]] = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                             cwd=workdir, env=env, capture_output=True, text=True, timeout=300)
    return results


def test_workflow_shape():
    steps = WORKFLOW["jobs"]["gate"]["steps"]
    ids = [s.get("id") for s in steps if "run" in s]
    assert ids == ["install", "preview", "gate", "summary"]
    after_gate = steps[[s.get("id") for s in steps].index("gate") + 1:]
    assert after_gate and all(str(s.get("if", "")).startswith("always()") for s in after_gate)
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == "reports/stackguard.sarif"
    assert WORKFLOW["permissions"]["security-events"] == "write"


def test_workflow_installs_the_wheel_with_no_checkout_no_go_and_no_opa():
    from stackguard import __version__

    steps = WORKFLOW["jobs"]["gate"]["steps"]
    uses = [str(s.get("uses", "")) for s in steps]
    assert not [u for u in uses if u.startswith("actions/setup-go")]
    assert [s for s in steps if s.get("uses", "").startswith("actions/checkout")] == [{"uses": "actions/checkout@v4"}]
    install = next(s for s in steps if s.get("id") == "install")["run"]
    assert install.startswith('pip install "stackguard==$STACKGUARD_VERSION"') and "opa" not in install and "-e" not in install.split()
    assert str(WORKFLOW["env"]["STACKGUARD_VERSION"]) == __version__
    assert "pip install -e" not in (ROOT / ".pre-commit-hooks.yaml").read_text()


def test_workflow_commands_block_an_insecure_preview_and_publish_every_report(tmp_path):
    (tmp_path / "preview.json").write_text(json.dumps(preview(kms_key("data-key", rotation=False))))
    summary = tmp_path / "summary.md"
    results = run_steps(tmp_path, summary)
    gate = results["gate"]
    assert gate.returncode == 1, gate.stdout + gate.stderr
    assert any(line.startswith("::error title=aws-kms-key-rotation (data-key)::") for line in gate.stdout.splitlines())
    reports = tmp_path / "reports"
    jsonschema.Draft7Validator(json.loads((FIXTURES / "sarif-2.1.0.schema.json").read_text())).validate(
        json.loads((reports / "stackguard.sarif").read_text()))
    xmlschema.XMLSchema(str(FIXTURES / "junit-10.xsd")).validate(str(reports / "stackguard-junit.xml"))
    assert (reports / "stackguard.html").exists()
    assert results["summary"].returncode == 0 and summary.read_text().startswith("<!-- stackguard-report -->")


def test_workflow_commands_pass_with_a_committed_baseline(tmp_path):
    (tmp_path / "preview.json").write_text(json.dumps(preview(kms_key("data-key", rotation=False))))
    created = subprocess.run([f"{BIN}/stackguard", "check", "preview.json", "--create-baseline", "stackguard-baseline.json",
                              "--format", "json"], cwd=tmp_path, capture_output=True, text=True, timeout=180)
    assert created.returncode == 0, created.stderr
    gate = run_steps(tmp_path, tmp_path / "summary.md")["gate"]
    assert gate.returncode == 0, gate.stdout + gate.stderr
    assert "::error title=aws-kms-key-rotation" not in gate.stdout and "[baselined]" in gate.stdout


HOOKS = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}


def consumer_repo(path: Path, files: dict[str, str]) -> Path:
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(["git", "init", "-q"], cwd=path, check=True)
    subprocess.run([*git, "add", "-A"], cwd=path, check=True)
    subprocess.run([*git, "commit", "-qm", "consumer"], cwd=path, check=True)
    return path


def try_repo(repo: Path, hook: str, tmp_path: Path) -> subprocess.CompletedProcess:
    if not shutil.which("git"):
        pytest.skip("git is needed by pre-commit")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run([f"{BIN}/pre-commit", "try-repo", str(ROOT), hook, "--all-files", "--verbose"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def test_check_hook_blocks_a_committed_insecure_preview_and_passes_a_fixed_one(tmp_path):
    insecure = consumer_repo(tmp_path / "insecure", {"preview.json": json.dumps(preview(kms_key("data-key", rotation=False))),
                                                     "other.json": "{}"})
    result = try_repo(insecure, "stackguard-check", tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "aws-kms-key-rotation data-key" in result.stdout and "other.json" not in result.stdout
    fixed = consumer_repo(tmp_path / "fixed", {"preview.json": json.dumps(preview(kms_key("data-key", rotation=True)))})
    result = try_repo(fixed, "stackguard-check", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


PROGRAM = '''import pulumi_aws as aws

aws.kms.Key("data-key", enable_key_rotation={rotation}, deletion_window_in_days=30)
'''


def test_preflight_hook_gates_the_program(tmp_path):
    files = {"Pulumi.yaml": "name: hooked\nruntime: python\n", "Pulumi.dev.yaml": "config:\n  aws:region: eu-west-1\n"}
    insecure = consumer_repo(tmp_path / "insecure", {**files, "__main__.py": PROGRAM.format(rotation=False)})
    result = try_repo(insecure, "stackguard-preflight", tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "aws-kms-key-rotation data-key" in result.stdout and "__main__.py:3" in result.stdout
    assert HOOKS["stackguard-preflight"]["args"] == ["--stack", "dev"]
