"""Markdown report: a pull-request comment CI can find again, with table cells that cannot break the table."""
from __future__ import annotations

import re

from stackguard.model import BaselineEntry, BaselineResult, Finding, Report, RunInfo, SourceLocation, Summary
from stackguard.render import renderer
from tests.report_builders import finding

FINDINGS = [
    finding("aws-kms-key-rotation", "high", "data-key", source=SourceLocation(file="stacks/__main__.py", line=42),
            message="Key <script>alert(1)</script> | a|b in C:\\tmp\nsecond line"),
    finding("aws-sns-topic-encryption", "critical", "orders", enforcement="advisory"),
    finding("aws-apigateway-stage-access-logs", "low", "legacy-stage", exempted=True,
            exemption={"reason": "Partner | migration\nin Q3.", "owner": "platform@example.com", "expires": "2027-03-31"}),
]


def report(findings: list[Finding]) -> Report:
    unexempted = [f for f in findings if not f.exempted]
    return Report(stack="prod", profile="strict", findings=findings, summary=Summary(
        resources=9, findings=len(findings), mandatory=sum(f.enforcement == "mandatory" for f in unexempted),
        advisory=sum(f.enforcement == "advisory" for f in unexempted), exempted=len(findings) - len(unexempted)))


def table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("|")]


def cells(row: str) -> list[str]:
    # A cell boundary is a pipe not escaped with a backslash.
    return re.split(r"(?<!\\)\|", row)[1:-1]


def test_marker_and_blocked_headline_with_counts():
    text = renderer("markdown")(report(FINDINGS))
    assert text.splitlines()[0] == "<!-- stackguard-report -->"
    assert "**blocked**" in text.splitlines()[1]
    assert "9 resources, 3 findings (1 mandatory, 1 advisory, 1 exempted)" in text


def test_passed_when_only_advisory_and_exempted():
    text = renderer("markdown")(report(FINDINGS[1:]))
    assert "**passed**" in text.splitlines()[1] and "**blocked**" not in text


def test_a_table_per_severity_in_order_and_exempted_on_their_own():
    text = renderer("markdown")(report(FINDINGS))
    headings = re.findall(r"^#### (.+)$", text, flags=re.M)
    assert headings == ["Critical (1)", "High (1)", "Exempted (1)", "Rules"]
    severity_tables, exempted_table = text.split("#### Exempted")
    assert "legacy-stage" not in severity_tables and "legacy-stage" in exempted_table.split("#### Rules")[0]


def test_rows_show_status_rule_resource_source_message_and_compliance():
    text = renderer("markdown")(report(FINDINGS))
    row = next(r for r in table_rows(text) if "data-key" in r)
    assert [c.strip() for c in cells(row)][:4] == [
        "mandatory", "`aws-kms-key-rotation`<br>Title of aws-kms-key-rotation", "data-key<br>aws:kms/key:Key", "stacks/__main__.py:42",
    ]
    assert cells(row)[5].strip() == "—"
    orders = next(r for r in table_rows(text) if "orders" in r)
    assert cells(orders)[0].strip() == "advisory" and cells(orders)[3].strip() == "—"
    with_refs = finding("aws-kms-key-rotation", "high", "k2", compliance={"nist-800-53": ["SC-12", "SC-28"], "pci-dss": ["3.7.4"]})
    row = next(r for r in table_rows(renderer("markdown")(report([with_refs]))) if "k2" in r)
    assert cells(row)[5].strip() == "nist-800-53 SC-12, SC-28; pci-dss 3.7.4"


def test_each_rules_fix_is_said_once_in_the_rules_section():
    two = [finding("aws-kms-key-rotation", "high", "k1", remediation="Turn rotation on."),
           finding("aws-kms-key-rotation", "high", "k2", remediation="Turn rotation on.")]
    text = renderer("markdown")(report(two))
    assert text.count("Turn rotation on.") == 1
    assert "**Fix:** Turn rotation on." in text.split("#### Rules")[1] and "stackguard explain aws-kms-key-rotation" in text


def test_plurals_and_baseline_counts():
    one = report(FINDINGS[:1])
    assert "9 resources, 1 finding (1 mandatory, 0 advisory, 0 exempted)" in renderer("markdown")(one)
    baselined = one.with_findings([FINDINGS[0].model_copy(update={"baselined": True})]).model_copy(
        update={"baseline": BaselineResult(file="b.json", fixed=[BaselineEntry(fingerprint="1" * 64, rule="aws-x-y", urn="urn:x", message="gone")])})
    text = renderer("markdown")(baselined)
    assert "1 finding (0 mandatory, 0 advisory, 0 exempted, 1 baselined, 1 fixed)" in text and "**passed**" in text
    assert "#### Baselined (1)" in text and "#### Fixed since the baseline (1)" in text


def test_pipes_backslashes_newlines_and_html_in_cells_are_escaped():
    text = renderer("markdown")(report(FINDINGS))
    assert "<script>" not in text
    row = next(r for r in table_rows(text) if "data-key" in r)
    assert cells(row)[4].strip() == "Key &lt;script&gt;alert(1)&lt;/script&gt; \\| a\\|b in C:\\\\tmp<br>second line"
    for block in text.split("\n\n"):
        rows = table_rows(block)
        assert all(len(cells(r)) == len(cells(rows[0])) for r in rows), block


def test_exempted_rows_carry_reason_owner_and_expiry():
    text = renderer("markdown")(report(FINDINGS))
    row = next(r for r in table_rows(text) if "legacy-stage" in r)
    assert [c.strip() for c in cells(row)][4:] == ["Partner \\| migration<br>in Q3.", "platform&#64;example.com", "2027-03-31"]


def test_rule_description_is_escaped_prose_and_the_run_is_recorded():
    described = finding("aws-kms-key-rotation", "high", "k1", description="Keys <b>must</b> rotate,\nevery year.")
    enriched = report([described]).model_copy(update={"run": RunInfo(
        timestamp="2026-11-30T18:00:00+00:00", commit=None, stackguard="0.1.0", opa="1.22.3",
        catalog={"rules": 1, "digest": "0123456789abcdef"}, levels={"aws-kms-key-rotation": "mandatory", "aws-x-y": "advisory"})})
    text = renderer("markdown")(enriched)
    assert "Keys &lt;b&gt;must&lt;/b&gt; rotate,\nevery year." in text
    for row in ("| OPA | 1.22.3 |", "| commit | not a git work tree |", "| rule catalog | 1 rule, digest `0123456789abcdef` |",
                "| profile strict | advisory: 1 (`aws-x-y`); mandatory: 1 |"):
        assert row in text, row


def test_mentions_links_and_control_sequences_from_resource_data_are_disarmed():
    from stackguard.outputs import Output, write
    from io import StringIO
    from rich.console import Console

    finding = FINDINGS[0].model_copy(update={
        "name": "evil\x1b]8;;https://x.example\x1b\\click\x1b]8;;\x1b\\",
        "message": "ping @security-team see [docs](https://evil.example) and https://evil.example/x ![img](x.png)",
    })
    out = StringIO()
    write(report([finding]), [Output("markdown", None)], Console(file=out), "full")
    text = out.getvalue()
    assert "\x1b" not in text and "@security-team" not in text and "&#64;security-team" in text
    assert "](" not in text.replace("\\](", "") and "https://evil" not in text
