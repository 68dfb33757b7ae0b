"""GitHub workflow commands: an annotation per finding, with file and line, escaped as the runner decodes them."""
from __future__ import annotations

from stackguard.model import Report, SourceLocation, Summary
from stackguard.render import renderer
from stackguard.render.github import escape_data, escape_property
from tests.report_builders import finding

FINDINGS = [
    finding("aws-kms-key-rotation", "high", "data-key", source=SourceLocation(file="stacks/__main__.py", line=42),
            message="Key does not rotate: 100% of data\nunder one version.", remediation="Set enableKeyRotation."),
    finding("aws-sns-topic-encryption", "medium", "orders", enforcement="advisory",
            source=SourceLocation(file="stacks/a,b:c.py", line=7)),
    finding("aws-s3-bucket-sse-kms", "low", "logs", exempted=True,
            exemption={"reason": "Vendor bucket.", "owner": "ops@example.com", "expires": "2027-01-01"}),
    finding("aws-kms-key-rotation", "high", "old-key", baselined=True),
]
REPORT = Report(stack="prod", profile="prod", findings=[],
                summary=Summary(resources=5, findings=0, mandatory=0, advisory=0, exempted=0)).with_findings(FINDINGS)


def test_escaping_follows_the_runner():
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_one_annotation_per_finding_with_file_line_and_level():
    lines = renderer("github")(REPORT).splitlines()
    assert lines[0] == ("::error file=stacks/__main__.py,line=42,title=aws-kms-key-rotation (data-key)::"
                        "Key does not rotate: 100%25 of data%0Aunder one version."
                        "%0AResource: urn:pulumi:prod::shop::aws:kms/key:Key::data-key%0AFix: Set enableKeyRotation.")
    assert lines[1].startswith("::warning file=stacks/a%2Cb%3Ac.py,line=7,title=aws-sns-topic-encryption (orders)::")
    assert lines[2].startswith("::notice title=aws-s3-bucket-sse-kms (logs) [exempted]::")
    assert lines[3].startswith("::notice title=aws-kms-key-rotation (old-key) [baselined]::")
    assert lines[4].startswith("::error title=stackguard::stack prod, profile prod: 5 resources, 4 findings (1 mandatory")
    assert len(lines) == 5 and all("\r" not in line for line in lines)


def test_below_fail_on_is_a_warning_and_the_summary_a_notice():
    lines = renderer("github")(REPORT.model_copy(update={"fail_on": "critical"})).splitlines()
    assert lines[0].startswith("::warning file=stacks/__main__.py,line=42,")
    assert lines[-1].startswith("::notice title=stackguard::") and "PASSED" in lines[-1]
