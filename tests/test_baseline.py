"""Baselines: adopt the gate on an existing stack, block only what is new, and say what was fixed."""
from __future__ import annotations

import json

import pytest

from stackguard import baseline
from stackguard.errors import InputError
from stackguard.model import Report, Summary
from stackguard.decision import fingerprint
from tests.report_builders import finding
from tests.stack_exports import export, kms_key
from tests.test_cli_check import run

ROTATION = "aws-kms-key-rotation"


def test_fingerprint_ignores_positions_but_not_the_rule_resource_or_problem():
    urn = "urn:pulumi:prod::shop::aws:kms/key:Key::k"
    base = fingerprint(ROTATION, urn, "Key k waits only 7 days (statement #1).")
    assert base == fingerprint(ROTATION, urn, "Key k  waits only 7 days (statement #2).")
    assert base != fingerprint(ROTATION, urn, "Key k waits only 8 days (statement #1).")
    assert base == fingerprint(ROTATION, urn, "key K waits only 7 days (statement #1).")
    assert len({base, fingerprint("aws-kms-key-deletion-window", urn, "Key k waits only 7 days (statement #1)."),
                fingerprint(ROTATION, urn + "2", "Key k waits only 7 days (statement #1)."),
                fingerprint(ROTATION, urn, "Key k has no rotation.")}) == 4


def _report(*findings) -> Report:
    empty = Summary(resources=3, findings=0, mandatory=0, advisory=0, exempted=0)
    return Report(stack="prod", profile="prod", summary=empty, findings=[]).with_findings(
        [f.model_copy(update={"fingerprint": fingerprint(f.rule, f.urn, f.message)}) for f in findings])


def test_apply_marks_baselined_counts_them_apart_and_lists_fixed(tmp_path):
    old = _report(finding(ROTATION, "high", "a"), finding(ROTATION, "high", "b"))
    path = tmp_path / "baseline.json"
    baseline.write(old, path)
    now = _report(finding(ROTATION, "high", "a"), finding(ROTATION, "high", "c"))
    applied = baseline.apply(now, baseline.load(path), str(path), {ROTATION})
    assert [(f.name, f.baselined) for f in applied.findings] == [("a", True), ("c", False)]
    assert applied.summary.mandatory == 1 and applied.summary.baselined == 1
    assert [f.name for f in applied.blocking] == ["c"]
    assert [e.urn.rsplit("::", 1)[-1] for e in applied.baseline.fixed] == ["b"]
    # Entries of rules this run did not check are not reported as fixed.
    assert baseline.apply(now, baseline.load(path), str(path), set()).baseline.fixed == []


@pytest.mark.parametrize("content, key", [
    ("not json", "line 1 column 1"),
    ("[]", "(top level)"),
    ('{"findings": []}', "stackguardBaseline"),
    ('{"stackguardBaseline": 2, "findings": []}', "stackguardBaseline"),
    ('{"stackguardBaseline": 1}', "findings"),
    ('{"stackguardBaseline": 1, "findings": [{"fingerprint": "abc", "rule": "r", "urn": "u", "message": "m"}]}', "findings[0].fingerprint"),
    ('{"stackguardBaseline": 1, "findings": [{"fingerprint": "' + "a" * 64 + '", "urn": "u", "message": "m"}]}', "findings[0].rule"),
])
def test_a_bad_baseline_names_the_file_and_key(tmp_path, content, key):
    path = tmp_path / "baseline.json"
    path.write_text(content)
    with pytest.raises(InputError) as err:
        baseline.load(path)
    assert err.value.source == str(path) and err.value.key == key


# The acceptance scenario, end to end through the CLI (real pack, real OPA). --rule keeps the count
# exact whatever other rules the catalog gains.
@pytest.mark.slow
def test_brownfield_stack_adopts_the_gate_with_a_baseline(write_json, tmp_path):
    keys = [kms_key(f"legacy-key-{i}", rotation=False) for i in range(10)]
    estate = write_json("estate.json", export(*keys))
    recorded = tmp_path / "stackguard-baseline.json"

    created = run("check", str(estate), "--rule", ROTATION, "--create-baseline", str(recorded), "--format", "json")
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["summary"]["baselined"] == 10
    assert len(json.loads(recorded.read_text())["findings"]) == 10 and "recorded 10 findings" in created.stderr

    grown = write_json("grown.json", export(*keys, kms_key("new-key", rotation=False)))
    result = run("check", str(grown), "--rule", ROTATION, "--baseline", str(recorded), "--format", "table", "--compact")
    assert result.returncode == 1, result.stdout + result.stderr
    blocking = [line for line in result.stdout.splitlines() if line.startswith("mandatory")]
    assert len(blocking) == 1 and "new-key" in blocking[0] and "legacy-key" not in blocking[0]
    assert sum(line.startswith("baselined") for line in result.stdout.splitlines()) == 10
    assert "1 mandatory finding must be fixed" in result.stdout

    fixed = write_json("fixed.json", export(kms_key("legacy-key-0", rotation=True), *keys[1:]))
    result = run("check", str(fixed), "--rule", ROTATION, "--baseline", str(recorded), "--format", "table", "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "9 baselined, 1 fixed" in result.stdout and "PASSED: no new unexempted mandatory finding" in result.stdout


@pytest.mark.slow
def test_a_bad_baseline_exits_2_naming_file_and_key(write_json, tmp_path):
    bad = tmp_path / "baseline.json"
    bad.write_text('{"stackguardBaseline": 1, "findings": [{"fingerprint": 1}]}')
    result = run("check", str(write_json("k.json", export(kms_key("k", rotation=False)))), "--baseline", str(bad))
    assert result.returncode == 2 and f"{bad}: findings[0].fingerprint: must be a string" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_renamed_resource_shows_as_fixed_plus_new_not_as_baselined(write_json, tmp_path):
    path = tmp_path / "baseline.json"
    before = write_json("before.json", export(kms_key("data-key", rotation=False)))
    assert run("check", str(before), "--rule", ROTATION, "--create-baseline", str(path)).returncode == 0
    renamed = write_json("after.json", export(kms_key("payments-key", rotation=False)))
    result = run("check", str(renamed), "--rule", ROTATION, "--baseline", str(path), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    [new] = report["findings"]
    assert new["name"] == "payments-key" and not new.get("baselined")
    assert [e["urn"].rsplit("::", 1)[1] for e in report["baseline"]["fixed"]] == ["data-key"]


def test_a_baseline_older_than_the_profile_allows_warns(write_json, tmp_path):
    path = tmp_path / "baseline.json"
    key = write_json("key.json", export(kms_key("data-key", rotation=False)))
    assert run("check", str(key), "--rule", ROTATION, "--create-baseline", str(path)).returncode == 0
    fresh = run("check", str(key), "--rule", ROTATION, "--baseline", str(path), "--format", "json")
    assert fresh.returncode == 0 and "notices" not in json.loads(fresh.stdout)
    recorded = json.loads(path.read_text())
    path.write_text(json.dumps({**recorded, "created": "2026-01-01T00:00:00+00:00"}))
    result = run("check", str(key), "--rule", ROTATION, "--profile", "prod", "--baseline", str(path), "--format", "json")
    assert result.returncode == 0, result.stdout
    [notice] = json.loads(result.stdout)["notices"]
    assert notice["kind"] == "baseline-age" and notice["level"] == "warning" and "the profile allows 90 days" in notice["message"]
