"""`stackguard preflight`: the deploy gate with no cloud account and no Pulumi CLI.

Runs the stack's program as `pulumi preview` would (program_runner.py: its own environment, a child
process, the mock runtime with preview semantics and realistic AWS answers), records every
registration as the engine would see it, and sends those resources through the same policy pack
`pulumi up --policy-pack` starts. The pack boots while the program runs.

The whole run has a deadline; SIGTERM, SIGINT and SIGHUP stop it cleanly. Either ends in EngineError
(exit 3) naming the stage, after the program's process group and the pack are gone.
"""
from __future__ import annotations

import signal
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import unquote, urlparse

from . import catalog, exemptions as exemptions_module, profiles, program_runner, pulumi_project
from .errors import EngineError
from .gate import Stack, evaluate
from .model import Coverage, NotInspected, Report, SourceLocation, StackResource
from .pack_client import PackProcess
from .recording import Registration

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
            source=_source(r, by_urn, program_dir, relative_to),
        )
        for r in monitor.registrations if r.type != "pulumi:pulumi:Stack"
    ]


def coverage_of(run: program_runner.ProgramRun) -> Coverage:
    """What the run could not judge, stated on the report rather than passed silently."""
    not_inspected = [
        NotInspected(urn=r.urn, type=r.type, reason="remote component: its children are created by another "
                                                    "language host and were not checked")
        for r in run.registrations if r.remote
    ]
    not_inspected += [NotInspected(urn=r["urn"], type=r["type"], reason=_read_reason(r)) for r in run.reads]
    return Coverage(generic_invokes=run.generic_invokes, not_inspected=not_inspected)


def _read_reason(read: dict) -> str:
    if read["type"] == "pulumi:pulumi:StackReference":
        return f"stack reference to {read['id']}: its outputs are unknown to preflight, values built from them were not judged"
    return f"read with get (id {read['id']}): exists outside this stack, not checked"


class _Stage:
    """The stage a run is in, for the message when it is stopped."""

    def __init__(self, timeout: float):
        self.name = "starting"
        self.timeout = timeout
        self.started = time.monotonic()

    def remaining(self) -> float:
        return max(0.1, self.timeout - (time.monotonic() - self.started))


@contextmanager
def _stoppable(stage: _Stage) -> Iterator[None]:
    """Turn the deadline (SIGALRM) and SIGTERM/SIGINT/SIGHUP into EngineError, so every `finally` cleans up."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals only reach the main thread; the program's own wait still has its deadline
        return

    def timed_out(_signum, _frame):
        raise EngineError(f"preflight did not finish within {stage.timeout:g} s (stage: {stage.name}); "
                          "use --timeout to allow more")

    def stopped(signum, _frame):
        raise EngineError(f"stopped by {signal.Signals(signum).name} (stage: {stage.name})")

    previous = {s: signal.signal(s, h) for s, h in ((signal.SIGALRM, timed_out), (signal.SIGTERM, stopped),
                                                      (signal.SIGINT, stopped), (signal.SIGHUP, stopped))}
    signal.setitimer(signal.ITIMER_REAL, stage.timeout)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def preflight(project_dir: Path, stack: str, profile_name: str | None = None,
              progress: Callable[[str], None] = lambda _message: None, timeout: float = DEFAULT_TIMEOUT) -> Report:
    stage = _Stage(timeout)
    with _stoppable(stage):
        # The pack (with its OPA) boots on the other core while the program runs.
        stage.name = "starting the policy pack"
        pack = PackProcess().start()
        try:
            stage.name = "reading the project"
            project = pulumi_project.load(project_dir)
            config = project.stack_config(stack)
            if not config.exists:
                known = ", ".join(project.stacks()) or "none"
                _notice(f"{config.file} does not exist; running stack {stack!r} with an empty config "
                        f"(stacks with a config file: {known})")
            rules = catalog.load()
            profile = profiles.load(profile_name or stack, rules)
            exemptions = exemptions_module.load(known_rules={r.id for r in rules})
            stage.name = f"running the program {project.program_dir} on the mock runtime"
            progress(f"running {project.name} ({stack}) on the mock runtime")
            run = program_runner.run(project, stack, config, timeout=stage.remaining())
            resources = resources_of(run, project.program_dir, Path.cwd())
            stage.name = "waiting for the policy pack"
            progress("waiting for the policy pack")
            pack.connect()
            stage.name = "evaluating the policies"
            report = evaluate(pack, [Stack(name=stack, resources=resources)], rules, profile, exemptions, progress)
        finally:
            pack.close()
    report.coverage = coverage_of(run)
    if report.coverage.generic_invokes:
        _notice(f"data sources answered as unknown (no realistic answer): {', '.join(report.coverage.generic_invokes)}")
    if report.coverage.not_inspected:
        names = ", ".join(f"{n.type} {n.urn.split('::')[-1]}" for n in report.coverage.not_inspected)
        _notice(f"not inspected: {names} (see coverage in the JSON report)")
    return report


def _notice(text: str) -> None:
    """One line on stderr, beside any report format (the JSON report carries the same facts)."""
    sys.stderr.write(f"stackguard: notice: {text}\n")
