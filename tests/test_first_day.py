"""A new team's first day (issue #24), one behaviour per test, through the installed `stackguard`
command: the profile a name means, the CI log, the break-glass, the commands the docs show."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from stackguard import paths
from stackguard.catalog import Rule
from stackguard.decision import exemption_note
from stackguard.report_metadata import coverage

from tests.cli_runs import run, write as _write
from tests.report_builders import finding
from tests.stack_exports import ADMIN_POLICY, export, kms_key, role_with_policy

pytestmark = pytest.mark.slow


@pytest.fixture
def team(tmp_path) -> Path:
    """A team's repository after `stackguard init`, whose prod profile makes key rotation advisory."""
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    assert run("init", str(repository)).returncode == 0
    prod = repository / "stackguard" / "profiles" / "prod.json"
    prod.write_text(json.dumps({**json.loads(prod.read_text()), "aws-kms-key-rotation": "advisory"}))
    _write(repository / "stack.json", json.dumps(export(kms_key("data-key", rotation=False))))
    return repository


def test_profile_prod_is_the_teams_prod_as_for_the_stack_prod(team):
    """`--profile prod` once loaded the built-in prod (1 mandatory) while the stack prod got the team's (advisory)."""
    named = run("check", "stack.json", "--profile", "prod", "--format", "json", cwd=team)
    implied = run("check", "stack.json", "--format", "json", cwd=team)
    assert named.returncode == implied.returncode == 0, named.stderr + implied.stderr
    team_file = str(team / "stackguard" / "profiles" / "prod.json")
    for result in (named, implied):
        report = json.loads(result.stdout)
        assert report["run"]["profile"]["file"] == team_file
        assert [f["enforcement"] for f in report["findings"]] == ["advisory"]


def test_a_path_or_a_name_the_team_does_not_define_is_the_built_in(team):
    (team / "stackguard.yaml").write_text("exemptions: stackguard/exemptions.yaml\n")
    builtin = run("check", "stack.json", "--profile", "prod", "--format", "json", cwd=team)
    assert builtin.returncode == 1 and json.loads(builtin.stdout)["run"]["profile"]["file"].endswith("profiles/prod.json")
    assert "stackguard/profiles" not in json.loads(builtin.stdout)["run"]["profile"]["file"]
    by_path = run("check", "stack.json", "--profile", "stackguard/profiles/prod.json", "--format", "json", cwd=team)
    assert by_path.returncode == 0, by_path.stderr


def test_exemptions_lint_judges_under_the_teams_prod(team):
    (team / "stackguard" / "profiles" / "prod.json").write_text(json.dumps({"all": {"enforcementLevel": "mandatory",
                                                                                      "exemptionMaxDays": 1}}))
    _write(team / "stackguard" / "exemptions.yaml", "exemptions:\n- rule: aws-kms-key-rotation\n  resource: '*'\n"
                                                   "  stacks: [prod]\n  reason: rotation comes with the HSM move\n"
                                                   "  owner: team-payments\n  expires: 2099-01-01\n")
    result = run("exemptions", "lint", "--format", "json", cwd=team)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["profile"] == str(team / "stackguard" / "profiles" / "prod.json")


def test_a_ci_log_gets_the_table_without_colour_and_a_blocked_line(team):
    """`preflight --quiet` in CI once printed 586 lines of JSON, no BLOCKED line, and ignored --quiet."""
    (team / "stackguard" / "profiles" / "prod.json").write_text('{"all": "mandatory"}')
    piped = run("check", "stack.json", cwd=team, env={"GITHUB_ACTIONS": "true", "COLUMNS": "80"})
    assert piped.returncode == 1 and "\x1b[" not in piped.stdout
    lines = piped.stdout.splitlines()
    assert lines[0] == "stackguard: 2 resources, 1 finding (1 mandatory)" and len(lines[0]) <= 80
    assert "aws-kms-key-rotation" in piped.stdout and lines[-1].startswith("BLOCKED: 1 mandatory finding")
    quiet = run("check", "stack.json", "--quiet", cwd=team)
    assert quiet.stdout.splitlines()[0] == lines[0] and quiet.stdout.splitlines()[-1] == lines[-1]
    assert len(quiet.stdout.splitlines()) == 3
    compact = run("check", "stack.json", "--compact", cwd=team)
    assert compact.stdout.splitlines()[2].startswith("mandatory high     aws-kms-key-rotation data-key")


@pytest.mark.parametrize("flags", [["--quiet", "--format", "json"], ["--compact", "--format", "sarif"], ["--quiet", "--compact"],
                                   ["--quiet", "--output", "report.json"]])
def test_quiet_and_compact_are_refused_where_they_cannot_apply(team, flags):
    result = run("check", "stack.json", *flags, cwd=team)
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr, result.stderr
    assert flags[0] in result.stderr


def test_json_only_when_asked_and_the_verdict_still_on_stderr(team):
    result = run("check", "stack.json", "--format", "json", cwd=team)
    assert json.loads(result.stdout)["summary"]["findings"] == 1
    assert result.stderr.splitlines()[-1].startswith("PASSED")
    rules = run("rules", cwd=team).stdout
    assert "stackguard rules (" in rules.splitlines()[0] and "aws-kms-key-rotation" in rules


@pytest.mark.parametrize("requirement, says", [
    ("requests", "must pin stackguard by version and hash"),
    ("stackguard==0.2.0", "must pin stackguard by version and hash"),
    ("stackguard==0.2.0 --hash=sha256:" + "a" * 64, "pins stackguard 0.2.0, but this is stackguard"),
    ("stackguard>=0.3 --hash=sha256:" + "a" * 64, "must pin stackguard by version and hash"),
])
def test_pack_export_refuses_a_requirement_that_is_not_this_stackguard_pinned_and_hashed(team, requirement, says):
    """`--requirement requests` and `--requirement stackguard==0.2.0` were once written into the pack unchecked."""
    result = run("pack", "export", "policy-pack", "--requirement", requirement, cwd=team)
    assert result.returncode == 2 and says in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not (team / "policy-pack").exists()


def test_pack_export_needs_the_teams_pack_name_and_will_not_overwrite_a_stranger(team):
    from stackguard import __version__

    wheel = _write(team / f"stackguard-{__version__}-py3-none-any.whl", "")
    _write(team / "elsewhere" / "notes.txt", "mine")
    stranger = run("pack", "export", "elsewhere", "--wheel", str(wheel), cwd=team)
    assert stranger.returncode == 2 and "not an exported stackguard pack" in stranger.stderr, stranger.stderr
    assert (team / "elsewhere" / "notes.txt").read_text() == "mine"
    (team / "stackguard.yaml").write_text("exemptions: stackguard/exemptions.yaml\n")
    unnamed = run("pack", "export", "policy-pack", "--wheel", str(wheel), cwd=team)
    assert unnamed.returncode == 2 and "name the pack to export" in unnamed.stderr, unnamed.stderr
    assert run("init", str(team / "fresh")).returncode == 0
    assert "pack:\n  name: fresh-policies\n  version: 0.1.0\n" in (team / "fresh" / "stackguard.yaml").read_text()


def _emergency(team: Path, started: dt.datetime, hours: float, exemption_expired: bool = True) -> None:
    """The team's prod profile as init wrote it, an exemption for the key that expired yesterday, and a break-glass."""
    (team / "stackguard" / "profiles" / "prod.json").write_bytes(Path(paths.profiles_dir() / "prod.json").read_bytes())
    expired = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    glass = {"stacks": ["prod"], "owner": "oncall-lead@example.com", "reason": "INC-4711 payments down, hotfix deploy",
             "started": started.isoformat(), "expires": (started + dt.timedelta(hours=hours)).isoformat()}
    document = {"exemptions": [{"rule": "aws-kms-key-rotation", "resource": "*", "stacks": ["prod"], "reason": "rotation with the HSM move",
                                "owner": "team-payments", "expires": expired}] if exemption_expired else [],
                "break_glass": [glass]}
    (team / "stackguard" / "exemptions.yaml").write_text(yaml.safe_dump(document))


NOW = dt.datetime.now(dt.timezone.utc)


def test_break_glass_lets_a_deploy_through_an_expired_exemption_loudly(team):
    """An expired exemption once stopped every deploy, emergencies included (exit 2 inside the pack too)."""
    _emergency(team, NOW - dt.timedelta(hours=1), 2)
    stack = team / "stack.json"
    stack.write_text(json.dumps(export(kms_key("data-key", rotation=False), kms_key("other-key", rotation=False))))
    result = run("check", "stack.json", "--output", "json=report.json", "--output", "markdown=comment.md",
                 "--output", "sarif=report.sarif", "--output", "table=-", cwd=team)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("PASSED UNDER BREAK-GLASS (break_glass[0]): 2 mandatory findings let through")
    assert "BREAK-GLASS on stack prod until" in result.stdout and "oncall-lead@example.com" in result.stdout
    report = json.loads((team / "report.json").read_text())
    assert {f["exemption"]["break_glass"] for f in report["findings"]} == {"true"}
    kinds = {(n["kind"], n["level"]) for n in report["notices"]}
    assert ("break-glass", "warning") in kinds and ("expired", "warning") in kinds
    assert "passed under BREAK-GLASS" in (team / "comment.md").read_text()
    assert "BREAK-GLASS on stack prod" in (team / "report.sarif").read_text()


def test_break_glass_never_passes_a_non_negotiable_rule(team):
    _emergency(team, NOW - dt.timedelta(hours=1), 2, exemption_expired=False)
    (team / "stack.json").write_text(json.dumps(export(kms_key("data-key", rotation=False), *role_with_policy(ADMIN_POLICY))))
    result = run("check", "stack.json", "--format", "json", cwd=team)
    assert result.returncode == 1, result.stderr
    by_rule = {f["rule"]: f for f in json.loads(result.stdout)["findings"]}
    assert by_rule["aws-kms-key-rotation"]["exemption"]["break_glass"] == "true"
    assert not by_rule["aws-iam-policy-wildcard-actions"]["exempted"]
    assert "BLOCKED" in result.stderr and "BREAK-GLASS (break_glass[0])" in result.stderr


@pytest.mark.parametrize("started, hours, says", [
    (NOW - dt.timedelta(hours=1), 25, "at most 24 hours later"),
    (NOW - dt.timedelta(hours=30), 24, "expired on"),  # over: the expired exemption stops the deploy again
])
def test_break_glass_is_never_longer_than_its_box(team, started, hours, says):
    _emergency(team, started, hours)
    result = run("check", "stack.json", "--format", "json", cwd=team)
    assert result.returncode == 2 and says in result.stderr and result.stdout == "", result.stderr


def test_the_pack_shows_a_break_glass_on_every_finding_it_let_through():
    note = exemption_note({"reason": "INC-4711 payments down", "owner": "oncall", "expires": "2026-12-05T04:00:00+00:00", "break_glass": "true"})
    assert note == "[BREAK-GLASS until 2026-12-05T04:00:00+00:00, owner oncall: INC-4711 payments down] "


def test_a_wheel_user_is_sent_to_the_teams_files_not_to_repository_paths(team):
    explained = run("explain", "aws-kms-key-rotation", "--format", "markdown", cwd=team).stdout
    assert "stackguard/exemptions.yaml" in explained and "policies/exemptions.yaml" not in explained
    assert "policies/profiles" not in run("explain", "aws-kms-key-deletion-window", "--format", "markdown", cwd=team).stdout
    for command in (["check"], ["preflight"], ["exemptions", "lint"]):
        assert "policies/" not in run(*command, "--help", cwd=team, env={"COLUMNS": "200"}).stdout, command
    run("check", "stack.json", "--output", "html=report.html", cwd=team)
    html = (team / "report.html").read_text()
    assert "docs/rules/" not in html and "stackguard explain aws-kms-key-rotation" in html


@pytest.mark.parametrize("command", [["check"], ["preflight"], ["rules"], ["explain"], ["init"], ["pack", "export"],
                                     ["exemptions", "lint"], ["scan"]])
def test_help_shows_what_to_type_not_python_types(command):
    text = run(*command, "--help", env={"COLUMNS": "200"}).stdout
    options = [line for line in text.splitlines() if line.lstrip().startswith("-")]
    assert options and not [line for line in options if re.search(r"<(bool|str|path|int|float[^>]*|list\[[^>]*)>", line)], text


def test_test_rules_runs_the_teams_rego_tests_with_the_bundled_opa(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parents[1] / "examples" / "consumer" / "stackguard" / "rules", rules)
    passing = run("test-rules", str(rules))
    assert passing.returncode == 0 and "PASS: 4/4" in passing.stdout, passing.stdout + passing.stderr
    test_file = next(rules.rglob("*_test.rego"))
    test_file.write_text(test_file.read_text().replace('alias("alias/payments/webhooks")', 'alias("alias/other")'))
    failing = run("test-rules", str(rules))
    assert failing.returncode == 1 and "FAIL" in failing.stdout
    assert run("test-rules", str(tmp_path / "none")).returncode == 2


def test_the_html_report_has_what_an_auditor_asks_for(team):
    result = run("check", "stack.json", "--output", "html=report.html", "--output", "json=report.json", cwd=team)
    assert result.returncode == 0, result.stderr
    html, report = (team / "report.html").read_text(), json.loads((team / "report.json").read_text())
    stack, exemptions = team / "stack.json", team / "stackguard" / "exemptions.yaml"
    assert report["run"]["inputs"] == [{"file": str(stack), "sha256": hashlib.sha256(stack.read_bytes()).hexdigest()}]
    assert report["run"]["exemptions"] == {"file": str(exemptions), "sha256": hashlib.sha256(exemptions.read_bytes()).hexdigest()}
    for value in (report["run"]["timestamp"], str(stack), report["run"]["inputs"][0]["sha256"], report["run"]["profile"]["sha256"],
                  report["run"]["exemptions"]["sha256"], "<th>acknowledged</th>"):
        assert value in html, value


def test_compliance_counts_a_control_open_only_for_open_findings():
    """The HTML's "open" column counted acknowledged (accepted) findings but not exempted ones."""
    rule = Rule(id="aws-kms-key-rotation", title="KMS key rotation", description="Keys rotate every year.", severity="high",
                concern="encryption", remediation="Turn rotation on.", compliance={"fsbp": ["KMS.4"]}, kind="resource", file="x.rego")
    refs = {"compliance": {"fsbp": ["KMS.4"]}}
    accepted = finding("aws-kms-key-rotation", "high", "k1", acknowledged={"reason": "r", "accepted": "true"}, **refs)
    exempted = finding("aws-kms-key-rotation", "high", "k2", exempted=True, **refs)
    assert coverage((rule,), [accepted, exempted])[0].with_findings == []
    assert coverage((rule,), [accepted, finding("aws-kms-key-rotation", "high", "k3", **refs)])[0].with_findings == ["KMS.4"]
