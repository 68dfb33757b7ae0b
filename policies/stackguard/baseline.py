"""Baselines: adopt the gate on an existing estate, blocking only what is new.

    {"stackguardBaseline": 1, "created": "2026-11-30T18:00:00+00:00",
     "findings": [{"fingerprint": "<sha256>", "rule": "aws-kms-key-rotation", "urn": "urn:pulumi:...", "message": "..."}]}

Findings are matched by fingerprint (rule, URN and what is wrong; never line numbers). A finding in
the baseline is reported as baselined and never blocks; a baseline entry no finding matches any
more is reported as fixed. A file that is not a baseline is an error (exit 2), never an empty one.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, Iterable

from .errors import InputError
from .exemptions import stack_of
from .model import BaselineEntry, BaselineResult, Notice, Report
from .profiles import Profile

BASELINE_VERSION = 1
VERSION_KEY = "stackguardBaseline"
_FINGERPRINT = re.compile(r"^[0-9a-f]{64}$")


def document(report: Report, now: dt.datetime | None = None) -> dict[str, Any]:
    """Today's unexempted findings, as a baseline file records them (exempted ones have their own record)."""
    entries = {f.fingerprint: BaselineEntry(fingerprint=f.fingerprint, rule=f.rule, urn=f.urn, message=f.message)
               for f in report.findings if f.fingerprint and not f.exempted}
    return {
        VERSION_KEY: BASELINE_VERSION,
        "created": (now or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds"),
        "findings": [e.model_dump() for e in sorted(entries.values(), key=lambda e: (e.rule, e.urn, e.fingerprint))],
    }


def write(report: Report, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(document(report), indent=2) + "\n")
    partial.replace(path)


def _document(path: Path) -> dict[str, Any]:
    source = str(path)
    try:
        data = json.loads(path.read_text())
    except OSError as err:
        raise InputError(source, "(file)", f"cannot be read: {err.strerror}") from None
    except json.JSONDecodeError as err:
        raise InputError(source, f"line {err.lineno} column {err.colno}", f"is not valid JSON ({err.msg}); expected a file written by --create-baseline")\
            from None
    if not isinstance(data, dict):
        raise InputError(source, "(top level)", "must be a JSON object written by --create-baseline")
    if data.get(VERSION_KEY) != BASELINE_VERSION:
        raise InputError(source, VERSION_KEY, f"must be {BASELINE_VERSION} (a baseline written by --create-baseline), got {data.get(VERSION_KEY)!r}")
    return data


def load(path: Path) -> list[BaselineEntry]:
    source = str(path)
    findings = _document(path).get("findings")
    if not isinstance(findings, list):
        raise InputError(source, "findings", "must be a list of {fingerprint, rule, urn, message}")
    entries = []
    for index, item in enumerate(findings):
        key = f"findings[{index}]"
        if not isinstance(item, dict):
            raise InputError(source, key, "must be an object with fingerprint, rule, urn and message")
        for field in ("fingerprint", "rule", "urn", "message"):
            if not isinstance(item.get(field), str):
                raise InputError(source, f"{key}.{field}", "must be a string")
        if not _FINGERPRINT.match(item["fingerprint"]):
            raise InputError(source, f"{key}.fingerprint", "must be 64 lowercase hex digits (a sha256)")
        entries.append(BaselineEntry(**{k: item[k] for k in ("fingerprint", "rule", "urn", "message")}))
    return entries


def age_notice(path: Path, max_age_days: int | None, now: dt.datetime | None = None) -> Notice | None:
    """A warning when the baseline was recorded longer ago than the profile allows: old debt is reviewed, not forgotten."""
    if max_age_days is None:
        return None
    created = _document(path).get("created")
    try:
        when = dt.datetime.fromisoformat(created) if isinstance(created, str) else None
    except ValueError:
        when = None
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    age = ((now or dt.datetime.now(dt.timezone.utc)) - when).days if when else None
    if age is not None and age <= max_age_days:
        return None
    problem = f"was recorded {age} days ago" if age is not None else "has no valid 'created' time"
    return Notice(kind="baseline-age", level="warning", file=str(path), key="created",
                  message=f"the baseline {problem}; the profile allows {max_age_days} days: fix its findings or record it again")


def apply(report: Report, entries: list[BaselineEntry], source: str, checked_rules: set[str],
          non_negotiable: frozenset[str] = frozenset()) -> Report:
    """Mark baselined findings; list the entries of the checked rules and stacks that no finding matches any more.
    A non-negotiable rule's finding is never baselined: a baseline cannot hide what an exemption could not."""
    known = {e.fingerprint for e in entries}
    findings = [f.model_copy(update={"baselined": True})
                if f.fingerprint in known and not f.exempted and f.rule not in non_negotiable else f
                for f in report.findings]
    current = {f.fingerprint for f in report.findings}
    stacks = {s.strip() for s in report.stack.split(",")}
    fixed = [e for e in entries
             if e.fingerprint not in current and e.rule in checked_rules and stack_of(e.urn) in stacks]
    return report.with_findings(findings).model_copy(update={"baseline": BaselineResult(file=source, fixed=fixed)})


def apply_for_profile(report: Report, entries: list[BaselineEntry], path: Path, profile: Profile, rule_ids: Iterable[str],
                      now: dt.datetime | None = None) -> Report:
    """The baseline applied as the profile says (its checked and non-negotiable rules), with a notice when it is too old."""
    checked = {r for r in rule_ids if profile.effective_level(r) != "disabled"}
    report = apply(report, entries, str(path), checked, frozenset(profile.non_negotiable_rules()))
    too_old = age_notice(path, profile.governance.baseline_max_age_days, now)
    return report if too_old is None else report.model_copy(update={"notices": [*(report.notices or []), too_old]})
