"""The FSBP coverage page (docs/rules/fsbp-coverage.md): every Security Hub FSBP control of the
services the rules cover, the rules that decide it from their own metadata, and the figure."""
from __future__ import annotations

import re
from pathlib import Path

from stackguard import explain, fsbp

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "rules" / fsbp.PAGE


def test_the_committed_page_is_generated_from_the_rules(rules):
    assert PAGE.read_text() == fsbp.page(rules), f"{PAGE} is out of date; regenerate with: {explain.REGENERATE}"
    assert explain.reference(rules)[fsbp.PAGE] == fsbp.page(rules)


def test_every_control_a_rule_cites_is_a_listed_control(rules):
    # A typo or an invented id in a rule's metadata would count toward nothing and mislead readers.
    listed = {c.id for c in fsbp.CONTROLS}
    unknown = {cid: ids for cid, ids in fsbp.deciding_rules(rules).items() if cid not in listed}
    assert unknown == {}


def test_controls_are_unique_well_formed_and_say_why_a_program_cannot_decide_them():
    ids = [c.id for c in fsbp.CONTROLS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[A-Za-z0-9]+\.\d+", cid) for cid in ids)
    assert {c.outside for c in fsbp.CONTROLS} <= {"", *fsbp.OUTSIDE}


def test_every_service_the_rules_cover_has_its_controls_listed(rules):
    services = {Path(r.file).parent.name for r in rules}
    assert services <= set(fsbp.SERVICE_CONTROLS), f"add the FSBP prefixes of {services - set(fsbp.SERVICE_CONTROLS)}"
    listed = {c.service for c in fsbp.CONTROLS}
    expected = {prefix for service in services for prefix in fsbp.SERVICE_CONTROLS[service]}
    assert expected <= listed and listed <= expected, (expected ^ listed)


def test_at_least_85_percent_of_the_decidable_controls_have_a_rule(rules):
    figures = fsbp.coverage(rules)
    assert len(figures.decidable) >= 150
    assert figures.percent >= 85, [c.id for c in figures.decidable if c not in figures.decided]


def test_the_page_names_the_deciding_rules_and_the_gaps(rules):
    page = fsbp.page(rules)
    row = next(line for line in page.splitlines() if line.startswith("| EC2.6 |"))
    assert "[`aws-ec2-vpc-flow-logs`](aws-ec2-vpc-flow-logs.md)" in row
    figures = fsbp.coverage(rules)
    for control in figures.decidable:
        if control not in figures.decided:
            assert f"| {control.id} | {control.title} | **no rule yet** |" in page
    assert f"**{len(figures.decided)} of the {len(figures.decidable)} controls" in page


def test_a_control_outside_a_program_is_listed_with_its_reason_and_not_counted(rules):
    page = fsbp.page(rules)
    figures = fsbp.coverage(rules)
    iam3 = next(line for line in page.splitlines() if line.startswith("| IAM.3 |"))
    assert fsbp.OUTSIDE["runtime"] in iam3
    assert "IAM.3" not in {c.id for c in figures.decidable}
    # An account-wide setting a program may declare: judged when declared, never counted.
    s31 = next(line for line in page.splitlines() if line.startswith("| S3.1 |"))
    assert "aws-s3-account-public-access-block" in s31


def test_dropping_a_rule_lowers_the_figure(rules):
    # The figure comes from the rules' metadata, not from a number written down.
    without = tuple(r for r in rules if r.id != "aws-ec2-vpc-flow-logs")
    assert len(fsbp.coverage(without).decided) == len(fsbp.coverage(rules).decided) - 1
    assert "| EC2.6 | VPC flow logging is enabled in all VPCs | **no rule yet** |" in fsbp.page(without)
