"""Real public Pulumi Python AWS programs (tests/programs/, each with its license and origin) gated
by preflight in their own environment, as a team would run it: each completes with its expected
verdict, the findings a reviewer expects, and what it could not inspect stated on the report."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
PROGRAMS = sorted(p for p in (ROOT / "tests" / "programs").iterdir() if (p / "Pulumi.yaml").exists())
STACKGUARD = str(Path(sys.executable).with_name("stackguard"))


def test_the_corpus_has_at_least_30_programs_10_independent_with_origin_license_and_expectations():
    assert len(PROGRAMS) >= 30
    owners = []
    for program in PROGRAMS:
        origin = (program / "ORIGIN.md").read_text()
        assert "https://github.com/" in origin and "github.com/pulumi/examples" not in origin
        owners.append(re.search(r"- Repository: https://github\.com/([^/\s]+)/", origin).group(1))
        assert re.search(r"\b[0-9a-f]{40}\b", origin) and (program / "LICENSE").stat().st_size > 0
        expected = json.loads((program / "expected.json").read_text())
        assert expected["exit"] in (0, 1) and (program / "EXPECTED.md").exists()
    # Most programs come from authors outside Pulumi's own organisation, whose examples the rules were tuned on.
    assert sum(owner.lower() != "pulumi" for owner in owners) >= 10


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_program_gets_its_expected_verdict_and_findings(program, corpus_env, tmp_path):
    expected = json.loads((program / "expected.json").read_text())
    project = tmp_path / program.name
    shutil.copytree(program, project)
    # The program's environment where its Pulumi.yaml (or Pulumi's default lookup) expects it.
    (project / "venv").symlink_to(corpus_env)
    environment = {k: v for k, v in os.environ.items() if k != "PULUMI_CONFIG_PASSPHRASE"}
    # Variables the program reads from its shell (os.environ), as its README tells its users to set.
    environment.update(expected.get("environment", {}))
    started = time.monotonic()
    result = subprocess.run([STACKGUARD, "preflight", "--project", str(project), "--stack", expected["stack"],
                             "--profile", expected["profile"], "--format", "json"],
                            capture_output=True, text=True, timeout=180, env=environment, cwd=ROOT)
    assert time.monotonic() - started < 120
    assert result.returncode == expected["exit"], result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    found = {(f["rule"], f["name"]) for f in report["findings"] if f["enforcement"] == "mandatory"}
    missing = {(f["rule"], f["name"]) for f in expected["findings"]} - found
    assert not missing, f"expected findings not reported: {sorted(missing)}"
    # Weaknesses a reviewer sees that prod reports without blocking (logging, versioning, ...).
    reported = {(f["rule"], f["name"]) for f in report["findings"]}
    unreported = {(f["rule"], f["name"]) for f in expected.get("advisory", [])} - reported
    assert not unreported, f"expected advisory findings not reported: {sorted(unreported)}"
    assert sorted({n["type"] for n in report["coverage"]["not_inspected"]}) == expected["not_inspected"]
    remote = {n["urn"] for n in report["coverage"]["not_inspected"] if n["reason"].startswith("remote component")}
    assert {n["resource"] for n in report.get("notices", []) if n["kind"] == "uninspected"} == remote
    assert all(f["source"]["file"].endswith(".py") for f in report["findings"])


@pytest.mark.parametrize(("profile", "exit_code", "level"), [("prod", 1, "error"), ("dev", 0, "warning")])
def test_an_awsx_only_program_is_not_a_pass_in_prod(profile, exit_code, level, corpus_env, tmp_path):
    """training-base-infra-vpc is one awsx.ec2.Vpc: preflight inspects nothing under it, so prod blocks
    (uninspected: fail) and dev warns (uninspected: warn), each naming the component."""
    project = tmp_path / "vpc"
    shutil.copytree(ROOT / "tests" / "programs" / "training-base-infra-vpc", project)
    (project / "venv").symlink_to(corpus_env)
    environment = {k: v for k, v in os.environ.items() if k != "PULUMI_CONFIG_PASSPHRASE"}
    result = subprocess.run([STACKGUARD, "preflight", "--project", str(project), "--stack", "dev", "--profile", profile,
                             "--format", "json"], capture_output=True, text=True, timeout=180, env=environment, cwd=ROOT)
    assert result.returncode == exit_code, result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["findings"] == [] or all(f["enforcement"] != "mandatory" for f in report["findings"])
    [notice] = [n for n in report["notices"] if n["kind"] == "uninspected"]
    assert notice["level"] == level and notice["resource"].endswith("awsx:ec2:Vpc::organization-dev")
    assert "stackguard check preview.json" in notice["message"]
