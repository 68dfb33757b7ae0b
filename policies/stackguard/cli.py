"""The stackguard command line: `check`, `preflight` and `rules`.

Exit codes: 0 no unexempted mandatory finding, 1 mandatory findings, 2 bad input or usage,
3 the policy engine could not give an answer (fail closed).
"""
from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import catalog, exemptions as exemptions_module, profiles, readers
from .errors import EngineError, InputError
from .exemptions import stack_of
from .gate import Stack, evaluate
from .model import Report
from .pack_client import PackProcess
from .render import renderer

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_ENGINE = 0, 1, 2, 3

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
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    partial.write_text(text)
    partial.replace(output)  # readers never see half a report


def _finish(report: Report, fmt: Format, output: Optional[Path]) -> None:
    _emit(renderer(fmt.value)(report), output)
    if output is not None:
        s = report.summary
        err.print(f"stackguard: wrote {fmt.value} report to {output}: {s.findings} findings, {s.mandatory} mandatory")
    raise typer.Exit(EXIT_FINDINGS if report.blocking else EXIT_OK)


def _fail(code: int, message: str) -> None:
    err.print(message, markup=False, soft_wrap=True)
    raise typer.Exit(code)


def guarded(run):
    """Map user mistakes and engine failures to their exit codes, with no traceback."""
    try:
        run()
    except InputError as e:
        _fail(EXIT_INPUT, f"stackguard: error: {e}")
    except EngineError as e:
        _fail(EXIT_ENGINE, f"stackguard: blocked: {str(e).rstrip('.')}. Nothing was checked, so nothing passes.")


@app.command()
def check(
    files: List[Path] = typer.Argument(..., help="`pulumi stack export` or `pulumi preview --json` files."),
    profile: str = typer.Option("prod", help="Enforcement profile: policies/profiles/<NAME>.json."),
    fmt: Optional[Format] = typer.Option(None, "--format", help="table (default on a terminal) or json, sarif, markdown, html."),
    output: Optional[Path] = typer.Option(None, help="Write the report to this file instead of standard output."),
):
    """Evaluate exported stacks or previews with the policy pack."""

    def run():
        rules = catalog.load()
        chosen = profiles.load(profile, rules)
        exemptions = exemptions_module.load(known_rules={r.id for r in rules})
        stacks = []
        for path in files:
            resources = readers.read(path)
            name = stack_of(resources[0].urn) if resources else path.stem
            stacks.append(Stack(name=name, resources=resources))
        with PackProcess() as pack:
            report = evaluate(pack, stacks, rules, chosen, exemptions)
        _finish(report, _default_format(fmt), output)

    guarded(run)


@app.command()
def rules(fmt: Optional[Format] = typer.Option(None, "--format", help="table (default on a terminal) or json.")):
    """List the rule catalog: id, title, severity, concern, compliance references."""

    def run():
        chosen = _default_format(fmt)
        entries = catalog.load()
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

    guarded(run)


@app.command()
def preflight(
    stack: str = typer.Option(..., "--stack", help="The stack (environment) to check: stacks/Pulumi.<STACK>.yaml."),
    project: Path = typer.Option(Path("."), "--project", help="The Pulumi project directory."),
    profile: Optional[str] = typer.Option(None, help="Enforcement profile; defaults to the stack's name."),
    fmt: Optional[Format] = typer.Option(None, "--format", help="table (default on a terminal) or json, sarif, markdown, html."),
    output: Optional[Path] = typer.Option(None, help="Write the report to this file instead of standard output."),
):
    """Run the stack program on Pulumi's mock runtime and gate it with the policy pack."""
    from .preflight import preflight as run_preflight  # imports pulumi_aws only when needed

    def run():
        if err.is_terminal:
            with err.status("stackguard preflight") as status:
                report = run_preflight(project, stack, profile, progress=lambda m: status.update(f"stackguard: {m}"))
        else:
            report = run_preflight(project, stack, profile)
        _finish(report, _default_format(fmt), output)

    guarded(run)


def main() -> None:
    app()
