"""The private OPA of a run: usable only with the run's token, read-only, and blind to the caller's environment."""
from __future__ import annotations

import base64
import json
import os
import stat
import tarfile

import pytest
import requests

from stackguard import opa_server, paths
from stackguard.opa_server import MEMORY_LIMIT, OpaServer

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


def test_opa_runs_with_only_its_memory_limit_in_its_environment(server):
    environ = open(f"/proc/{server._process.pid}/environ", "rb").read()
    assert environ == f"GOMEMLIMIT={MEMORY_LIMIT}\0".encode() and b"hunter2-canary" not in environ


def test_rules_are_a_private_read_only_signed_bundle_removed_once_opa_is_up():
    opa = OpaServer().start()
    try:
        workdir = opa.workdir
        assert stat.S_IMODE(workdir.stat().st_mode) == 0o700
        files = sorted(p for p in workdir.rglob("*") if p.is_file())
        assert [p.name for p in files] == ["bundle.key", "opa.log", "rules.tar.gz"]
        assert [stat.S_IMODE(p.stat().st_mode) for p in files] == [0o400, 0o600, 0o400]
        with tarfile.open(workdir / "rules.tar.gz") as bundle:
            names = bundle.getnames()
            signed = json.loads(bundle.extractfile(".signatures.json").read())["signatures"]
        modules = [n for n in names if n.endswith(".rego")]
        assert len(modules) > 100 and not [n for n in modules if n.endswith("_test.rego")]
        assert "authz/authz.rego" in names and "lib/iam_catalog/data.json" in names
        claims = json.loads(base64.urlsafe_b64decode(signed[0].split(".")[1] + "=="))
        assert sorted(f["name"] for f in claims["files"]) == sorted(modules)  # every module, and only modules
        opa.wait_ready()
        assert not workdir.exists()  # OPA has read it all: nothing is left for a killed run to leave behind
        assert requests.get(f"{opa.url}/health", headers=auth(opa), timeout=5).status_code == 200
    finally:
        opa.stop()


def test_the_bundle_serves_the_iam_catalog_as_data(server):
    """data.json keeps its path: an action the catalog lacks is reported, a real one is not."""
    def unknown_action_findings(action: str) -> list:
        policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*"}]})
        resource = {"type": "aws:iam/policy:Policy", "urn": "urn:pulumi:s::p::aws:iam/policy:Policy::p", "name": "p",
                    "properties": {"policy": policy}, "options": {}, "config": {}}
        reply = requests.post(f"{server.url}/v1/data/stackguard/deny", json={"input": resource}, headers=auth(server), timeout=5)
        return [f for f in reply.json()["result"] if f["rule"] == "aws-iam-policy-unknown-actions"]

    assert unknown_action_findings("s3:GetObjectTypo") and not unknown_action_findings("s3:GetObject")


def test_stop_removes_the_copy_and_the_process():
    opa = OpaServer().start()
    process, workdir = opa._process, opa.workdir
    opa.stop()
    assert process.poll() is not None and not workdir.exists()


def test_an_early_opa_is_adopted_only_for_the_built_in_rules(tmp_path):
    """`stackguard check` starts OPA on the built-in rules before the CLI loads: a run with exactly
    those rules adopts it; any other rule set (a team's folders) stops it and starts its own."""
    opa_server.start_early()
    early = opa_server._early
    assert early is not None
    assert opa_server.claim([paths.rego_dir()]) is early
    early.stop()

    opa_server.start_early()
    discarded = opa_server._early
    assert discarded is not None and discarded._process is not None
    process, workdir = discarded._process, discarded.workdir
    assert opa_server.claim([paths.rego_dir(), tmp_path]) is None
    assert process.poll() is not None and not workdir.exists()
    assert opa_server.claim([paths.rego_dir()]) is None  # claimed once only


def test_the_reason_opa_gives_is_reported_not_the_noise_after_it():
    """The pack's gRPC can log from the forked child into OPA's log, after OPA's own error line."""
    log = ("error: load error: bundle rules.tar.gz: file(s) [x.rego] specified in bundle signatures but not found\n"
           "E1130 23:59:01.981496   11182 ev_epoll1_linux.cc:373] Epoll1Poller encountered epoll_wait error\n")
    assert opa_server.exit_reason(log).startswith("error: load error: bundle rules.tar.gz")
    assert opa_server.exit_reason("listen tcp: address already in use\n") == "listen tcp: address already in use"
    assert opa_server.exit_reason("") == "no message"
