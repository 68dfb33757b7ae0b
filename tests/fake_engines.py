"""Policy engines that fail the ways OPA deployments do, for the fault-injection suite.

A fake is a loopback HTTP server. `Behaviour` decides every reply; the `relay` behaviours forward
to a real OPA (so the fake passes the gate's proof) and misbehave only on the queries named.
Only tests use these: the product talks to a real OPA.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Optional

import requests

Reply = tuple[int, dict[str, str], bytes]


@dataclass
class Upstream:
    url: str
    token: str

    def forward(self, method: str, path: str, body: bytes) -> Reply:
        response = requests.request(method, self.url + path, data=body or None, timeout=30,
                                    headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        return response.status_code, {"Content-Type": "application/json"}, response.content


@dataclass
class FakeEngine:
    """`answer(method, path, body)` returns (status, headers, body), or writes itself via `drip`."""

    answer: Callable[[str, str, bytes], Optional[Reply]]
    drip_seconds: float = 0.0
    server: ThreadingHTTPServer = field(init=False)

    def __post_init__(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self, method: str) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
                reply = fake.answer(method, self.path, body)
                if reply is None:  # a killed engine: the connection closes without an answer
                    self.close_connection = True
                    return
                status, headers, payload = reply
                self.send_response(status)
                for name, value in {**headers, "Content-Length": str(len(payload))}.items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    if fake.drip_seconds:
                        for byte in payload:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(fake.drip_seconds)
                    else:
                        self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the gate gave up on this engine, as it should

            def do_GET(self):
                self._serve("GET")

            def do_POST(self):
                self._serve("POST")

            def log_message(self, *_):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


JSON = {"Content-Type": "application/json"}


def constant(status: int, body: bytes, headers: dict[str, str] | None = None):
    return lambda _method, _path, _body: (status, headers or JSON, body)


def relay(upstream: Upstream, on: str, reply: Callable[[Reply], Optional[Reply]]):
    """Forward everything to a real OPA; replace the reply of requests whose path contains `on`."""

    def answer(method: str, path: str, body: bytes) -> Optional[Reply]:
        real = upstream.forward(method, path, body)
        return reply(real) if on in path else real

    return answer


def without_rows(real: Reply) -> Reply:
    return real[0], real[1], json.dumps({"result": []}).encode()


def with_row(row: dict) -> Callable[[Reply], Reply]:
    def change(real: Reply) -> Reply:
        rows = json.loads(real[2])["result"]
        return real[0], real[1], json.dumps({"result": [*rows, row]}).encode()

    return change
