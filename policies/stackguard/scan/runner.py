"""One scan's evaluation: one engine for every stack, each stack through the same gate as `check`.

The private OPA boots (and proves itself) while the sources are read; then every stack goes through
`gate.evaluate` with the decision core of its own profile and exemptions, in batch queries. An
engine failure anywhere is the whole scan's failure (EngineError): no stack is reported clean
because the engine stopped answering before it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .. import baseline as baseline_module, catalog, exemptions as exemptions_module, profiles
from ..catalog import Rule
from ..decision import Decider
from ..engine import LocalRules
from ..exemptions import Exemption, Exemptions
from ..model import BaselineEntry, Report
from ..gate import EngineSession, evaluate
from . import sources
from .settings import ScanSettings, StackPolicy


@dataclass(frozen=True)
class ExemptionSet:
    """An exemptions file as a scan sees it on one day: the entries in force, and those that expired
    (which cover nothing any more; `check` refuses them, a scan reports them)."""

    file: Path
    active: Exemptions
    expired: tuple[Exemption, ...]

    @property
    def digest(self) -> str:
        return hashlib.sha256(json.dumps([dataclasses.asdict(e) for e in self.active.entries], default=str).encode()).hexdigest()


@dataclass(frozen=True)
class StackResult:
    scanned: sources.ScannedStack
    policy: StackPolicy
    profile: profiles.Profile
    exemptions: ExemptionSet
    report: Report
    # Everything the verdict depends on: the state, the profile, the exemptions in force and the catalog.
    # A stack whose inputs digest equals its last recorded one is recorded as unchanged.
    inputs_digest: str


def scan(locations: Iterable[str], settings: ScanSettings, now: dt.datetime,
         progress: Callable[[str], None] = lambda _message: None) -> tuple[list[StackResult], list[sources.Unreadable]]:
    """Every readable stack's result, and the stacks that could not be read (not checked: never clean)."""
    today = now.date()
    config = settings.config
    rules = catalog.load(config.rule_dirs)
    profiles_by_name: dict[str, profiles.Profile] = {}
    exemption_sets: dict[Path, ExemptionSet] = {}
    baselines: dict[Path, list[BaselineEntry]] = {}
    with EngineSession(rules, catalog.rule_dirs(config.rule_dirs)) as session:
        progress("reading the stack states")
        stacks, unreadable = sources.read_all(locations)
        policies = [settings.policy(s.project, s.name) for s in stacks]
        for policy in policies:
            if policy.profile not in profiles_by_name:
                profiles_by_name[policy.profile] = profiles.load(policy.profile, rules)
            if policy.exemptions not in exemption_sets:
                exemption_sets[policy.exemptions] = _exemptions(policy.exemptions, rules, today)
            if policy.baseline is not None and policy.baseline not in baselines:
                baselines[policy.baseline] = baseline_module.load(policy.baseline)
        catalog_digest = _rules_digest(rules, catalog.rule_dirs(config.rule_dirs))
        progress("waiting for the policy engine")
        engine = session.engine()
        results = []
        for scanned, policy in zip(stacks, policies):
            progress(f"evaluating {scanned.key} ({len(scanned.stack.resources)} resources)")
            profile, exempt = profiles_by_name[policy.profile], exemption_sets[policy.exemptions]
            report = evaluate(engine, [scanned.stack], Decider(rules, profile, exempt.active, today), profile.rule_config())
            baseline = baselines.get(policy.baseline) if policy.baseline is not None else None
            if policy.baseline is not None and baseline is not None:
                report = baseline_module.apply_for_profile(report, baseline, policy.baseline, profile, [r.id for r in rules], now)
            baselined = sorted(e.fingerprint for e in baseline or [])
            digest = _inputs_digest(scanned.digest, profile, exempt.digest, catalog_digest, baselined)
            results.append(StackResult(scanned, policy, profile, exempt, report, digest))
    return results, unreadable


def _exemptions(path: Path, rules: tuple[Rule, ...], today: dt.date) -> ExemptionSet:
    # Loaded as of the earliest date, so that an expired entry is read (and reported) instead of refused;
    # an entry without an owner is still refused, as `check` refuses it.
    everything = exemptions_module.load(path, known_rules={r.id for r in rules}, today=dt.date.min)
    active = [e for e in everything.entries if e.expires >= today]
    expired = tuple(e for e in everything.entries if e.expires < today)
    return ExemptionSet(path, Exemptions(active, everything.source), expired)


def _inputs_digest(state: str, profile: profiles.Profile, exemptions: str, catalog_digest: str, baselined: list[str]) -> str:
    judged_by = {"profile": [profile.name, profile.sha256, profile.default, profile.levels, profile.properties]}
    text = json.dumps([state, judged_by, exemptions, catalog_digest, baselined], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _rules_digest(rules: tuple[Rule, ...], rego_dirs: Iterable[Path]) -> str:
    """The rule modules' bytes: a stricter rule is a new verdict even where the state did not change."""
    local = LocalRules.of([r.id for r in rules], rego_dirs)
    return hashlib.sha256("\n".join(sorted(local.required)).encode()).hexdigest()
