"""The stackguard command line: `check`, `preflight` and `rules`.

Exit codes: 0 no unexempted mandatory finding, 1 mandatory findings, 2 bad input or usage,
3 the policy engine could not give an answer (fail closed).
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import tempfile
import traceback
from enum import Enum
from pathlib import Path
from typing import Callable, List, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import catalog, exemptions as exemptions_module, pack_export as pack_export_module, profiles, project_config, readers
from .decision import Decider, engine_failure_message
from .errors import EngineError, InputError
from .exemptions import stack_of
from .gate import EngineSession, Stack, evaluate
from .model import Report
from .render import renderer
from .toolchain import ToolchainError

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_ENGINE = 0, 1, 2, 3
DEFAULT_RUN_SECONDS = 600.0

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Policy gate for Pulumi stacks on AWS: Rego rules decided by OPA, enforced by a CrossGuard pack.")
err = Console(stderr=True, highlight=False)


class Format(str, Enum):
    table = "table"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"
    html = "html"


def _default_format(fmt: Optional[Format]) -> Format:
    return fmt or (Format.table if sys.stdout.isatty() else Format.json)


def _emit(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    if output.is_dir():
        raise InputError(str(output), "--output", "is a directory; give a file path")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the target and renamed over it: readers never see half a report, and a
        # failed write leaves nothing behind.
        with tempfile.NamedTemporaryFile("w", dir=output.parent, prefix=f".{output.name}.", delete=False) as handle:
            partial = Path(handle.name)
            handle.write(text)
        partial.replace(output)
    except OSError as err:
        with contextlib.suppress(NameError, OSError):
            partial.unlink()
        raise InputError(str(output), "--output", f"cannot be written: {err.strerror}") from None


def _finish(report: Report, fmt: Format, output: Optional[Path]) -> None:
    _emit(renderer(fmt.value)(report), output)
    if output is not None:
        s = report.summary
        err.print(f"stackguard: wrote {fmt.value} report to {output}: {s.findings} findings, {s.mandatory} mandatory",
                  markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_FINDINGS if report.blocking else EXIT_OK)


def _fail(code: int, message: str) -> None:
    err.print(message, markup=False, soft_wrap=True, highlight=False)
    raise typer.Exit(code)


class _Stopped(BaseException):
    """A signal or the run's deadline ended the run; cleanup runs on the way out. A BaseException,
    so that a stack program's `except Exception` cannot swallow it."""


def guarded(run: Callable[[], None], timeout: float, stage: Stage) -> None:
    """Run a command with every way out mapped to its exit code, no traceback and no process left:
    bad input 2; engine failure, deadline, signal or internal error 3 (nothing passes unchecked)."""

    def stop(signum, _frame):
        raise _Stopped(f"stopped by {signal.Signals(signum).name}")

    def expire(_signum, _frame):
        raise _Stopped(f"did not finish within {timeout:g}s (while {stage.now})")

    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, stop)
    signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        run()
    except InputError as e:
        _fail(EXIT_INPUT, f"stackguard: error: {e}")
    except EngineError as e:
        _fail(EXIT_ENGINE, engine_failure_message(str(e)))
    except _Stopped as e:
        _fail(EXIT_ENGINE, f"stackguard: blocked: {e}; nothing was checked, so nothing passes.")
    except ToolchainError as e:
        _fail(EXIT_ENGINE, f"stackguard: blocked: {e}; nothing was checked, so nothing passes.")
    except (typer.Exit, typer.Abort):
        raise
    except BaseException as e:  # noqa: BLE001 - an unexpected failure must block, never pass or spill a traceback
        if os.environ.get("STACKGUARD_DEBUG"):
            raise
        where = traceback.extract_tb(e.__traceback__)[-1] if e.__traceback__ else None
        place = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
        # The type and place only: an exception's text may carry a value from the stack (a secret).
        _fail(EXIT_ENGINE, f"stackguard: blocked: internal error ({type(e).__name__}{place}); nothing passes. "
                           "Set STACKGUARD_DEBUG=1 for the traceback and report it.")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


class Stage:
    """What the run is doing now, for the deadline's message."""

    def __init__(self) -> None:
        self.now = "starting"

    def __call__(self, what: str) -> None:
        self.now = what


def _engine_run(rules, rule_dirs, stacks: list[Stack], profile, exemptions, stage: Stage) -> Report:
    with EngineSession(rules, rule_dirs) as session:
        stage("waiting for the policy engine")
        engine = session.engine()
        stage("evaluating")
        return evaluate(engine, stacks, Decider(rules, profile, exemptions), profile.rule_config(), stage)


TIMEOUT_HELP = "Stop with exit 3 when the whole run takes longer than this many seconds."
PROFILE_HELP = ("Enforcement profile: a name (policies/profiles/<NAME>.json) or a path; default: stackguard.yaml's "
                "choice for the stack, else the profile named like the stack, else prod.")
CONFIG_HELP = "The team's stackguard.yaml (default: the nearest one in the project folder or its parents)."
EXEMPTIONS_HELP = "Exemptions file (default: stackguard.yaml's, else policies/exemptions.yaml)."


def _profile_for(config: project_config.ProjectConfig, explicit: Optional[str], stack: str, rules) -> profiles.Profile:
    builtin = stack if stack in profiles.available() else "prod"
    return profiles.load(config.profile(explicit, stack, fallback=builtin), rules)


@app.command()
def check(
    files: List[Path] = typer.Argument(..., help="`pulumi stack export` or `pulumi preview --json` files, or - for standard input."),
    profile: Optional[str] = typer.Option(None, help=PROFILE_HELP),
    fmt: Optional[Format] = typer.Option(None, "--format", help="table (default on a terminal) or json, sarif, markdown, html."),
    output: Optional[Path] = typer.Option(None, help="Write the report to this file instead of standard output."),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    exemptions: Optional[Path] = typer.Option(None, "--exemptions", help=EXEMPTIONS_HELP),
    timeout: float = typer.Option(DEFAULT_RUN_SECONDS, min=1, max=86400, help=TIMEOUT_HELP),
):
    """Evaluate exported stacks or previews with the policy rules."""
    stage = Stage()

    def run():
        stage("reading the configuration")
        settings = project_config.load(Path.cwd(), config, exemptions)
        rules = catalog.load(settings.rule_dirs)
        stage("reading the input files")
        stacks = []
        for path in files:
            resources = readers.read(path)
            stacks.append(Stack(name=stack_of(resources[0].urn) if resources else path.stem, resources=resources))
        chosen = _profile_for(settings, profile, stacks[0].name if stacks else "", rules)
        known = exemptions_module.load(settings.exemptions, known_rules={r.id for r in rules})
        report = _engine_run(rules, catalog.rule_dirs(settings.rule_dirs), stacks, chosen, known, stage)
        _finish(report, _default_format(fmt), output)

    guarded(run, timeout, stage)


@app.command()
def rules(fmt: Optional[Format] = typer.Option(None, "--format", help="table (default on a terminal) or json.")):
    """List the rule catalog: id, title, severity, concern, compliance references."""

    def run():
        chosen = _default_format(fmt)
        entries = catalog.load(project_config.load(Path.cwd()).rule_dirs)
        if chosen == Format.json:
            sys.stdout.write(json.dumps([r.model_dump(exclude={"file"}) for r in entries], indent=2) + "\n")
            return
        if chosen != Format.table:
            raise InputError("--format", chosen.value, "rules prints table or json")
        table = Table(title=f"stackguard rules ({len(entries)})", show_lines=False)
        for column in ("id", "severity", "concern", "title", "compliance"):
            table.add_column(column, overflow="fold")
        for r in entries:
            refs = "; ".join(f"{fw} {', '.join(c)}" for fw, c in r.compliance.items())
            table.add_row(r.id, r.severity, r.concern, r.title, refs)
        Console(width=int(os.environ.get("COLUMNS", "160"))).print(table)

    guarded(run, DEFAULT_RUN_SECONDS, Stage())


@app.command()
def preflight(
    stack: str = typer.Option(..., "--stack", help="The stack (environment) to check: stacks/Pulumi.<STACK>.yaml."),
    project: Path = typer.Option(Path("."), "--project", help="The Pulumi project directory."),
    profile: Optional[str] = typer.Option(None, help=PROFILE_HELP),
    fmt: Optional[Format] = typer.Option(None, "--format", help="table (default on a terminal) or json, sarif, markdown, html."),
    output: Optional[Path] = typer.Option(None, help="Write the report to this file instead of standard output."),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    exemptions: Optional[Path] = typer.Option(None, "--exemptions", help=EXEMPTIONS_HELP),
    timeout: float = typer.Option(DEFAULT_RUN_SECONDS, min=1, max=86400, help=TIMEOUT_HELP),
):
    """Run the stack program on Pulumi's mock runtime, as `pulumi preview` would, and gate it."""
    from .preflight import preflight as run_preflight  # imports pulumi_aws only when needed

    stage = Stage()

    def run():
        settings = project_config.load(project, config, exemptions)
        if err.is_terminal:
            with err.status("stackguard preflight") as status:
                def progress(message: str) -> None:
                    stage(message)
                    status.update(f"stackguard: {message}")

                report = run_preflight(project, stack, profile, progress=progress, settings=settings)
        else:
            report = run_preflight(project, stack, profile, progress=stage, settings=settings)
        _finish(report, _default_format(fmt), output)

    guarded(run, timeout, stage)


pack_app = typer.Typer(help="The CrossGuard policy pack for `pulumi up --policy-pack`.", no_args_is_help=True)
app.add_typer(pack_app, name="pack")


@pack_app.command("export")
def pack_export(
    directory: Path = typer.Argument(..., help="A new folder for the pack."),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    requirement: Optional[str] = typer.Option(None, help="The pip requirement for stackguard in the pack's requirements.txt "
                                                        "(default: stackguard==<this version>)."),
):
    """Write a self-contained pack folder (with this team's rules and exemptions) for `pulumi up` and `pulumi policy publish`."""

    def run():
        settings = project_config.load(Path.cwd(), config)
        catalog.load(settings.rule_dirs)  # refuse a pack whose extra rules do not load
        written = pack_export_module.export(directory, settings, requirement)
        err.print(f"stackguard: wrote the policy pack to {directory} ({len(written)} files); "
                  f"use it with `pulumi up --policy-pack {directory} --policy-pack-config <profile>.json`", markup=False, soft_wrap=True)

    guarded(run, DEFAULT_RUN_SECONDS, Stage())


@app.command()
def init(directory: Path = typer.Argument(Path("."), help="The consumer repository (default: here).")):
    """Write a starter stackguard.yaml (profiles per stack, exemptions file, extra rule folders)."""

    def run():
        for path in project_config.init(directory):
            err.print(f"stackguard: wrote {path}", markup=False, soft_wrap=True)

    guarded(run, DEFAULT_RUN_SECONDS, Stage())


def main() -> None:
    app()
