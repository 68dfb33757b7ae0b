"""The private OPA of a run: usable only with the run's token, read-only, and blind to the caller's environment."""
from __future__ import annotations

import os
import stat

import pytest
import requests

from stackguard.opa_server import OpaServer

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server():
    os.environ["STACKGUARD_TEST_CANARY_SECRET"] = "hunter2-canary"
    try:
        with OpaServer() as opa:
            yield opa
    finally:
        del os.environ["STACKGUARD_TEST_CANARY_SECRET"]


def auth(server) -> dict[str, str]:
    return {"Authorization": f"Bearer {server.token}"}


def test_without_the_token_nothing_answers(server):
    assert requests.post(f"{server.url}/v1/data/stackguard/deny", json={"input": {}}, timeout=5).status_code == 401
    assert requests.get(f"{server.url}/v1/policies", timeout=5).status_code == 401
    wrong = {"Authorization": "Bearer guessed"}
    assert requests.post(f"{server.url}/v1/data/stackguard/deny", json={"input": {}}, headers=wrong, timeout=5).status_code == 401


def test_with_the_token_the_entrypoints_answer(server):
    reply = requests.post(f"{server.url}/v1/data/stackguard/rules", json={"input": {}}, headers=auth(server), timeout=5)
    assert reply.status_code == 200 and "aws-kms-key-rotation" in reply.json()["result"]


@pytest.mark.parametrize("method, path, body", [
    ("PUT", "/v1/policies/stackguard/main.rego", "package stackguard\n"),
    ("DELETE", "/v1/policies/stackguard/main.rego", None),
    ("PUT", "/v1/data/lib", "{}"),
    ("PATCH", "/v1/data", "[]"),
    ("POST", "/v1/query", '{"query": "x := opa.runtime()"}'),
    ("POST", "/v1/data/system/authz", "{}"),
    ("GET", "/v1/config", None),
    ("POST", "/v1/compile", '{"query": "data.stackguard.deny"}'),
])
def test_no_writes_and_no_ad_hoc_queries_even_with_the_token(server, method, path, body):
    reply = requests.request(method, f"{server.url}{path}", data=body, headers=auth(server), timeout=5)
    assert reply.status_code == 401, (method, path, reply.status_code)


def test_opa_runs_with_an_empty_environment(server):
    environ = open(f"/proc/{server._process.pid}/environ", "rb").read()
    assert environ == b"" and b"hunter2-canary" not in environ


def test_rules_are_a_private_read_only_copy_without_tests(server):
    assert stat.S_IMODE(server.workdir.stat().st_mode) == 0o700
    copies = list(server.workdir.rglob("*.rego"))
    assert copies and not [p for p in copies if p.name.endswith("_test.rego")]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o400 for p in copies)


def test_stop_removes_the_copy_and_the_process():
    opa = OpaServer().start().wait_ready()
    process, workdir = opa._process, opa.workdir
    opa.stop()
    assert process.poll() is not None and not workdir.exists()
