"""`stackguard scan` on backends the real Pulumi CLI built and deployed (`pulumi login file://...` and
`pulumi login s3://...` against moto's S3 server on 127.0.0.1, `pulumi up` with the AWS provider test
double): scanned twice, a stack changed (one finding fixed, one added) and an exemption left to expire,
scanned again; the new/fixed/expiring/expired/stale sets, each stack's exemption notices, the history
rows, the alerts the webhooks received (one of them down, then back) and the ASFF and SARIF outputs are
asserted; then a state object that cannot be read is reported and alerted as not checked (exit 3)."""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import hmac
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.e2e.real_cli import ROOT, Workspace, copy_project
from tests.scan_helpers import S3_CREDENTIALS, MotoS3, Receiver, asff_schema, free_port

pytestmark = pytest.mark.slow
PROGRAM = Path(__file__).parent / "scan_program"
SECRET = "hunter2-Plaintext-Zq9w"
HOOK_KEY = "scan-hook-key-for-tests"


def deploy(workspace: Workspace, project: str, stack: str, keys: list[dict], secret: bool = False, **env: str) -> None:
    folder = workspace.folder / "projects" / f"{project}-{stack}"
    if not folder.exists():
        copy_project(PROGRAM, folder, ROOT / ".venv")
        text = (folder / "Pulumi.yaml").read_text().replace("name: scan-payments", f"name: {project}")
        (folder / "Pulumi.yaml").write_text(text)
        workspace.pulumi("stack", "init", stack, cwd=folder, **env)
        if secret:
            workspace.pulumi("config", "set", "--secret", "dbPassword", SECRET, "--stack", stack, cwd=folder, **env)
    workspace.pulumi("config", "set", "keys", json.dumps(keys), "--stack", stack, cwd=folder, **env)
    workspace.pulumi("up", "--stack", stack, "--yes", cwd=folder, **env)


def write_exemptions(folder: Path, ledger_expires: dt.date, today: dt.date) -> None:
    entries = [
        {"rule": "aws-kms-key-rotation", "resource": "urn:pulumi:prod::scan-ledger::aws:kms/key:Key::ledger", "stacks": ["prod"],
         "reason": "The ledger key rotates with the HSM migration.", "owner": "ledger-team", "expires": ledger_expires.isoformat()},
        {"rule": "aws-ssm-parameter-cmk", "resource": "urn:pulumi:prod::scan-payments::*", "stacks": ["prod"],
         "reason": "Customer-managed key for SSM is being rolled out.", "owner": "payments-team", "expires": (today + dt.timedelta(days=10)).isoformat()},
        {"rule": "aws-kms-key-rotation", "resource": "urn:pulumi:prod::scan-payments::aws:kms/key:Key::retired", "stacks": ["prod"],
         "reason": "A key that was deleted long ago; nobody removed this.", "owner": "payments-team", "expires": (today + dt.timedelta(days=60)).isoformat()},
    ]
    (folder / "exemptions.yaml").write_text(yaml.safe_dump({"exemptions": entries}))


def scan(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **S3_CREDENTIALS, "SCAN_HOOK_KEY": HOOK_KEY}
    return subprocess.run([str(Path(sys.executable).parent / "stackguard"), "scan", *args], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=600)


def findings_by(stack: dict, section: str) -> set[tuple[str, str, str]]:
    return {(f["stack"], f["rule"], f["urn"].rsplit("::", 1)[-1]) for f in stack[section]}


def every(report: dict, section: str) -> set[tuple[str, str, str]]:
    return {item for stack in report["stacks"] for item in findings_by(stack, section)}


@pytest.fixture
def moto_s3():
    server = MotoS3()
    yield server
    server.stop()


def test_scan_of_real_file_and_s3_backends_reports_changes_history_and_alerts(workspace, moto_s3, tmp_path):
    today = dt.datetime.now(dt.timezone.utc).date()
    moto_s3.client().create_bucket(Bucket="org-states")
    s3_env = {**S3_CREDENTIALS, "PULUMI_BACKEND_URL": moto_s3.backend_url("org-states")}
    gzip_env = {"PULUMI_SELF_MANAGED_STATE_GZIP": "true"}
    deploy(workspace, "scan-payments", "prod", [{"name": "data", "rotate": False}, {"name": "logs", "rotate": True}], secret=True, **gzip_env)
    deploy(workspace, "scan-payments", "dev", [{"name": "data", "rotate": True}])
    deploy(workspace, "scan-ledger", "prod", [{"name": "ledger", "rotate": False}])
    deploy(workspace, "scan-billing", "prod", [{"name": "billing", "rotate": False}], **s3_env)
    state = workspace.folder / "state"
    gzipped = state / ".pulumi/stacks/scan-payments/prod.json.gz"
    assert gzipped.exists(), "the gzip-compressed state is what Pulumi wrote with PULUMI_SELF_MANAGED_STATE_GZIP"
    ciphertexts = {v["ciphertext"] for v in _secret_values(json.loads(gzip.decompress(gzipped.read_bytes())))}
    assert ciphertexts, "the stack's state holds an encrypted secret"

    hooks = Receiver()
    down_port = free_port()
    config = tmp_path / "org"
    config.mkdir()
    (config / "stackguard.yaml").write_text(yaml.safe_dump({
        "exemptions": "exemptions.yaml",
        "scan": {
            "stacks": [{"match": "scan-*/dev", "profile": "dev"}, {"match": "*", "profile": "prod"}],
            "sla": {"default": {"critical": 7, "high": 30, "medium": 90, "low": 180}},
            "alerts": [{"url": hooks.url("/slack"), "format": "slack", "min_severity": "high"},
                       {"url": hooks.url("/siem"), "format": "json", "min_severity": "medium", "secret_env": "SCAN_HOOK_KEY"},
                       {"url": f"http://127.0.0.1:{down_port}/down", "format": "json", "min_severity": "low", "secret_env": "SCAN_HOOK_KEY"}],
            "security_hub": {"account_id": "123456789012", "region": "us-east-1"},
        },
    }))
    write_exemptions(config, today + dt.timedelta(days=30), today)
    sources = (f"file://{state}", moto_s3.backend_url("org-states"))

    # Scan 1: every stack is new to the history.
    first = scan(config, *sources, "--format", "json")
    assert first.returncode == 1, first.stderr  # open mandatory findings
    report = json.loads(first.stdout)
    assert {s["stack"] for s in report["stacks"]} == {"scan-payments/prod", "scan-payments/dev", "scan-ledger/prod", "scan-billing/prod"}
    assert {s["stack"]: s["profile"] for s in report["stacks"]}["scan-payments/dev"] == "dev"
    assert every(report, "open") == {("scan-payments/prod", "aws-kms-key-rotation", "data"),
                                     ("scan-billing/prod", "aws-kms-key-rotation", "billing")}
    assert {(f[0], f[1], f[2]) for f in every(report, "new")} >= every(report, "open")
    assert "was not delivered after 3 attempts" in first.stderr and f"127.0.0.1:{down_port}" in first.stderr
    assert [a["delivered"] for a in report["alerts"]] == [True, True, False]
    slack, = hooks.at("/slack")
    assert slack.json["text"].startswith(":warning: stackguard scan") and "2 new open findings" in slack.json["text"]
    siem, = hooks.at("/siem")
    assert siem.headers["X-Stackguard-Signature"] == "sha256=" + hmac.new(HOOK_KEY.encode(), siem.body, hashlib.sha256).hexdigest()
    assert {(f["stack"], f["rule"]) for f in siem.json["findings"]} == {("scan-payments/prod", "aws-kms-key-rotation"),
                                                                        ("scan-billing/prod", "aws-kms-key-rotation")}

    # Scan 2, same state: nothing changes in the history but the scan's own row; the down webhook is tried again.
    history = config / ".stackguard/history.sqlite"
    before = _tables(history)
    second = scan(config, *sources, "--format", "json")
    report = json.loads(second.stdout)
    assert report["summary"]["changed_stacks"] == 0 and every(report, "new") == set() and every(report, "fixed") == set()
    after = _tables(history)
    assert after["findings"] == before["findings"] and after["evaluations"] == before["evaluations"]
    assert len(after["scans"]) == 2
    assert len(hooks.received) == 2, "an unchanged state raises no new alert"
    assert [(a["delivered"], a["attempts"]) for a in report["alerts"]] == [(False, 3)]

    # The change: payments/prod fixes `data` and adds `audit` without rotation; the ledger exemption expires.
    deploy(workspace, "scan-payments", "prod", [{"name": "data", "rotate": True}, {"name": "logs", "rotate": True},
                                                {"name": "audit", "rotate": False}], **gzip_env)
    write_exemptions(config, today - dt.timedelta(days=1), today)
    third = scan(config, *sources, "--format", "json", "--output", f"asff={tmp_path / 'findings.asff.json'}",
                 "--output", f"table={tmp_path / 'scan.txt'}", "--output", f"html={tmp_path / 'scan.html'}",
                 "--output", f"sarif={tmp_path / 'scan.sarif'}")
    report = json.loads(third.stdout)
    assert every(report, "new") == {("scan-payments/prod", "aws-kms-key-rotation", "audit")}
    assert every(report, "fixed") == {("scan-payments/prod", "aws-kms-key-rotation", "data")}
    assert every(report, "unexempted") == {("scan-ledger/prod", "aws-kms-key-rotation", "ledger")}
    assert [(e["rule"], e["resource"]) for e in report["exemptions"]["expired"]] == [
        ("aws-kms-key-rotation", "urn:pulumi:prod::scan-ledger::aws:kms/key:Key::ledger")]
    assert [(e["rule"], e["days_left"]) for e in report["exemptions"]["expiring"]] == [("aws-ssm-parameter-cmk", 10)]
    assert [e["resource"] for e in report["exemptions"]["stale"]] == ["urn:pulumi:prod::scan-payments::aws:kms/key:Key::retired"]
    assert [point["open"]["high"] for point in report["trend"]] == [2, 2, 3]
    # The decision core's notices, per stack: the payments exemptions that expire soon or match nothing.
    payments_notices = {(n["kind"], n["resource"].rsplit("::", 1)[-1]) for s in report["stacks"] if s["stack"] == "scan-payments/prod"
                        for n in s["notices"]}
    assert {("expiring", "*"), ("stale", "retired")} <= payments_notices
    others = {n["resource"] for s in report["stacks"] if s["stack"] != "scan-payments/prod" for n in s["notices"]}
    assert not any("scan-payments" in resource for resource in others), "a payments entry is no notice of another project's prod"
    sarif = json.loads((tmp_path / "scan.sarif").read_text())
    assert {(r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].rsplit("::", 1)[-1])
            for r in sarif["runs"][0]["results"] if r["level"] == "error"} >= {("aws-kms-key-rotation", "audit"), ("aws-kms-key-rotation", "ledger")}

    rows = {(r["stack"], r["rule"], r["urn"].rsplit("::", 1)[-1]): r for r in _findings(history)}
    assert rows[("scan-payments/prod", "aws-kms-key-rotation", "data")]["fixed_at"] == report["scan"]["finished_at"]
    assert rows[("scan-payments/prod", "aws-kms-key-rotation", "audit")]["first_seen"] == report["scan"]["finished_at"]
    ledger = rows[("scan-ledger/prod", "aws-kms-key-rotation", "ledger")]
    assert (ledger["status"], ledger["exemption"], ledger["fixed_at"]) == ("mandatory", None, None)
    assert ledger["first_seen"] < report["scan"]["finished_at"], "an exemption's end does not make the finding younger"
    ssm = rows[("scan-payments/prod", "aws-ssm-parameter-cmk", "db-password")]
    assert ssm["status"] == "exempted" and json.loads(ssm["exemption"])["owner"] == "payments-team"

    slack_3 = hooks.at("/slack")[-1].json
    assert "2 new open findings" in slack_3["text"]
    assert {(f["stack"], f["urn"].rsplit("::", 1)[-1]) for f in hooks.at("/siem")[-1].json["findings"]} == {
        ("scan-payments/prod", "audit"), ("scan-ledger/prod", "ledger")}

    dashboard = (tmp_path / "scan.html").read_text()
    assert dashboard.count("<polyline") == 4 and "scan-ledger/prod" in dashboard
    asff = json.loads((tmp_path / "findings.asff.json").read_text())
    jsonschema.validate(asff, asff_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert {(f["RecordState"], f["Resources"][0]["Id"].rsplit("::", 1)[-1]) for f in asff} == {
        ("ACTIVE", "audit"), ("ACTIVE", "ledger"), ("ACTIVE", "billing"), ("ARCHIVED", "data")}

    # The down webhook comes up: the next scan delivers every alert it had queued, oldest first.
    back = Receiver(port=down_port)
    fourth = scan(config, *sources, "--format", "json")
    assert [(a["event"], a["delivered"]) for a in json.loads(fourth.stdout)["alerts"]] == [("findings", True), ("findings", True)]
    assert [len(r.json["findings"]) for r in back.received] == [2, 2]

    # A state object in the bucket that cannot be read: the other stacks are scanned, that one is reported and alerted
    # as not checked, the scan exits 3, and its findings in the history stay as they were.
    moto_s3.client().put_object(Bucket="org-states", Key=".pulumi/stacks/scan-billing/prod.json", Body=b'{"version": 3, "checkpoint": {')
    fifth = scan(config, *sources, "--format", "json")
    assert fifth.returncode == 3, fifth.stderr
    report = json.loads(fifth.stdout)
    assert [(u["stack"], u["origin"]) for u in report["unreadable"]] == [("scan-billing/prod", "s3://org-states/.pulumi/stacks/scan-billing/prod.json")]
    assert {s["stack"] for s in report["stacks"]} == {"scan-payments/prod", "scan-payments/dev", "scan-ledger/prod"}
    assert "scan-billing/prod could not be read" in fifth.stderr
    assert "could not read 1 stack: scan-billing/prod" in hooks.at("/slack")[-1].json["text"]
    assert hooks.at("/siem")[-1].json["event"] == "stacks_unreadable" and back.received[-1].json["event"] == "stacks_unreadable"
    assert {(r["stack"], r["fixed_at"]) for r in _findings(history) if r["stack"] == "scan-billing/prod"} == {("scan-billing/prod", None)}
    back.close()
    hooks.close()

    # Secrets stay encrypted and appear nowhere: not in reports, tables, ASFF, SARIF, alerts or the history.
    written = [first.stdout, first.stderr, second.stdout, third.stdout, third.stderr, fourth.stdout, fifth.stdout, fifth.stderr,
               (tmp_path / "scan.txt").read_text(), (tmp_path / "findings.asff.json").read_text(), (tmp_path / "scan.html").read_text(),
               (tmp_path / "scan.sarif").read_text(), history.read_bytes().decode("latin-1"),
               *(r.body.decode() for r in hooks.received + back.received)]
    for text in written:
        assert SECRET not in text
        assert not any(c in text for c in ciphertexts)


def _secret_values(value):
    if isinstance(value, dict):
        if "ciphertext" in value:
            yield value
        for v in value.values():
            yield from _secret_values(v)
    elif isinstance(value, list):
        for v in value:
            yield from _secret_values(v)


def _tables(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as db:
        return {t: db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in ("scans", "evaluations", "findings")}


def _findings(path: Path) -> list[dict]:
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        return [dict(r) for r in db.execute("SELECT * FROM findings")]
