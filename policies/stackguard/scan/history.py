"""The scan history: what each stack's findings were, scan after scan (SQLite; schema in docs/scan.md).

    --history sqlite:///.stackguard/history.sqlite     (the default; relative to the working folder)
    --history sqlite:////var/lib/stackguard/history.sqlite

A stack is re-evaluated into the history only when what its verdict depends on changed (its state,
its profile, the exemptions in force, the rules): re-scanning the same state changes no finding and
adds no evaluation, only the `scans` row that says a scan ran. A scan is written in one transaction
after every stack was evaluated, so a scan that fails half-way leaves the findings as they were and
records only that it failed.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import unquote, urlparse

from .. import vocabulary
from ..errors import InputError
from ..model import Finding

DEFAULT_URL = "sqlite:///.stackguard/history.sqlite"
SCHEMA_VERSION = 1
# Open findings: those that count against a stack. Exempted findings and risk the profile accepts are recorded too, not counted.
OPEN_STATUSES = ("mandatory", "advisory")
# An alert to send: (the webhook's sha256, the event, the body).
Alert = tuple[str, str, str]
SEVERITIES: tuple[str, ...] = vocabulary.SEVERITIES  # most severe first

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS scans (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('complete', 'failed')),
    reason TEXT,
    stacks INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS evaluations (
    id INTEGER PRIMARY KEY,
    scan_id INTEGER NOT NULL REFERENCES scans (id),
    stack TEXT NOT NULL,
    origin TEXT NOT NULL,
    inputs_sha256 TEXT NOT NULL,
    state_sha256 TEXT NOT NULL,
    profile TEXT NOT NULL,
    resources INTEGER NOT NULL,
    open_critical INTEGER NOT NULL,
    open_high INTEGER NOT NULL,
    open_medium INTEGER NOT NULL,
    open_low INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS evaluations_by_stack ON evaluations (stack, id);
CREATE TABLE IF NOT EXISTS findings (
    stack TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    urn TEXT NOT NULL,
    message TEXT NOT NULL,
    status TEXT NOT NULL,
    exemption TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    fixed_at TEXT,
    PRIMARY KEY (stack, fingerprint)
);
CREATE TABLE IF NOT EXISTS alerts (
    id INTEGER PRIMARY KEY,
    scan_id INTEGER NOT NULL REFERENCES scans (id),
    webhook_sha256 TEXT NOT NULL,
    event TEXT NOT NULL,
    body TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    delivered_at TEXT
);
"""


@dataclass
class FindingRow:
    """A finding as the history knows it."""

    stack: str
    fingerprint: str
    rule: str
    severity: str
    urn: str
    message: str
    status: str
    exemption: Optional[dict[str, Any]]
    first_seen: str
    last_seen: str
    fixed_at: Optional[str] = None

    @property
    def open(self) -> bool:
        return self.fixed_at is None and self.status in OPEN_STATUSES

    def age_days(self, now: dt.datetime) -> int:
        return (now - dt.datetime.fromisoformat(self.first_seen)).days


@dataclass
class StackChange:
    """What one stack's evaluation changed: new findings (never seen, or seen fixed before), fixed ones,
    and those whose exemption ended (an expired or removed exemption: open again)."""

    stack: str
    changed: bool
    new: list[FindingRow] = field(default_factory=list)
    fixed: list[FindingRow] = field(default_factory=list)
    unexempted: list[FindingRow] = field(default_factory=list)


@dataclass(frozen=True)
class Evaluation:
    """One stack's result to record."""

    stack: str
    origin: str
    inputs_sha256: str
    state_sha256: str
    profile: str
    resources: int
    findings: list[Finding]
    exemption_of: dict[str, Optional[dict[str, Any]]]  # fingerprint -> the exemption covering it


@dataclass(frozen=True)
class TrendPoint:
    scan: int
    at: str
    open: dict[str, int]


def _sqlite_path(url: str) -> Path:
    parsed = urlparse(url)
    if parsed.scheme in ("postgresql", "postgres"):
        raise InputError("--history", url.split("@")[-1], "PostgreSQL is not supported by this version; the schema in docs/scan.md "
                                                          "is plain SQL for when it is. Use sqlite:///FILE")
    if parsed.scheme != "sqlite" or parsed.netloc or not parsed.path.removeprefix("/"):
        raise InputError("--history", url, "must be sqlite:///RELATIVE/FILE or sqlite:////ABSOLUTE/FILE")
    return Path(unquote(parsed.path.removeprefix("/")))


class History:
    def __init__(self, url: str = DEFAULT_URL):
        path = _sqlite_path(url)
        self.url = url
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.executescript(SCHEMA)
            version = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if version is None:
                self._db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            elif version[0] != str(SCHEMA_VERSION):
                raise InputError("--history", url, f"holds history schema version {version[0]}; this stackguard reads version {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as err:
            raise InputError("--history", url, f"is not a usable SQLite history ({err})") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "History":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def _transaction(self) -> "_Transaction":
        return _Transaction(self._db)

    def record_failure(self, started: dt.datetime, finished: dt.datetime, reason: str, alerts: list[Alert]) -> int:
        """Record that a scan failed, and the alerts that say so; no finding changes."""
        with self._transaction() as db:
            scan_id = _insert_scan(db, started, finished, "failed", reason, 0)
            _queue(db, scan_id, alerts)
        return scan_id

    def record(self, started: dt.datetime, finished: dt.datetime, evaluations: list[Evaluation],
               alerts_for: Callable[[list[StackChange]], list[Alert]]) -> tuple[int, list[StackChange]]:
        """Record a complete scan and the alerts its changes raise, in one transaction: both or neither."""
        at = finished.isoformat(timespec="seconds")
        with self._transaction() as db:
            scan_id = _insert_scan(db, started, finished, "complete", None, len(evaluations))
            changes = [self._record_stack(db, scan_id, evaluation, at) for evaluation in evaluations]
            _queue(db, scan_id, alerts_for(changes))
        return scan_id, changes

    def _record_stack(self, db: sqlite3.Connection, scan_id: int, evaluation: Evaluation, at: str) -> StackChange:
        last = db.execute("SELECT inputs_sha256 FROM evaluations WHERE stack = ? ORDER BY id DESC LIMIT 1", (evaluation.stack,)).fetchone()
        if last is not None and last[0] == evaluation.inputs_sha256:
            return StackChange(evaluation.stack, changed=False)
        change = StackChange(evaluation.stack, changed=True)
        known = {row.fingerprint: row for row in self.findings(evaluation.stack, db=db)}
        seen = set()
        for finding in evaluation.findings:
            fingerprint = finding.fingerprint or ""
            if fingerprint in seen:
                continue
            seen.add(fingerprint)
            exemption = evaluation.exemption_of.get(fingerprint)
            before = known.get(fingerprint)
            row = FindingRow(evaluation.stack, fingerprint, finding.rule, finding.severity, finding.urn, finding.message, finding.status,
                             exemption, first_seen=at, last_seen=at)
            if before is None or before.fixed_at is not None:
                change.new.append(row)
            else:
                row.first_seen = before.first_seen
                if before.exemption and not exemption and row.open:
                    change.unexempted.append(row)
            db.execute("INSERT OR REPLACE INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                       (row.stack, row.fingerprint, row.rule, row.severity, row.urn, row.message, row.status,
                        json.dumps(exemption, sort_keys=True) if exemption else None, row.first_seen, row.last_seen))
        for fingerprint, before in known.items():
            if before.fixed_at is None and fingerprint not in seen:
                db.execute("UPDATE findings SET fixed_at = ? WHERE stack = ? AND fingerprint = ?", (at, evaluation.stack, fingerprint))
                before.fixed_at = at
                change.fixed.append(before)
        counts = {s: sum(1 for f in evaluation.findings if f.severity == s and f.status in OPEN_STATUSES) for s in SEVERITIES}
        db.execute("INSERT INTO evaluations (scan_id, stack, origin, inputs_sha256, state_sha256, profile, resources, "
                   "open_critical, open_high, open_medium, open_low) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (scan_id, evaluation.stack, evaluation.origin, evaluation.inputs_sha256, evaluation.state_sha256, evaluation.profile,
                    evaluation.resources, counts["critical"], counts["high"], counts["medium"], counts["low"]))
        return change

    def findings(self, stack: str | None = None, db: sqlite3.Connection | None = None) -> list[FindingRow]:
        query = "SELECT * FROM findings" + (" WHERE stack = ?" if stack else "") + " ORDER BY stack, rule, urn, fingerprint"
        rows = (db or self._db).execute(query, (stack,) if stack else ()).fetchall()
        return [FindingRow(stack=row[0], fingerprint=row[1], rule=row[2], severity=row[3], urn=row[4], message=row[5], status=row[6],
                           exemption=json.loads(row[7]) if row[7] else None, first_seen=row[8], last_seen=row[9], fixed_at=row[10])
                for row in rows]

    def trend(self, limit: int = 30) -> list[TrendPoint]:
        """Open findings per severity after each complete scan: each stack counted as of its latest evaluation then."""
        scans = self._db.execute("SELECT id, finished_at FROM scans WHERE outcome = 'complete' ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        if not scans:
            return []
        rows = self._db.execute("SELECT scan_id, stack, open_critical, open_high, open_medium, open_low FROM evaluations "
                                "WHERE scan_id <= ? ORDER BY id", (scans[0][0],)).fetchall()
        points = []
        for scan_id, at in reversed(scans):
            latest: dict[str, tuple[int, ...]] = {}
            for row in rows:
                if row[0] <= scan_id:
                    latest[row[1]] = row[2:]
            points.append(TrendPoint(scan_id, at, {s: sum(c[i] for c in latest.values()) for i, s in enumerate(SEVERITIES)}))
        return points

    def pending_alerts(self) -> list[tuple[int, str, str, str, int]]:
        """Alerts not delivered yet, oldest first: (id, webhook sha256, event, body, attempts)."""
        return self._db.execute("SELECT id, webhook_sha256, event, body, attempts FROM alerts WHERE delivered_at IS NULL ORDER BY id").fetchall()

    def alert_attempted(self, alert_id: int, attempts: int, error: str | None, at: dt.datetime) -> None:
        delivered = None if error else at.isoformat(timespec="seconds")
        with self._transaction() as db:
            db.execute("UPDATE alerts SET attempts = attempts + ?, last_error = ?, delivered_at = ? WHERE id = ?",
                       (attempts, error, delivered, alert_id))

    def rows(self, table: str) -> list[tuple[Any, ...]]:
        """Every row of a table, for an audit or a test."""
        if table not in ("scans", "evaluations", "findings", "alerts"):
            raise ValueError(table)
        return self._db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()


def _queue(db: sqlite3.Connection, scan_id: int, alerts: list[Alert]) -> None:
    for webhook, event, body in alerts:
        db.execute("INSERT INTO alerts (scan_id, webhook_sha256, event, body) VALUES (?, ?, ?, ?)", (scan_id, webhook, event, body))


def _insert_scan(db: sqlite3.Connection, started: dt.datetime, finished: dt.datetime, outcome: str, reason: str | None, stacks: int) -> int:
    cursor = db.execute("INSERT INTO scans (started_at, finished_at, outcome, reason, stacks) VALUES (?, ?, ?, ?, ?)",
                        (started.isoformat(timespec="seconds"), finished.isoformat(timespec="seconds"), outcome, reason, stacks))
    return int(cursor.lastrowid or 0)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any failure: a scan is recorded whole or not at all."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db

    def __enter__(self) -> sqlite3.Connection:
        self._db.execute("BEGIN IMMEDIATE")
        return self._db

    def __exit__(self, exc_type, _exc, _tb) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")
