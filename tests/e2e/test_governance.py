"""The governance of exceptions under the real Pulumi CLI: the profile's `all` entry (where the
governance lives) reaches the pack's Configure (dev's `unmatchedExemptions: warn` makes the stale
entry advisory, where the pack's strict default would make it mandatory), and an exemptions file's
problems get the same (rule, URN, level) under the real preview as under preflight."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml

from tests.e2e.real_cli import ROOT, Workspace, copy_project, json_report, policy_triples, report_triples

pytestmark = pytest.mark.slow
PACK = ROOT / "policies" / "pack"


def with_notices(report: dict) -> set:
    """The report's triples plus its notices as the pack shows them: the entry's rule, no URN."""
    return report_triples(report) | {(n["rule"], "", "mandatory" if n["level"] == "error" else "advisory")
                                     for n in report.get("notices", [])}


@pytest.mark.parametrize("profile, stale_level", [("prod", "mandatory"), ("dev", "advisory")])
def test_a_stale_exemption_has_the_profiles_level_under_the_real_preview(workspace: Workspace, profile, stale_level):
    project = copy_project(ROOT / "examples" / "insecure", workspace.folder / "insecure", ROOT / ".venv")
    workspace.pulumi("stack", "init", "dev", cwd=project)
    exemptions = workspace.folder / "exemptions.yaml"
    exemptions.write_text(yaml.safe_dump({"exemptions": [{
        "rule": "aws-kms-key-rotation", "resource": "urn:pulumi:dev::insecure-demo::aws:kms/key:Key::no-such-key",
        "stacks": ["dev"], "reason": "a typo that leaves a dead entry", "owner": "platform-team",
        "expires": (dt.date.today() + dt.timedelta(days=30)).isoformat()}]}))
    profile_file = ROOT / "policies" / "profiles" / f"{profile}.json"
    done = workspace.stackguard("preflight", "--stack", "dev", "--project", str(project), "--profile", profile,
                                "--exemptions", str(exemptions), "--format", "json", cwd=project)
    expected = with_notices(json_report(done))
    assert ("aws-kms-key-rotation", "", stale_level) in expected

    streamed = workspace.pulumi("preview", "--json", "--stack", "dev", "--policy-pack", str(PACK),
                                "--policy-pack-config", str(profile_file), cwd=project, check=False,
                                PULUMI_ENABLE_STREAMING_JSON_PREVIEW="1", STACKGUARD_EXEMPTIONS=str(exemptions))
    # The engine files a diagnostic that names no resource under the stack itself.
    seen = {(rule, "" if "::pulumi:pulumi:Stack::" in urn else urn, level) for rule, urn, level in policy_triples(streamed.stdout)}
    assert seen == expected
