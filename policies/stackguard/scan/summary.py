"""The scan report: per stack and overall, what is new, fixed and open since the last scan, what is
past its SLA (and crossed it since the last scan), which exemptions expire soon, expired or match
nothing (and the decision core's notices about each stack's exemptions and baseline), and the trend
per severity.

Built once from the evaluation results and the history; the renderers (JSON, table, ASFF) read only it.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

from pydantic import BaseModel, Field

from ..catalog import Rule
from ..exemption_review import EXPIRY_WARNING_DAYS
from ..exemptions import Exemption
from ..model import BaselineResult, Notice, Report
from .history import SEVERITIES, FindingRow, History, StackChange
from .runner import StackResult
from .sources import ScannedStack, Unreadable

SCAN_REPORT_VERSION = 1
EXPIRING_DAYS = EXPIRY_WARNING_DAYS  # what `check` warns about, the scan lists


class FindingEntry(BaseModel):
    stack: str
    rule: str
    severity: str
    urn: str
    message: str
    status: str
    fingerprint: str
    first_seen: str
    last_seen: str
    fixed_at: Optional[str] = None
    age_days: int
    exemption: Optional[dict[str, Any]] = None
    sla_days: Optional[int] = None
    title: Optional[str] = None
    remediation: Optional[str] = None


class StackEntry(BaseModel):
    stack: str
    project: str
    name: str
    origin: str
    profile: str
    resources: int
    changed: bool  # False: its state, profile, exemptions and rules are those of its last evaluation
    open_by_severity: dict[str, int]
    new: list[FindingEntry]
    fixed: list[FindingEntry]
    unexempted: list[FindingEntry]
    open: list[FindingEntry]
    sla_breaches: list[FindingEntry]
    sla_crossed: list[FindingEntry] = []  # past their SLA now, not at the last scan: what the SLA alert names
    notices: list[Notice] = []  # the decision core's notices about this stack's exemptions and baseline (as `check` gives them)
    baseline: Optional[BaselineResult] = None  # the stack's baseline file, and its entries no finding matches any more


class ExemptionEntry(BaseModel):
    file: str
    key: str  # where in the file: exemptions[2]
    rule: str
    resource: str
    stacks: list[str]
    owner: str
    reason: str
    expires: str
    days_left: int


class ExemptionsSection(BaseModel):
    expiring: list[ExemptionEntry]  # in force, ending within EXPIRING_DAYS days
    expired: list[ExemptionEntry]  # ended: what they covered is open again
    stale: list[ExemptionEntry]  # in force, but covering no finding of the stacks they name that were scanned


class TrendEntry(BaseModel):
    scan: int
    at: str
    open: dict[str, int]


class AlertEntry(BaseModel):
    where: str
    event: str
    delivered: bool
    attempts: int
    error: Optional[str] = None


class UnreadableEntry(BaseModel):
    """A stack whose state could not be read: not checked, so never clean."""

    stack: str
    origin: str
    reason: str


class ScanSummary(BaseModel):
    stacks: int
    unreadable: int = 0  # stacks not checked: their state could not be read
    changed_stacks: int
    resources: int
    new: int
    fixed: int
    unexempted: int
    open: int
    open_by_severity: dict[str, int]
    blocking: int  # open mandatory findings
    sla_breaches: int
    sla_crossed: int = 0


class ScanInfo(BaseModel):
    id: int
    started_at: str
    finished_at: str
    sources: list[str]
    history: str


class ScanReport(BaseModel):
    version: int = SCAN_REPORT_VERSION
    scan: ScanInfo
    summary: ScanSummary
    stacks: list[StackEntry]
    exemptions: ExemptionsSection
    trend: list[TrendEntry]
    unreadable: list[UnreadableEntry] = []
    alerts: list[AlertEntry] = []
    # The scan's findings as one `check` report, for check's SARIF, JUnit and Markdown renderers; not part of the JSON.
    findings_report: Optional[Report] = Field(default=None, exclude=True)

    def to_json(self) -> str:
        return self.model_dump_json(indent=2, exclude_none=True)


def exemption_ref(file: str, entry: Exemption) -> dict[str, Any]:
    """How the history and the report name the exemption covering a finding."""
    return {"file": file, "rule": entry.rule, "resource": entry.resource, "stacks": list(entry.stacks),
            "owner": entry.owner, "expires": entry.expires.isoformat()}


def past_sla(rows: list[FindingRow], sla: dict[str, int], now: dt.datetime) -> list[FindingRow]:
    """Open findings older than their severity's SLA."""
    return [r for r in rows if r.open and r.severity in sla and r.age_days(now) > sla[r.severity]]


def crossed_sla(rows: list[FindingRow], sla: dict[str, int], now: dt.datetime, previous_scan: dt.datetime | None) -> list[FindingRow]:
    """Open findings past their SLA now that were not at the previous scan: each crossing is alerted once."""
    return [r for r in past_sla(rows, sla, now) if previous_scan is None or r.age_days(previous_scan) <= sla[r.severity]]


def build(info: ScanInfo, results: list[StackResult], changes: list[StackChange], history: History, now: dt.datetime,
          rules: tuple[Rule, ...], unreadable: list[Unreadable] | None = None, previous_scan: dt.datetime | None = None) -> ScanReport:
    by_stack = {c.stack: c for c in changes}
    described = _Describer({r.id: r for r in rules}, now)
    exemptions = _exemptions(results, now.date())
    stale = {(e.file, e.key) for e in exemptions.stale}
    stacks = [_stack_entry(result, by_stack[result.scanned.key], history.findings(result.scanned.key), described, previous_scan, stale)
              for result in results]
    open_by_severity = {s: sum(e.open_by_severity[s] for e in stacks) for s in SEVERITIES}
    not_read = [UnreadableEntry(stack=u.stack, origin=u.origin, reason=u.reason) for u in unreadable or []]
    summary = ScanSummary(
        stacks=len(stacks), unreadable=len(not_read), changed_stacks=sum(e.changed for e in stacks), resources=sum(e.resources for e in stacks),
        new=sum(len(e.new) for e in stacks), fixed=sum(len(e.fixed) for e in stacks), unexempted=sum(len(e.unexempted) for e in stacks),
        open=sum(len(e.open) for e in stacks), open_by_severity=open_by_severity,
        blocking=sum(1 for e in stacks for f in e.open if f.status == "mandatory"), sla_breaches=sum(len(e.sla_breaches) for e in stacks),
        sla_crossed=sum(len(e.sla_crossed) for e in stacks),
    )
    trend = [TrendEntry(scan=p.scan, at=p.at, open=p.open) for p in history.trend()]
    return ScanReport(scan=info, summary=summary, stacks=stacks, exemptions=exemptions, trend=trend, unreadable=not_read)


class _Describer:
    """A history row as a report entry: its age now, and its rule's title and remediation from the catalog."""

    def __init__(self, rules: dict[str, Rule], now: dt.datetime):
        self.rules = rules
        self.now = now

    def __call__(self, row: FindingRow, sla_days: int | None = None) -> FindingEntry:
        rule = self.rules.get(row.rule)
        return FindingEntry(stack=row.stack, rule=row.rule, severity=row.severity, urn=row.urn, message=row.message, status=row.status,
                            fingerprint=row.fingerprint, first_seen=row.first_seen, last_seen=row.last_seen, fixed_at=row.fixed_at,
                            age_days=row.age_days(self.now), exemption=row.exemption, sla_days=sla_days,
                            title=rule.title if rule else None, remediation=rule.remediation if rule else None)


def _stack_entry(result: StackResult, change: StackChange, rows: list[FindingRow], entry: _Describer, previous_scan: dt.datetime | None,
                 stale: set[tuple[str, str]]) -> StackEntry:
    open_rows = [r for r in rows if r.open]
    sla = result.policy.sla
    scanned = result.scanned
    # An entry names stacks by name only, and many projects have a `prod`: a stack hears of the entries whose
    # resource could be one of its own. A stale notice judges one stack; an entry is stale only when it matches
    # nothing in any scanned stack it names.
    notices = [n for n in result.report.notices or [] if _concerns(n, scanned)
               and (n.kind != "stale" or (str(result.exemptions.file), n.key) in stale)]
    return StackEntry(
        stack=scanned.key, project=scanned.project, name=scanned.name, origin=scanned.origin, profile=result.profile.name,
        resources=len(scanned.stack.resources), changed=change.changed,
        open_by_severity={s: sum(1 for r in open_rows if r.severity == s) for s in SEVERITIES},
        new=[entry(r) for r in change.new], fixed=[entry(r) for r in change.fixed],
        unexempted=[entry(r) for r in change.unexempted], open=[entry(r) for r in open_rows],
        sla_breaches=[entry(r, sla[r.severity]) for r in past_sla(rows, sla, entry.now)],
        sla_crossed=[entry(r, sla[r.severity]) for r in crossed_sla(rows, sla, entry.now, previous_scan)],
        notices=notices, baseline=result.report.baseline,
    )


def _concerns(notice: Notice, scanned: ScannedStack) -> bool:
    """Whether a notice's entry could name a resource of this stack: its URN glob, up to its first wildcard,
    agrees with the stack's URN prefix (urn:pulumi:<stack>::<project>::)."""
    if notice.resource is None:
        return True
    literal = re.split(r"[*?\[]", notice.resource, maxsplit=1)[0]
    prefix = f"urn:pulumi:{scanned.name}::{scanned.project}::"
    return literal.startswith(prefix) or prefix.startswith(literal)


def _exemption_entry(file: str, entry: Exemption, today: dt.date) -> ExemptionEntry:
    return ExemptionEntry(file=file, key=entry.key, rule=entry.rule, resource=entry.resource, stacks=list(entry.stacks), owner=entry.owner,
                          reason=entry.reason, expires=entry.expires.isoformat(), days_left=(entry.expires - today).days)


def _exemptions(results: list[StackResult], today: dt.date) -> ExemptionsSection:
    expiring, expired, stale = [], [], []
    for exemption_set in {id(r.exemptions): r.exemptions for r in results}.values():
        file = str(exemption_set.file)
        judged = [r for r in results if r.exemptions is exemption_set]
        scanned_names = {r.scanned.name for r in judged}
        used = {id(entry) for r in judged for f in r.report.findings
                if (entry := exemption_set.active.match(f.rule, f.urn)) is not None}
        for entry in exemption_set.active.entries:
            if (entry.expires - today).days <= EXPIRING_DAYS:
                expiring.append(_exemption_entry(file, entry, today))
            if id(entry) not in used and scanned_names & set(entry.stacks):
                stale.append(_exemption_entry(file, entry, today))
        expired += [_exemption_entry(file, entry, today) for entry in exemption_set.expired]
    return ExemptionsSection(expiring=expiring, expired=expired, stale=stale)
