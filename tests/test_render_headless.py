"""The HTML report opened in a real browser (headless Chromium): the DOM it builds shows the findings."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from stackguard.model import Finding, Report, SourceLocation, Summary
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
