"""A private `opa run --server` for one stackguard process (the CLI or the pack): only that process
can use it, nobody can change its rules, and it knows nothing of the caller's environment.

- The rules (and the authorization policy) are written as one read-only bundle into a fresh 0700
  directory, so what OPA loads is what the gate hashed; test files are left out. One archive, not
  a copy per file: creating ~140 files costs a tenth of a second on some file systems. A bundle's
  roots are owned by it, so OPA refuses policy and data writes under them as well.
- OPA requires a per-run bearer token (`--authentication=token --authorization=basic`) and its
  `system.authz` policy admits only reads of the stackguard entrypoints and of the policy list:
  no policy or data writes, no ad-hoc queries, for anybody.
- OPA starts with an empty environment: `opa.runtime().env` has no passphrase or credentials.
- It dies with the process that started it (PR_SET_PDEATHSIG), and `stop()` ends it.
"""
from __future__ import annotations

import atexit
import hashlib
import io
import os
import secrets
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path
from typing import Iterable

from . import paths, rule_files, toolchain
from .errors import EngineError

STARTUP_SECONDS = 30.0

_AUTHZ = """package system.authz

default allow := false

allow if {{
	crypto.sha256(input.identity) == "{digest}"
	[input.method, input.path] in allowed
}}

allowed := {{
	["GET", ["health"]],
	["GET", ["v1", "policies"]],
	["POST", ["v1", "data", "stackguard", "deny"]],
	["POST", ["v1", "data", "stackguard", "stack_deny"]],
	["POST", ["v1", "data", "stackguard", "batch_deny"]],
	["POST", ["v1", "data", "stackguard", "rules"]],
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def die_with_parent() -> None:
    """preexec_fn: the child gets SIGKILL when the process that started it dies, however it dies (Linux)."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _private_bundle(rego_dirs: Iterable[Path], authz: str, target: Path) -> Path:
    """Write the rule and data files (not tests) of each folder and the authorization policy as one
    gzipped bundle at target, read-only. A module's place in the archive does not matter (its
    package does); a data.json keeps its path from its folder's root, which is where it lands in
    data, as when OPA loads the folder itself."""
    bundle = target / "rules.tar.gz"
    # Stored, not compressed: OPA reads the archive from a local disk, and compressing it cost more
    # time before OPA could start than reading the larger file costs OPA.
    with tarfile.open(bundle, "w:gz", compresslevel=0) as archive:
        for index, source in enumerate(rego_dirs):
            for file in rule_files.read(Path(source)):
                if not file.is_test:
                    _add(archive, f"rules{index}/{file.relative}" if file.is_module else file.relative, file.content)
        _add(archive, "authz/authz.rego", authz.encode())
    bundle.chmod(0o400)
    return bundle


def _add(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = len(content), 0o400
    archive.addfile(info, io.BytesIO(content))


class OpaServer:
    """`with OpaServer() as opa: opa.url, opa.token`; stopped on exit. `start()` returns at once,
    `wait_ready()` blocks until OPA answers, so callers can do other work while it boots."""

    def __init__(self, rego_dirs: Iterable[Path] | None = None):
        self.rego_dirs = [Path(d) for d in (rego_dirs or [paths.rego_dir()])]
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_urlsafe(32)
        self._process: subprocess.Popen | None = None
        self._answered = threading.Event()  # /health answered once: later waits return at once
        self._listing: _Prefetch | None = None
        self._workdir: tempfile.TemporaryDirectory | None = None

    @property
    def workdir(self) -> Path:
        assert self._workdir is not None
        return Path(self._workdir.name)

    def start(self) -> "OpaServer":
        self._workdir = tempfile.TemporaryDirectory(prefix="stackguard-opa-")  # created 0700
        authz = _AUTHZ.format(digest=hashlib.sha256(self.token.encode()).hexdigest())
        bundle = _private_bundle(self.rego_dirs, authz, self.workdir)
        command = [
            str(toolchain.opa_binary()), "run", "--server", "--addr", f"127.0.0.1:{self.port}",
            "--authentication=token", "--authorization=basic",
            "--log-level", "error", "--disable-telemetry", "--bundle", str(bundle),
        ]
        self._process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            env={}, cwd=self.workdir, preexec_fn=die_with_parent if os.name == "posix" else None,
        )
        return self

    def wait_ready(self) -> "OpaServer":
        """Block until OPA answers /health; EngineError if it exits or stays silent. May run in
        another thread than the owner's: it never stops the server (the owner's stop() does). Once
        OPA has answered, it returns at once: a query to an OPA that died since then fails itself."""
        if self._answered.is_set():
            return self
        deadline = time.monotonic() + STARTUP_SECONDS
        pause = 0.002
        while time.monotonic() < deadline:
            process = self._process
            if process is None or process.stderr is None:
                raise EngineError("OPA was stopped while starting")
            if process.poll() is not None:
                error = process.stderr.read().decode(errors="replace").strip()
                raise EngineError(f"OPA exited while starting: {error.splitlines()[-1] if error else 'no message'}")
            if self._healthy():
                self._answered.set()
                return self
            # OPA boots in about 0.2 s and every run waits for it: ask often (a refused connect
            # costs a tenth of a millisecond), backing off only to 5 ms.
            time.sleep(pause)
            pause = min(pause * 2, 0.005)
        raise EngineError(f"OPA did not become healthy on {self.url} within {STARTUP_SECONDS:.0f}s")

    def prefetch_listing(self) -> None:
        """Ask for GET /v1/policies in a daemon thread as soon as OPA is up, so that the proof
        finds the listing (OPA's slowest answer: every module's source and syntax tree) ready."""
        self._listing = _Prefetch(self, "/v1/policies")

    def prefetched_listing(self) -> bytes | None:
        """The prefetched listing's body, or None (not prefetched, or it failed: the proof asks itself)."""
        return self._listing.body() if self._listing is not None else None

    def _healthy(self) -> bool:
        try:
            return self.get("/health", timeout=0.5, limit=4096)[0] == 200
        except OSError:
            return False

    def get(self, path: str, timeout: float, limit: int) -> tuple[int, bytes]:
        """GET path with the run's token: the status and at most limit + 1 bytes of the body (more
        than limit means too long). http.client, not requests: this module loads before the engine
        client does (the CLI starts OPA first), and a loopback address never goes through a proxy."""
        import http.client  # after OPA's start: the `stackguard` command starts OPA before loading more

        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path, headers={"Authorization": f"Bearer {self.token}"})
            response = connection.getresponse()
            return response.status, response.read(limit + 1)
        finally:
            connection.close()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process and process.stderr:
            process.stderr.close()
        if self._workdir is not None:
            for path in self.workdir.rglob("*"):
                path.chmod(0o700)  # read-only copies are still removable once writable again
            self._workdir.cleanup()
            self._workdir = None

    def __enter__(self) -> "OpaServer":
        self.start()
        try:
            return self.wait_ready()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *_exc) -> None:
        self.stop()


class _Prefetch:
    """One GET to a private OPA, sent from a daemon thread once the server is up; `body()` waits
    for it. Any failure yields None, never an error: the caller then asks itself and judges."""

    LIMIT = 64 * 1024 * 1024

    def __init__(self, server: OpaServer, path: str):
        self._body: bytes | None = None
        self._done = threading.Event()
        threading.Thread(target=self._run, args=(server, path), name="stackguard-prefetch", daemon=True).start()

    def _run(self, server: OpaServer, path: str) -> None:
        try:
            server.wait_ready()
            status, body = server.get(path, timeout=STARTUP_SECONDS, limit=self.LIMIT)
            if status == 200 and len(body) <= self.LIMIT:
                self._body = body
        except Exception:  # noqa: BLE001 - a failed prefetch only means the proof asks itself
            pass
        finally:
            self._done.set()

    def body(self) -> bytes | None:
        self._done.wait()
        return self._body


# The private OPA `launch` started before the CLI loaded, until a run claims it.
_early: OpaServer | None = None


def start_early() -> None:
    """Start a private OPA on the built-in rules now; `claim()` hands it to a run that needs
    exactly those. Any failure is left to the run, which starts its own OPA and reports it."""
    global _early
    try:
        _early = OpaServer().start()
        _early.prefetch_listing()
    except Exception:  # noqa: BLE001 - the run's own start reports what is wrong
        _early = None
    else:
        atexit.register(_discard)


def claim(rego_dirs: Iterable[Path]) -> OpaServer | None:
    """The early OPA if it serves exactly these rule folders; otherwise it is stopped and None."""
    global _early
    server, _early = _early, None
    if server is None:
        return None
    if [Path(d).resolve() for d in rego_dirs] == [d.resolve() for d in server.rego_dirs]:
        return server
    server.stop()
    return None


def _discard() -> None:
    if _early is not None:
        _early.stop()

