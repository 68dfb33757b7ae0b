"""The policy engine client: OPA's REST data API, hardened so that no answer is ever read as "no findings".

Runs in whichever process evaluates: the CLI (`check`, `preflight`) or the CrossGuard pack.
Every failure (unreachable, slow, dripping, redirecting, refusing, an error status, a reply of the
wrong shape, a rule id the catalog does not know) raises EngineError so callers fail closed. Before
any answer is trusted, `prove()` checks that the engine serves exactly the local rule files,
evaluates exactly the catalog's rules and flags a canary; `prove_alongside()` runs the same proof on
a second connection while the first queries are under way, and every answer waits for it.
"""
from __future__ import annotations

import hashlib
import ipaddress
import json
import math
import os
import threading
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import urlparse

import requests
from opa_client import OpaClient

from .errors import EngineError, InputError

DEFAULT_TIMEOUT_SECONDS = 5.0
# Resources per batch query: big enough to amortise a round trip, small enough for the per-query deadline.
BATCH_SIZE = 500
MAX_REPLY_BYTES = 512 * 1024 * 1024
ENTRYPOINT = "stackguard"
# Packages whose modules must be byte-identical to the local rule files: an extra module there could
# redefine a helper (say, make every value "unknown") and silence every rule.
OWNED_PACKAGES = ("stackguard", "aws", "lib")
# A resource every catalog flags (aws-kms-key-rotation): an engine that answers "nothing" to it is not evaluating.
CANARY_RULE = "aws-kms-key-rotation"
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


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class EngineSettings:
    """Where OPA is and how to reach it: STACKGUARD_OPA_URL, _TOKEN, _CA_BUNDLE, _TIMEOUT."""

    url: str
    token: str | None = None
    ca_bundle: str | None = None
    timeout: float = DEFAULT_TIMEOUT_SECONDS

    def __post_init__(self) -> None:
        parsed = urlparse(self.url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise InputError("STACKGUARD_OPA_URL", "(value)", f"{self.url!r} is not an http(s) URL like https://opa.internal:8181")
        if parsed.path.strip("/") or parsed.query or parsed.fragment:
            raise InputError("STACKGUARD_OPA_URL", "(value)", "must be the OPA server's root URL (scheme, host, port), without a path")
        if self.token and parsed.scheme == "http" and not _is_loopback(parsed.hostname):
            raise InputError("STACKGUARD_OPA_TOKEN", "(value)",
                             "a bearer token is only sent over https (or to a loopback address); use an https STACKGUARD_OPA_URL")
        if self.ca_bundle and not Path(self.ca_bundle).is_file():
            raise InputError("STACKGUARD_OPA_CA_BUNDLE", "(value)", f"{self.ca_bundle!r} is not a readable PEM file")
        if not (isinstance(self.timeout, (int, float)) and math.isfinite(self.timeout) and 0 < self.timeout <= 3600):
            raise InputError("STACKGUARD_OPA_TIMEOUT", "(value)", "must be a number of seconds between 0 and 3600")

    @classmethod
    def from_env(cls, url: str | None = None, token: str | None = None) -> "EngineSettings":
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
        )


class _HardenedClient(OpaClient):
    """opa-python-client's session, with the environment kept out: no redirects, no proxy for
    loopback, no REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE overriding the pinned CA bundle, no retries."""

    def _init_session(self) -> requests.Session:
        session = super()._init_session()
        session.trust_env = False
        session.max_redirects = 0
        for scheme in ("http://", "https://"):
            # No retry wrapper: a read timeout stays a Timeout, and a query is never sent twice.
            session.mount(scheme, requests.adapters.HTTPAdapter(max_retries=0))
        return session

    def call(self, method: str, path: str, body: Any, deadline: float, settings: EngineSettings,
             proxies: dict[str, str]) -> Any:
        url = f"{self.root_url}/{path}"
        payload = None if body is None else json.dumps(body, allow_nan=False).encode()
        remaining = deadline - time.monotonic()
        response = self._session.request(
            method, url, data=payload, headers={"Content-Type": "application/json"}, stream=True,
            allow_redirects=False, timeout=(min(remaining, settings.timeout), min(remaining, settings.timeout)),
            verify=(settings.ca_bundle or True) if url.startswith("https") else False, proxies=proxies,
        )
        with response:
            if 300 <= response.status_code < 400:
                raise EngineError(
                    f"OPA at {settings.url} answered a redirect (HTTP {response.status_code}); stackguard never follows "
                    "redirects: set STACKGUARD_OPA_URL to the OPA server itself")
            if response.status_code in (401, 403):
                raise EngineError(f"OPA at {settings.url} refused the request (HTTP {response.status_code}): "
                                  "check STACKGUARD_OPA_TOKEN and the server's authorization policy")
            if response.status_code != 200:
                raise EngineError(f"OPA at {settings.url} answered HTTP {response.status_code}")
            return _json(_read_until(response, deadline, settings), settings)


def _read_until(response: requests.Response, deadline: float, settings: EngineSettings) -> bytes:
    """The whole body, or EngineError when it does not arrive by the deadline (a dripping server)."""
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=1 << 16):
        size += len(chunk)
        if size > MAX_REPLY_BYTES:
            raise EngineError(f"OPA at {settings.url} answered more than {MAX_REPLY_BYTES >> 20} MiB")
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise EngineError(f"OPA at {settings.url} did not finish its answer in time")
    return b"".join(chunks)


def _json(body: bytes, settings: EngineSettings) -> Any:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise EngineError(f"OPA at {settings.url} answered something that is not JSON") from None


@dataclass(frozen=True)
class LocalRules:
    """What the engine must prove it serves: the rule ids of the catalog and the bytes of the rule files."""

    rule_ids: frozenset[str]
    required: frozenset[str]  # digests of the rule and library modules: all must be served
    known: frozenset[str]  # those plus the test modules, which an engine may also load

    @classmethod
    def of(cls, rule_ids: Iterable[str], rego_dirs: Iterable[Path]) -> "LocalRules":
        files = [p for d in rego_dirs for p in sorted(Path(d).rglob("*.rego"))]
        digest = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
        required = {digest[p] for p in files if not p.name.endswith("_test.rego")}
        return cls(frozenset(rule_ids), frozenset(required), frozenset(digest.values()))


class _OnItsOwnConnection:
    """`work(engine)` on an engine of its own (a requests session is not shared between threads),
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
                 listing: Callable[[], bytes | None]):
        self._came_up = False
        self._up = threading.Event()

        def work(proving: "PolicyEngine") -> None:
            try:
                if ready is not None:
                    ready()
                self._came_up = True
            finally:
                self._up.set()
            proving.prove(local(), listing())

        self._task = _OnItsOwnConnection(engine, work, "the proof of OPA")

    def wait_up(self) -> None:
        """Block until the engine is up; EngineError if it never came up."""
        self._up.wait()
        if not self._came_up:
            self._task.result()  # raises why it did not come up
            raise EngineError("the policy engine did not come up")

    def wait(self) -> None:
        self._task.result()


class PolicyEngine:
    def __init__(self, settings: EngineSettings, known_rules: Iterable[str]):
        parsed = urlparse(settings.url)
        https = parsed.scheme == "https"
        self.settings = settings
        self.url = settings.url
        self._known = frozenset(known_rules)
        self._proxies = {} if _is_loopback(parsed.hostname or "") else requests.utils.get_environ_proxies(settings.url)
        self._client = _HardenedClient(
            host=parsed.hostname, port=parsed.port or (443 if https else 80), ssl=https,
            token=settings.token, retries=0, timeout=settings.timeout,
        )
        self._proof: _Proof | None = None

    def _call(self, method: str, path: str, body: Any = None, budget: float | None = None) -> Any:
        deadline = time.monotonic() + (budget or self.settings.timeout)
        try:
            return self._client.call(method, path, body, deadline, self.settings, self._proxies)
        except EngineError:
            raise
        except requests.Timeout:
            raise EngineError(f"OPA at {self.url} did not answer within {budget or self.settings.timeout:g}s") from None
        except requests.TooManyRedirects:
            raise EngineError(f"OPA at {self.url} answered a redirect; stackguard never follows redirects") from None
        except requests.exceptions.SSLError:
            raise EngineError(f"OPA at {self.url} failed TLS verification against STACKGUARD_OPA_CA_BUNDLE") from None
        except requests.RequestException as err:
            raise EngineError(f"OPA at {self.url} is unreachable ({type(err).__name__})") from None

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

    def prove(self, local: LocalRules, listing_body: bytes | None = None) -> None:
        """Refuse an engine that does not serve exactly the local rules (EngineError, exit 3).
        `listing_body`: this engine's GET /v1/policies answer if it was fetched already."""
        listing = _json(listing_body, self.settings) if listing_body is not None else self._call("GET", "policies")
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
        ids = self._query("rules", {})
        if not all(isinstance(i, str) for i in ids) or set(ids) != local.rule_ids:
            served_ids = set(map(str, ids))
            raise EngineError(f"OPA at {self.url} evaluates other rules than the catalog (missing: {_few(local.rule_ids - served_ids)}; "
                              f"without metadata: {_few(served_ids - local.rule_ids)})")
        canary = self._findings(self._query("deny", {**CANARY, "config": {}}), "deny", str(CANARY["urn"]))
        if CANARY_RULE not in {f.rule for f in canary}:
            raise EngineError(f"OPA at {self.url} did not flag the canary resource for {CANARY_RULE}: it is not evaluating the rules")

    def prove_alongside(self, local: Callable[[], LocalRules], ready: Callable[[], object] | None = None,
                        listing: Callable[[], bytes | None] = lambda: None) -> None:
        """Start `prove(local(), listing())` on a second connection and return at once. `ready()`
        first waits for the engine to come up; `local()` hashes the rule files in that thread;
        `listing()` is the policy listing if it was fetched already. The proof runs while the
        caller reads its inputs, runs a program or sends its first query, whose answer is only
        read once the proof has passed."""
        self._proof = _Proof(PolicyEngine(self.settings, self._known), local, ready, listing)

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
        rows = self._query("stack_deny", {"resources": resources, "config": config}, self._budget(len(resources)))
        return self._findings(rows, "stack_deny")

    def batch_findings(self, resources: list[dict[str, Any]], config: dict[str, Any]) -> list[RawFinding]:
        """Every resource rule for each of `resources` in one query (the CLI's path; the pack asks per resource).

        The canary rides along in every batch: an answer that lacks its finding was not evaluated
        (an engine that went wrong after `prove()`), so it is refused instead of read as "clean"."""
        document = {"resources": [*resources, CANARY], "config": config}
        findings = self._findings(self._query("batch_deny", document, self._budget(len(resources))), "batch_deny")
        if not any(f.urn == CANARY["urn"] and f.rule == CANARY_RULE for f in findings):
            raise EngineError(f"OPA at {self.url} answered a batch without the canary's finding: the answer was not evaluated")
        return [f for f in findings if f.urn != CANARY["urn"]]

    def stack_answers(self, resources: list[dict[str, Any]], config: dict[str, Any]) -> list[RawFinding]:
        """Every resource rule and every stack rule for a stack: batches of BATCH_SIZE resources and
        one stack query, in two lanes (this connection and a second one) so that OPA evaluates two
        queries at once, on two cores. Findings come back in the order of the queries."""
        queries: list[Callable[[PolicyEngine], list[RawFinding]]] = [
            partial(PolicyEngine.batch_findings, resources=resources[start:start + BATCH_SIZE], config=config)
            for start in range(0, len(resources), BATCH_SIZE)
        ]
        queries.append(partial(PolicyEngine.stack_findings, resources=resources, config=config))
        twin = PolicyEngine(self.settings, self._known)
        twin._proof = self._proof  # the same proof: its answers wait for it too
        lane = _OnItsOwnConnection(twin, lambda engine: [query(engine) for query in queries[1::2]], "a query to OPA")
        mine = [query(self) for query in queries[0::2]]
        theirs = lane.result()
        answers = [mine[i // 2] if i % 2 == 0 else theirs[i // 2] for i in range(len(queries))]
        return [finding for answer in answers for finding in answer]

    def _budget(self, count: int) -> float:
        # A batch takes longer than one resource: the per-query timeout plus 5 ms a resource.
        return self.settings.timeout + 0.005 * count

    def close(self) -> None:
        self._client.close_connection()


def _package(module: dict[str, Any]) -> str:
    """The first segment of a module's package (`aws` for package aws.kms.key_rotation)."""
    path = ((module.get("ast") or {}).get("package") or {}).get("path") or []
    names = [p.get("value") for p in path if isinstance(p, dict)]
    return str(names[1]) if len(names) > 1 else ""


def _few(ids: Iterable[str]) -> str:
    listed = sorted(ids)
    return (", ".join(listed[:5]) + ("…" if len(listed) > 5 else "")) or "none"
