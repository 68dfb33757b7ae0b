"""A new team's first day (issue #24), one behaviour per test, through the installed `stackguard`
command: the profile a name means, the CI log, the break-glass, the commands the docs show."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runs import run, write as _write
from tests.stack_exports import export, kms_key

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
