"""The engine client against a real OPA, and against endpoints that fail the ways OPA deployments do."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from stackguard.engine import EngineError, EngineSettings, PolicyEngine

pytestmark = pytest.mark.slow
KEY = {"type": "aws:kms/key:Key", "urn": "urn:pulumi:prod::p::aws:kms/key:Key::k", "name": "k", "properties": {}, "config": {}}


def serve(answer):
    """A loopback HTTP endpoint whose reply to every POST is answer(handler)."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status, body = answer()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def endpoint():
    servers = []

    def _make(answer, timeout=1.0):
        server = serve(answer)
        servers.append(server)
        url = f"http://127.0.0.1:{server.server_address[1]}"
        return PolicyEngine(EngineSettings(url=url, timeout=timeout), {"aws-kms-key-rotation"})

    yield _make
    for server in servers:
        server.shutdown()


def test_real_opa_answers_findings(opa, rules):
    engine = PolicyEngine(EngineSettings(url=opa.url), {r.id for r in rules})
    findings = engine.resource_findings(KEY)
    assert [f.rule for f in findings] == ["aws-kms-key-rotation"]
    assert engine.resource_findings({**KEY, "properties": {"enableKeyRotation": True}}) == []


def test_slow_engine_is_an_error(endpoint):
    def slow():
        time.sleep(1.5)
        return 200, b'{"result": []}'

    with pytest.raises(EngineError, match="did not answer within"):
        endpoint(slow, timeout=0.3).resource_findings(KEY)


@pytest.mark.parametrize("status, body, message", [
    (200, b"<html>proxy error</html>", "not JSON"),
    (200, b"{}", "without a result"),
    (200, b'{"result": {"rule": "x"}}', "without a result"),
    (200, b'{"result": [{"rule": "aws-kms-key-rotation"}]}', "malformed finding"),
    (200, b'{"result": [{"rule": "aws-made-up", "message": "m"}]}', "does not know"),
    (500, b'{"code": "internal_error"}', "HTTP 500"),
    (401, b'{"code": "unauthorized"}', "HTTP 401"),
])
def test_garbage_is_an_error_never_an_empty_result(endpoint, status, body, message):
    with pytest.raises(EngineError, match=message):
        endpoint(lambda: (status, body)).resource_findings(KEY)


def test_stack_findings_must_name_a_resource(endpoint):
    reply = json.dumps({"result": [{"rule": "aws-kms-key-rotation", "message": "m"}]}).encode()
    with pytest.raises(EngineError, match="malformed"):
        endpoint(lambda: (200, reply)).stack_findings([KEY], {})


def test_invalid_url_is_an_error():
    with pytest.raises(EngineError, match="not an http"):
        PolicyEngine(EngineSettings(url="opa.internal:8181"), set())


def test_token_is_sent_as_bearer(endpoint, monkeypatch):
    seen = {}

    class Capture(BaseHTTPRequestHandler):
        def do_POST(self):
            seen["auth"] = self.headers.get("Authorization")
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'{"result": []}')

        def log_message(self, *_):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Capture)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("STACKGUARD_OPA_URL", f"http://127.0.0.1:{server.server_address[1]}")
        monkeypatch.setenv("STACKGUARD_OPA_TOKEN", "t0ken")
        PolicyEngine(EngineSettings.from_env(), set()).resource_findings(KEY)
        assert seen["auth"] == "Bearer t0ken"
    finally:
        server.shutdown()


def test_bad_timeout_setting_is_an_error(monkeypatch):
    monkeypatch.setenv("STACKGUARD_OPA_URL", "http://127.0.0.1:1")
    monkeypatch.setenv("STACKGUARD_OPA_TIMEOUT", "soon")
    with pytest.raises(EngineError, match="STACKGUARD_OPA_TIMEOUT"):
        EngineSettings.from_env()
