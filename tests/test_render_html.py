"""HTML report: a self-contained page where every value is escaped and every finding appears."""
from __future__ import annotations

from html.parser import HTMLParser

from stackguard.model import BaselineEntry, BaselineResult, Finding, Report, RunInfo, SourceLocation, Summary
from stackguard.render import renderer
from tests import report_builders


def finding(rule: str, severity: str, name: str, **fields) -> Finding:
    return report_builders.finding(rule, severity, name, type_="aws:apigateway/stage:Stage", concern="https", **fields)


FINDINGS = [
    finding("aws-apigateway-stage-tls", "critical", "public-v1", source=SourceLocation(file="stacks/__main__.py", line=42),
            message='Stage <script>alert("x")</script> | accepts TLS 1.0\n& "legacy" ciphers'),
    finding("aws-apigateway-stage-access-logs", "medium", "internal-v2", enforcement="advisory"),
    finding("aws-apigateway-stage-waf", "high", "partner-v0", exempted=True, source=SourceLocation(file="stacks/partner.py", line=9),
            exemption={"reason": "Partner <b>cannot</b> move before Q3.", "owner": "platform@example.com", "expires": "2027-03-31"}),
]
SUMMARY = Summary(resources=7, findings=3, mandatory=1, advisory=1, exempted=1)


class Tags(HTMLParser):
    """Every start tag and its attributes, to check what the page would load or run."""

    def __init__(self, page: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def page(findings=FINDINGS, summary=SUMMARY) -> str:
    return renderer("html")(Report(stack="prod", profile="prod", summary=summary, findings=findings))


def test_every_value_is_escaped():
    html = page()
    assert "<script" not in html and "<b>cannot</b>" not in html
    assert "Stage &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; | accepts TLS 1.0\n&amp; &#34;legacy&#34; ciphers" in html
    assert "Partner &lt;b&gt;cannot&lt;/b&gt; move before Q3." in html


def test_self_contained_no_scripts_or_external_assets():
    tags = Tags(page()).tags
    names = {tag for tag, _ in tags}
    assert names.isdisjoint({"script", "link", "img", "iframe", "object", "embed"})
    assert not [attrs for _, attrs in tags if "src" in attrs or any(k.startswith("on") for k in attrs)]
    # The only links are in-page anchors, and each one lands on an element of the page.
    ids = {attrs["id"] for _, attrs in tags if "id" in attrs}
    links = [attrs["href"] for _, attrs in tags if "href" in attrs]
    assert links and all(link.startswith("#") and link[1:] in ids for link in links), links
    assert "style" in names


def test_summary_shows_stack_profile_counts_and_verdict():
    html = page()
    assert "<strong>prod</strong>" in html and "BLOCKED" in html
    assert "<td>7</td><td>3</td><td>1</td>" in html
    passed = page(findings=FINDINGS[1:], summary=Summary(resources=7, findings=2, mandatory=0, advisory=1, exempted=1))
    assert "PASSED" in passed and "BLOCKED" not in passed


def test_every_finding_with_rule_resource_source_and_fix():
    html = page().replace("<wbr>", "")  # the URN's line-break opportunities (see the test below)
    for f in FINDINGS:
        for text in (f.rule, f.title, f.name, f.type, f.urn, f"Fix {f.name}."):
            assert text in html, text
    assert "stacks/__main__.py:42" in html and "no source position" in html


def test_each_rule_that_fired_is_documented_once_and_linked_from_its_findings():
    html = page(findings=FINDINGS + [finding("aws-apigateway-stage-tls", "critical", "public-v2")])
    assert html.count('id="rule-aws-apigateway-stage-tls"') == 1
    assert html.count('href="#rule-aws-apigateway-stage-tls"') == 2
    assert html.count("Fix public-v1.") == 1  # the fix is said once per rule, not once per finding


def test_groups_by_severity_in_order_with_exemptions_last():
    html = page()
    critical, medium, exempted = html.index("Critical (1)"), html.index("Medium (1)"), html.index("Exempted (1)")
    assert critical < medium < exempted
    assert "High (" not in html  # the only high finding is exempted
    assert html.index("partner-v0") > exempted


def test_exemption_table_has_reason_owner_and_expiry():
    exemptions = page().split("Exempted (1)", 1)[1]
    for text in ("aws-apigateway-stage-waf", "partner-v0", "stacks/partner.py:9", "platform@example.com", "2027-03-31", "move before Q3."):
        assert text in exemptions, text


def test_an_empty_report_renders():
    html = page(findings=[], summary=Summary(resources=4, findings=0, mandatory=0, advisory=0, exempted=0))
    assert "No findings." in html and "PASSED" in html and html.startswith("<!DOCTYPE html>")


AUDITED = Report(
    stack="prod", profile="prod", summary=SUMMARY,
    findings=[f.model_copy(update={"compliance": {"nist-800-53": ["SC-8", "SC-13"], "pci-dss": ["4.2.1"]}, "description": "Why TLS 1.2."})
              if f.name == "public-v1" else f for f in FINDINGS],
    run=RunInfo(timestamp="2026-11-30T18:00:00+00:00", commit="0123456789abcdef0123456789abcdef01234567", stackguard="0.1.0",
                opa="1.22.3", catalog={"rules": 87, "digest": "abcdef0123456789"},
                levels={"aws-apigateway-stage-tls": "mandatory", "aws-apigateway-stage-access-logs": "advisory"}),
    compliance=[{"framework": "nist-800-53", "covered": ["AU-2", "SC-13", "SC-8"], "with_findings": ["SC-13", "SC-8"]}],
)


def test_audit_metadata_time_commit_versions_and_profile_levels():
    html = renderer("html")(AUDITED)
    for text in ("2026-11-30T18:00:00+00:00", "0123456789abcdef0123456789abcdef01234567", "1.22.3", "87 rules",
                 "abcdef0123456789", '<td class="advisory">advisory</td>'):
        assert text in html, text


def test_compliance_refs_per_finding_and_coverage_per_framework():
    html = renderer("html")(AUDITED)
    row = html.split("public-v1", 1)[1].split("</tr>", 1)[0]
    assert "<li>nist-800-53: SC-8, SC-13</li>" in row and "<li>pci-dss: 4.2.1</li>" in row
    coverage = html.split("<h2>Compliance</h2>", 1)[1].split("</table>", 1)[0]
    assert "nist-800-53" in coverage and "3: AU-2, SC-13, SC-8" in coverage and "2: SC-13, SC-8" in coverage


def test_baselined_findings_and_fixed_entries_are_listed_apart():
    baselined = [f.model_copy(update={"baselined": True}) if f.name == "public-v1" else f for f in FINDINGS]
    report = Report(stack="prod", profile="prod", summary=SUMMARY, findings=[]).with_findings(baselined).model_copy(update={
        "baseline": BaselineResult(file="stackguard-baseline.json", fixed=[
            BaselineEntry(fingerprint="0" * 64, rule="aws-kms-key-rotation", urn="urn:pulumi:prod::shop::aws:kms/key:Key::old", message="Old key.")])})
    html = renderer("html")(report)
    assert "PASSED" in html and "Baselined (1)" in html and "Fixed since the baseline (1)" in html
    assert html.index("Baselined (1)") < html.index("public-v1") and "Critical (" not in html
    assert "urn:pulumi:prod::shop::aws:kms/key:Key::old" in html.replace("<wbr>", "")


def test_a_urn_may_break_only_after_its_separators_and_stays_escaped():
    from stackguard.render.html import breakable_urn

    urn = "urn:pulumi:prod::payments::aws:s3/bucketV2:BucketV2$aws:s3/bucketPolicy:BucketPolicy::<data>"
    rendered = str(breakable_urn(urn))
    assert rendered.replace("<wbr>", "") == urn.replace("<", "&lt;").replace(">", "&gt;")
    # Breaks come only after '::', '$' and '/', so every name between them stays whole.
    assert rendered.split("<wbr>") == ["urn:pulumi:prod::", "payments::", "aws:s3/", "bucketV2:BucketV2$",
                                       "aws:s3/", "bucketPolicy:BucketPolicy::", "&lt;data&gt;"]
