"""`stackguard preflight`: the deploy gate with no cloud account and no Pulumi CLI.

Runs the stack's program on Pulumi's mock runtime (AwsMocks: realistic ids, ARNs and invokes),
records every registration as the engine would see it, and sends those resources through the same
policy pack `pulumi up --policy-pack` starts. The pack boots while the program runs.
"""
from __future__ import annotations

import contextlib
import json
import os
import runpy
import sys
import traceback
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlparse

import pulumi
from pydantic import ValidationError

from . import catalog, exemptions as exemptions_module, profiles, project_config, pulumi_project
from .decision import Decider
from .errors import InputError
from .gate import EngineSession, Stack, evaluate
from .mocks import AwsMocks
from .model import Report, SourceLocation, StackResource
from .recording import Registration, RecordingMonitor, run_program

DEFAULT_ACCOUNT = "123456789012"
DEFAULT_REGION = "us-east-1"


def mocks_for(config: pulumi_project.StackConfig) -> AwsMocks:
    """Answer for the account and region the stack is configured for (aws:allowedAccountIds, aws:region)."""
    accounts = json.loads(config.values.get("aws:allowedAccountIds", "[]") or "[]")
    return AwsMocks(account_id=str(accounts[0]) if accounts else DEFAULT_ACCOUNT,
                    region=config.values.get("aws:region", DEFAULT_REGION))


def _file(uri: str | None) -> Path | None:
    return Path(unquote(urlparse(uri).path)).resolve() if uri else None


def _source(registration: Registration, by_urn: dict[str, Registration], program_dir: Path,
            relative_to: Path) -> SourceLocation | None:
    """The line of the user's program that created the resource, or the component that holds it."""
    current: Registration | None = registration
    while current is not None:
        path = _file(current.source_file)
        if path and current.source_line and path.is_relative_to(program_dir):
            shown = path.relative_to(relative_to) if path.is_relative_to(relative_to) else path
            return SourceLocation(file=shown.as_posix(), line=current.source_line)
        current = by_urn.get(current.parent)
    return None


def resources_of(monitor: RecordingMonitor, program_dir: Path, relative_to: Path) -> list[StackResource]:
    by_urn = {r.urn: r for r in monitor.registrations}
    return [
        StackResource(
            urn=r.urn, type=r.type, name=r.name, properties=r.properties, parent=r.parent,
            dependencies=r.dependencies, property_dependencies=r.property_dependencies, protect=r.options["protect"],
            source=_source(r, by_urn, program_dir, relative_to),
        )
        for r in monitor.registrations if r.type != "pulumi:pulumi:Stack"
    ]


def _program_failure(err: Exception, project: pulumi_project.Project) -> InputError:
    """Point at the deepest line of the user's program (or its components) where it failed."""
    frames = [f for f in traceback.extract_tb(err.__traceback__)
              if Path(f.filename).resolve().is_relative_to(project.directory) and "site-packages" not in f.filename]
    where = f"{Path(frames[-1].filename).resolve().relative_to(project.directory)}:{frames[-1].lineno}" if frames else str(project.program_dir)
    if isinstance(err, ValidationError):
        # Field and problem only: pydantic's own text quotes the input, which may be a secret.
        problem = "; ".join(f"{err.title}.{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors())
    else:
        problem = (str(err).strip().splitlines() or [""])[0]
    return InputError(where, type(err).__name__, f"the program failed: {problem}")


def run_stack_program(project: pulumi_project.Project, stack: str, config: pulumi_project.StackConfig) -> RecordingMonitor:
    """Run the program as the Pulumi language host would: its folder on sys.path and as the cwd."""
    pulumi.runtime.set_all_config(config.values, config.secret_keys)
    previous = Path.cwd()
    os.chdir(project.program_dir)
    try:
        # Whatever the program prints goes to stderr, so a JSON report on stdout stays intact.
        with contextlib.redirect_stdout(sys.stderr):
            return run_program(lambda: runpy.run_path(str(project.program_dir), run_name="__main__"),
                               mocks_for(config), project=project.name, stack=stack)
    except pulumi.RunError as err:
        # Programs report bad configuration with RunError, as "<file>: <key>: <what is allowed>".
        raise InputError.parse(str(err)) from None
    except Exception as err:  # noqa: BLE001 - a failing program is the user's to fix, not a stackguard crash
        raise _program_failure(err, project) from None
    finally:
        os.chdir(previous)


def preflight(project_dir: Path, stack: str, profile_name: str | None = None,
              progress: Callable[[str], None] = lambda _message: None,
              settings: project_config.ProjectConfig | None = None) -> Report:
    settings = settings or project_config.load(project_dir)
    rules = catalog.load(settings.rule_dirs)
    # The private OPA boots on the other core while this process validates and runs the program.
    with EngineSession(rules, catalog.rule_dirs(settings.rule_dirs)) as session:
        project = pulumi_project.load(project_dir)
        config = project.stack_config(stack)
        profile = profiles.load(settings.profile(profile_name, stack, fallback=stack), rules)
        exemptions = exemptions_module.load(settings.exemptions, known_rules={r.id for r in rules})
        progress(f"running {project.name} ({stack}) on the mock runtime")
        monitor = run_stack_program(project, stack, config)
        resources = resources_of(monitor, project.program_dir, Path.cwd())
        progress("waiting for the policy engine")
        engine = session.engine()
        progress("evaluating")
        decider = Decider(rules, profile, exemptions)
        return evaluate(engine, [Stack(name=stack, resources=resources)], decider, profile.rule_config(), progress)
