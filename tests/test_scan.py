"""`stackguard scan` without the Pulumi CLI: the history's bookkeeping, the SLA, the alert delivery (a
receiver that answers, one that fails, one that is down), an engine failure, bad sources and bad
settings, and export files as a source (the real CLI's export of tests/fixtures/real-cli).
The scan of real file and S3 backends is tests/e2e/test_scan.py."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from stackguard import catalog, profiles, project_config
from stackguard.errors import InputError, StoreError
from stackguard.model import Finding
from stackguard.scan import alerts, command, settings as scan_settings, sources
from stackguard.scan.history import Evaluation, History
from stackguard.scan.settings import Alert
from tests.fake_engines import constant
from tests.scan_helpers import Receiver, free_port

ROOT = Path(__file__).resolve().parents[1]
EXPORT = ROOT / "tests/fixtures/real-cli/export.json"
T0 = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone.utc)


def finding(name: str, severity: str = "high", status: str = "mandatory") -> Finding:
    urn = f"urn:pulumi:prod::shop::aws:kms/key:Key::{name}"
    return Finding(rule="aws-kms-key-rotation", title="t", severity=severity, concern="c", enforcement="mandatory" if status != "advisory" else "advisory",
                   exempted=status == "exempted", urn=urn, type="aws:kms/key:Key", name=name, message=f"{name} does not rotate",
                   remediation="r", fingerprint=hashlib.sha256(name.encode()).hexdigest())


def evaluation(digest: str, *findings: Finding, exempt: tuple[str, ...] = ()) -> Evaluation:
    return Evaluation(stack="shop/prod", origin="o", inputs_sha256=digest, state_sha256=digest, profile="prod", resources=3,
                      findings=list(findings), exemption_of={f.fingerprint or "": {"owner": "x"} if f.name in exempt else None for f in findings})


def no_alerts(_changes):
    return []


@pytest.fixture(params=["sqlite", "postgresql"])
def history_url(request, tmp_path):
    """The history's bookkeeping is the same on both stores: each test runs on SQLite and on a real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/h.sqlite"
    return request.getfixturevalue("postgres").database()


def test_history_records_new_fixed_reopened_and_unexempted_findings_and_ignores_an_unchanged_state(history_url):
    with History(history_url) as history:
        _, [first] = history.record(T0, T0, [evaluation("a", finding("k1"), finding("k2", status="exempted"), exempt=("k2",))], no_alerts)
        assert {r.urn.rsplit("::")[-1] for r in first.new} == {"k1", "k2"}
        rows = history.rows("findings")

        _, [same] = history.record(T0 + dt.timedelta(days=1), T0 + dt.timedelta(days=1), [evaluation("a", finding("k1"))], no_alerts)
        assert not same.changed and history.rows("findings") == rows and len(history.rows("evaluations")) == 1

        later = T0 + dt.timedelta(days=2)
        _, [change] = history.record(later, later, [evaluation("b", finding("k2"), finding("k3"))], no_alerts)
        assert [r.urn.rsplit("::")[-1] for r in change.new] == ["k3"]
        assert [r.urn.rsplit("::")[-1] for r in change.fixed] == ["k1"]
        assert [r.urn.rsplit("::")[-1] for r in change.unexempted] == ["k2"]
        by_name = {r.urn.rsplit("::")[-1]: r for r in history.findings()}
        assert by_name["k1"].fixed_at == later.isoformat(timespec="seconds")
        assert by_name["k2"].first_seen == T0.isoformat(timespec="seconds") and by_name["k2"].exemption is None

        reopened = T0 + dt.timedelta(days=3)
        _, [again] = history.record(reopened, reopened, [evaluation("c", finding("k1"), finding("k2"), finding("k3"))], no_alerts)
        assert [r.urn.rsplit("::")[-1] for r in again.new] == ["k1"]
        assert history.findings()[0].fixed_at is None and history.findings()[0].first_seen == reopened.isoformat(timespec="seconds")
        assert [p.open["high"] for p in history.trend()] == [1, 1, 2, 3]


def test_a_failed_scan_is_recorded_without_touching_the_findings(history_url):
    with History(history_url) as history:
        history.record(T0, T0, [evaluation("a", finding("k1"))], no_alerts)
        rows = history.rows("findings")
        history.record_failure(T0, T0, "the policy engine could not decide", [("hook", "scan_failed", "{}")])
        assert history.rows("findings") == rows
        assert [(s[3], s[4]) for s in history.rows("scans")] == [("complete", None), ("failed", "the policy engine could not decide")]
        assert [a[3] for a in history.pending_alerts()] == ["{}"]


def test_a_record_that_fails_half_way_leaves_nothing_behind(history_url):
    def broken(_changes):
        raise RuntimeError("alert bodies could not be made")

    with History(history_url) as history:
        with pytest.raises(RuntimeError):
            history.record(T0, T0, [evaluation("a", finding("k1"))], broken)
        assert history.rows("scans") == [] and history.rows("findings") == [] and history.rows("evaluations") == []


@pytest.mark.parametrize("url, says", [
    ("mysql://scanner:pw@db/stackguard", "is not a history store stackguard can use; allowed: sqlite:///RELATIVE/FILE, "
                                         "sqlite:////ABSOLUTE/FILE or postgresql://"),
    ("sqlite://", "is not a history store"),
    ("postgresql://scanner:pw@127.0.0.1:99999/stackguard", "names a port that is not a number from 1 to 65535"),
    ("postgresql://scanner:pw@127.0.0.1/stackguard?colour=red", "is not a PostgreSQL URL psycopg accepts"),
])
def test_history_urls_that_are_refused(url, says):
    with pytest.raises(InputError, match=says) as refused:
        History(url)
    assert refused.value.source == "--history" and ":pw@" not in str(refused.value)


def test_an_unreachable_postgresql_history_is_an_outage_not_bad_input():
    with pytest.raises(StoreError, match=r"postgresql://scanner:\*\*\*@127.0.0.1:\d+/stackguard\?password=\*\*\* cannot be reached") as failed:
        History(f"postgresql://scanner:pw@127.0.0.1:{free_port()}/stackguard?password=pw")
    assert ":pw" not in str(failed.value) and "password=pw" not in str(failed.value)


def test_the_postgresql_tables_are_the_documented_sqlite_ones(postgres, tmp_path):
    """Same tables, same columns in the same order, same keys: a team can move its history between the two."""
    import psycopg

    url = postgres.database()
    History(url).close()
    History(f"sqlite:///{tmp_path}/h.sqlite").close()
    with psycopg.connect(url) as db:
        pg = {(t, c) for t, c in db.execute("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'")}
        pg_order = db.execute("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
                              "ORDER BY table_name, ordinal_position").fetchall()
    import sqlite3

    with sqlite3.connect(tmp_path / "h.sqlite") as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        lite_order = [(t, row[1]) for t in tables for row in db.execute(f"PRAGMA table_info({t})")]
    assert sorted(lite_order) == sorted(pg) and tables == ["alerts", "evaluations", "findings", "meta", "scans"]
    assert [c for t, c in pg_order if t == "findings"] == [c for t, c in lite_order if t == "findings"]


def test_alerts_are_signed_retried_kept_and_delivered_once_the_webhook_answers(history_url, monkeypatch):
    monkeypatch.setenv("HOOK_KEY", "k3y")
    hook = Receiver(status=500)
    signed = Alert(url=hook.url("/services/T000/B000/credential-in-path"), format="json", min_severity="medium", secret_env="HOOK_KEY")
    slack = Alert(url=hook.url("/slack"), format="slack", min_severity="critical")
    with History(history_url) as history:
        def alerts_for(changes):
            rows = [r for c in changes for r in c.new]
            return alerts.findings_bodies([signed, slack], {"finished_at": "now"}, rows)

        history.record(T0, T0, [evaluation("a", finding("k1", "high"), finding("k2", "low"))], alerts_for)
        failed = alerts.deliver(history, [signed, slack], lambda: T0, sleep=lambda _s: None)
        # Only the json webhook's threshold is met (high >= medium); the Slack one waits for critical.
        assert [(d.delivered, d.attempts, d.error) for d in failed] == [(False, 3, f"{signed.where} answered HTTP 500")]
        assert len(hook.received) == 3 and "credential-in-path" not in str(failed)

        hook.status = 200
        delivered = alerts.deliver(history, [signed, slack], lambda: T0, sleep=lambda _s: None)
        assert [(d.delivered, d.attempts) for d in delivered] == [(True, 1)]
        assert alerts.deliver(history, [signed, slack], lambda: T0) == [], "a delivered alert is not sent again"
    body = hook.received[-1]
    assert body.headers["X-Stackguard-Signature"] == "sha256=" + hmac.new(b"k3y", body.body, hashlib.sha256).hexdigest()
    assert [f["urn"].rsplit("::")[-1] for f in body.json["findings"]] == ["k1"]
    hook.close()


def test_a_down_webhook_is_reported_and_queued(history_url):
    down = Alert(url=f"http://127.0.0.1:{free_port()}/hook", format="slack", min_severity="low")
    with History(history_url) as history:
        history.record(T0, T0, [evaluation("a", finding("k1"))],
                       lambda changes: alerts.findings_bodies([down], {"finished_at": "now"}, changes[0].new))
        [outcome] = alerts.deliver(history, [down], lambda: T0, sleep=lambda _s: None)
        assert (outcome.delivered, outcome.attempts, outcome.error) == (False, 3, f"ConnectionError reaching {down.where}")
        assert len(history.pending_alerts()) == 1


def write_config(folder: Path, document: dict) -> scan_settings.ScanSettings:
    (folder / "stackguard.yaml").write_text(yaml.safe_dump(document))
    return scan_settings.load(project_config.load(folder))


def test_stacks_get_the_first_matching_profile_else_the_one_check_would_give(tmp_path):
    settings = write_config(tmp_path, {"profiles": {"qa": "staging"}, "scan": {
        "stacks": [{"match": "payments/prod*", "profile": "prod"}, {"match": "*/sandbox", "profile": "dev"}],
        "sla": {"default": {"high": 30, "low": 180}, "prod": {"high": 7}}}})
    assert (settings.policy("payments", "prod-eu").profile, settings.policy("payments", "prod-eu").sla) == ("prod", {"high": 7, "low": 180})
    assert settings.policy("ledger", "sandbox").profile == "dev"
    assert settings.policy("ledger", "qa").profile == "staging"
    assert settings.policy("ledger", "dev").profile == "dev"
    assert settings.policy("ledger", "perf").profile == "prod"


@pytest.mark.parametrize("section, key", [
    ({"stacks": [{"match": "*", "profile": "prod", "colour": "red"}]}, "scan.stacks[0].colour"),
    ({"alerts": [{"url": "ftp://x", "format": "json", "secret_env": "K"}]}, "scan.alerts[0].url"),
    ({"alerts": [{"url": "https://hooks.example", "format": "json"}]}, "scan.alerts[0].secret_env"),
    ({"alerts": [{"url": "https://hooks.example", "format": "teams"}]}, "scan.alerts[0].format"),
    ({"sla": {"prod": {"urgent": 3}}}, "scan.sla.prod.urgent"),
    ({"sla": {"prod": {"high": -1}}}, "scan.sla.prod.high"),
    ({"security_hub": {"account_id": "12", "region": "us-east-1"}}, "scan.security_hub.account_id"),
])
def test_bad_scan_settings_name_the_key(tmp_path, section, key):
    with pytest.raises(InputError) as refused:
        write_config(tmp_path, {"scan": section})
    assert refused.value.key == key


@pytest.mark.parametrize("location, says", [
    ("ftp://states", "is not a source"),
    ("s3://bucket?colour=red", "is not an s3:// parameter"),
])
def test_sources_that_are_refused(location, says):
    with pytest.raises(InputError, match=says):
        list(sources.states(location))


def test_a_folder_that_is_no_backend_is_refused_and_a_gzip_bomb_is_not_read(tmp_path):
    with pytest.raises(InputError, match="is not a folder: is .* a Pulumi file backend"):
        sources.read_all([f"file://{tmp_path}"])
    with pytest.raises(InputError, match="for a Pulumi file backend write file://"):
        sources.read_all([str(tmp_path)])
    bomb = tmp_path / "export.json.gz"
    import gzip

    bomb.write_bytes(gzip.compress(b" " * (257 * 1024 * 1024)))
    _, [refused] = sources.read_all([str(bomb)])
    assert "inflates past the 256 MiB input limit" in refused.reason, "a gzip bomb is a stack not read, never an empty one"


def test_an_export_file_is_a_source_and_its_secrets_stay_masked():
    [scanned], _ = sources.read_all([str(EXPORT)])
    assert (scanned.key, len(scanned.stack.resources)) == ("recorded/prod", 6)
    ciphertext = json.dumps([r for r in json.loads(EXPORT.read_text())["deployment"]["resources"] if "partner-token" in r["urn"]])
    parameter = next(r for r in scanned.stack.resources if r.name == "partner-token")
    assert parameter.properties["value"]["value"] == "[secret]" and "ciphertext" in ciphertext


def scan_cli(folder: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).parent / "stackguard"), "scan", *args], cwd=folder,
                          env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_findings_past_their_sla_are_reported_and_alerted_once_when_they_cross_it(tmp_path, monkeypatch):
    monkeypatch.setenv("HOOK_KEY", "k")
    hook = Receiver()
    settings = write_config(tmp_path, {"scan": {"sla": {"default": {"high": 30, "medium": 90}},
                                                "alerts": [{"url": hook.url("/siem"), "format": "json", "min_severity": "high", "secret_env": "HOOK_KEY"},
                                                           {"url": hook.url("/slack"), "format": "slack", "min_severity": "high"}]}})
    url = f"sqlite:///{tmp_path}/h.sqlite"

    def scan_on(day: int):
        return command.run([str(EXPORT)], settings, url, command.Clock(lambda: T0 + dt.timedelta(days=day)), sleep=lambda _s: None)

    first = scan_on(0)
    assert first.summary.sla_breaches == 0 and first.summary.new > 0
    assert scan_on(20).summary.sla_breaches == 0
    later = scan_on(31)
    breaches = {(f.rule, f.severity, f.age_days, f.sla_days) for s in later.stacks for f in s.sla_breaches}
    assert breaches and all(severity == "high" and age == 31 and sla == 30 for _, severity, age, sla in breaches)
    assert later.summary.new == 0 and later.stacks[0].changed is False
    assert [(f.rule, f.age_days) for f in later.stacks[0].sla_crossed] == [(rule, 31) for rule, _, _, _ in sorted(breaches)]
    again = scan_on(32)
    assert again.summary.sla_breaches == later.summary.sla_breaches and again.summary.sla_crossed == 0, "a crossing is alerted once"

    events = [(r.path, r.headers["X-Stackguard-Event"]) for r in hook.received]
    assert events == [("/siem", "findings"), ("/slack", "findings"), ("/siem", "sla_breached"), ("/slack", "sla_breached")]
    siem = hook.at("/siem")[-1].json
    assert {f["rule"] for f in siem["findings"]} == {rule for rule, _, _, _ in breaches} and siem["event"] == "sla_breached"
    assert "past" in hook.at("/slack")[-1].json["text"] and "SLA" in hook.at("/slack")[-1].json["text"]
    hook.close()


@pytest.mark.slow
def test_each_stack_is_judged_with_its_own_baseline_and_leaving_it_reopens_a_finding(tmp_path):
    baseline = tmp_path / "policy/recorded.baseline.json"
    made = subprocess.run([str(Path(sys.executable).parent / "stackguard"), "check", str(EXPORT), "--profile", "prod",
                           "--create-baseline", str(baseline), "--format", "json"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert baseline.exists(), made.stderr
    with_baseline = {"scan": {"stacks": [{"match": "recorded/*", "profile": "prod", "baseline": "policy/recorded.baseline.json"},
                                         {"match": "*", "profile": "prod"}]}}
    url = f"sqlite:///{tmp_path}/h.sqlite"
    first = command.run([str(EXPORT)], write_config(tmp_path, with_baseline), url, command.Clock(lambda: T0))
    [stack] = first.stacks
    firm = profiles.load("prod", catalog.load()).non_negotiable_rules()
    assert {f.rule for f in stack.open} <= firm, "only what a baseline cannot hide (non-negotiable rules) stays open"
    assert stack.baseline is not None and stack.baseline.file == str(baseline.resolve()) and stack.baseline.fixed == []
    with History(url) as history:
        baselined = {row[2] for row in history.rows("findings") if row[6] == "baselined"}
    assert baselined, "the history records baselined findings as such"

    # The mapping no longer names the baseline: the stack is re-evaluated and its findings are open again, and said so.
    without = command.run([str(EXPORT)], write_config(tmp_path, {"scan": {"stacks": [{"match": "*", "profile": "prod"}]}}), url,
                          command.Clock(lambda: T0 + dt.timedelta(days=1)))
    [stack] = without.stacks
    assert stack.changed and {f.rule for f in stack.unexempted} == baselined and stack.new == []
    assert without.summary.blocking > first.summary.blocking


@pytest.mark.slow
def test_each_stack_reports_the_decision_cores_exemption_notices(tmp_path):
    entries = [
        {"rule": "aws-kms-key-rotation", "resource": "urn:pulumi:prod::recorded::aws:kms/key:Key::data-key", "stacks": ["prod"],
         "reason": "The key rotates with the HSM migration.", "owner": "keys-team", "expires": (T0.date() + dt.timedelta(days=5)).isoformat()},
        {"rule": "aws-kms-key-rotation", "resource": "urn:pulumi:prod::recorded::aws:kms/key:Key::data-keys", "stacks": ["prod"],
         "reason": "A typo in the URN.", "owner": "keys-team", "expires": (T0.date() + dt.timedelta(days=60)).isoformat()},
        {"rule": "aws-sqs-queue-encryption", "resource": "urn:pulumi:prod::recorded::aws:sqs/queue:Queue::jobs", "stacks": ["prod"],
         "reason": "Far too long.", "owner": "queue-team", "expires": (T0.date() + dt.timedelta(days=400)).isoformat()},
    ]
    (tmp_path / "exemptions.yaml").write_text(yaml.safe_dump({"exemptions": entries}))
    settings = write_config(tmp_path, {"exemptions": "exemptions.yaml"})
    report = command.run([str(EXPORT)], settings, f"sqlite:///{tmp_path}/h.sqlite", command.Clock(lambda: T0))
    [stack] = report.stacks
    kinds = {(n.kind, n.key) for n in stack.notices}
    assert ("expiring", "exemptions[0]") in kinds and ("over-long", "exemptions[2]") in kinds
    assert ("stale", "exemptions[1]") in kinds and any("did you mean" in n.message for n in stack.notices if n.kind == "stale")
    assert "exemptions[1]" in {e.key for e in report.exemptions.stale} and [e.key for e in report.exemptions.expiring] == ["exemptions[0]"]
    assert {e.key for e in report.exemptions.stale} == {key for kind, key in kinds if kind == "stale"}, "one verdict on staleness"


@pytest.mark.slow
def test_an_engine_failure_alerts_as_a_failure_and_exits_3(tmp_path, fake):
    hook = Receiver()
    write_config(tmp_path, {"scan": {"alerts": [
        {"url": hook.url("/slack"), "format": "slack", "min_severity": "critical"},
        {"url": hook.url("/siem"), "format": "json", "min_severity": "critical", "secret_env": "HOOK_KEY"}]}})
    engine = fake(constant(500, b'{"code": "internal_error"}'))
    done = scan_cli(tmp_path, str(EXPORT), "--format", "json",
                    env={"STACKGUARD_OPA_URL": engine.url, "STACKGUARD_OPA_TIMEOUT": "2", "HOOK_KEY": "k"})
    assert done.returncode == 3, done.stderr
    assert done.stdout == "" and "nothing was checked, so nothing passes" in done.stderr
    slack, siem = hook.at("/slack"), hook.at("/siem")
    assert "scan FAILED" in slack[0].json["text"] and "HTTP 500" in slack[0].json["text"]
    assert siem[0].json["event"] == "scan_failed" and siem[0].headers["X-Stackguard-Event"] == "scan_failed"
    with History(f"sqlite:///{tmp_path}/.stackguard/history.sqlite") as history:
        assert [s[3] for s in history.rows("scans")] == ["failed"] and history.rows("findings") == []
    hook.close()


@pytest.mark.slow
def test_a_missing_hmac_key_stops_the_scan_before_it_starts(tmp_path):
    write_config(tmp_path, {"scan": {"alerts": [{"url": "https://hooks.example/x", "format": "json", "secret_env": "NOT_SET_ANYWHERE"}]}})
    done = scan_cli(tmp_path, str(EXPORT))
    assert done.returncode == 2 and "scan.alerts[0].secret_env" in done.stderr and "NOT_SET_ANYWHERE" in done.stderr
    assert not (tmp_path / ".stackguard").exists()


@pytest.mark.slow
def test_asff_output_follows_the_security_hub_model_and_the_schema_refuses_what_it_does_not(tmp_path):
    import jsonschema

    from stackguard.scan import render
    from tests.scan_helpers import asff_schema

    settings = write_config(tmp_path, {})
    report = command.run([str(EXPORT)], settings, f"sqlite:///{tmp_path}/h.sqlite", command.Clock(lambda: T0))
    findings = json.loads(render.asff(report, "123456789012", "eu-west-1"))
    schema = asff_schema()
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    jsonschema.validate(findings, schema, format_checker=checker)
    assert findings and {f["Severity"]["Label"] for f in findings} <= {"LOW", "MEDIUM", "HIGH", "CRITICAL"}
    for broken in ({"Severity": {"Label": "URGENT"}}, {"Resources": "urn"}, {"Colour": "red"}, {"RecordState": "OPEN"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([{**findings[0], **broken}], schema, format_checker=checker)
    without_title = {k: v for k, v in findings[0].items() if k != "Title"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([without_title], schema, format_checker=checker)
    with pytest.raises(InputError, match="scan.security_hub"):
        render.renderer("asff", None)


def test_a_preview_is_not_deployed_state_and_is_reported_unread():
    preview = str(ROOT / "tests/fixtures/real-cli/preview-create.json")
    stacks, [unread] = sources.read_all([preview, str(EXPORT)])
    assert [s.key for s in stacks] == ["recorded/prod"]
    assert (unread.stack, unread.origin) == (preview, preview) and "has neither 'checkpoint' nor 'deployment'" in unread.reason


def test_a_missing_export_file_is_a_typo_not_an_unreadable_stack(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        sources.read_all([str(tmp_path / "exports/prod.json")])


@pytest.mark.slow
def test_a_stack_that_cannot_be_read_does_not_stop_the_others_and_never_reads_as_clean(tmp_path):
    from tests.scan_helpers import S3_CREDENTIALS, MotoS3

    hook = Receiver()
    write_config(tmp_path, {"scan": {"alerts": [
        {"url": hook.url("/slack"), "format": "slack", "min_severity": "critical"},
        {"url": hook.url("/siem"), "format": "json", "min_severity": "critical", "secret_env": "HOOK_KEY"}]}})
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"deployment": {"resources": [')
    broken_gzip = tmp_path / "broken.json.gz"
    broken_gzip.write_bytes(b"\x1f\x8b" + b"not a gzip stream")
    s3 = MotoS3()
    s3.client().create_bucket(Bucket="states")
    s3.client().put_object(Bucket="states", Key=".pulumi/stacks/ledger/prod.json", Body=b"{half a checkpoint")
    done = scan_cli(tmp_path, str(EXPORT), str(corrupt), str(broken_gzip), s3.backend_url("states"), "--format", "json",
                    "--soft-fail", env={**S3_CREDENTIALS, "HOOK_KEY": "k"})
    s3.stop()
    assert done.returncode == 3, done.stderr  # not 0, even with --soft-fail: three stacks were not checked
    report = json.loads(done.stdout)
    assert [s["stack"] for s in report["stacks"]] == ["recorded/prod"] and report["stacks"][0]["open"], "the readable stack was scanned"
    assert {u["stack"]: u["origin"] for u in report["unreadable"]} == {
        str(corrupt): str(corrupt), str(broken_gzip): str(broken_gzip), "ledger/prod": "s3://states/.pulumi/stacks/ledger/prod.json"}
    assert report["summary"]["unreadable"] == 3 and "is not a valid gzip file" in done.stderr
    assert "3 stacks could not be read and were not checked" in done.stderr
    [slack], [siem] = hook.at("/slack"), hook.at("/siem")
    assert "could not read 3 stacks" in slack.json["text"] and "ledger/prod" in slack.json["text"]
    assert siem.json["event"] == "stacks_unreadable" and {u["stack"] for u in siem.json["stacks"]} >= {"ledger/prod"}
    with History(f"sqlite:///{tmp_path}/.stackguard/history.sqlite") as history:
        [scan_row] = history.rows("scans")
        assert scan_row[3] == "partial" and "ledger/prod" in scan_row[4]
        assert {r[0] for r in history.rows("findings")} == {"recorded/prod"}
    hook.close()


@pytest.mark.slow
def test_a_scan_keeps_its_history_in_postgresql_and_an_unreachable_or_bad_url_stops_it(tmp_path, postgres):
    write_config(tmp_path, {})
    url = postgres.database()
    first = scan_cli(tmp_path, str(EXPORT), "--format", "json", "--history", url)
    assert first.returncode == 1, first.stderr
    second = json.loads(scan_cli(tmp_path, str(EXPORT), "--format", "json", "--history", url).stdout)
    assert second["summary"]["changed_stacks"] == 0 and second["summary"]["open"] == json.loads(first.stdout)["summary"]["open"] > 0
    with History(url) as history:
        assert [s[3] for s in history.rows("scans")] == ["complete", "complete"] and len(history.rows("evaluations")) == 1
    assert not (tmp_path / ".stackguard").exists(), "nothing went to the default SQLite file"

    bad = scan_cli(tmp_path, str(EXPORT), "--history", "postgresql://scanner:pw@127.0.0.1:70000/stackguard")
    assert bad.returncode == 2 and "--history" in bad.stderr and "allowed: sqlite:///" in bad.stderr and ":pw@" not in bad.stderr
    # The history is also the alerts' outbox: without it, the webhooks are told at once that the scan failed.
    hook = Receiver()
    write_config(tmp_path, {"scan": {"alerts": [{"url": hook.url("/siem"), "format": "json", "min_severity": "critical", "secret_env": "HOOK_KEY"}]}})
    down = scan_cli(tmp_path, str(EXPORT), "--history", f"postgresql://scanner:pw@127.0.0.1:{free_port()}/stackguard", env={"HOOK_KEY": "k"})
    assert down.returncode == 3 and "cannot be reached" in down.stderr and "nothing was recorded" in down.stderr
    assert ":pw@" not in down.stderr and "Traceback" not in down.stderr and down.stdout == ""
    [failed] = hook.at("/siem")
    assert failed.json["event"] == "scan_failed" and "history database postgresql://scanner:***@127.0.0.1" in failed.json["reason"]
    assert b":pw@" not in failed.body
    hook.close()


@pytest.mark.slow
def test_checks_sarif_junit_markdown_and_github_render_a_scan_and_a_stack_not_read_is_never_clean_in_them(tmp_path):
    import xml.etree.ElementTree as ET

    import jsonschema
    import xmlschema

    from stackguard.scan import render

    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text("{")
    report = command.run([str(EXPORT), str(corrupt)], write_config(tmp_path, {}), f"sqlite:///{tmp_path}/h.sqlite", command.Clock(lambda: T0))
    open_rules = {f.rule for s in report.stacks for f in s.open}

    sarif = json.loads(render.renderer("sarif", None)(report))
    schema = json.loads((ROOT / "tests/fixtures/sarif-2.1.0.schema.json").read_text())
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).validate(sarif)
    [run] = sarif["runs"]
    assert open_rules <= {r["ruleId"] for r in run["results"]} and all("::recorded::" in r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
                                                                      for r in run["results"] if r.get("locations"))
    [unread] = [n for n in run["invocations"][0]["toolConfigurationNotifications"] if n["descriptor"]["id"] == "stackguard/unreadable"]
    assert unread["level"] == "error" and str(corrupt) in unread["message"]["text"]

    junit_text = render.renderer("junit", None)(report)
    xmlschema.XMLSchema(str(ROOT / "tests/fixtures/junit-10.xsd")).validate(junit_text)
    [notices] = [suite for suite in ET.fromstring(junit_text).iter("testsuite") if suite.get("name") == "stackguard notices"]
    failures = [case.find("failure") for case in notices.iter("testcase")]
    assert any(f is not None and "was not checked" in (f.get("message", "") + (f.text or "")) for f in failures)

    markdown = render.renderer("markdown", None)(report)
    assert f"{corrupt} was not checked" in markdown and "recorded/prod" in markdown
    annotations = render.renderer("github", None)(report).splitlines()
    assert any(line.startswith("::error") and f"{corrupt} was not checked" in line for line in annotations)
    assert annotations[-1].startswith("::error title=stackguard::")
    assert "findings_report" not in report.to_json(), "the JSON report stays the scan's own"
