"""The stackguard command line: `check`, `preflight` and `rules`.

Exit codes: 0 no unexempted mandatory finding, 1 mandatory findings, 2 bad input or usage,
3 the policy engine could not give an answer (fail closed).
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from enum import Enum
from importlib.metadata import version
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from . import baseline as baseline_module, catalog, exemptions as exemptions_module, explain as explain_module
from . import inputs, outputs, paths, profiles, report_metadata, selection, toolchain
from .errors import EngineError, InputError
from .explain import ExplainFormat
from .gate import Stack, evaluate
from .model import BaselineEntry, Report
from .pack_client import PackProcess
from .render import table
from .render.words import plural

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_ENGINE = 0, 1, 2, 3

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False)
err = Console(stderr=True, highlight=False)


class Format(str, Enum):
    table = "table"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"
    html = "html"
    junit = "junit"
    github = "github"


class RulesFormat(str, Enum):
    table = "table"
    json = "json"


class Severity(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"
    critical = "critical"


def _default_format(fmt: Optional[Format]) -> Format:
    return fmt or (Format.table if sys.stdout.isatty() else Format.json)


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


# The report and gate options `check` and `preflight` share.
FORMAT_OPTION = typer.Option(None, "--format", metavar="FORMAT", help="table (default on a terminal), json, sarif, markdown, html, junit or github.")
OUTPUT_OPTION = typer.Option(None, "--output", metavar="[FORMAT=]FILE",
                             help="Write a report: FILE (in --format) or FORMAT=FILE, repeatable; '-' is standard output.")
COMPACT_OPTION = typer.Option(False, "--compact", help="Table: one line per finding (status, severity, rule, resource, file:line, message).")
QUIET_OPTION = typer.Option(False, "--quiet", "-q", help="Table: the summary and the verdict only.")
FAIL_ON_OPTION = typer.Option(None, "--fail-on", help="Block only on mandatory findings of this severity or higher.")
SOFT_FAIL_OPTION = typer.Option(False, "--soft-fail", help="Exit 0 even with blocking findings (bad input and engine failures still exit 2 and 3).")
RULE_OPTION = typer.Option(None, "--rule", metavar="RULE_ID", help="Report only this rule (repeatable).")
SKIP_RULE_OPTION = typer.Option(None, "--skip-rule", metavar="RULE_ID", help="Do not report this rule (repeatable).")
BASELINE_OPTION = typer.Option(None, "--baseline", metavar="FILE", help="Block only on findings not recorded in this baseline; list the fixed ones.")
CREATE_BASELINE_OPTION = typer.Option(None, "--create-baseline", metavar="FILE", help="Record today's findings in FILE as the baseline (they then do not block).")


@dataclass
class GateOptions:
    fmt: Optional[Format]
    output: Optional[List[str]]
    compact: bool
    quiet: bool
    fail_on: Optional[Severity]
    soft_fail: bool
    rule: Optional[List[str]]
    skip_rule: Optional[List[str]]
    baseline: Optional[Path]
    create_baseline: Optional[Path]


@dataclass
class Plan:
    """What a run will write and which rules it reports: checked before the pack starts, so usage errors are fast."""

    outputs: list[outputs.Output]
    rules: tuple[catalog.Rule, ...]
    baseline: Optional[list[BaselineEntry]]


def _plan(rules: tuple[catalog.Rule, ...], opts: GateOptions) -> Plan:
    if opts.baseline and opts.create_baseline:
        raise InputError("--create-baseline", str(opts.create_baseline), "use either --baseline or --create-baseline, not both")
    specs = outputs.parse(opts.output or [], opts.fmt.value if opts.fmt else None, _default_format(None).value)
    entries = baseline_module.load(opts.baseline) if opts.baseline else None
    return Plan(specs, selection.selected_rules(rules, opts.rule or [], opts.skip_rule or []), entries)


def _decide(report: Report, plan: Plan, profile: profiles.Profile, opts: GateOptions) -> None:
    """Select, enrich, baseline, write every output, and exit with the verdict."""
    specs, chosen = plan.outputs, plan.rules
    report = report_metadata.enrich(selection.keep(report, chosen), chosen, profile)
    checked = {r.id for r in chosen if profile.effective_level(r.id) != "disabled"}
    if opts.create_baseline:
        baseline_module.write(report, opts.create_baseline)
        report = baseline_module.apply(report, baseline_module.load(opts.create_baseline), str(opts.create_baseline), checked)
    elif plan.baseline is not None:
        report = baseline_module.apply(report, plan.baseline, str(opts.baseline), checked)
    if opts.fail_on:
        report = report.model_copy(update={"fail_on": opts.fail_on.value})
    mode = "quiet" if opts.quiet else "compact" if opts.compact else "full"
    outputs.write(report, specs, Console(highlight=False), mode)
    files = [f"{s.fmt} to {s.path}" for s in specs if s.path is not None]
    if files:
        err.print(f"stackguard: wrote {', '.join(files)}", markup=False, highlight=False, soft_wrap=True)
        err.print(table.headline(report), markup=False, highlight=False, soft_wrap=True)
    if opts.create_baseline:
        err.print(f"stackguard: recorded {plural(len(report.findings) - report.summary.exempted, 'finding')} in the baseline {opts.create_baseline}",
                  markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_FINDINGS if report.blocking and not opts.soft_fail else EXIT_OK)


def _check_profile(stacks: list[Stack]) -> str:
    """The profile named like the (first) stack when there is one, else prod, the strictest."""
    available = {p.stem for p in paths.profiles_dir().glob("*.json")}
    name = stacks[0].name if stacks else ""
    return name if name in available else "prod"


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"stackguard {version('stackguard')} (OPA {toolchain.OPA_VERSION})\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(_version_flag: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit.")):
    """Policy gate for Pulumi stacks on AWS: Rego rules decided by OPA, enforced by a CrossGuard pack."""


@app.command()
def check(
    files: List[Path] = typer.Argument(..., help="`pulumi stack export` or `pulumi preview --json` files; '-' reads standard input."),
    profile: Optional[str] = typer.Option(None, help="Enforcement profile: policies/profiles/<NAME>.json; defaults to the stack's name if such a profile exists, else prod."),
    fmt: Optional[Format] = FORMAT_OPTION, output: Optional[List[str]] = OUTPUT_OPTION,
    compact: bool = COMPACT_OPTION, quiet: bool = QUIET_OPTION, fail_on: Optional[Severity] = FAIL_ON_OPTION,
    soft_fail: bool = SOFT_FAIL_OPTION, rule: Optional[List[str]] = RULE_OPTION, skip_rule: Optional[List[str]] = SKIP_RULE_OPTION,
    baseline: Optional[Path] = BASELINE_OPTION, create_baseline: Optional[Path] = CREATE_BASELINE_OPTION,
):
    """Evaluate exported stacks or previews with the policy pack."""
    opts = GateOptions(fmt, output, compact, quiet, fail_on, soft_fail, rule, skip_rule, baseline, create_baseline)

    def run():
        rules = catalog.load()
        plan = _plan(rules, opts)
        stacks = inputs.read_stacks(files)
        chosen = profiles.load(profile or _check_profile(stacks), rules)
        exemptions = exemptions_module.load(known_rules={r.id for r in rules})
        with PackProcess() as pack:
            report = evaluate(pack, stacks, rules, chosen, exemptions)
        _decide(report, plan, chosen, opts)

    guarded(run)


@app.command()
def rules(fmt: Optional[RulesFormat] = typer.Option(None, "--format", help="table (default on a terminal) or json.")):
    """List the rule catalog: id, title, severity, concern, compliance references."""

    def run():
        entries = catalog.load()
        if (fmt or (RulesFormat.table if sys.stdout.isatty() else RulesFormat.json)) == RulesFormat.json:
            sys.stdout.write(json.dumps([r.model_dump(exclude={"file"}) for r in entries], indent=2) + "\n")
            return
        listing = Table(title=f"stackguard rules ({len(entries)})", show_lines=False)
        for column in ("id", "severity", "concern", "title", "compliance"):
            listing.add_column(column, overflow="fold")
        for r in entries:
            refs = "; ".join(f"{fw} {', '.join(c)}" for fw, c in r.compliance.items())
            listing.add_row(r.id, r.severity, r.concern, r.title, refs)
        Console().print(listing)

    guarded(run)


@app.command()
def explain(
    rule_id: Optional[str] = typer.Argument(None, metavar="[RULE_ID]", help="The rule to explain (see `stackguard rules`)."),
    all_rules: bool = typer.Option(False, "--all", help="Write the documentation of every rule (with --output-dir)."),
    output_dir: Optional[Path] = typer.Option(None, "--output-dir", help="With --all: write <rule-id>.md and README.md here (docs/rules)."),
    fmt: Optional[ExplainFormat] = typer.Option(None, "--format", help="text (default on a terminal) or markdown."),
):
    """A rule's full documentation: what, why, how to fix (with a Pulumi snippet), compliance, parameters."""

    def run():
        entries = catalog.load()
        if all_rules:
            if output_dir is None:
                raise InputError("--all", "--output-dir", "--all writes one file per rule: give --output-dir (docs/rules)")
            written = explain_module.write_reference(entries, output_dir)
            err.print(f"stackguard: wrote {plural(len(written), 'file')} to {output_dir}", markup=False, soft_wrap=True)
            return
        if rule_id is None:
            raise InputError("explain", "RULE_ID", "name a rule (listed by `stackguard rules`) or pass --all --output-dir DIR")
        known = {r.id: r for r in entries}
        if rule_id not in known:
            raise InputError("explain", rule_id, "is not a rule id; allowed: an id listed by `stackguard rules`")
        text = explain_module.markdown(known[rule_id])
        if (fmt or (ExplainFormat.text if sys.stdout.isatty() else ExplainFormat.markdown)) == ExplainFormat.markdown:
            sys.stdout.write(text)
        else:
            Console().print(Markdown(text))

    guarded(run)


@app.command()
def preflight(
    stack: str = typer.Option(..., "--stack", help="The stack (environment) to check: stacks/Pulumi.<STACK>.yaml."),
    project: Path = typer.Option(Path("."), "--project", help="The Pulumi project directory."),
    profile: Optional[str] = typer.Option(None, help="Enforcement profile; defaults to the stack's name."),
    fmt: Optional[Format] = FORMAT_OPTION, output: Optional[List[str]] = OUTPUT_OPTION,
    compact: bool = COMPACT_OPTION, quiet: bool = QUIET_OPTION, fail_on: Optional[Severity] = FAIL_ON_OPTION,
    soft_fail: bool = SOFT_FAIL_OPTION, rule: Optional[List[str]] = RULE_OPTION, skip_rule: Optional[List[str]] = SKIP_RULE_OPTION,
    baseline: Optional[Path] = BASELINE_OPTION, create_baseline: Optional[Path] = CREATE_BASELINE_OPTION,
):
    """Run the stack program on Pulumi's mock runtime and gate it with the policy pack."""
    from .preflight import preflight as run_preflight  # imports pulumi_aws only when needed

    opts = GateOptions(fmt, output, compact, quiet, fail_on, soft_fail, rule, skip_rule, baseline, create_baseline)

    def run():
        rules = catalog.load()
        plan = _plan(rules, opts)
        if err.is_terminal:
            with err.status("stackguard preflight") as status:
                report = run_preflight(project, stack, profile, progress=lambda m: status.update(f"stackguard: {m}"))
        else:
            report = run_preflight(project, stack, profile)
        _decide(report, plan, profiles.load(report.profile, rules), opts)

    guarded(run)


def main() -> None:
    app()
