"""examples/insecure under the real Pulumi CLI with the prod profile: the real preview fails with exactly the
(rule, URN, level) triples preflight reports, and no documented way of running `pulumi up` creates a
resource that a mandatory finding names."""
from __future__ import annotations

import pytest

from tests.e2e.real_cli import (ROOT, Workspace, copy_project, json_report, mandatory, policy_triples, record_comparison,
                                report_triples)

pytestmark = pytest.mark.slow
PACK = ROOT / "policies" / "pack"
PROFILE = ROOT / "policies" / "profiles" / "prod.json"
GATE = ("--policy-pack", str(PACK), "--policy-pack-config", str(PROFILE))


def insecure_project(workspace: Workspace):
    project = copy_project(ROOT / "examples" / "insecure", workspace.folder / "insecure", ROOT / ".venv")
    workspace.pulumi("stack", "init", "dev", cwd=project)
    return project


def preflight_triples(workspace: Workspace, project) -> set:
    done = workspace.stackguard("preflight", "--stack", "dev", "--project", str(project), "--profile", "prod",
                                "--format", "json", cwd=project)
    assert done.returncode == 1, done.stderr
    return report_triples(json_report(done))


def test_the_real_preview_fails_with_exactly_the_findings_preflight_reports(workspace):
    project = insecure_project(workspace)
    expected = preflight_triples(workspace, project)
    assert mandatory(expected)

    streamed = workspace.policy_preview("--stack", "dev", *GATE, cwd=project, check=False)
    assert streamed.returncode != 0
    assert policy_triples(streamed.stdout) == expected

    # As the README's CI recipe: the preview without the pack (a preview the pack failed is refused by check).
    preview = workspace.pulumi("preview", "--stack", "dev", "--json", "--show-sames", cwd=project)
    (workspace.folder / "preview.json").write_text(preview.stdout)
    checked = workspace.stackguard("check", str(workspace.folder / "preview.json"), "--profile", "prod",
                                   "--format", "json", cwd=project)
    assert checked.returncode == 1
    assert report_triples(json_report(checked)) == expected
    export = insecure_export(workspace, project)
    assert export == expected
    record_comparison("examples/insecure", preflight=expected, preview=policy_triples(streamed.stdout),
                      check_preview=report_triples(json_report(checked)), check_export=export)


def insecure_export(workspace: Workspace, project) -> set:
    """`check` on the state of a deployment made without the gate (the only way such a stack gets deployed)."""
    workspace.pulumi("up", "--stack", "dev", "--yes", cwd=project)
    export = workspace.pulumi("stack", "export", "--stack", "dev", cwd=project)
    (workspace.folder / "export.json").write_text(export.stdout)
    checked = workspace.stackguard("check", str(workspace.folder / "export.json"), "--profile", "prod", "--format", "json",
                                   cwd=project)
    return report_triples(json_report(checked))


def test_pulumi_up_creates_nothing_a_mandatory_finding_names(workspace):
    project = insecure_project(workspace)
    blocked = {urn for _, urn, _ in mandatory(preflight_triples(workspace, project))}

    up = workspace.pulumi("up", "--stack", "dev", "--yes", *GATE, cwd=project, check=False)
    assert up.returncode != 0
    assert not workspace.created(), "the preview's mandatory findings must stop the update before it starts"

    # --skip-preview (the Automation API's default): the stack-level policies would only run after the
    # resources exist, so the pack refuses every resource that no passing preview of this stack has judged.
    skipped = workspace.pulumi("up", "--stack", "dev", "--yes", "--skip-preview", *GATE, cwd=project, check=False)
    assert skipped.returncode != 0
    created = {event["urn"] for event in workspace.created() if event["event"] == "create"}
    assert not created & blocked, sorted(created & blocked)
    assert "pulumi preview" in skipped.stdout + skipped.stderr
