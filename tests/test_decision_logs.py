"""Decision logs for audit (issue #22, item 4): a central OPA that loads the signed bundle sends each
query of a `check` run to a collector (a local HTTP receiver here), with the bundle's revision, the
resources' URNs (which name the stack) and the findings, and without any property value: the
bundle's decision-log mask (`system.log.mask`) erases them before the entry leaves OPA."""
from __future__ import annotations

import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from stackguard import central_bundle, paths
from tests import central_opa as central
from tests.central_opa import activated, central_opa, key_pair
from tests.stack_exports import export, kms_key, resource

bundle_server = central.bundle_server  # a fixture: a static bundle server on 127.0.0.1

pytestmark = pytest.mark.slow

STACKGUARD = str(Path(sys.executable).with_name("stackguard"))
# A property value that must never reach the collector.
PRIVATE_VALUE = "payroll-exports-of-2026"


class Receiver(http.server.ThreadingHTTPServer):
    """A decision-log collector: keeps every entry OPA posts (gzip-compressed JSON arrays)."""

    def __init__(self) -> None:
        self.entries: list[dict] = []
        self.raw: list[bytes] = []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                receiver.raw.append(body)
                receiver.entries.extend(json.loads(body))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *_args) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)


@pytest.fixture
def collector():
    receiver = Receiver()
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    yield receiver, f"http://127.0.0.1:{receiver.server_address[1]}"
    receiver.shutdown()
    receiver.server_close()


def test_each_gate_query_is_logged_with_the_revision_and_no_value(tmp_path, bundle_server, collector):
    private, public = key_pair(tmp_path, "team")
    served, service = bundle_server
    revision = central_bundle.build([paths.rego_dir()], private, served / "stackguard.tar.gz")
    receiver, collector_url = collector
    stack = tmp_path / "export.json"
    stack.write_text(json.dumps(export(kms_key("data-key", rotation=False),
                                       resource("aws:s3/bucketV2:BucketV2", "exports", {"bucket": PRIVATE_VALUE}))))
    process, url = central_opa(tmp_path, service, public, collector=collector_url)
    try:
        assert activated(url) == revision
        result = subprocess.run([STACKGUARD, "check", str(stack), "--format", "json", "--output", str(tmp_path / "r.json")],
                                capture_output=True, text=True, timeout=300,
                                env={**os.environ, "STACKGUARD_OPA_URL": url, "STACKGUARD_OPA_TIMEOUT": "60"})
        assert result.returncode == 1, result.stderr
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any(e.get("path") == "stackguard/stack_deny" for e in receiver.entries):
            time.sleep(0.5)
    finally:
        process.terminate()
        process.wait(timeout=10)
    batches = [e for e in receiver.entries if e.get("path") == "stackguard/batch_deny"]
    assert batches and any(e.get("path") == "stackguard/stack_deny" for e in receiver.entries)
    key_urn = "urn:pulumi:prod::payments::aws:kms/key:Key::data-key"  # a URN names its stack and project
    for entry in batches:
        assert entry["bundles"]["stackguard"]["revision"] == revision
        assert all("properties" not in r and r["urn"] for r in entry["input"]["resources"])
        assert entry["erased"]
    assert any(r["urn"] == key_urn for e in batches for r in e["input"]["resources"])
    assert any(f["rule"] == "aws-kms-key-rotation" and f["urn"] == key_urn for e in batches for f in e["result"])
    assert not any(PRIVATE_VALUE.encode() in body for body in receiver.raw)
