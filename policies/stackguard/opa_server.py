"""A private `opa run --server` on 127.0.0.1, serving the repo's rules, for one stackguard run."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from . import paths, toolchain
from .errors import EngineError

STARTUP_SECONDS = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    # Linux only: OPA must not outlive the process that started it, even when that one is killed.
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class OpaServer:
    """Start with `with OpaServer() as opa: opa.url`; stopped on exit."""

    def __init__(self, rego_dir: Path | None = None):
        self.rego_dir = rego_dir or paths.rego_dir()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._process: subprocess.Popen | None = None

    def start(self) -> "OpaServer":
        command = [
            str(toolchain.opa_binary()), "run", "--server", "--addr", f"127.0.0.1:{self.port}",
            "--log-level", "error", "--disable-telemetry", str(self.rego_dir),
        ]
        self._process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            preexec_fn=_die_with_parent if os.name == "posix" else None,
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                error = self._process.stderr.read().decode(errors="replace").strip()
                raise EngineError(f"OPA exited while starting: {error or 'no message'}")
            try:
                if requests.get(f"{self.url}/health", timeout=0.5).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.05)
        self.stop()
        raise EngineError(f"OPA did not become healthy on {self.url} within {STARTUP_SECONDS:.0f}s")

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._process and self._process.stderr:
            self._process.stderr.close()

    def __enter__(self) -> "OpaServer":
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()
