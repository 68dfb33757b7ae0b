"""The scheduling templates for `stackguard scan`, read and their commands run as the scheduler would:
the GitHub Actions workflow's scan step in bash with the workflow's env, and the Kubernetes CronJob's
container command with its env and Kubernetes' $(VAR) expansion. Paths that volumes and the cache
provide there point into the test's folder here; the source is the real CLI's export."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
EXPORT = ROOT / "tests/fixtures/real-cli/export.json"
BIN = str(Path(sys.executable).parent)


def config(folder: Path) -> Path:
    (folder / "stackguard.yaml").write_text(yaml.safe_dump({"scan": {"sla": {"default": {"high": 30}}}}))
    return folder / "stackguard.yaml"


def test_the_github_workflow_runs_on_a_schedule_and_its_scan_step_scans_and_keeps_the_history(tmp_path):
    workflow = yaml.safe_load((ROOT / "templates/github-scan-workflow.yml").read_text())
    assert workflow[True]["schedule"][0]["cron"]  # PyYAML reads the `on:` key as True
    assert workflow["concurrency"]["cancel-in-progress"] is False
    steps = workflow["jobs"]["scan"]["steps"]
    step = next(s for s in steps if s.get("id") == "scan")
    cache = [s for s in steps if str(s.get("uses", "")).startswith("actions/cache/")]
    assert {s["with"]["path"] for s in cache} == {".stackguard/history.sqlite"}
    assert workflow["env"]["STACKGUARD_HISTORY"] == "sqlite:///.stackguard/history.sqlite"
    config(tmp_path)
    env = {**os.environ, **workflow["env"], "STACKGUARD_SOURCES": str(EXPORT), "STACKGUARD_ALERT_SECRET": "k",
           "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    for run in (1, 2):
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 1, done.stderr  # the recorded stack has open mandatory findings
        report = json.loads((tmp_path / "reports/stackguard-scan.json").read_text())
        assert report["scan"]["id"] == run and "recorded/prod" in done.stdout
    assert report["summary"]["new"] == 0 and report["summary"]["open"] > 0
    assert (tmp_path / ".stackguard/history.sqlite").exists()


def test_the_github_workflow_installs_the_wheel_with_no_checkout_of_stackguard_and_no_go():
    from stackguard import __version__

    workflow = yaml.safe_load((ROOT / "templates/github-scan-workflow.yml").read_text())
    steps = workflow["jobs"]["scan"]["steps"]
    assert not [s for s in steps if str(s.get("uses", "")).startswith("actions/setup-go")]
    assert [s for s in steps if str(s.get("uses", "")).startswith("actions/checkout")] == [{"uses": "actions/checkout@v4"}]
    install = next(s for s in steps if s.get("id") == "install")["run"]
    assert install.startswith('pip install "stackguard[s3]==$STACKGUARD_VERSION"') and "-e" not in install.split()
    assert str(workflow["env"]["STACKGUARD_VERSION"]) == __version__


def test_the_kubernetes_cronjob_runs_its_container_command(tmp_path):
    cronjob = yaml.safe_load((ROOT / "templates/kubernetes-scan-cronjob.yaml").read_text())
    assert (cronjob["kind"], cronjob["spec"]["concurrencyPolicy"]) == ("CronJob", "Forbid")
    pod = cronjob["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    container, = pod["containers"]
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert {"/var/lib/stackguard", "/etc/stackguard", "/tmp"} <= mounts
    env = {e["name"]: e["value"] for e in container["env"] if "value" in e}
    # What the volumes provide in the cluster, here: the history volume, the ConfigMap and the Secret.
    assert env["STACKGUARD_HISTORY"].startswith("sqlite:////var/lib/stackguard/") and env["STACKGUARD_CONFIG"].startswith("/etc/stackguard/")
    env.update(STACKGUARD_SOURCES=str(EXPORT), STACKGUARD_HISTORY=f"sqlite:///{tmp_path}/history.sqlite",
               STACKGUARD_CONFIG=str(config(tmp_path)), STACKGUARD_ALERT_SECRET="k")
    argv = [re.sub(r"\$\((\w+)\)", lambda m: env[m.group(1)], part) for part in container["command"] + container["args"]]
    argv[0] = str(Path(BIN) / argv[0])
    done = subprocess.run(argv, cwd=tmp_path, env={**os.environ, **env}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert [s["stack"] for s in report["stacks"]] == ["recorded/prod"] and report["summary"]["new"] > 0
    assert (tmp_path / "history.sqlite").exists()
