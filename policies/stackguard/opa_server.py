"""A private `opa run --server` for one stackguard process (the CLI or the pack): only that process
can use it, nobody can change its rules, and it knows nothing of the caller's environment.

- The rules (and the authorization policy) are written as one read-only bundle into a fresh 0700
  directory, signed with a key made for this run (`private_bundle`): OPA refuses to start unless
  every module it loads is the bytes this process read; test files are left out. One archive, not
  a copy per file: creating ~140 files costs a tenth of a second on some file systems. A bundle's
  roots are owned by it, so OPA refuses policy and data writes under them as well. The folder is
  removed as soon as OPA answers: it has read everything by then.
- OPA requires a per-run bearer token (`--authentication=token --authorization=basic`) and its
  `system.authz` policy admits only reads of the stackguard entrypoints, of the policy list and of
  the data under `lib` (the IAM catalog): no policy or data writes, no ad-hoc queries, for anybody.
- OPA starts with an environment of its own: `opa.runtime().env` has no passphrase or credentials,
  only GOMEMLIMIT (`MEMORY_LIMIT`).
- It dies with the process that started it (PR_SET_PDEATHSIG), and `stop()` ends it.
"""
from __future__ import annotations

import atexit
import hashlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Iterable

from . import paths, private_bundle, toolchain
from .errors import EngineError

STARTUP_SECONDS = 30.0
# Go's soft memory limit for the private OPA. Go lets its heap grow to twice what is live before
# it collects; the stack query of a 100,000-resource stack then took OPA past 1 GiB, beside the
# CLI's own half GiB. Under this limit Go collects sooner (CPU permitting) and keeps the two below
# 1.5 GB, at no cost in time there (less memory to touch); a larger stack is not refused, it only
# collects more often.
MEMORY_LIMIT = "768MiB"
LOG = "opa.log"

_AUTHZ = """package system.authz

default allow := false

allow if {{
	crypto.sha256(input.identity) == "{digest}"
	[input.method, input.path] in allowed
}}

# The data the rules read (lib/iam_catalog), which a listing proof compares with the local files.
allow if {{
	crypto.sha256(input.identity) == "{digest}"
	input.method == "GET"
	array.slice(input.path, 0, 3) == ["v1", "data", "lib"]
}}

allowed := {{
	["GET", ["health"]],
	["GET", ["v1", "policies"]],
	["POST", ["v1", "data", "stackguard", "deny"]],
	["POST", ["v1", "data", "stackguard", "stack_deny"]],
	["POST", ["v1", "data", "stackguard", "batch_deny"]],
	["POST", ["v1", "data", "stackguard", "rules"]],
	["POST", ["v1", "data", "stackguard", "stack_types"]],
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


def exit_reason(log: str) -> str:
    """Why OPA could not start, from its output: the last line OPA itself begins with "error:" (on
    stdout), else the last line. Other lines can land in the log too: between fork and exec, the
    child of a process that has gRPC loaded (the pack) may log from gRPC's fork handlers."""
    lines = log.strip().splitlines()
    errors = [line for line in lines if line.startswith("error:")]
    return (errors or lines or ["no message"])[-1]


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
        self._workdir: tempfile.TemporaryDirectory | None = None
        self._workdir_lock = threading.Lock()  # wait_ready (any thread) and stop() both remove it

    @property
    def workdir(self) -> Path:
        assert self._workdir is not None
        return Path(self._workdir.name)

    def start(self) -> "OpaServer":
        self._workdir = tempfile.TemporaryDirectory(prefix="stackguard-opa-")  # created 0700
        authz = _AUTHZ.format(digest=hashlib.sha256(self.token.encode()).hexdigest())
        bundle = private_bundle.write(self.rego_dirs, authz, self.workdir)
        command = [
            str(toolchain.opa_binary()), "run", "--server", "--addr", f"127.0.0.1:{self.port}",
            "--authentication=token", "--authorization=basic",
            "--log-level", "error", "--skip-version-check", *bundle.opa_arguments(),
        ]
        # A file, not a pipe: nobody reads OPA's output while it runs, and a full pipe would stall it.
        with open(os.open(self.workdir / LOG, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as log:
            self._process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env={"GOMEMLIMIT": MEMORY_LIMIT}, cwd=self.workdir, preexec_fn=die_with_parent if os.name == "posix" else None,
            )
        RUNNING.add(self._process.pid)
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
            if process is None:
                raise EngineError("OPA was stopped while starting")
            if process.poll() is not None:
                raise EngineError(f"OPA exited while starting: {self._exit_reason()}")
            if self._healthy():
                self._answered.set()
                # OPA has read its bundle, key and flags and needs none of them again (it keeps its
                # log open): remove the folder now, so that even a run killed with SIGKILL leaves
                # no bundle and no key behind once OPA was up.
                self._remove_workdir()
                return self
            # OPA boots in about 0.2 s and every run waits for it: ask often (a refused connect
            # costs a tenth of a millisecond), backing off only to 5 ms.
            time.sleep(pause)
            pause = min(pause * 2, 0.005)
        raise EngineError(f"OPA did not become healthy on {self.url} within {STARTUP_SECONDS:.0f}s")

    def _exit_reason(self) -> str:
        folder = self._workdir
        try:
            return exit_reason(Path(folder.name, LOG).read_text(errors="replace") if folder else "")
        except OSError:
            return exit_reason("")

    def _healthy(self) -> bool:
        """Whether OPA answers GET /health. http.client, loaded only now: the `stackguard` command
        starts OPA before it loads anything else."""
        import http.client

        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=0.5)
        try:
            connection.request("GET", "/health", headers={"Authorization": f"Bearer {self.token}"})
            return connection.getresponse().status == 200
        except OSError:
            return False
        finally:
            connection.close()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process:
            RUNNING.discard(process.pid)
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._remove_workdir()

    def _remove_workdir(self) -> None:
        with self._workdir_lock:
            if self._workdir is not None:
                for path in self.workdir.rglob("*"):
                    path.chmod(0o700)  # read-only files are still removable once writable again
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


# The process ids of the OPA servers this process runs: preflight's sweep of what a program left
# behind (program_runner) leaves them alone.
RUNNING: set[int] = set()


# The private OPA `launch` started before the CLI loaded, until a run claims it.
_early: OpaServer | None = None


def start_early() -> None:
    """Start a private OPA on the built-in rules now; `claim()` hands it to a run that needs
    exactly those. Any failure is left to the run, which starts its own OPA and reports it."""
    global _early
    try:
        _early = OpaServer().start()
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
