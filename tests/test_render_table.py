"""The terminal report: fits any width without breaking its boxes, colour only on a terminal, each fix said once."""
from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from rich.cells import cell_len

from stackguard.model import RunInfo, Report, SourceLocation, Summary
from stackguard.render import table
from tests.report_builders import finding

LONG = ('KMS key "payments-ledger-data-key" can be deleted after a waiting period of only 7 days: set '
        "deletionWindowInDays to at least 30 (or leave it unset for 30) so that a scheduled deletion can still be cancelled.")
FINDINGS = [
    finding("aws-apigateway-method-settings-cache-encrypted", "critical", "orders-api-prod-stage-settings",
            type_="aws:apigateway/methodSettings:MethodSettings", source=SourceLocation(file="stacks/__main__.py", line=142),
            message=LONG, remediation="Set cacheDataEncrypted to true."),
    finding("aws-kms-key-rotation", "high", "k1", remediation="Turn rotation on."),
    finding("aws-kms-key-rotation", "high", "k2", remediation="Turn rotation on."),
    finding("aws-sns-topic-encryption", "low", "orders", enforcement="advisory"),
    finding("aws-kms-key-deletion-window", "medium", "legacy", exempted=True,
            exemption={"reason": "Vendor key, replaced in Q3.", "owner": "crypto@example.com", "expires": "2027-03-31"}),
]
REPORT = Report(stack="prod", profile="prod", findings=[], summary=Summary(resources=9, findings=0, mandatory=0, advisory=0, exempted=0)
                ).with_findings(FINDINGS)
BOX = "┏┳┓┃┡╇┩│├┼┤└┴┘━─"
COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-7]|9[0-7]|38;[0-9;]+)m")


@pytest.mark.parametrize("width", [80, 120, 200])
def test_table_fits_the_width_without_broken_box_lines(width):
    text = table.render(REPORT, width=width)
    lines = text.splitlines()
    # The summary lines are never wrapped (CI logs) and fit 80 columns; everything below them fits the width.
    assert lines[:2] == ["stackguard: 9 resources, 5 findings (3 mandatory, 1 advisory, 1 exempted)", "stack prod, profile prod"]
    assert max(cell_len(line) for line in lines) <= width
    boxed = [line for line in lines if line[:1] in BOX]
    assert boxed, text
    for line in boxed:
        # A box line starts and ends with a border and is exactly as wide as the table (expand=True).
        assert line[-1] in BOX and cell_len(line) == width, line
    assert LONG.split()[-1] in text and "orders-api-prod-stage-settings" in text


def test_columns_env_sets_the_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "90")
    assert max(cell_len(line) for line in table.render(REPORT).splitlines() if line[:1] in BOX) == 90


def test_colour_on_a_terminal_and_off_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    tty = io.StringIO()
    table.print_report(REPORT, Console(file=tty, force_terminal=True, width=120, color_system="standard"))
    assert COLOUR.search(tty.getvalue())
    monkeypatch.setenv("NO_COLOR", "1")
    plain = io.StringIO()
    table.print_report(REPORT, Console(file=plain, force_terminal=True, width=120, color_system="standard"))
    assert not COLOUR.search(plain.getvalue()) and "BLOCKED" in plain.getvalue()
    piped = io.StringIO()
    monkeypatch.delenv("NO_COLOR")
    table.print_report(REPORT, Console(file=piped, width=120))
    assert "\x1b[" not in piped.getvalue()


def test_grouped_by_severity_with_each_fix_once():
    text = table.render(REPORT, width=200)
    assert text.index("CRITICAL (1)") < text.index("HIGH (2)") < text.index("LOW (1)")
    assert "MEDIUM" not in text  # the only medium finding is exempted, listed apart
    assert text.count("Turn rotation on.") == 1 and "stackguard explain" in text
    assert "Exempted (1)" in text and "Vendor key, replaced in Q3." in text


def test_compact_is_one_line_per_finding_with_status_rule_resource_location_and_message():
    text = table.render(REPORT, width=80, mode="compact")
    lines = text.splitlines()
    assert len(lines) == 2 + len(FINDINGS) + 1
    first = lines[2]
    assert first.startswith("mandatory critical aws-apigateway-method-settings-cache-encrypted orders-api-prod-stage-settings")
    assert "stacks/__main__.py:142: " + LONG in first
    assert lines[-2].startswith("exempted ") and lines[-1].startswith("BLOCKED: 3 mandatory findings")


def test_quiet_is_summary_and_verdict_only():
    lines = table.render(REPORT, width=80, mode="quiet").splitlines()
    assert lines == ["stackguard: 9 resources, 5 findings (3 mandatory, 1 advisory, 1 exempted)",
                     "stack prod, profile prod",
                     "BLOCKED: 3 mandatory findings must be fixed or exempted"]


def test_plurals():
    one = REPORT.with_findings(FINDINGS[1:2]).model_copy(update={"summary": Summary(resources=1, findings=1, mandatory=1, advisory=0, exempted=0)})
    lines = table.render(one, mode="quiet").splitlines()
    assert lines[0] == "stackguard: 1 resource, 1 finding (1 mandatory)" and lines[2] == "BLOCKED: 1 mandatory finding must be fixed or exempted"


def test_fail_on_lets_lower_severities_pass():
    high = REPORT.model_copy(update={"fail_on": "critical"})
    assert [f.name for f in high.blocking] == ["orders-api-prod-stage-settings"]
    assert table.render(high, mode="quiet").splitlines()[2] == "BLOCKED: 1 mandatory finding at or above critical must be fixed or exempted"


def test_the_summary_names_the_profile_file_when_it_is_not_a_built_in_name():
    run = RunInfo(timestamp="2026-12-04T17:00:00Z", stackguard="0", opa="1", catalog={},
                  profile={"name": "prod", "file": "/repo/stackguard/profiles/prod.json", "sha256": "ab"})
    lines = table.render(REPORT.model_copy(update={"run": run}), mode="quiet").splitlines()
    assert lines[1] == "stack prod, profile prod (/repo/stackguard/profiles/prod.json)"


@pytest.mark.parametrize("width", [80, 90, 100, 120])
def test_rule_ids_are_never_wrapped(width):
    """At 80 columns ids once split mid-word (aws-iam-policy-privilege-escala|tion), breaking copy-paste into explain."""
    lines = table.render(REPORT, width=width).splitlines()
    for rule in {f.rule for f in FINDINGS if f.status in ("mandatory", "advisory")}:
        assert any(f"│ {rule} " in line for line in lines), rule


def test_how_to_fix_does_not_repeat_a_fix_the_problem_already_states():
    """The table once said "set enableKeyRotation to true" in the problem and again under "How to fix"."""
    said = finding("aws-kms-key-rotation", "high", "k9", message='KMS key "k9" does not rotate: set enableKeyRotation to true.',
                   remediation="Set enableKeyRotation to true.")
    unsaid = finding("aws-sns-topic-encryption", "medium", "orders", message="Topic orders is not encrypted.",
                     remediation="Give the topic a KMS key (kmsMasterKeyId).")
    text = table.render(REPORT.with_findings([said, unsaid]), width=120)
    fixes = text[text.index("How to fix"):]
    assert "Give the topic a KMS key" in fixes and "aws-kms-key-rotation" not in fixes
