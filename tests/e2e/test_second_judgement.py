"""The pack judges every resource again in the update, when values a preview could not know are known:
a key whose rotation comes from another resource's output passes the preview's judgement unseen, and
the update refuses it before it is created."""
from __future__ import annotations

import pytest

from tests.e2e.real_cli import ROOT, copy_project, mandatory, policy_triples

pytestmark = pytest.mark.slow
PROGRAM = ROOT / "tests" / "e2e" / "programs" / "computed-rotation"
GATE = ("--policy-pack", str(ROOT / "policies" / "pack"), "--policy-pack-config",
        str(ROOT / "policies" / "profiles" / "dev.json"))
KEY = "urn:pulumi:dev::computed-rotation::aws:kms/key:Key::computed"


def test_a_value_unknown_at_preview_is_judged_when_the_update_knows_it(workspace):
    project = copy_project(PROGRAM, workspace.folder / "computed-rotation", ROOT / ".venv")
    workspace.pulumi("stack", "init", "dev", cwd=project)
    preview = policy_triples(workspace.policy_preview("--stack", "dev", *GATE, cwd=project, check=False).stdout)
    assert ("aws-kms-key-rotation", KEY, "mandatory") not in mandatory(preview)

    up = workspace.pulumi("up", "--stack", "dev", "--yes", *GATE, cwd=project, check=False)
    assert up.returncode != 0
    assert "aws-kms-key-rotation" in up.stdout
    created = {event["urn"] for event in workspace.created() if event["event"] == "create"}
    assert KEY not in created
    assert any(urn.endswith("::rotation-flag") for urn in created)  # what it depends on was created first
