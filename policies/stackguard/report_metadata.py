"""What an audit-ready report needs beyond the findings, added in one place after the gate ran:
the per-framework coverage, the profile's effective levels and run metadata (time, commit,
versions). Each finding already carries its description, compliance references and fingerprint
from the decision core; renderers read only the report.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import subprocess
from pathlib import Path

from . import __version__
from . import toolchain
from .catalog import Rule
from .errors import InputError
from .model import Finding, FrameworkCoverage, Report, RunInfo
from .profiles import Profile
from .project_config import ProjectConfig

def catalog_version(rules: tuple[Rule, ...]) -> dict[str, object]:
    """The rule catalog as an auditor can compare it: how many rules, and a digest of their metadata."""
    digest = hashlib.sha256()
    for rule in rules:
        digest.update(rule.model_dump_json(exclude={"file"}).encode() + b"\n")
    return {"rules": len(rules), "digest": digest.hexdigest()[:16]}


def git_commit(directory: Path | None = None) -> str | None:
    """The commit checked out where stackguard runs, or None outside a git work tree."""
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=directory, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    commit = out.stdout.strip()
    return commit if out.returncode == 0 and re.fullmatch(r"[0-9a-f]{40,64}", commit) else None


def coverage(rules: tuple[Rule, ...], findings: list[Finding]) -> list[FrameworkCoverage]:
    """Per framework: the controls the rules cover, and those with an unexempted finding."""
    covered: dict[str, set[str]] = {}
    for rule in rules:
        for framework, controls in rule.compliance.items():
            covered.setdefault(framework, set()).update(controls)
    hit: dict[str, set[str]] = {}
    for finding in findings:
        if finding.status not in ("mandatory", "advisory"):  # open: neither exempted, accepted nor baselined
            continue
        for framework, controls in (finding.compliance or {}).items():
            hit.setdefault(framework, set()).update(controls)
    return [FrameworkCoverage(framework=fw, covered=sorted(controls), with_findings=sorted(hit.get(fw, set())))
            for fw, controls in sorted(covered.items())]


def report_time() -> dt.datetime:
    """The time a report names: now, or SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, the
    reproducible-builds convention, so that runs on the same inputs write byte-identical reports."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return dt.datetime.now(dt.timezone.utc)
    if not epoch.isdigit() or int(epoch) > MAX_EPOCH:
        raise InputError("SOURCE_DATE_EPOCH", "(value)", f"must be a whole number of seconds since 1970, got {epoch!r}")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)


# The last second of year 9999: an ISO 8601 timestamp has four digits for the year.
MAX_EPOCH = 253402300799


def file_digest(path: Path) -> dict[str, str]:
    """A file as an auditor finds it again: its path and SHA-256 ("-", standard input, has no file to hash)."""
    if str(path) == "-":
        return {"file": "-"}
    return {"file": str(path.resolve()), "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def enrich(report: Report, rules: tuple[Rule, ...], profile: Profile, now: dt.datetime | None = None,
           config: ProjectConfig | None = None, inputs: tuple[Path, ...] = ()) -> Report:
    """The report with compliance coverage and run metadata, naming the configuration and profile files."""
    findings = report.findings
    evaluated = tuple(r for r in rules if profile.effective_level(r.id) != "disabled")
    run = RunInfo(
        timestamp=(now or report_time()).isoformat(timespec="seconds"),
        commit=git_commit(),
        stackguard=__version__,
        opa=toolchain.OPA_VERSION,
        catalog=catalog_version(rules),
        levels={r.id: profile.effective_level(r.id) for r in rules},
        config={"file": str(config.file), "sha256": config.sha256 or ""} if config is not None and config.file else None,
        profile={"name": profile.name, "file": profile.file, **({"sha256": profile.sha256} if profile.sha256 else {})},
        inputs=[file_digest(path) for path in inputs if str(path) == "-" or path.is_file()] or None,
        exemptions=file_digest(config.exemptions) if config is not None and config.exemptions.is_file() else None,
    )
    return report.with_findings(findings).model_copy(update={"run": run, "compliance": coverage(evaluated, findings)})
