"""The HTML report opened in a real browser (headless Chromium): the DOM it builds shows the findings."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from stackguard.model import BaselineResult, Finding, FrameworkCoverage, Report, RunInfo, SourceLocation, Summary
from stackguard.render import renderer

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium (apt-get install -y chromium)"),
]


def test_chromium_renders_the_findings(tmp_path):
    finding = Finding(
        rule="aws-kms-key-rotation", title="KMS keys rotate their key material", severity="high", concern="encryption",
        enforcement="mandatory", exempted=False, urn="urn:pulumi:prod::shop::aws:kms/key:Key::data-key",
        type="aws:kms/key:Key", name="data-key", message="Key <script>document.title='pwned'</script> does not rotate.",
        remediation="Set enableKeyRotation to true.", source=SourceLocation(file="stacks/__main__.py", line=42),
    )
    report = Report(stack="prod", profile="prod", findings=[finding],
                    summary=Summary(resources=1, findings=1, mandatory=1, advisory=0, exempted=0))
    page = tmp_path / "report.html"
    page.write_text(renderer("html")(report))
    # Flags keep Chromium off the network and away from the user's profile, so the test is hermetic.
    dom = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    assert "aws-kms-key-rotation" in dom and "data-key" in dom
    assert "&lt;script&gt;" in dom and "pwned</title>" not in dom


def _audit_report() -> Report:
    from tests.report_builders import finding

    long_urn_name = "orders-api-production-stage-method-settings-for-every-path"
    findings = [
        finding("aws-apigateway-method-settings-cache-encrypted", "critical", long_urn_name,
                type_="aws:apigateway/methodSettings:MethodSettings", source=SourceLocation(file="stacks/__main__.py", line=142),
                message=f'Method settings "{long_urn_name}" cache responses without encryption: set cacheDataEncrypted to true.',
                compliance={"nist-800-53": ["SC-28"], "pci-dss": ["3.5.1"]}, description="Cached responses can hold secrets."),
        finding("aws-kms-key-rotation", "high", "payments-ledger-key", compliance={"cis-aws-foundations": ["3.6"], "nist-800-53": ["SC-12"]},
                message='KMS key "payments-ledger-key" does not rotate its key material: set enableKeyRotation to true.'),
        finding("aws-apigateway-stage-xray", "low", "v1", type_="aws:apigateway/stage:Stage", enforcement="advisory",
                message='Stage "v1" does not trace requests with X-Ray: set xrayTracingEnabled to true.'),
        finding("aws-kms-key-rotation", "high", "legacy-key", baselined=True, message='KMS key "legacy-key" does not rotate.'),
        finding("aws-apigateway-stage-web-acl", "medium", "partner-v0", type_="aws:apigateway/stage:Stage", exempted=True,
                exemption={"reason": "Partner calls from fixed IPs until the Q3 migration.", "owner": "platform@example.com", "expires": "2027-03-31"}),
    ]
    empty = Summary(resources=42, findings=0, mandatory=0, advisory=0, exempted=0)
    return Report(stack="prod", profile="prod", summary=empty, findings=[]).with_findings(findings).model_copy(update={
        "run": RunInfo(timestamp="2026-11-30T18:00:00+00:00", commit="0123456789abcdef0123456789abcdef01234567",
                       stackguard="0.1.0", opa="1.22.3", catalog={"rules": 72, "digest": "abcdef0123456789"},
                       levels={"aws-kms-key-rotation": "mandatory", "aws-apigateway-stage-xray": "advisory"}),
        "compliance": [FrameworkCoverage(framework="nist-800-53", covered=["SC-12", "SC-28", "SC-8"], with_findings=["SC-12", "SC-28"])],
        "baseline": BaselineResult(file="stackguard-baseline.json", fixed=[]),
    })


# Injected into a test copy of the page only (the report itself has no scripts and forbids them):
# writes the finding tables' column widths and the page's horizontal overflow into the DOM.
MEASURE = """<script>
addEventListener("load", () => {
  const table = document.querySelector("table.findings");
  const widths = [...table.rows[0].cells].map(c => Math.round(c.getBoundingClientRect().width));
  const out = document.createElement("pre"); out.id = "measure";
  out.textContent = JSON.stringify({widths, scroll: document.documentElement.scrollWidth, inner: innerWidth});
  document.body.appendChild(out);
});
</script>"""


@pytest.mark.parametrize("width", [1024, 1600])
def test_layout_reads_well_from_1024_px(tmp_path, width):
    import json
    import re

    html = renderer("html")(_audit_report())
    page = tmp_path / f"report-{width}.html"
    page.write_text(html)
    flags = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
             f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={width},1800"]
    shot = tmp_path / f"report-{width}.png"
    subprocess.run([*flags, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 10_000  # kept in the test's tmp folder for a human to look at

    probe = tmp_path / f"probe-{width}.html"
    probe.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html).replace("</body>", MEASURE + "</body>"))
    dom = subprocess.run([*flags, "--virtual-time-budget=2000", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    measured = json.loads(re.search(r'<pre id="measure">(.*?)</pre>', dom).group(1).replace("&quot;", '"'))
    status, rule, resource, problem, refs = measured["widths"]
    assert measured["scroll"] <= measured["inner"], measured  # no horizontal scrolling
    assert problem >= 250 and resource >= 180 and rule >= 160 and status >= 90, measured
    assert problem > resource  # the long URN no longer squeezes the text column
