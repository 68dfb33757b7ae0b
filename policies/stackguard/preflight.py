"""`stackguard preflight`: the deploy gate with no cloud account and no Pulumi CLI.

Runs in the CLI's process. The stack's program runs as `pulumi preview` would (program_runner.py:
its own environment, a child process, the Pulumi runtime against the resource monitor this process
serves, preview semantics, realistic AWS answers); every registration is recorded here as the engine
would see it and gated in-process by the same decision core as the CrossGuard pack. The program starts first; the engine's modules load and
the private OPA boots and proves itself while it runs.

The program has a deadline (EngineError, exit 3, naming the stage); the CLI's own deadline and
signal handling (cli.guarded) stop the whole run and everything it started.
"""
from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlparse

from . import catalog, exemptions as exemptions_module, profiles, program_runner, project_config, pulumi_project
from .decision import Decider, ResourceRef
from .errors import InputError
from .gate import EngineSession, evaluate
from .model import Coverage, NotInspected, Report, SourceLocation, Stack, StackResource
from .registration import Registration

DEFAULT_TIMEOUT = 300.0


def _file(uri: str | None) -> Path | None:
    return Path(unquote(urlparse(uri).path)).resolve() if uri else None


def _source(registration: Registration, by_urn: dict[str, Registration], program_dir: Path,
            relative_to: Path) -> SourceLocation | None:
    """The line of the user's program that created the resource, or the component that holds it."""
    current: Registration | None = registration
    while current is not None:
        path = _file(current.source_file)
        if path and current.source_line and path.is_relative_to(program_dir) and "site-packages" not in path.parts:
            shown = path.relative_to(relative_to) if path.is_relative_to(relative_to) else path
            return SourceLocation(file=shown.as_posix(), line=current.source_line)
        current = by_urn.get(current.parent)
    return None


def resources_of(monitor, program_dir: Path, relative_to: Path) -> list[StackResource]:
    """The registrations of a run (a RecordingMonitor or a ProgramRun) as the analyzer sees them."""
    by_urn = {r.urn: r for r in monitor.registrations}
    return [
        StackResource(
            urn=r.urn, type=r.type, name=r.name, properties=r.properties, parent=r.parent,
            dependencies=r.dependencies, property_dependencies=r.property_dependencies, protect=r.options["protect"],
            source=_source(r, by_urn, program_dir, relative_to), custom=r.custom,
        )
        for r in monitor.registrations if r.type != "pulumi:pulumi:Stack"
    ]


def coverage_of(run: program_runner.ProgramRun, judged: Coverage | None = None) -> Coverage:
    """What the run could not judge, stated on the report rather than passed silently (beside what
    the gate itself did not judge)."""
    not_inspected = [
        NotInspected(urn=r.urn, type=r.type, reason="remote component: its children are created by another "
                                                    "language host and were not checked")
        for r in run.registrations if r.remote
    ]
    not_inspected += [NotInspected(urn=r["urn"], type=r["type"], reason=_read_reason(r)) for r in run.reads]
    return (judged or Coverage()).model_copy(update={"generic_invokes": run.generic_invokes, "not_inspected": not_inspected})


def _read_reason(read: dict) -> str:
    if read["type"] == "pulumi:pulumi:StackReference":
        return f"stack reference to {read['id']}: its outputs are unknown to preflight, values built from them were not judged"
    return f"read with get (id {read['id']}): exists outside this stack, not checked"


def preflight(project_dir: Path, stack: str, profile_name: str | None = None,
              progress: Callable[[str], None] = lambda _message: None, timeout: float = DEFAULT_TIMEOUT,
              settings: project_config.ProjectConfig | None = None) -> Report:
    settings = settings or project_config.load(project_dir)
    progress("reading the project")
    project = pulumi_project.load(project_dir)
    config = project.stack_config(stack)
    if not config.exists:
        _unknown_stack(project, stack, config.file)
    progress(f"running the program {project.program_dir} ({stack}) as a preview")
    # The program starts first and runs on one core; on the other, the private OPA boots and
    # proves itself while the engine client loads.
    with program_runner.RunningProgram(project, stack, config) as program:
        rules = catalog.load(settings.rule_dirs)
        with EngineSession(rules, catalog.rule_dirs(settings.rule_dirs)) as session:
            profile = profiles.load(settings.profile(profile_name, stack, fallback=stack), rules)
            exemptions = exemptions_module.load(settings.exemptions, known_rules={r.id for r in rules})
            run = program.result(timeout)
            resources = resources_of(run, project.program_dir, Path.cwd())
            progress("waiting for the policy engine")
            engine = session.engine()
            progress("evaluating")
            decider = Decider(rules, profile, exemptions)
            report = evaluate(engine, [Stack(name=stack, resources=resources)], decider, profile.rule_config(), progress)
    report.coverage = coverage_of(run, report.coverage)
    remote = {r.urn for r in run.registrations if r.remote}
    uninspected = decider.uninspected(stack, [ResourceRef.of(r) for r in resources if r.urn in remote])
    if uninspected:
        report.notices = [*(report.notices or []), *uninspected]
    if report.coverage.generic_invokes:
        _notice(f"data sources answered as unknown (no realistic answer): {', '.join(report.coverage.generic_invokes)}")
    if report.coverage.not_inspected:
        names = ", ".join(f"{n.type} {n.urn.split('::')[-1]}" for n in report.coverage.not_inspected)
        _notice(f"not inspected: {names} (see coverage in the JSON report)")
    return report


def _unknown_stack(project: pulumi_project.Project, stack: str, file: Path) -> None:
    """A stack without a config file runs with an empty config, as the Pulumi CLI runs a new stack, only
    where the project keeps no stack files at all: beside others it is a typo (`prd`) that would run
    without the stack's config and profile, and without the exemptions written for its real name."""
    known = project.stacks()
    if not known:
        _notice(f"{file} does not exist; running stack {stack!r} with an empty config (the project has no stack files)")
        return
    close = difflib.get_close_matches(stack, known, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise InputError("--stack", stack, f"{file} does not exist; the project's stacks are {', '.join(known)}{hint}; "
                                       f"for a new stack, create {file.name} first (it may hold just `config: {{}}`)")


def _notice(text: str) -> None:
    """One line on stderr, beside any report format (the JSON report carries the same facts)."""
    sys.stderr.write(f"stackguard: notice: {text}\n")
