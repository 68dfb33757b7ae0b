"""A whole scan, as `stackguard scan` runs it: evaluate, record, report, alert.

A scan that fails (engine, bad input, deadline, signal) records that it failed, alerts every webhook
that it failed, and re-raises, so the CLI exits 2 or 3 as `check` does: it never reads as "all clear".
A history that cannot be reached cannot record or queue anything: the webhooks are told at once (exit 3).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable

from .. import catalog
from ..errors import EngineError, InputError, StoreError
from . import alerts as alerts_module, runner
from .check_formats import findings_report
from .history import Evaluation, History, redacted
from .settings import ScanSettings
from .summary import AlertEntry, ScanInfo, ScanReport, build, crossed_sla, exemption_ref


@dataclass(frozen=True)
class Clock:
    """The scan's notion of now (UTC); tests give a fixed one."""

    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.timezone.utc)


def run(locations: Iterable[str], settings: ScanSettings, history_url: str, clock: Clock = Clock(),
        progress: Callable[[str], None] = lambda _message: None, notify: Callable[[str], None] = lambda _message: None,
        sleep: Callable[[float], None] | None = None) -> ScanReport:
    """`notify` hears of every alert that could not be delivered (it stays queued in the history)."""
    locations = list(locations)
    configured = settings.alerts()
    alerts_module.check_secrets(configured, settings.source)
    started = clock.now()
    try:
        return _run(locations, settings, history_url, clock, progress, notify, sleep, configured, started)
    except StoreError as failure:
        # The history is the alerts' outbox; without it the failure is sent once, straight away.
        info = {"finished_at": clock.now().isoformat(timespec="seconds"), "outcome": "failed"}
        deliveries = alerts_module.deliver_without_history(configured, alerts_module.failure_bodies(configured, info, str(failure)),
                                                           **({"sleep": sleep} if sleep else {}))
        _notify_undelivered(deliveries, notify, "the history cannot keep it for the next scan")
        raise


def _run(locations: list[str], settings: ScanSettings, history_url: str, clock: Clock, progress: Callable[[str], None],
         notify: Callable[[str], None], sleep: Callable[[float], None] | None, configured, started: dt.datetime) -> ScanReport:
    with History(history_url) as history:
        try:
            results, unreadable = runner.scan(locations, settings, started, progress)
        except BaseException as failure:
            _record_failure(history, configured, started, clock, _reason(failure), notify, sleep)
            raise
        finished = clock.now()
        finished_at = finished.isoformat(timespec="seconds")
        info = {"finished_at": finished_at, "sources": locations}

        previous_scan = history.last_scan_at()

        def alerts_for(changes):
            newly_open = [row for change in changes for row in [*change.new, *change.unexempted] if row.open]
            # The history inside the scan's transaction: each stack's findings as this scan leaves them.
            crossed = [row for result in results
                       for row in crossed_sla(history.findings(result.scanned.key), result.policy.sla, finished, previous_scan)]
            return [*alerts_module.unreadable_bodies(configured, info, unreadable), *alerts_module.findings_bodies(configured, info, newly_open),
                    *alerts_module.findings_bodies(configured, info, crossed, event="sla_breached")]

        evaluations = [_evaluation(result) for result in results]
        scan_id, changes = history.record(started, finished, evaluations, alerts_for, [u.stack for u in unreadable])
        report = build(ScanInfo(id=scan_id, started_at=started.isoformat(timespec="seconds"), finished_at=finished_at,
                                sources=locations, history=redacted(history_url)), results, changes, history, finished,
                       catalog.load(settings.config.rule_dirs), unreadable, previous_scan)
        deliveries = _deliver(history, configured, clock, notify, sleep)
    entries = [AlertEntry(where=d.where, event=d.event, delivered=d.delivered, attempts=d.attempts, error=d.error) for d in deliveries]
    check_report = findings_report(results, unreadable, catalog.load(settings.config.rule_dirs), finished, settings.config)
    return report.model_copy(update={"alerts": entries, "findings_report": check_report})


def _evaluation(result: runner.StackResult) -> Evaluation:
    exemption_of = {}
    for finding in result.report.findings:
        entry = result.exemptions.active.match(finding.rule, finding.urn)
        exemption_of[finding.fingerprint or ""] = exemption_ref(str(result.exemptions.file), entry) if entry and finding.exempted else None
    return Evaluation(stack=result.scanned.key, origin=result.scanned.origin, inputs_sha256=result.inputs_digest,
                      state_sha256=result.scanned.digest, profile=result.profile.name, resources=len(result.scanned.stack.resources),
                      findings=result.report.findings, exemption_of=exemption_of)


def _reason(failure: BaseException) -> str:
    if isinstance(failure, (EngineError, InputError)):
        return str(failure)
    text = str(failure) if type(failure).__name__ == "_Stopped" else ""
    # Any other failure's text may carry a value from a state: its type only.
    return text or f"internal error ({type(failure).__name__})"


def _record_failure(history: History, configured, started: dt.datetime, clock: Clock, reason: str, notify, sleep) -> None:
    finished = clock.now()
    info = {"finished_at": finished.isoformat(timespec="seconds"), "outcome": "failed"}
    history.record_failure(started, finished, reason, alerts_module.failure_bodies(configured, info, reason))
    _deliver(history, configured, clock, notify, sleep)


def _deliver(history: History, configured, clock: Clock, notify: Callable[[str], None], sleep) -> list[alerts_module.Delivery]:
    deliveries = alerts_module.deliver(history, configured, clock.now, **({"sleep": sleep} if sleep else {}))
    _notify_undelivered(deliveries, notify, "it stays in the history and the next scan sends it again")
    return deliveries


def _notify_undelivered(deliveries: list[alerts_module.Delivery], notify: Callable[[str], None], then: str) -> None:
    for d in deliveries:
        if not d.delivered:
            notify(f"stackguard: error: the {d.event} alert to {d.where} was not delivered after {d.attempts} attempts ({d.error}); {then}")
