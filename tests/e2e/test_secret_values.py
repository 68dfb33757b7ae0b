"""Under `pulumi preview`, the Pulumi CLI hands the analyzer every secret's plaintext (it marshals the
properties with KeepSecrets): the pack judges them with its private OPA, and its diagnostics show the
value as [secret] (#25 item 3)."""
from __future__ import annotations

import pytest

from tests.e2e.real_cli import ROOT, copy_project, mandatory, policy_triples

pytestmark = pytest.mark.slow
PROGRAM = ROOT / "tests" / "e2e" / "programs" / "secret-values"
GATE = ("--policy-pack", str(ROOT / "policies" / "pack"), "--policy-pack-config",
        str(ROOT / "policies" / "profiles" / "prod.json"))
KEY = "urn:pulumi:dev::secret-values::aws:kms/key:Key::data-key"
GROUP = "urn:pulumi:dev::secret-values::aws:ec2/securityGroup:SecurityGroup::bastion"


def test_the_pack_judges_secret_values_under_the_real_cli_and_never_shows_them(workspace):
    project = copy_project(PROGRAM, workspace.folder / "secret-values", ROOT / ".venv")
    workspace.pulumi("stack", "init", "dev", cwd=project)
    preview = workspace.policy_preview("--stack", "dev", *GATE, cwd=project, check=False)
    triples = mandatory(policy_triples(preview.stdout))
    assert {("aws-kms-key-rotation", KEY, "mandatory"),
            ("aws-ec2-security-group-open-ingress", GROUP, "mandatory")} <= triples, preview.stdout[-3000:]
    assert "aws-pulumi-secret-value" not in {rule for rule, _, _ in triples}
    assert "ingress from [secret]" in preview.stdout
    assert "ingress from 0.0.0.0/0" not in preview.stdout + preview.stderr
