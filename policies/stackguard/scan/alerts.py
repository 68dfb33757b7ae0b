"""Alerts: a webhook per severity threshold, for new open findings and for scans that failed.

Two bodies: Slack-compatible JSON (`text` and mrkdwn `blocks`, what an incoming webhook takes) and a
generic JSON document signed with HMAC-SHA256 over the exact bytes sent
(`X-Stackguard-Signature: sha256=<hex>`, key from the environment variable the configuration names).

An alert is first written to the history (in the scan's own transaction), then sent, retried with
backoff, and marked delivered only on a 2xx answer. One that still fails stays in the history, is
reported by this scan (stderr and the report's `alerts`) and is sent again by the next scan: no
alert is dropped silently. A scan that fails sends a failure alert to every webhook, whatever its
threshold: a failed scan is never quiet, and never reads as "all clear".
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import time
from dataclasses import dataclass
from typing import Any, Callable

import requests

from ..errors import InputError
from .history import FindingRow, History
from .settings import Alert, severity_at_least
from .sources import Unreadable

ATTEMPTS = 3
BACKOFF_SECONDS = (0.5, 1.0)
TIMEOUT_SECONDS = 5.0
SIGNATURE_HEADER = "X-Stackguard-Signature"
EVENT_HEADER = "X-Stackguard-Event"
SLACK_LISTED = 20  # findings listed in a Slack message; the rest are counted


@dataclass(frozen=True)
class Delivery:
    """What became of one alert in this scan."""

    where: str
    event: str
    delivered: bool
    attempts: int
    error: str | None = None


def webhook_id(alert: Alert) -> str:
    """How the history names a webhook without storing its URL (a Slack webhook's URL is its credential)."""
    return hashlib.sha256(alert.url.encode()).hexdigest()


def check_secrets(alerts: list[Alert], source: str) -> None:
    """Every signed webhook's key is in the environment before the scan starts."""
    for index, alert in enumerate(alerts):
        if alert.secret_env and not os.environ.get(alert.secret_env):
            raise InputError(source, f"scan.alerts[{index}].secret_env", f"the environment variable {alert.secret_env} is not set (the HMAC key)")


def findings_bodies(alerts: list[Alert], scan: dict[str, Any], rows: list[FindingRow], event: str = "findings") -> list[tuple[str, str, str]]:
    """(webhook, event, body) per webhook that has findings at or above its threshold: newly open ones
    (`findings`), or open ones that crossed their SLA since the last scan (`sla_breached`)."""
    bodies = []
    for alert in alerts:
        chosen = [f for f in rows if severity_at_least(f.severity, alert.min_severity)]
        if chosen:
            bodies.append((webhook_id(alert), event, _body(alert, scan, event, findings=chosen)))
    return bodies


def failure_bodies(alerts: list[Alert], scan: dict[str, Any], reason: str) -> list[tuple[str, str, str]]:
    return [(webhook_id(alert), "scan_failed", _body(alert, scan, "scan_failed", reason=reason)) for alert in alerts]


def unreadable_bodies(alerts: list[Alert], scan: dict[str, Any], unreadable: list[Unreadable]) -> list[tuple[str, str, str]]:
    """Stacks the scan could not read were not checked: every webhook hears of it, whatever its threshold."""
    if not unreadable:
        return []
    return [(webhook_id(alert), "stacks_unreadable", _body(alert, scan, "stacks_unreadable", unreadable=unreadable)) for alert in alerts]


def _body(alert: Alert, scan: dict[str, Any], event: str, findings: list[FindingRow] | None = None, reason: str | None = None,
          unreadable: list[Unreadable] | None = None) -> str:
    if alert.format == "slack":
        return json.dumps(_slack(scan, event, findings or [], reason, unreadable or []))
    document: dict[str, Any] = {"version": 1, "event": event, "scan": scan}
    if event == "scan_failed":
        document["reason"] = reason
        document["message"] = "the scan failed: nothing was checked, so nothing is known to be compliant"
    elif event == "stacks_unreadable":
        document["stacks"] = [{"stack": u.stack, "origin": u.origin, "reason": u.reason} for u in unreadable or []]
        document["message"] = "these stacks could not be read: they were not checked, so nothing is known about them"
    else:
        document["findings"] = [_finding(f) for f in findings or []]
    return json.dumps(document, sort_keys=True)


def _finding(row: FindingRow) -> dict[str, Any]:
    return {"stack": row.stack, "rule": row.rule, "severity": row.severity, "urn": row.urn, "message": row.message,
            "status": row.status, "fingerprint": row.fingerprint, "first_seen": row.first_seen}


def _slack(scan: dict[str, Any], event: str, findings: list[FindingRow], reason: str | None, unreadable: list[Unreadable]) -> dict[str, Any]:
    if event in ("scan_failed", "stacks_unreadable"):
        if event == "scan_failed":
            text = (f":rotating_light: stackguard scan FAILED ({scan['finished_at']}): {reason}. "
                    "Nothing was checked, so nothing is known to be compliant.")
        else:
            names = ", ".join(u.stack for u in unreadable[:SLACK_LISTED]) + (" …" if len(unreadable) > SLACK_LISTED else "")
            text = (f":rotating_light: stackguard scan ({scan['finished_at']}) could not read {len(unreadable)} "
                    f"stack{'s' if len(unreadable) != 1 else ''}: {names}. They were not checked, so nothing is known about them.")
        return {"text": text, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": _slack_escape(text)[:3000]}}]}
    lines = [f"• *{f.severity}* `{f.rule}` in {_slack_escape(f.stack)}: {_slack_escape(f.message)}" for f in findings[:SLACK_LISTED]]
    if len(findings) > SLACK_LISTED:
        lines.append(f"… and {len(findings) - SLACK_LISTED} more")
    many = len(findings) != 1
    what = (f"new open finding{'s' if many else ''}" if event == "findings"
            else f"finding{'s' if many else ''} past {'their' if many else 'its'} SLA")
    headline = f":{'warning' if event == 'findings' else 'hourglass'}: stackguard scan ({scan['finished_at']}): {len(findings)} {what}"
    # A section's text holds at most 3000 characters.
    return {"text": headline, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": headline[:3000]}},
                                         {"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines)[:3000]}}]}


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def deliver(history: History, alerts: list[Alert], now: Callable[[], dt.datetime],
            sleep: Callable[[float], None] = time.sleep) -> list[Delivery]:
    """Send every undelivered alert in the history (this scan's and earlier ones'), oldest first."""
    by_id = {webhook_id(a): a for a in alerts}
    outcomes = []
    for alert_id, webhook, event, body, _attempts in history.pending_alerts():
        alert = by_id.get(webhook)
        if alert is None:
            outcomes.append(Delivery("(a webhook no longer in stackguard.yaml)", event, False, 0,
                                     "kept in the history: its webhook was removed from the configuration"))
            continue
        tries, error = _send(alert, event, body, sleep)
        history.alert_attempted(alert_id, tries, error, now())
        outcomes.append(Delivery(alert.where, event, error is None, tries, error))
    return outcomes


def deliver_without_history(alerts: list[Alert], bodies: list[tuple[str, str, str]],
                            sleep: Callable[[float], None] = time.sleep) -> list[Delivery]:
    """Send alerts straight away when the history (the outbox) cannot be reached: nothing can be queued for a
    later scan, but the webhooks still hear that the scan failed."""
    by_id = {webhook_id(a): a for a in alerts}
    outcomes = []
    for webhook, event, body in bodies:
        alert = by_id[webhook]
        tries, error = _send(alert, event, body, sleep)
        outcomes.append(Delivery(alert.where, event, error is None, tries, error))
    return outcomes


def _send(alert: Alert, event: str, body: str, sleep: Callable[[float], None]) -> tuple[int, str | None]:
    data = body.encode()
    headers = {"Content-Type": "application/json", EVENT_HEADER: event, "User-Agent": "stackguard-scan"}
    if alert.secret_env:
        key = os.environ.get(alert.secret_env, "").encode()
        headers[SIGNATURE_HEADER] = "sha256=" + hmac.new(key, data, hashlib.sha256).hexdigest()
    error: str | None = None
    for attempt in range(ATTEMPTS):
        if attempt:
            sleep(BACKOFF_SECONDS[min(attempt - 1, len(BACKOFF_SECONDS) - 1)])
        try:
            answer = requests.post(alert.url, data=data, headers=headers, timeout=TIMEOUT_SECONDS, allow_redirects=False)
        except requests.RequestException as err:
            error = f"{type(err).__name__} reaching {alert.where}"  # the exception's text may carry the URL, a credential
            continue
        if 200 <= answer.status_code < 300:
            return attempt + 1, None
        error = f"{alert.where} answered HTTP {answer.status_code}"
    return ATTEMPTS, error
