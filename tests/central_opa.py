"""A central OPA as docs/central-engine.md configures it, for tests: a static bundle server on
127.0.0.1, key pairs, and the pinned OPA loading the signed bundle from the server."""
from __future__ import annotations

import functools
import http.server
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from stackguard import toolchain
from stackguard.opa_server import free_port


def key_pair(folder: Path, name: str) -> tuple[Path, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private, public = folder / f"{name}.pem", folder / f"{name}.pub.pem"
    private.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    public.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                     serialization.PublicFormat.SubjectPublicKeyInfo))
    return private, public


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("keys")
    return {"team": key_pair(folder, "team"), "other": key_pair(folder, "other")}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def bundle_server(tmp_path):
    """A static HTTP server on 127.0.0.1 serving the folder `served`: a bundle server."""
    served = tmp_path / "served"
    served.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield served, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def central_opa(tmp_path: Path, service: str, public_key: Path, collector: str | None = None,
                signed: bool = True) -> tuple[subprocess.Popen, str]:
    """OPA configured as docs/central-engine.md says: the bundle from the service, verified with the
    key (not when `signed` is false: a misconfigured OPA); with a `collector` URL, its decision logs
    go there."""
    key = "\n".join("      " + line for line in public_key.read_text().splitlines())
    signing = "    signing:\n      keyid: team\n" if signed else ""
    logs_service = f"  collector:\n    url: {collector}\n" if collector else ""
    logs = ("decision_logs:\n  service: collector\n  reporting: {min_delay_seconds: 1, max_delay_seconds: 2}\n"
            if collector else "")
    config = tmp_path / "opa.yaml"
    config.write_text(f"""services:
  rules:
    url: {service}
{logs_service}bundles:
  stackguard:
    service: rules
    resource: stackguard.tar.gz
    polling: {{min_delay_seconds: 1, max_delay_seconds: 2}}
{signing}keys:
  team:
    algorithm: RS256
    key: |
{key}
{logs}""")
    return opa_server("--config-file", str(config))


def opa_server(*arguments: str) -> tuple[subprocess.Popen, str]:
    """The pinned OPA serving on a free loopback port with these arguments (a configuration file, or
    rule folders to load), with no environment; and its URL."""
    port = free_port()
    process = subprocess.Popen([str(toolchain.opa_binary()), "run", "--server", "--addr", f"127.0.0.1:{port}",
                                "--log-level", "error", "--skip-version-check", *arguments],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={})
    return process, f"http://127.0.0.1:{port}"


def activated(url: str, seconds: float = 30) -> str | None:
    """The revision of the stackguard bundle OPA has activated, waiting up to `seconds` for one."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            bundles = requests.get(f"{url}/v1/data/system/bundles", timeout=2).json().get("result", {})
            if "stackguard" in bundles:
                return bundles["stackguard"]["manifest"]["revision"]
        except requests.RequestException:
            pass
        time.sleep(0.3)
    return None
