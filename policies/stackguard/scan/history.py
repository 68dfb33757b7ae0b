"""The scan history: what each stack's findings were, scan after scan (SQLite or PostgreSQL; schema in docs/scan.md).

    --history sqlite:///.stackguard/history.sqlite     (the default; relative to the working folder)
    --history sqlite:////var/lib/stackguard/history.sqlite
    --history postgresql://scanner@db.internal/stackguard   (pip install 'stackguard[postgres]'; the password from
                                                            PGPASSWORD or ~/.pgpass, as for psql)

A stack is re-evaluated into the history only when what its verdict depends on changed (its state,
its profile, the exemptions in force, the rules): re-scanning the same state changes no finding and
adds no evaluation, only the `scans` row that says a scan ran. A scan is written in one transaction
after every stack was evaluated, so a scan that fails half-way leaves the findings as they were and
records only that it failed. Both databases hold the same tables; only the id columns' type differs.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import unquote, urlparse

from .. import vocabulary
from ..errors import InputError, StoreError
from ..model import Finding

DEFAULT_URL = "sqlite:///.stackguard/history.sqlite"
ALLOWED_URLS = "sqlite:///RELATIVE/FILE, sqlite:////ABSOLUTE/FILE or postgresql://[USER@]HOST[:PORT]/DATABASE"
POSTGRES_SCHEMES = ("postgresql", "postgres")
CONNECT_TIMEOUT_SECONDS = 10
SCHEMA_VERSION = 1
# Open findings: those that count against a stack. Exempted findings and risk the profile accepts are recorded too, not counted.
OPEN_STATUSES = ("mandatory", "advisory")
# An alert to send: (the webhook's sha256, the event, the body).
Alert = tuple[str, str, str]
SEVERITIES: tuple[str, ...] = vocabulary.SEVERITIES  # most severe first
# Each table's natural order, for rows().
TABLE_ORDER = {"scans": "id", "evaluations": "id", "findings": "stack, fingerprint", "alerts": "id"}

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS scans (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('complete', 'partial', 'failed')),
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


def redacted(url: str) -> str:
    """The URL without a password (in the user part or a `password=` parameter): what messages and reports show."""
    parsed = urlparse(url)
    if parsed.password is not None:
        url = parsed._replace(netloc=f"{parsed.username or ''}:***@{parsed.netloc.rpartition('@')[2]}").geturl()
    return re.sub(r"(?i)(password=)[^&]*", r"\1***", url)


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
    and those open again that were not (an exemption that expired or went, a baseline that no longer covers them)."""

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


class _Database:
    """One DB-API connection in autocommit mode (transactions are explicit) and how to speak to it: the
    SQL is written with `?` placeholders and SQLite's types, and translated for PostgreSQL."""

    def __init__(self, url: str):
        self.url = url
        parsed = urlparse(url)
        if parsed.scheme in POSTGRES_SCHEMES:
            try:
                parsed.port  # noqa: B018 - urlparse checks the port only when asked
            except ValueError:
                raise InputError("--history", redacted(url), f"names a port that is not a number from 1 to 65535; allowed: {ALLOWED_URLS}") from None
            self.postgres = True
            self._connection: Any = _postgres(url)
        elif parsed.scheme == "sqlite" and not parsed.netloc and parsed.path.removeprefix("/"):
            self.postgres = False
            path = Path(unquote(parsed.path.removeprefix("/")))
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._connection = sqlite3.connect(str(path), isolation_level=None)
                self._connection.execute("PRAGMA foreign_keys = ON")
            except (OSError, sqlite3.DatabaseError) as err:
                raise InputError("--history", redacted(url), f"is not a usable SQLite history ({err})") from None
        else:
            raise InputError("--history", redacted(url), f"is not a history store stackguard can use; allowed: {ALLOWED_URLS}")

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        if self.postgres:
            sql = sql.replace("?", "%s")
        try:
            return self._connection.execute(sql, params)
        except sqlite3.DatabaseError as err:
            raise InputError("--history", redacted(self.url), f"is not a usable SQLite history ({err})") from None
        except Exception as err:
            if self.postgres and _is_postgres_error(err):
                raise StoreError(f"the history database {redacted(self.url)} failed: {type(err).__name__}: "
                                 f"{str(err).splitlines()[0] if str(err) else ''}") from None
            raise

    def create_schema(self) -> None:
        schema = SCHEMA
        if self.postgres:
            schema = schema.replace("id INTEGER PRIMARY KEY", "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
        for statement in filter(str.strip, schema.split(";")):
            self.execute(statement)

    def begin(self) -> None:
        """Writers take turns: SQLite's BEGIN IMMEDIATE, PostgreSQL's lock on the scans table (readers go on)."""
        if self.postgres:
            self.execute("BEGIN")
            self.execute("LOCK TABLE scans IN SHARE ROW EXCLUSIVE MODE")
        else:
            self.execute("BEGIN IMMEDIATE")

    def close(self) -> None:
        self._connection.close()


def _postgres(url: str) -> Any:
    try:
        import psycopg
    except ImportError:
        raise InputError("--history", redacted(url), "a PostgreSQL history needs psycopg: pip install 'stackguard[postgres]'") from None
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS, application_name="stackguard-scan")
    except psycopg.ProgrammingError as err:  # a malformed connection string
        raise InputError("--history", redacted(url), f"is not a PostgreSQL URL psycopg accepts ({_first_line(err)}); allowed: {ALLOWED_URLS}") from None
    except psycopg.Error as err:
        raise StoreError(f"the history database {redacted(url)} cannot be reached ({_first_line(err)})") from None


def _is_postgres_error(err: Exception) -> bool:
    import psycopg

    return isinstance(err, psycopg.Error)


def _first_line(err: Exception) -> str:
    # psycopg's messages name the host and user, never the password; the first line is the reason.
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


class History:
    def __init__(self, url: str = DEFAULT_URL):
        self.url = url
        self._db = _Database(url)
        self._db.create_schema()
        version = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if version is None:
            self._db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif version[0] != str(SCHEMA_VERSION):
            raise InputError("--history", redacted(url), f"holds history schema version {version[0]}; this stackguard reads version {SCHEMA_VERSION}")

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
               alerts_for: Callable[[list[StackChange]], list[Alert]], unreadable: list[str] | None = None) -> tuple[int, list[StackChange]]:
        """Record a scan and the alerts its changes raise, in one transaction: both or neither. A scan with
        stacks it could not read is `partial`: those stacks' findings stay as their last evaluation left them."""
        at = finished.isoformat(timespec="seconds")
        outcome, reason = ("partial", f"not read: {', '.join(unreadable)}") if unreadable else ("complete", None)
        with self._transaction() as db:
            scan_id = _insert_scan(db, started, finished, outcome, reason, len(evaluations))
            changes = [self._record_stack(db, scan_id, evaluation, at) for evaluation in evaluations]
            _queue(db, scan_id, alerts_for(changes))
        return scan_id, changes

    def _record_stack(self, db: _Database, scan_id: int, evaluation: Evaluation, at: str) -> StackChange:
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
                if not before.open and row.open:  # its exemption ended, or it left the baseline or the accepted risks
                    change.unexempted.append(row)
            db.execute("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (stack, fingerprint) DO UPDATE SET "
                       "rule = excluded.rule, severity = excluded.severity, urn = excluded.urn, message = excluded.message, "
                       "status = excluded.status, exemption = excluded.exemption, first_seen = excluded.first_seen, "
                       "last_seen = excluded.last_seen, fixed_at = NULL",
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

    def findings(self, stack: str | None = None, db: _Database | None = None) -> list[FindingRow]:
        query = "SELECT * FROM findings" + (" WHERE stack = ?" if stack else "") + " ORDER BY stack, rule, urn, fingerprint"
        rows = (db or self._db).execute(query, (stack,) if stack else ()).fetchall()
        return [FindingRow(stack=row[0], fingerprint=row[1], rule=row[2], severity=row[3], urn=row[4], message=row[5], status=row[6],
                           exemption=json.loads(row[7]) if row[7] else None, first_seen=row[8], last_seen=row[9], fixed_at=row[10])
                for row in rows]

    def trend(self, limit: int = 30) -> list[TrendPoint]:
        """Open findings per severity after each scan that was not a failure: each stack counted as of its latest evaluation then."""
        scans = self._db.execute("SELECT id, finished_at FROM scans WHERE outcome != 'failed' ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
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

    def last_scan_at(self) -> dt.datetime | None:
        """When the last scan that did not fail finished: what "since the last scan" means."""
        row = self._db.execute("SELECT finished_at FROM scans WHERE outcome != 'failed' ORDER BY id DESC LIMIT 1").fetchone()
        return dt.datetime.fromisoformat(row[0]) if row else None

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
        if table not in TABLE_ORDER:
            raise ValueError(table)
        return [tuple(row) for row in self._db.execute(f"SELECT * FROM {table} ORDER BY {TABLE_ORDER[table]}").fetchall()]


def _queue(db: _Database, scan_id: int, alerts: list[Alert]) -> None:
    for webhook, event, body in alerts:
        db.execute("INSERT INTO alerts (scan_id, webhook_sha256, event, body) VALUES (?, ?, ?, ?)", (scan_id, webhook, event, body))


def _insert_scan(db: _Database, started: dt.datetime, finished: dt.datetime, outcome: str, reason: str | None, stacks: int) -> int:
    cursor = db.execute("INSERT INTO scans (started_at, finished_at, outcome, reason, stacks) VALUES (?, ?, ?, ?, ?) RETURNING id",
                        (started.isoformat(timespec="seconds"), finished.isoformat(timespec="seconds"), outcome, reason, stacks))
    return int(cursor.fetchone()[0])


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK on any failure: a scan is recorded whole or not at all."""

    def __init__(self, db: _Database):
        self._db = db

    def __enter__(self) -> _Database:
        self._db.begin()
        return self._db

    def __exit__(self, exc_type, _exc, _tb) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")
