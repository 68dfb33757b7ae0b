"""The reference program (stacks/) under the real Pulumi CLI, for each environment with its profile:
`pulumi preview --policy-pack` passes, `pulumi up` succeeds, and preflight, the real preview, `check` on
that preview and `check` on the state export all name the same (rule, URN, level) triples."""
from __future__ import annotations

import json
import shutil

import pytest

from tests.e2e.real_cli import ROOT, Workspace, json_report, mandatory, policy_triples, record_comparison, report_triples

pytestmark = pytest.mark.slow
PACK = ROOT / "policies" / "pack"
UNKNOWN_VALUE = "aws-pulumi-unknown-value"


def reference_project(workspace: Workspace):
    """Pulumi.yaml and stacks/ in a folder of their own (the CLI writes the stack files), with the venv."""
    project = workspace.folder / "secure-api"
    project.mkdir(parents=True)
    shutil.copyfile(ROOT / "Pulumi.yaml", project / "Pulumi.yaml")
    shutil.copytree(ROOT / "stacks", project / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    (project / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    return project


@pytest.mark.parametrize("stack", ["dev", "staging", "prod"])
def test_the_reference_stack_passes_the_real_gate_and_every_path_agrees(workspace, stack):
    project = reference_project(workspace)
    profile = str(ROOT / "policies" / "profiles" / f"{stack}.json")
    workspace.pulumi("stack", "init", stack, cwd=project)
    gate = ("--policy-pack", str(PACK), "--policy-pack-config", profile)

    real_preview = policy_triples(workspace.policy_preview("--stack", stack, *gate, cwd=project).stdout)
    assert not mandatory(real_preview), real_preview
    preview = workspace.pulumi("preview", "--stack", stack, "--json", "--show-sames", *gate, cwd=project)
    (workspace.folder / "preview.json").write_text(preview.stdout)

    preflight = report_triples(json_report(workspace.stackguard("preflight", "--stack", stack, "--project", str(project),
                                                                "--format", "json", cwd=project)))
    # A real preview cannot know the ARNs of resources it has not created, so policy documents built
    # from them are not judged there (preflight's mocks know them): the pack reports each as advisory
    # and judges it again at `pulumi up`; `check` on the preview reports it at the profile's level.
    unknown = {t for t in real_preview if t[0] == UNKNOWN_VALUE}
    assert {t[2] for t in unknown} <= {"advisory"}
    assert real_preview - unknown == preflight
    checked_preview = report_triples(json_report(workspace.stackguard(
        "check", str(workspace.folder / "preview.json"), "--profile", stack, "--format", "json", cwd=project)))
    assert {t for t in checked_preview if t[0] != UNKNOWN_VALUE} == preflight
    assert {t[:2] for t in checked_preview if t[0] == UNKNOWN_VALUE} == {t[:2] for t in unknown}

    # prod deploys the Automation API's way: the preview above passed, so the update may skip its own.
    skip = ("--skip-preview",) if stack == "prod" else ()
    workspace.pulumi("up", "--stack", stack, "--yes", *skip, *gate, cwd=project)
    assert workspace.created(), "pulumi up created nothing through the provider"
    workspace.pulumi("stack", "export", "--stack", stack, "--file", str(workspace.folder / "export.json"), cwd=project)
    exported = json_report(workspace.stackguard("check", str(workspace.folder / "export.json"), "--profile", stack,
                                                "--format", "json", cwd=project))
    assert report_triples(exported) == preflight
    record_comparison(f"stacks/ {stack}", preflight=preflight, preview=real_preview, check_preview=checked_preview,
                      check_export=report_triples(exported))
    # The state holds the partner key encrypted, never in the clear (dev is the stack that sets it).
    assert "ciphertext" in (workspace.folder / "export.json").read_text() or stack != "dev"
    assert json.loads((workspace.folder / "export.json").read_text())["deployment"]["resources"]
