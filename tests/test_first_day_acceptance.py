"""Acceptance for a new team's first day: the wheel in a fresh virtualenv outside the repository,
installed by the CI template's own install step; `stackguard init`; a program from the components
with one raw bucket and one broad IAM policy; preflight dev and prod; `pulumi preview` then `check`;
an exemption; `pack export`; the exported pack, alone in a folder, under the real Pulumi CLI.

It asserts that `check --profile prod` reaches preflight's verdict with the same profile file, that
the CI log is a table with a BLOCKED line, and that the templates' commands run as written. The
timings of each step are printed (pytest -s) and written to first-day-timings.json in the test's folder.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import venv
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from stackguard import __version__
from tests.test_distribution import wheel  # noqa: F401 - the module's fixture: the wheel `bash scripts/dist` builds

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = yaml.safe_load((ROOT / "templates" / "github-workflow.yml").read_text())
HOOKS = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
PROGRAM = '''\
"""The payments team's first stack: stackguard's components, one raw bucket and one broad IAM policy."""
import json

import pulumi
import pulumi_aws as aws

from stackguard.components import EncryptionKey, ServiceRole

key = EncryptionKey("payments", {"alias": "alias/payments"})
role = ServiceRole("worker", {"trusted_service": "lambda.amazonaws.com"})
uploads = aws.s3.BucketV2("uploads")
broad = aws.iam.Policy("worker-s3", policy=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}],
}))
pulumi.export("bucket", uploads.bucket)
'''


def _step(name: str) -> str:
    return next(s for s in WORKFLOW["jobs"]["gate"]["steps"] if s.get("id") == name)["run"]


class Day:
    """The team's folder, its virtualenv and the clock."""

    def __init__(self, folder: Path, venv_dir: Path):
        self.folder, self.venv = folder, venv_dir
        self.timings: dict[str, float] = {}
        self.env = {"HOME": str(folder.parent / "home"), "PATH": f"{venv_dir / 'bin'}:/usr/bin:/bin", "LANG": "C.UTF-8",
                    **{k: v for k, v in os.environ.items() if k.startswith("PIP_")}}
        Path(self.env["HOME"]).mkdir(exist_ok=True)

    @contextmanager
    def timed(self, name: str):
        started = time.monotonic()
        yield
        self.timings[name] = round(time.monotonic() - started, 1)

    def shell(self, command: str, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command], cwd=self.folder,
                              env={**self.env, **extra}, capture_output=True, text=True, timeout=1800)

    def stackguard(self, *args: str, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.venv / "bin" / "stackguard"), *args], cwd=self.folder, env={**self.env, **extra},
                              capture_output=True, text=True, timeout=900)


def test_a_new_teams_first_day(wheel, tmp_path, workspace):  # noqa: F811 - the imported fixture
    team = tmp_path / "payments"
    team.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=team, check=True)
    (team / "requirements.txt").write_text(f"stackguard=={__version__}\n")
    (team / "Pulumi.yaml").write_text(f"name: payments\nruntime:\n  name: python\n  options:\n    virtualenv: {tmp_path / 'venv'}\n")
    for stack in ("dev", "prod"):
        (team / f"Pulumi.{stack}.yaml").write_text("config:\n  aws:region: eu-west-1\n")
    (team / "__main__.py").write_text(PROGRAM)
    venv.EnvBuilder(with_pip=True).create(tmp_path / "venv")
    day = Day(team, tmp_path / "venv")
    try:
        _first_day(day, team, tmp_path, wheel, workspace)
    finally:
        (tmp_path / "first-day-timings.json").write_text(json.dumps(day.timings, indent=2))
        print("\nfirst-day timings (s):", json.dumps(day.timings, indent=2))


def _first_day(day: Day, team: Path, tmp_path: Path, wheel: Path, workspace) -> None:  # noqa: F811 - the fixture's value
    team_prod = team / "stackguard" / "profiles" / "prod.json"

    # The CI template's install step, as written: the wheel from the team's index (here: the built wheel beside it).
    with day.timed("install (the workflow's install step)"):
        installed = day.shell(_step("install"), STACKGUARD_VERSION=str(WORKFLOW["env"]["STACKGUARD_VERSION"]),
                              PIP_FIND_LINKS=str(wheel.parent), PIP_QUIET="1")
    assert installed.returncode == 0, installed.stderr[-3000:]
    assert shutil.which("go", path=day.env["PATH"]) is None and shutil.which("opa", path=day.env["PATH"]) is None

    with day.timed("init"):
        assert day.stackguard("init").returncode == 0
    # The team's prod makes the bucket's access logging advisory: CI and preflight must both see that.
    team_prod.write_text(json.dumps({**json.loads(team_prod.read_text()), "aws-s3-bucket-access-logging": "advisory"}))

    with day.timed("preflight dev"):
        dev = day.stackguard("preflight", "--stack", "dev", "--format", "json")
    assert dev.returncode in (0, 1), dev.stderr
    with day.timed("preflight prod (first verdict)"):
        prod = day.stackguard("preflight", "--stack", "prod", "--format", "json")
    assert prod.returncode == 1, prod.stderr
    preflight_report = json.loads(prod.stdout)
    assert preflight_report["run"]["profile"]["file"] == str(team_prod)
    by_rule = {f["rule"]: f for f in preflight_report["findings"]}
    assert by_rule["aws-s3-bucket-access-logging"]["enforcement"] == "advisory"
    assert by_rule["aws-iam-policy-wildcard-actions"]["enforcement"] == "mandatory"

    # The CI log: the table by default, no colour, a BLOCKED line, and --quiet honoured.
    ci_log = day.stackguard("preflight", "--stack", "prod", "--quiet", GITHUB_ACTIONS="true")
    lines = ci_log.stdout.splitlines()
    assert ci_log.returncode == 1 and len(lines) == 3 and lines[-1].startswith("BLOCKED: "), ci_log.stdout + ci_log.stderr
    assert len(lines[0]) <= 80 and "\x1b[" not in ci_log.stdout and not ci_log.stdout.lstrip().startswith("{")

    # CI: the real CLI previews the stack, check judges the preview under `--profile prod`.
    workspace.pulumi("stack", "init", "prod", cwd=team)
    with day.timed("pulumi preview --json --show-sames"):
        preview = workspace.pulumi("preview", "--stack", "prod", "--json", "--show-sames", cwd=team)
    (team / "preview.json").write_text(preview.stdout)
    with day.timed("check preview.json --profile prod"):
        check = day.stackguard("check", "preview.json", "--profile", "prod", "--format", "json")
    check_report = json.loads(check.stdout)
    assert check.returncode == prod.returncode
    assert check_report["run"]["profile"] == preflight_report["run"]["profile"]
    decided = {(f["rule"], f["name"], f["enforcement"], f["exempted"]) for f in check_report["findings"] if f["rule"] != "aws-pulumi-unknown-value"}
    assert decided == {(f["rule"], f["name"], f["enforcement"], f["exempted"]) for f in preflight_report["findings"]}

    # The templates' gate step and pre-commit hook, as written.
    gate = day.shell(_step("gate"), **{k: str(v) for k, v in WORKFLOW["env"].items()})
    assert gate.returncode == 1 and (team / "reports" / "stackguard.sarif").exists(), gate.stderr
    hook = HOOKS["stackguard-preflight"]
    hooked = day.shell(" ".join([hook["entry"], *hook["args"]]))
    assert hooked.returncode == dev.returncode and "stackguard: " in hooked.stdout, hooked.stderr

    # An exemption for a mandatory finding of a negotiable rule is taken.
    firm = {rule for rule, level in json.loads(team_prod.read_text()).items() if isinstance(level, dict) and level.get("nonNegotiable")}
    rotation = next((f for f in preflight_report["findings"] if f["enforcement"] == "mandatory" and not f["exempted"]
                     and f["rule"] not in firm | {"aws-pulumi-unknown-value"}), None)
    assert rotation is not None, preflight_report["findings"]
    (team / "stackguard" / "exemptions.yaml").write_text(yaml.safe_dump({"exemptions": [{
        "rule": rotation["rule"], "resource": rotation["urn"], "stacks": ["prod"], "reason": "first day: fixed next sprint",
        "owner": "payments-team", "expires": "2027-01-31"}]}))
    with day.timed("preflight prod with an exemption"):
        exempted = day.stackguard("preflight", "--stack", "prod", "--format", "json")
    assert any(f["exempted"] for f in json.loads(exempted.stdout)["findings"] if f["urn"] == rotation["urn"]), exempted.stderr

    with day.timed("pack export"):
        exported = day.stackguard("pack", "export", "policy-pack", "--wheel", str(wheel))
    assert exported.returncode == 0, exported.stderr
    alone = tmp_path / "published" / "payments-policies"
    shutil.copytree(team / "policy-pack", alone)
    # The pack's virtualenv as the Pulumi CLI makes it, from its requirements.txt alone (hash-checking mode).
    with day.timed("the pack's venv: pip install -r requirements.txt"):
        venv.EnvBuilder(with_pip=True).create(alone / "venv")
        made = subprocess.run([str(alone / "venv" / "bin" / "python"), "-m", "pip", "install", "--quiet", "-r", "requirements.txt"],
                              cwd=alone, env={**day.env, "PIP_FIND_LINKS": ""}, capture_output=True, text=True, timeout=1800)
    assert made.returncode == 0, made.stderr[-3000:]
    with day.timed("pulumi preview --policy-pack"):
        gated = workspace.policy_preview("--stack", "prod", "--policy-pack", str(alone), "--policy-pack-config",
                                         str(alone / "profiles" / "prod.json"), cwd=team, check=False)
    assert gated.returncode != 0 and "aws-iam-policy-wildcard-actions" in gated.stdout, gated.stdout[-3000:] + gated.stderr[-3000:]
    assert "payments-policies" in gated.stdout

