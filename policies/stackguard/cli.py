"""The stackguard command line: `check`, `preflight`, `scan`, `rules`, `explain`, `init`, `pack export`.

Runs in the user's process. Exit codes: 0 no blocking finding, 1 blocking findings, 2 bad input or
usage, 3 nothing could be decided (engine failure, deadline, signal, internal error): fail closed.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import traceback
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Callable, List, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from . import baseline as baseline_module, catalog, exemptions as exemptions_module, explain as explain_module
from . import outputs, pack_export as pack_export_module, profiles, project_config, pulumi_project, readers, report_metadata, selection, toolchain
from .decision import Decider, engine_failure_message
from .errors import EngineError, InputError, StoreError, not_a_rule
from .explain import ExplainFormat
from .gate import EngineSession, evaluate
from .model import BaselineEntry, Coverage, Report, Stack
from .render import table
from .render.words import plural
from .toolchain import ToolchainError

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_ENGINE = 0, 1, 2, 3
DEFAULT_RUN_SECONDS = 600.0
WIDE_RULES_TABLE = 160  # columns from which `stackguard rules` shows concern and compliance (`--format json` always has them)

# Help texts are plain text: their brackets (s3://BUCKET[/PREFIX]) are syntax, never rich markup.
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None)
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


# The table everywhere, in a terminal and in a CI log alike (rich leaves colour out when standard output is not
# a terminal); JSON only when asked for, with --format json or a plain --output FILE.
DEFAULT_FORMAT = "table"


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
        raise _Stopped(f"stopped by {signal.Signals(signum).name} (while {stage.now})")

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
    except StoreError as e:
        _fail(EXIT_ENGINE, f"stackguard: blocked: {e}; nothing was recorded, so nothing passes.")
    except BrokenPipeError:
        # The reader of the report went away: what it saw is incomplete, so nothing passes.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        _fail(EXIT_ENGINE, "stackguard: blocked: the report's reader closed the pipe; nothing passes.")
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


# The report and gate options `check` and `preflight` share.
FORMAT_OPTION = typer.Option(None, "--format", metavar="FORMAT", help="table (default), json, sarif, markdown, html, junit or github.")
OUTPUT_OPTION = typer.Option(None, "--output", metavar="[FORMAT=]FILE",
                             help="Write a report: FILE (in --format) or FORMAT=FILE, repeatable; '-' is standard output.")
COMPACT_OPTION = typer.Option(False, "--compact", help="Table: one line per finding (status, severity, rule, resource, file:line, "
                                                       "message); refused without a table.")
QUIET_OPTION = typer.Option(False, "--quiet", "-q", help="Table: the summary and the verdict only (refused without a table).")
FAIL_ON_OPTION = typer.Option(None, "--fail-on", metavar="low|medium|high|critical", help="Block only on mandatory findings of this severity or higher.")
SOFT_FAIL_OPTION = typer.Option(False, "--soft-fail", help="Exit 0 even with blocking findings (bad input and engine failures still exit 2 and 3).")
RULE_OPTION = typer.Option(None, "--rule", metavar="RULE_ID", help="Report only this rule (repeatable).")
SKIP_RULE_OPTION = typer.Option(None, "--skip-rule", metavar="RULE_ID", help="Do not report this rule (repeatable).")
BASELINE_OPTION = typer.Option(None, "--baseline", metavar="FILE", help="Block only on findings not recorded in this baseline; list the fixed ones.")
CREATE_BASELINE_OPTION = typer.Option(None, "--create-baseline", metavar="FILE",
                                      help="Record today's findings in FILE as the baseline (they then do not block).")


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
    skipped: tuple[str, ...] = ()  # the rules --rule/--skip-rule leave out, listed in the report's coverage


CONFIG_OPTION = typer.Option(None, "--config", metavar="FILE",
                             help="The team's stackguard.yaml (default: the nearest one in the project folder or its parents, "
                                  "up to the git repository's root).")
EXEMPTIONS_OPTION = typer.Option(None, "--exemptions", metavar="FILE",
                                 help="Exemptions file (default: the one stackguard.yaml names, stackguard/exemptions.yaml after "
                                      "`stackguard init`; without a stackguard.yaml, stackguard's own, which is empty).")
TIMEOUT_OPTION = typer.Option(DEFAULT_RUN_SECONDS, "--timeout", min=1, max=86400, metavar="SECONDS",
                              help="Stop with exit 3 when the whole run takes longer than this many seconds.")
PROFILE_HELP = ("Enforcement profile: a name (stackguard.yaml's profile of that name, else the built-in dev, staging or prod) "
                "or a path to a profile file; default: stackguard.yaml's choice for the stack, else the profile named like "
                "the stack, else prod. Every report names the file used (run.profile).")

def _plan(rules: tuple[catalog.Rule, ...], opts: GateOptions) -> Plan:
    if opts.baseline and opts.create_baseline:
        raise InputError("--create-baseline", str(opts.create_baseline), "use either --baseline or --create-baseline, not both")
    specs = outputs.parse(opts.output or [], opts.fmt.value if opts.fmt else None, DEFAULT_FORMAT)
    _check_table_options(opts, specs)
    entries = baseline_module.load(opts.baseline) if opts.baseline else None
    chosen = selection.selected_rules(rules, opts.rule or [], opts.skip_rule or [])
    return Plan(specs, chosen, entries, tuple(r.id for r in rules if r not in chosen))


def _check_table_options(opts: GateOptions, specs: list[outputs.Output]) -> None:
    """--quiet and --compact shape the table: refused where no table is written, never silently ignored."""
    if opts.quiet and opts.compact:
        raise InputError("--quiet", "--compact", "use one: --quiet prints the summary and the verdict, --compact one line per finding")
    if (opts.quiet or opts.compact) and not any(spec.fmt == "table" for spec in specs):
        flag = "--quiet" if opts.quiet else "--compact"
        written = ", ".join(sorted({spec.fmt for spec in specs}))
        raise InputError(flag, written, f"{flag} shapes the table, and this run writes {written}; "
                                        "drop --format, or add --output table=FILE")


def _decide(report: Report, plan: Plan, profile: profiles.Profile, opts: GateOptions, settings: project_config.ProjectConfig,
            inputs: tuple[Path, ...]) -> None:
    """Select, enrich, baseline, write every output, and exit with the verdict."""
    specs, chosen = plan.outputs, plan.rules
    report = report_metadata.enrich(selection.keep(report, chosen), chosen, profile, config=settings, inputs=inputs)
    if plan.skipped:
        coverage = (report.coverage or Coverage()).model_copy(update={"skipped_rules": list(plan.skipped)})
        report = report.model_copy(update={"coverage": coverage})
        err.print(f"stackguard: notice: {plural(len(plan.skipped), 'rule')} not reported (--rule/--skip-rule): "
                  f"{', '.join(plan.skipped)}", markup=False, highlight=False, soft_wrap=True)
    if report.coverage and report.coverage.not_judged:
        types = ", ".join(sorted({n.type for n in report.coverage.not_judged}))
        err.print(f"stackguard: notice: {plural(len(report.coverage.not_judged), 'resource')} not judged by any rule ({types}); "
                  "see coverage in the JSON report", markup=False, highlight=False, soft_wrap=True)
    checked = {r.id for r in chosen if profile.effective_level(r.id) != "disabled"}
    firm = frozenset(profile.non_negotiable_rules())
    if opts.create_baseline:
        baseline_module.write(report, opts.create_baseline)
        report = baseline_module.apply(report, baseline_module.load(opts.create_baseline), str(opts.create_baseline), checked, firm)
    elif plan.baseline is not None and opts.baseline is not None:
        report = baseline_module.apply_for_profile(report, plan.baseline, opts.baseline, profile, [r.id for r in chosen])
    if opts.fail_on:
        report = report.model_copy(update={"fail_on": opts.fail_on.value})
    mode: table.Mode = "quiet" if opts.quiet else "compact" if opts.compact else "full"
    outputs.write(report, specs, Console(highlight=False), mode)
    files = [f"{s.fmt} to {s.path}" for s in specs if s.path is not None]
    if files:
        err.print(f"stackguard: wrote {', '.join(files)}", markup=False, highlight=False, soft_wrap=True)
    if not any(s.fmt == "table" and s.path is None for s in specs):
        # Whatever standard output holds, the log says BLOCKED or PASSED.
        err.print(table.headline(report), markup=False, highlight=False, soft_wrap=True)
    if opts.create_baseline:
        err.print(f"stackguard: recorded {plural(len(report.findings) - report.summary.exempted, 'finding')} in the baseline {opts.create_baseline}",
                  markup=False, highlight=False, soft_wrap=True)
    blocked = report.blocking or report.blocking_notices
    raise typer.Exit(EXIT_FINDINGS if blocked and not opts.soft_fail else EXIT_OK)


def _profile_name(config: project_config.ProjectConfig, explicit: Optional[str], stack: str) -> str:
    """--profile, else stackguard.yaml's choice for the stack, else the profile named like the stack, else prod."""
    builtin = stack if stack in profiles.available() else "prod"
    return config.profile(explicit, stack, fallback=builtin)


def _profile_for(config: project_config.ProjectConfig, explicit: Optional[str], stacks: list[Stack], rules) -> profiles.Profile:
    """The one profile of a run. Files of stacks whose own profiles differ (a dev and a prod preview)
    are refused without --profile: judging prod under dev's profile would pass it silently."""
    chosen = {stack.name: _profile_name(config, explicit, stack.name) for stack in stacks} or {"": _profile_name(config, explicit, "")}
    if len(set(chosen.values())) > 1:
        mixed = ", ".join(f"{stack} (profile {name})" for stack, name in chosen.items())
        raise InputError("FILE...", "--profile", f"the files are of stacks with different profiles: {mixed}; "
                                                 "check each stack on its own, or name the one profile for all with --profile")
    return profiles.load(next(iter(chosen.values())), rules)


def _version(value: bool) -> None:
    if value:
        source = catalog.iam_catalog_source()
        sys.stdout.write(f"stackguard {__version__} (OPA {toolchain.OPA_VERSION}, IAM action catalog {source['package']} {source['version']})\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(_version_flag: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit.")):
    """Policy gate for Pulumi stacks on AWS: Rego rules decided by OPA, enforced by a CrossGuard pack."""


@app.command()
def check(
    files: List[Path] = typer.Argument(..., metavar="FILE...", help="`pulumi stack export` or `pulumi preview --json` files; '-' reads standard input."),
    profile: Optional[str] = typer.Option(None, metavar="NAME|PATH", help=PROFILE_HELP),
    fmt: Optional[Format] = FORMAT_OPTION, output: Optional[List[str]] = OUTPUT_OPTION,
    compact: bool = COMPACT_OPTION, quiet: bool = QUIET_OPTION, fail_on: Optional[Severity] = FAIL_ON_OPTION,
    soft_fail: bool = SOFT_FAIL_OPTION, rule: Optional[List[str]] = RULE_OPTION, skip_rule: Optional[List[str]] = SKIP_RULE_OPTION,
    baseline: Optional[Path] = BASELINE_OPTION, create_baseline: Optional[Path] = CREATE_BASELINE_OPTION,
    config: Optional[Path] = CONFIG_OPTION, exemptions: Optional[Path] = EXEMPTIONS_OPTION,
    timeout: float = TIMEOUT_OPTION,
):
    """Evaluate exported stacks or previews with the policy rules."""
    opts = GateOptions(fmt, output, compact, quiet, fail_on, soft_fail, rule, skip_rule, baseline, create_baseline)
    stage = Stage()

    def run():
        stage("reading the configuration")
        settings = project_config.load(Path.cwd(), config, exemptions)
        rules = catalog.load(settings.rule_dirs)
        plan = _plan(rules, opts)
        # The private OPA boots on the other core while the inputs are read.
        with EngineSession(rules, catalog.rule_dirs(settings.rule_dirs)) as session:
            stage("reading the input files")
            stacks = readers.read_stacks(files)
            chosen = _profile_for(settings, profile, stacks, rules)
            known = exemptions_module.load(settings.exemptions, known_rules={r.id for r in rules})
            stage("waiting for the policy engine")
            engine = session.engine()
            stage("evaluating")
            report = evaluate(engine, stacks, Decider(rules, chosen, known), chosen.rule_config(), stage)
        _decide(report, plan, chosen, opts, settings, tuple(files))

    guarded(run, timeout, stage)


@app.command()
def rules(fmt: RulesFormat = typer.Option(RulesFormat.table, "--format", metavar="table|json", help="table or json."),
          config: Optional[Path] = CONFIG_OPTION):
    """List the rule catalog: id, title, severity, concern, compliance references."""

    def run():
        entries = catalog.load(project_config.load(Path.cwd(), config).rule_dirs)
        if fmt == RulesFormat.json:
            sys.stdout.write(json.dumps([r.model_dump(exclude={"file"}) for r in entries], indent=2) + "\n")
            return
        source = catalog.iam_catalog_source()
        console = Console()
        wide = console.width >= WIDE_RULES_TABLE  # the concern and compliance columns only where they fit
        listing = Table(title=f"stackguard rules ({len(entries)}); IAM action catalog: {source['package']} {source['version']} "
                              f"({source['updated_at']})", title_justify="left", show_lines=False)
        listing.add_column("id", no_wrap=True)  # whole, to copy into `stackguard explain`
        listing.add_column("severity", no_wrap=True)
        for column in ("concern", "title", "compliance") if wide else ("title",):
            listing.add_column(column, overflow="fold")
        for r in entries:
            refs = "; ".join(f"{fw} {', '.join(c)}" for fw, c in r.compliance.items())
            listing.add_row(r.id, r.severity, *((r.concern, r.title, refs) if wide else (r.title,)))
        console.print(listing)

    guarded(run, DEFAULT_RUN_SECONDS, Stage())


@app.command()
def explain(
    rule_id: Optional[str] = typer.Argument(None, metavar="[RULE_ID]", help="The rule to explain (see `stackguard rules`)."),
    all_rules: bool = typer.Option(False, "--all", help="Write the documentation of every rule (with --output-dir)."),
    output_dir: Optional[Path] = typer.Option(None, "--output-dir", metavar="DIR", help="With --all: write <rule-id>.md and README.md here (docs/rules)."),
    fmt: Optional[ExplainFormat] = typer.Option(None, "--format", metavar="text|markdown", help="text (default on a terminal) or markdown."),
):
    """A rule's full documentation: what, why, how to fix (with a Pulumi snippet), compliance, parameters."""

    def run():
        entries = catalog.load(project_config.load(Path.cwd()).rule_dirs)
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
            raise InputError("explain", rule_id, not_a_rule(rule_id, known))
        text = explain_module.markdown(known[rule_id])
        if (fmt or (ExplainFormat.text if sys.stdout.isatty() else ExplainFormat.markdown)) == ExplainFormat.markdown:
            sys.stdout.write(text)
        else:
            from rich.markdown import Markdown  # only `explain` on a terminal renders Markdown

            Console().print(Markdown(text))

    guarded(run, DEFAULT_RUN_SECONDS, Stage())


@app.command()
def preflight(
    stack: str = typer.Option(..., "--stack", metavar="STACK", help="The stack (environment) to check: Pulumi.<STACK>.yaml of the project."),
    project: Path = typer.Option(Path("."), "--project", metavar="DIR", help="The Pulumi project directory."),
    profile: Optional[str] = typer.Option(None, metavar="NAME|PATH", help=PROFILE_HELP),
    fmt: Optional[Format] = FORMAT_OPTION, output: Optional[List[str]] = OUTPUT_OPTION,
    compact: bool = COMPACT_OPTION, quiet: bool = QUIET_OPTION, fail_on: Optional[Severity] = FAIL_ON_OPTION,
    soft_fail: bool = SOFT_FAIL_OPTION, rule: Optional[List[str]] = RULE_OPTION, skip_rule: Optional[List[str]] = SKIP_RULE_OPTION,
    baseline: Optional[Path] = BASELINE_OPTION, create_baseline: Optional[Path] = CREATE_BASELINE_OPTION,
    config: Optional[Path] = CONFIG_OPTION, exemptions: Optional[Path] = EXEMPTIONS_OPTION,
    timeout: float = TIMEOUT_OPTION,
):
    """Run the stack program as `pulumi preview` would, against a monitor stackguard serves, and gate it."""
    from .preflight import preflight as run_preflight  # imports pulumi_aws only when needed

    opts = GateOptions(fmt, output, compact, quiet, fail_on, soft_fail, rule, skip_rule, baseline, create_baseline)
    stage = Stage()

    def run():
        settings = project_config.load(project, config, exemptions)
        rules = catalog.load(settings.rule_dirs)
        plan = _plan(rules, opts)
        if err.is_terminal:
            with err.status("stackguard preflight") as status:
                def progress(message: str) -> None:
                    stage(message)
                    status.update(f"stackguard: {message}")

                report = run_preflight(project, stack, profile, progress=progress, timeout=timeout, settings=settings)
        else:
            report = run_preflight(project, stack, profile, progress=stage, timeout=timeout, settings=settings)
        inputs = (project / "Pulumi.yaml", pulumi_project.load(project).stack_config(stack).file)
        _decide(report, plan, profiles.load(settings.profile(profile, stack, fallback=stack), rules), opts, settings, inputs)

    guarded(run, timeout, stage)


class ScanFormat(str, Enum):
    table = "table"
    json = "json"
    asff = "asff"
    html = "html"
    sarif = "sarif"
    junit = "junit"
    markdown = "markdown"
    github = "github"


@app.command()
def scan(
    sources: List[str] = typer.Argument(..., metavar="SOURCE...", help="Pulumi DIY backends (file://FOLDER, s3://BUCKET[/PREFIX][?region=...&endpoint=...]) "
                                                  "or `pulumi stack export` files."),
    history: str = typer.Option("sqlite:///.stackguard/history.sqlite", "--history", metavar="URL",
                                help="The history store: sqlite:///RELATIVE/FILE, sqlite:////ABSOLUTE/FILE or postgresql://[USER@]HOST[:PORT]/DATABASE."),
    fmt: Optional[ScanFormat] = typer.Option(None, "--format", metavar="FORMAT", help="table (default), json, asff (Security Hub), "
                                                                    "html (dashboard), or sarif, junit, markdown, github as for check."),
    output: Optional[List[str]] = typer.Option(None, "--output", metavar="FORMAT=FILE", help="Also write FORMAT to FILE (repeatable)."),
    soft_fail: bool = SOFT_FAIL_OPTION, config: Optional[Path] = CONFIG_OPTION, timeout: float = TIMEOUT_OPTION,
):
    """Check every deployed stack of Pulumi backends, record the history, report what changed and send alerts (docs/scan.md)."""
    from .scan import command as scan_command, render as scan_render, settings as scan_settings

    stage = Stage()

    def run():
        stage("reading the configuration")
        settings = scan_settings.load(project_config.load(Path.cwd(), config))
        specs = scan_render.outputs(output or [], fmt.value if fmt else None, DEFAULT_FORMAT)
        report = scan_command.run(sources, settings, history, progress=stage,
                                  notify=lambda message: err.print(message, markup=False, highlight=False, soft_wrap=True))
        hub = settings.section.security_hub
        scan_render.write(report, specs, hub.model_dump() if hub else None, sys.stdout)
        if report.unreadable:
            # The others were scanned and reported; these were not checked, so the scan cannot pass (not even with --soft-fail).
            for entry in report.unreadable:
                err.print(f"stackguard: error: {entry.stack} could not be read ({entry.reason})", markup=False, highlight=False, soft_wrap=True)
            _fail(EXIT_ENGINE, f"stackguard: blocked: {plural(len(report.unreadable), 'stack')} could not be read and were not checked; "
                               "the others are reported.")
        raise typer.Exit(EXIT_FINDINGS if report.summary.blocking and not soft_fail else EXIT_OK)

    guarded(run, timeout, stage)


@app.command("test-rules")
def test_rules(directory: Path = typer.Argument(..., metavar="DIR", help="Your Rego rules and their _test.rego files "
                                                                          "(a folder stackguard.yaml's `rules` lists).")):
    """Run your own rules' Rego tests with the OPA inside stackguard and its helpers (data.lib.*): no opa to install."""
    from . import rule_tests

    def run():
        result = rule_tests.run(directory)
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        raise typer.Exit(EXIT_OK if result.returncode == 0 else EXIT_FINDINGS)

    guarded(run, DEFAULT_RUN_SECONDS, Stage())


pack_app = typer.Typer(help="The CrossGuard policy pack for `pulumi up --policy-pack`.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(pack_app, name="pack")


@pack_app.command("export")
def pack_export(
    directory: Path = typer.Argument(..., metavar="DIR", help="The pack's folder: new, empty, or an earlier export (rewritten in place; its venv/ stays)."),
    config: Optional[Path] = CONFIG_OPTION,
    wheel: Optional[Path] = typer.Option(None, "--wheel", metavar="FILE", help="The stackguard wheel to vendor in the pack (wheels/), "
                                                                               "so the pack installs from itself and the package index."),
    requirement: Optional[str] = typer.Option(None, "--requirement", metavar="REQUIREMENT",
                                              help="Instead of --wheel: stackguard from your index, pinned and hashed "
                                                   "('stackguard==VERSION --hash=sha256:HEX'); anything else is refused."),
):
    """Write the team's policy pack (stackguard.yaml `pack:` name and version, its rules, exemptions and profiles, every
    dependency pinned by hash) for `pulumi up --policy-pack` and `pulumi policy publish`."""

    def run():
        settings = project_config.load(Path.cwd(), config)
        catalog.load(settings.rule_dirs)  # refuse a pack whose extra rules do not load
        written = pack_export_module.export(directory, settings, wheel, requirement)
        err.print(f"stackguard: wrote the policy pack {settings.pack.name if settings.pack else ''} to {directory} ({len(written)} files); "
                  f"use it with `pulumi up --policy-pack {directory} --policy-pack-config {directory}/profiles/<stack>.json`",
                  markup=False, soft_wrap=True)

    guarded(run, DEFAULT_RUN_SECONDS, Stage())


bundle_app = typer.Typer(help="The signed bundle a central OPA loads from a bundle server (docs/central-engine.md).",
                         no_args_is_help=True, rich_markup_mode=None)
app.add_typer(bundle_app, name="bundle")


@bundle_app.command("build")
def bundle_build(
    output: Path = typer.Argument(..., help="The bundle file to write (a new .tar.gz)."),
    signing_key: Path = typer.Option(..., "--signing-key", metavar="PEM", help="The team's RSA private key (RS256)."),
    config: Optional[Path] = CONFIG_OPTION,
):
    """Build the rules, data (the IAM action catalog) and rule metadata of this team into one bundle signed with the key."""
    from . import central_bundle

    def run():
        settings = project_config.load(Path.cwd(), config)
        catalog.load(settings.rule_dirs)  # refuse a bundle whose extra rules do not load
        revision = central_bundle.build(list(catalog.rule_dirs(settings.rule_dirs)), signing_key, output)
        sys.stdout.write(f"{revision}\n")
        err.print(f"stackguard: wrote the signed bundle {output} (revision {revision})", markup=False, soft_wrap=True)

    guarded(run, DEFAULT_RUN_SECONDS, Stage())


@bundle_app.command("verify")
def bundle_verify(
    bundle: Path = typer.Argument(..., help="A bundle written by `stackguard bundle build`."),
    public_key: Path = typer.Option(..., "--public-key", metavar="PEM", help="The team's public key."),
    config: Optional[Path] = CONFIG_OPTION,
):
    """Exit 0 when the bundle's signature verifies with the key and it holds exactly this team's rules and data; 1 otherwise, saying why."""
    from . import central_bundle

    def run():
        settings = project_config.load(Path.cwd(), config)
        try:
            revision = central_bundle.verify(bundle, public_key, list(catalog.rule_dirs(settings.rule_dirs)))
        except central_bundle.BundleRefused as refused:
            err.print(f"stackguard: refused: {refused}", markup=False, soft_wrap=True)
            raise typer.Exit(1) from None
        sys.stdout.write(f"{revision}\n")
        err.print(f"stackguard: {bundle} is signed with the key and holds these rules (revision {revision})", markup=False, soft_wrap=True)

    guarded(run, DEFAULT_RUN_SECONDS, Stage())


exemptions_app = typer.Typer(help="The exemptions file: review it before it reaches the gate.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(exemptions_app, name="exemptions")


@exemptions_app.command("lint")
def exemptions_lint(
    files: Optional[List[Path]] = typer.Argument(None, metavar="[FILE...]", help="Exemptions files (default: the one stackguard.yaml names, "
                                                            "stackguard/exemptions.yaml after `stackguard init`)."),
    against: Optional[List[Path]] = typer.Option(None, "--against", metavar="FILE",
                                                 help="A preview or stack export: also list the entries that name none of its resources (repeatable)."),
    profile: Optional[str] = typer.Option(None, metavar="NAME|PATH", help="The profile whose limits apply: a name (stackguard.yaml's, else a built-in) "
                                                     "or a path; default: prod. Errors under it exit 1."),
    fmt: RulesFormat = typer.Option(RulesFormat.table, "--format", metavar="table|json", help="table or json."),
    config: Optional[Path] = CONFIG_OPTION,
):
    """List stale, expired, expiring, over-long and unowned entries, and exempted non-negotiable rules."""
    from datetime import date

    from . import exemption_review

    def run():
        settings = project_config.load(Path.cwd(), config)
        rules = catalog.load(settings.rule_dirs)
        chosen = profiles.load(settings.profile(profile, "prod", fallback="prod"), rules)
        urns = [r.urn for s in readers.read_stacks(against) for r in s.resources] if against else None
        found = []
        for file in files or [settings.exemptions]:
            loaded = exemptions_module.load(file, known_rules={r.id for r in rules}, for_review=True)
            found += exemption_review.lint(loaded, chosen, date.today(), urns)
        errors = [n for n in found if n.level == "error"]
        if fmt == RulesFormat.json:
            sys.stdout.write(json.dumps({"profile": chosen.name, "notices": [n.model_dump(exclude_none=True) for n in found]}, indent=2) + "\n")
        else:
            for n in found:
                Console(highlight=False, soft_wrap=True).print(f"{n.level} {n.kind}: {n.file}: {n.message}", markup=False)
            err.print(f"stackguard: {plural(len(found), 'problem')} ({len(errors)} blocking under profile {chosen.name})",
                      markup=False, soft_wrap=True)
        if errors:
            raise typer.Exit(EXIT_FINDINGS)

    guarded(run, DEFAULT_RUN_SECONDS, Stage())


@app.command()
def init(directory: Path = typer.Argument(Path("."), metavar="[DIR]", help="The consumer repository (default: here).")):
    """Write a starter stackguard.yaml (profiles per stack, exemptions file, extra rule folders)."""

    def run():
        for path in project_config.init(directory):
            err.print(f"stackguard: wrote {path}", markup=False, soft_wrap=True)

    guarded(run, DEFAULT_RUN_SECONDS, Stage())


def main() -> None:
    app()
