"""How the engine client reaches OPA, in whichever process evaluates (the CLI or the pack).

Two connections, one judgement. Every answer passes `read_reply` (status, size, deadline, JSON),
whichever connection carried it, and every failure is an EngineError (a TimeoutError for a request
that ran out of time, which the caller names with its budget):
- `PrivateConnection` (here): a private OPA this process started on 127.0.0.1. The standard
  library's http.client has no proxy, redirect, retry or TLS setting to read from the environment,
  so there is nothing to turn off, and it costs no import.
- `opa_central_connection.CentralConnection`: a central OPA (STACKGUARD_OPA_URL), through
  opa-python-client's requests session with TLS verification, a CA bundle and proxies.
"""
from __future__ import annotations

import http.client
import ipaddress
import json
import select
import time
from typing import TYPE_CHECKING, Any, Iterable, Protocol
from urllib.parse import urlparse

from .errors import EngineError, EngineRefused

if TYPE_CHECKING:
    from .engine import EngineSettings

MAX_REPLY_BYTES = 512 * 1024 * 1024
CHUNK_BYTES = 1 << 16


class Connection(Protocol):
    def call(self, method: str, path: str, payload: bytes | None, deadline: float) -> Any:
        """OPA's JSON answer to `method /v1/path`, read by `deadline` (time.monotonic())."""

    def close(self) -> None: ...


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def read_reply(status: int, chunks: Iterable[bytes], deadline: float, settings: "EngineSettings") -> Any:
    """The JSON of an answer with `status` whose body arrives as `chunks`; EngineError for a redirect,
    a refusal, an error status, more than MAX_REPLY_BYTES, a body that is still arriving at the
    deadline (a dripping server) or one that is not JSON."""
    if 300 <= status < 400:
        raise EngineError(
            f"OPA at {settings.url} answered a redirect (HTTP {status}); stackguard never follows "
            "redirects: set STACKGUARD_OPA_URL to the OPA server itself")
    if status in (401, 403):
        raise EngineRefused(f"OPA at {settings.url} refused the request (HTTP {status}): "
                          "check STACKGUARD_OPA_TOKEN and the server's authorization policy")
    if status != 200:
        raise EngineError(f"OPA at {settings.url} answered HTTP {status}")
    body, size = [], 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_REPLY_BYTES:
            raise EngineError(f"OPA at {settings.url} answered more than {MAX_REPLY_BYTES >> 20} MiB")
        body.append(chunk)
        if time.monotonic() > deadline:
            raise EngineError(f"OPA at {settings.url} did not finish its answer in time")
    return _parse_json(b"".join(body), settings)


def _parse_json(body: bytes, settings: "EngineSettings") -> Any:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise EngineError(f"OPA at {settings.url} answered something that is not JSON") from None


class PrivateConnection:
    """One keep-alive connection to a private OPA on 127.0.0.1, with the run's bearer token."""

    def __init__(self, settings: "EngineSettings"):
        parsed = urlparse(settings.url)
        self._settings = settings
        self._connection = http.client.HTTPConnection(str(parsed.hostname), parsed.port, timeout=settings.timeout)
        self._headers = {"Content-Type": "application/json"}
        if settings.token:
            self._headers["Authorization"] = f"Bearer {settings.token}"

    def call(self, method: str, path: str, payload: bytes | None, deadline: float) -> Any:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        # A read may wait for what remains of the query's budget (a large stack is evaluated for
        # longer than the per-query timeout before OPA sends a byte); read_reply bounds the whole answer.
        self._connection.timeout = remaining
        sock = self._connection.sock
        if sock is not None:
            if select.select([sock], [], [], 0)[0]:
                # An idle keep-alive connection with something to read has been closed by OPA (or
                # holds stray bytes): open a new one rather than send the query into it.
                self.close()
            else:
                sock.settimeout(self._connection.timeout)
        try:
            self._connection.request(method, f"/v1/{path}", body=payload, headers=self._headers)
            with self._connection.getresponse() as response:
                # read1 returns what one read brings; a whole answer ends the response (length 0).
                chunks = iter(lambda: response.read1(CHUNK_BYTES) if response.length != 0 else b"", b"")
                return read_reply(response.status, chunks, deadline, self._settings)
        except BaseException as err:
            self.close()  # never reuse a connection with half an answer on it
            if isinstance(err, TimeoutError):
                raise
            if isinstance(err, (OSError, http.client.HTTPException)):
                raise EngineError(f"OPA at {self._settings.url} is unreachable ({type(err).__name__})") from None
            raise

    def close(self) -> None:
        self._connection.close()
