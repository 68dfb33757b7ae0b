"""The policy engine client: OPA's REST data API, hardened so that no answer is ever read as "no findings".

Runs in whichever process evaluates: the CLI (`check`, `preflight`) or the CrossGuard pack.
Every failure (unreachable, slow, dripping, redirecting, refusing, an error status, a reply of the
wrong shape, a rule id the catalog does not know) raises EngineError so callers fail closed. Before
any answer is trusted, `prove()` checks that the engine serves exactly the local rule files,
evaluates exactly the catalog's rules and flags a canary; `prove_alongside()` runs the same proof on
a second connection while the first queries are under way, and every answer waits for it. How an
answer travels (a private OPA over http.client, a central one over opa-python-client) and how it is
judged on arrival is `opa_connection`'s.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import threading
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterable
from urllib.parse import urlparse

from . import canaries, central_bundle, rule_files
from .errors import EngineError, EngineRefused, InputError
from .opa_connection import Connection, PrivateConnection, is_loopback

DEFAULT_TIMEOUT_SECONDS = 5.0
# Resources per batch query: big enough to amortise a round trip, small enough for the per-query deadline.
BATCH_SIZE = 500
ENTRYPOINT = "stackguard"
# Packages whose modules must be byte-identical to the local rule files: an extra module there could
# redefine a helper (say, make every value "unknown") and silence every rule.
OWNED_PACKAGES = ("stackguard", "aws", "lib")
# A resource every catalog flags (aws-kms-key-rotation): an engine that answers "nothing" to it is not evaluating.
CANARY_RULE = "aws-kms-key-rotation"
# The type token that stands for every type (data.lib.pulumi.any_type).
ANY_TYPE = "*"
CANARY: dict[str, Any] = {
    "type": "aws:kms/key:Key", "urn": "urn:pulumi:canary::stackguard::aws:kms/key:Key::canary", "name": "canary",
    "properties": {"enableKeyRotation": False, "keyUsage": "ENCRYPT_DECRYPT", "customerMasterKeySpec": "SYMMETRIC_DEFAULT"},
    "options": {}, "provider": None, "parent": None, "dependencies": [], "propertyDependencies": {},
}


@dataclass(frozen=True)
class RawFinding:
    """One row of OPA's answer: which rule, about which resource, saying what."""

    rule: str
    message: str
    urn: str


@dataclass(frozen=True)
class EngineSettings:
    """Where OPA is and how to reach it: STACKGUARD_OPA_URL, _TOKEN, _CA_BUNDLE, _TIMEOUT."""

    url: str
    token: str | None = None
    ca_bundle: str | None = None
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    # A private OPA this process started on 127.0.0.1 (opa_server): reached over http.client.
    private: bool = False

    def __post_init__(self) -> None:
        parsed = urlparse(self.url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise InputError("STACKGUARD_OPA_URL", "(value)", f"{self.url!r} is not an http(s) URL like https://opa.internal:8181")
        if parsed.path.strip("/") or parsed.query or parsed.fragment:
            raise InputError("STACKGUARD_OPA_URL", "(value)", "must be the OPA server's root URL (scheme, host, port), without a path")
        if self.token and parsed.scheme == "http" and not is_loopback(parsed.hostname):
            raise InputError("STACKGUARD_OPA_TOKEN", "(value)",
                             "a bearer token is only sent over https (or to a loopback address); use an https STACKGUARD_OPA_URL")
        if self.ca_bundle and not Path(self.ca_bundle).is_file():
            raise InputError("STACKGUARD_OPA_CA_BUNDLE", "(value)", f"{self.ca_bundle!r} is not a readable PEM file")
        if not (isinstance(self.timeout, (int, float)) and math.isfinite(self.timeout) and 0 < self.timeout <= 3600):
            raise InputError("STACKGUARD_OPA_TIMEOUT", "(value)", "must be a number of seconds between 0 and 3600")

    @classmethod
    def from_env(cls, url: str | None = None, token: str | None = None, private: bool = False) -> "EngineSettings":
        timeout_text = os.environ.get("STACKGUARD_OPA_TIMEOUT", str(DEFAULT_TIMEOUT_SECONDS))
        try:
            timeout = float(timeout_text)
        except ValueError:
            raise InputError("STACKGUARD_OPA_TIMEOUT", "(value)", f"must be a number of seconds, got {timeout_text!r}") from None
        return cls(
            url=url or os.environ["STACKGUARD_OPA_URL"],
            token=token or os.environ.get("STACKGUARD_OPA_TOKEN") or None,
            ca_bundle=os.environ.get("STACKGUARD_OPA_CA_BUNDLE") or None,
            timeout=timeout,
            private=private,
        )


@dataclass(frozen=True)
class LocalRules:
    """What the engine must prove it serves: the rule ids of the catalog and the bytes of the rule files."""

    rule_ids: frozenset[str]
    required: frozenset[str]  # digests of the rule and library modules: all must be served
    known: frozenset[str]  # those plus the test modules, which an engine may also load
    revision: str  # the revision of the signed bundle of these rule folders (central_bundle)
    # The data files the rules read (the IAM action catalog): (data path such as lib/iam_catalog, bytes).
    data: tuple[tuple[str, bytes], ...]

    @classmethod
    def of(cls, rule_ids: Iterable[str], rego_dirs: Iterable[Path]) -> "LocalRules":
        folders = [Path(d) for d in rego_dirs]
        files = [f for d in folders for f in rule_files.read(d)]
        modules = [f for f in files if f.is_module]
        digest = {f: hashlib.sha256(f.content).hexdigest() for f in modules}
        required = {digest[f] for f in modules if not f.is_test}
        data = tuple((str(PurePosixPath(f.relative).parent).strip("."), f.content) for f in files if not f.is_module)
        return cls(frozenset(rule_ids), frozenset(required), frozenset(digest.values()), central_bundle.revision(folders), data)


def _revision(bundle: Any) -> str | None:
    """The revision in an entry of data.system.bundles."""
    manifest = bundle.get("manifest") if isinstance(bundle, dict) else None
    revision = manifest.get("revision") if isinstance(manifest, dict) else None
    return revision if isinstance(revision, str) else None


class _OnItsOwnConnection:
    """`work(engine)` on an engine of its own (a connection is not shared between threads),
    in a daemon thread so that a hung engine cannot hold the interpreter's exit. `result()` waits,
    interruptibly, and raises the work's EngineError every time it is asked; any other failure
    becomes one that names `what`."""

    def __init__(self, engine: "PolicyEngine", work: Callable[["PolicyEngine"], Any], what: str):
        self._value: Any = None
        self._error: str | None = None
        self._done = threading.Event()
        threading.Thread(target=self._run, args=(engine, work, what), name="stackguard-engine", daemon=True).start()

    def _run(self, engine: "PolicyEngine", work: Callable[["PolicyEngine"], Any], what: str) -> None:
        try:
            self._value = work(engine)
        except EngineError as err:
            self._error = str(err)
        except Exception as err:  # noqa: BLE001 - whatever went wrong, nothing was decided
            self._error = f"{what} at {engine.url} failed ({type(err).__name__})"
        finally:
            engine.close()
            self._done.set()

    def result(self) -> Any:
        self._done.wait()  # interruptible: a signal or the run's deadline still ends the run
        if self._error is not None:
            raise EngineError(self._error)
        return self._value


class _Proof:
    """`PolicyEngine.prove` on its own connection, after `ready()` (when given), which waits for the
    engine to come up (a private OPA still booting); `wait_up()` returns once it is up."""

    def __init__(self, engine: "PolicyEngine", local: Callable[[], LocalRules], ready: Callable[[], object] | None,
                 signed_bundle: bool):
        self._engine = engine
        self._came_up = False
        self._up = threading.Event()

        def work(proving: "PolicyEngine") -> None:
            try:
                if ready is not None:
                    ready()
                self._came_up = True
            finally:
                self._up.set()
            proving.prove(local(), signed_bundle)

        self._task = _OnItsOwnConnection(engine, work, "the proof of OPA")

    def wait_up(self) -> None:
        """Block until the engine is up; EngineError if it never came up."""
        self._up.wait()
        if not self._came_up:
            self._task.result()  # raises why it did not come up
            raise EngineError("the policy engine did not come up")

    def wait(self) -> None:
        self._task.result()

    @property
    def bundle(self) -> tuple[str, str] | None:
        """The bundle the proof found (after `wait`)."""
        return self._engine.bundle


class PolicyEngine:
    def __init__(self, settings: EngineSettings, known_rules: Iterable[str]):
        self.settings = settings
        self.url = settings.url
        self._known = frozenset(known_rules)
        self._connection = _connect(settings)
        self._proof: _Proof | None = None
        # The configured bundle the proof found activated with the local revision: (name, revision).
        self.bundle: tuple[str, str] | None = None

    def _call(self, method: str, path: str, body: Any = None, budget: float | None = None) -> Any:
        started = time.monotonic()
        allowed = budget or self.settings.timeout
        payload = None if body is None else json.dumps(body, allow_nan=False).encode()
        try:
            return self._connection.call(method, path, payload, started + allowed)
        except TimeoutError:
            # Say what was waited for and how long it really was, not only the budget it had.
            raise EngineError(f"OPA at {self.url} did not answer within {allowed:.1f}s: {method} /v1/{path} was waited "
                              f"for {time.monotonic() - started:.1f}s") from None

    def _query(self, rule: str, document: dict[str, Any], budget: float | None = None) -> list[Any]:
        try:
            reply = self._call("POST", f"data/{ENTRYPOINT}/{rule}", {"input": document}, budget)
        finally:
            self.proven()  # no answer is read unproven; a failed proof explains more than a failed query
        rows = reply.get("result") if isinstance(reply, dict) else None
        if not isinstance(rows, list):
            raise EngineError(f"OPA at {self.url} answered without a result for data.{ENTRYPOINT}.{rule}: are the stackguard rules loaded?")
        return rows

    def _findings(self, rows: list[Any], rule: str, urn: str | None = None) -> list[RawFinding]:
        findings = []
        for row in rows:
            if urn is not None and isinstance(row, dict):
                row = {**row, "urn": urn}
            if not isinstance(row, dict) or not all(isinstance(row.get(f), str) for f in ("rule", "message", "urn")):
                raise EngineError(f"OPA at {self.url} answered a malformed finding for data.{ENTRYPOINT}.{rule}")
            if row["rule"] not in self._known:
                raise EngineError(f"OPA at {self.url} reported rule {row['rule']!r}, which the catalog does not know: "
                                  "the rules it serves differ from the local ones")
            findings.append(RawFinding(row["rule"], row["message"], row["urn"]))
        return findings

    def prove(self, local: LocalRules, signed_bundle: bool = False) -> None:
        """Refuse an engine that does not serve exactly the local rules (EngineError, exit 3).
        `signed_bundle`: the engine is a private OPA that loaded `private_bundle`'s signed archive,
        so OPA itself verified every module against the local bytes and its listing is not asked."""
        if not signed_bundle:
            self._prove_served(local)
        ids = self._query("rules", {})
        if not all(isinstance(i, str) for i in ids) or set(ids) != local.rule_ids:
            served_ids = set(map(str, ids))
            raise EngineError(f"OPA at {self.url} evaluates other rules than the catalog (missing: {_few(local.rule_ids - served_ids)}; "
                              f"without metadata: {_few(served_ids - local.rule_ids)})")
        for probe, rule in _probes(local.rule_ids, {}):
            flagged = self._findings(self._query("deny", {**probe, "config": {}}), "deny", str(probe["urn"]))
            if rule not in {f.rule for f in flagged}:
                raise EngineError(f"OPA at {self.url} did not flag the canary resource for {rule}: it is not evaluating the rules")

    def _prove_served(self, local: LocalRules) -> None:
        """A central OPA that loads bundles through its bundle plugin proves them by what it reports
        (`_prove_bundle`); one that loads rule files otherwise, or does not show its configuration,
        by listing them (`_prove_modules`)."""
        try:
            config = self._result("GET", "config", "its configuration")
        except EngineRefused:
            config = {}  # an authorization policy that keeps its configuration private: the listing proves
        configured = config.get("bundles")
        if isinstance(configured, dict) and configured:
            self._prove_bundle(local, configured, config.get("keys"))
        else:
            self._prove_modules(local)

    def _prove_bundle(self, local: LocalRules, configured: dict[str, Any], keys: Any) -> None:
        """OPA has activated one of its configured bundles with the local rules' revision, and its
        configuration verifies that bundle's signature with a key (OPA activates no bundle whose
        signature fails, and the signature covers every file and the revision)."""
        activated = self._activated()
        revisions = {name: _revision(activated.get(name)) for name in configured if isinstance(activated.get(name), dict)}
        if not revisions:
            raise EngineError(f"OPA at {self.url} has activated none of its bundles ({', '.join(sorted(configured))}): "
                              "the bundle server may be down, or OPA refused the bundle (tampered, or signed with another key)")
        name = next((n for n, r in sorted(revisions.items()) if r == local.revision), None)
        if name is None:
            served = ", ".join(f"{n} {r!r}" for n, r in sorted(revisions.items()))
            raise EngineError(f"OPA at {self.url} serves bundle revision {served}, not the local rules' {local.revision!r}: "
                              "an older or newer bundle, or other rules and data")
        signing = configured[name].get("signing") if isinstance(configured[name], dict) else None
        keyid = signing.get("keyid") if isinstance(signing, dict) else None
        if not keyid or not isinstance(keys, dict) or keyid not in keys or (isinstance(signing, dict) and signing.get("exclude_files")):
            raise EngineError(f"OPA at {self.url} does not verify the signature of bundle {name!r} (its configuration names "
                              "no signing key, or leaves files out of the signature): it cannot prove the bundle is the team's")
        self.bundle = (name, local.revision)

    def confirm_bundle(self) -> None:
        """After the last answer: the bundle the proof found is still the one activated. OPA swaps in
        a newly signed bundle while it runs; no verdict may rest on answers from two revisions."""
        proven = self._proof.bundle if self._proof is not None else self.bundle
        if proven is None:
            return
        name, revision = proven
        now = _revision(self._activated().get(name))
        if now != revision:
            raise EngineError(f"OPA at {self.url} replaced bundle {name!r} during the run (revision {revision!r}, now {now!r}): "
                              "no verdict rests on answers from two revisions; run again")

    def _activated(self) -> dict[str, Any]:
        """data.system.bundles: the bundles OPA has activated (undefined, so {}, when none is)."""
        return self._result("GET", "data/system/bundles", "its activated bundles", empty_when_undefined=True)

    def _result(self, method: str, path: str, what: str, empty_when_undefined: bool = False) -> dict[str, Any]:
        reply = self._call(method, path)
        if empty_when_undefined and reply == {}:
            return {}
        result = reply.get("result") if isinstance(reply, dict) else None
        if not isinstance(result, dict):
            raise EngineError(f"OPA at {self.url} did not report {what} ({method} /v1/{path})")
        return result

    def _prove_modules(self, local: LocalRules) -> None:
        """The engine's policy listing holds every local rule and library module byte for byte, and
        no other module in the packages stackguard owns."""
        listing = self._call("GET", "policies")
        modules = listing.get("result") if isinstance(listing, dict) else None
        if not isinstance(modules, list):
            raise EngineError(f"OPA at {self.url} did not list its policies (GET /v1/policies): it cannot prove which rules it evaluates")
        served = set()
        for module in modules:
            raw = module.get("raw") if isinstance(module, dict) else None
            if not isinstance(raw, str):
                raise EngineError(f"OPA at {self.url} listed a policy without its source")
            digest = hashlib.sha256(raw.encode()).hexdigest()
            if _package(module) in OWNED_PACKAGES and digest not in local.known:
                raise EngineError(f"OPA at {self.url} serves a module {module.get('id')!r} that differs from the local rule files")
            served.add(digest)
        missing = local.required - served
        if missing:
            raise EngineError(f"OPA at {self.url} does not serve {len(missing)} of the local rule modules")
        self._prove_data(local)

    def _prove_data(self, local: LocalRules) -> None:
        """The listing shows modules, not data: the engine serves each data file of the rule folders
        (the IAM action catalog, which decides what a wildcard grants) as the local file holds it."""
        for path, content in local.data:
            reply = self._call("GET", f"data/{path}" if path else "data")
            served = reply.get("result") if isinstance(reply, dict) else None
            expected = json.loads(content)
            if isinstance(expected, dict) and isinstance(served, dict):
                # Other files and rules may add keys beside the file's own (data.json at the root).
                same = all(key in served and served[key] == value for key, value in expected.items())
            else:
                same = served == expected
            if not same:
                where = ".".join(["data", *path.split("/")]) if path else "data"
                raise EngineError(f"OPA at {self.url} serves other data at {where} than the local rule folders "
                                  "hold: it cannot prove what its rules read")

    def prove_alongside(self, local: Callable[[], LocalRules], ready: Callable[[], object] | None = None,
                        signed_bundle: bool = False) -> None:
        """Start `prove(local(), signed_bundle)` on a second connection and return at once. `ready()`
        first waits for the engine to come up; `local()` hashes the rule files in that thread. The
        proof runs while the caller reads its inputs, runs a program or sends its first query,
        whose answer is only read once the proof has passed."""
        self._proof = _Proof(PolicyEngine(self.settings, self._known), local, ready, signed_bundle)

    def up(self) -> None:
        """Wait until the engine is up (EngineError if it never came up); queries may be sent then."""
        if self._proof is not None:
            self._proof.wait_up()

    def proven(self) -> None:
        """Wait for a proof started by `prove_alongside`; EngineError if it failed (every time asked)."""
        if self._proof is not None:
            self._proof.wait()

    def resource_findings(self, resource: dict[str, Any]) -> list[RawFinding]:
        return self._findings(self._query("deny", resource), "deny", resource.get("urn", ""))

    def stack_findings(self, resources: list[dict[str, Any]], config: dict[str, Any]) -> list[RawFinding]:
        """The stack rules' findings, from a query that carries only the resources of the types they
        read (`stack_types`): on a large stack most resources are of types no stack rule joins."""
        types = self._query("stack_types", {})
        if not all(isinstance(t, str) for t in types):
            raise EngineError(f"OPA at {self.url} answered a malformed list of types for data.{ENTRYPOINT}.stack_types")
        if ANY_TYPE not in types:
            wanted = set(types)
            resources = [r for r in resources if r.get("type") in wanted]
        rows = self._query("stack_deny", {"resources": resources, "config": config}, self._budget(len(resources)))
        return self._findings(rows, "stack_deny")

    def batch_findings(self, resources: list[dict[str, Any]], config: dict[str, Any]) -> list[RawFinding]:
        """Every resource rule for each of `resources` in one query (the CLI's path; the pack asks per resource).

        Canaries ride along in every batch: the fixed one and one drawn at random from the catalog's
        (`canaries`). An answer that lacks a canary's finding was not evaluated by these rules (an
        engine that went wrong after `prove()`, or one that only knows the fixed canary's answer),
        so it is refused instead of read as "clean"."""
        probes = _probes(self._known, config)
        document = {"resources": [*resources, *(probe for probe, _ in probes)], "config": config}
        findings = self._findings(self._query("batch_deny", document, self._budget(len(resources))), "batch_deny")
        answered = {(f.urn, f.rule) for f in findings}
        if any((probe["urn"], rule) not in answered for probe, rule in probes):
            raise EngineError(f"OPA at {self.url} answered a batch without a canary's finding: the answer was not evaluated by these rules")
        probe_urns = {probe["urn"] for probe, _ in probes}
        return [f for f in findings if f.urn not in probe_urns]

    def stack_answers(self, resources: list[dict[str, Any]], config: dict[str, Any]) -> list[RawFinding]:
        """Every resource rule and every stack rule for a stack: one stack query and batches of
        BATCH_SIZE resources, in two lanes (this connection and a second one) so that OPA evaluates
        two queries at once, on two cores. The stack query, the longest, goes first; each lane then
        takes the next query left, so neither idles while the other has a queue. Findings come back
        in the order of the queries (the stack's, then each batch's), whichever lane answered."""
        queries: list[Callable[[PolicyEngine], list[RawFinding]]] = [
            partial(PolicyEngine.stack_findings, resources=resources, config=config),
            *(partial(PolicyEngine.batch_findings, resources=resources[start:start + BATCH_SIZE], config=config)
              for start in range(0, len(resources), BATCH_SIZE)),
        ]
        answers: list[list[RawFinding]] = [[] for _ in queries]
        pending = iter(enumerate(queries))
        take = threading.Lock()
        failed = threading.Event()  # one lane failed: the other takes no further query

        def drain(engine: PolicyEngine) -> None:
            while not failed.is_set():
                with take:
                    index, query = next(pending, (-1, None))
                if query is None:
                    return
                try:
                    answers[index] = query(engine)
                except BaseException:
                    failed.set()
                    raise

        twin = PolicyEngine(self.settings, self._known)
        twin._proof = self._proof  # the same proof: its answers wait for it too
        lane = _OnItsOwnConnection(twin, drain, "a query to OPA")
        drain(self)
        lane.result()
        self.confirm_bundle()
        return [finding for answer in answers for finding in answer]

    def _budget(self, count: int) -> float:
        # A batch takes longer than one resource: the per-query timeout plus 5 ms a resource.
        return self.settings.timeout + 0.005 * count

    def close(self) -> None:
        self._connection.close()


def _connect(settings: EngineSettings) -> Connection:
    if settings.private:
        return PrivateConnection(settings)
    # Only a central OPA needs TLS, a CA bundle and proxies: opa-python-client loads for it alone.
    from .opa_central_connection import CentralConnection

    return CentralConnection(settings)


def _probes(known_rules: Iterable[str], config: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """The canaries of one query, each with the rule that must flag it: the fixed one, and one
    drawn at random from those of rules the query leaves at their default parameters."""
    drawn = canaries.draw(known_rules, config)
    return [(CANARY, CANARY_RULE), *([(drawn.document, drawn.rule)] if drawn else [])]


def _package(module: dict[str, Any]) -> str:
    """The first segment of a module's package (`aws` for package aws.kms.key_rotation)."""
    path = ((module.get("ast") or {}).get("package") or {}).get("path") or []
    names = [p.get("value") for p in path if isinstance(p, dict)]
    return str(names[1]) if len(names) > 1 else ""


def _few(ids: Iterable[str]) -> str:
    listed = sorted(ids)
    return (", ".join(listed[:5]) + ("…" if len(listed) > 5 else "")) or "none"
