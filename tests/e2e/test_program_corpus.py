"""The real-program corpus (tests/programs) under the real Pulumi CLI with the prod profile: program by
program, preflight, the real `pulumi preview --policy-pack`, `check` on the real preview and `check` on the
state export give the same (rule, URN, level) triples, and the same verdict."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.e2e.real_cli import ROOT, copy_project, json_report, mandatory, policy_triples, record_comparison, report_triples
from tests.test_program_corpus import PROGRAMS

pytestmark = pytest.mark.slow
PACK = ROOT / "policies" / "pack"
UNKNOWN_VALUE = "aws-pulumi-unknown-value"
PROFILE = ROOT / "policies" / "profiles" / "prod.json"
# Types the engine resolves itself; any other remote component needs its own provider plugin.
ENGINE_BUILTINS = {"pulumi:pulumi:StackReference"}
HERE = Path(__file__).resolve().parent
# The stacks a program reads through StackReference, deployed first into the same backend.
PREREQUISITES = {"training-stack-reference-app": ["stack_references_base_infra"],
                 "brontomerus-container-layer": ["network_layer_outputs"]}
# Programs with security-relevant values a real preview cannot know yet (built from outputs of resources it has
# not created): preflight's mocks know some of them, the deployed state all, and the pack judges them again at
# `pulumi up`. For these, what is found only grows: preview ⊆ preflight ⊆ `check` on the deployed state.
KNOWN_AFTER_UP = {
    "shahtushar-apigateway-lambda": "REST API bodies and permission source ARNs built from the Lambda's ARN",
    "kaniak-scheduled-ecs": "container definitions built from the repository URL and the log group's name",
}


def reencrypt_secrets(workspace, project, stack: str) -> None:
    """The corpus keeps placeholder ciphertexts (their authors' passphrases are not public): set each
    secret again, as the stack's owner would, so the real CLI and preflight both decrypt it."""
    config_file = project / f"Pulumi.{stack}.yaml"
    document = yaml.safe_load(config_file.read_text())
    secrets = [key for key, value in (document.get("config") or {}).items() if isinstance(value, dict) and "secure" in value]
    for key in secrets:
        del document["config"][key]
    config_file.write_text(yaml.safe_dump(document))
    for key in secrets:
        workspace.pulumi("config", "set", "--secret", "--stack", stack, key, "corpus-test-secret-Vq7", cwd=project)


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_the_real_preview_agrees_with_preflight(program, corpus_env, workspace):
    expected = json.loads((program / "expected.json").read_text())
    plugins = sorted({t.split(":")[0] for t in expected["not_inspected"] if t not in ENGINE_BUILTINS})
    if plugins:
        # Preflight reports these components as not inspected; the real engine would need their plugins.
        pytest.skip(f"needs the provider plugins {', '.join(plugins)}, which cannot be had on this machine")
    stack = expected["stack"]
    workspace.environment.update(expected.get("environment", {}))
    for prerequisite in PREREQUISITES.get(program.name, []):
        base = copy_project(HERE / "prerequisites" / prerequisite, workspace.folder / prerequisite, corpus_env)
        workspace.pulumi("stack", "init", stack, cwd=base)
        workspace.pulumi("up", "--stack", stack, "--yes", cwd=base)
    project = copy_project(program, workspace.folder / program.name, corpus_env)
    workspace.pulumi("stack", "init", stack, cwd=project)
    reencrypt_secrets(workspace, project, stack)

    preflight = workspace.stackguard("preflight", "--stack", stack, "--project", str(project), "--profile", "prod",
                                     "--format", "json", cwd=project)
    streamed = workspace.policy_preview("--stack", stack, "--policy-pack", str(PACK), "--policy-pack-config", str(PROFILE),
                                        cwd=project, check=False)
    # Values a real preview cannot know yet (preflight's mocks know ARNs and ids) are not judged there:
    # the pack reports them advisory and judges them again at `pulumi up`; check reports them at prod's level.
    real_unknown = {t for t in policy_triples(streamed.stdout) if t[0] == UNKNOWN_VALUE}
    assert {t[2] for t in real_unknown} <= {"advisory"}
    real = policy_triples(streamed.stdout) - real_unknown
    preflighted = report_triples(json_report(preflight))
    known_after_up = program.name in KNOWN_AFTER_UP
    if known_after_up:
        assert real <= preflighted
    else:
        assert preflighted == real
        assert (preflight.returncode == 1) == bool(mandatory(real)) == (streamed.returncode != 0), streamed.stdout[-3000:]

    # `check` on the real preview, and on the state after a deployment made without the gate.
    preview = workspace.pulumi("preview", "--stack", stack, "--json", "--show-sames", cwd=project)
    checked_preview = checked_triples(workspace, project, preview.stdout, "preview.json")
    assert {t for t in checked_preview if t[0] != UNKNOWN_VALUE} == real
    assert {t[:2] for t in checked_preview if t[0] == UNKNOWN_VALUE} == {t[:2] for t in real_unknown}
    workspace.pulumi("up", "--stack", stack, "--yes", cwd=project)
    export = workspace.pulumi("stack", "export", "--stack", stack, cwd=project)
    checked_export = checked_triples(workspace, project, export.stdout, "export.json")
    if known_after_up:
        assert preflighted <= checked_export
    else:
        assert checked_export == real
    record_comparison(program.name, preflight=report_triples(json_report(preflight)), preview=real,
                      check_preview=checked_preview, check_export=checked_export)


def checked_triples(workspace, project, document: str, name: str) -> set:
    path = workspace.folder / name
    path.write_text(document)
    return report_triples(json_report(workspace.stackguard("check", str(path), "--profile", "prod", "--format", "json",
                                                           cwd=project)))
