"""Fault injection on the connection to a private OPA (http.client, `opa_connection.PrivateConnection`).

`test_engine_faults.py` drives the CLI against a central OPA (STACKGUARD_OPA_URL), which travels over
opa-python-client. The private OPA of `check`, `preflight` and the pack travels over the standard
library instead, so the same engines (slow, dripping, redirecting, refusing, failing, lying,
partial, frozen, killed) are put behind that connection here, through the in-process gate
(`gate.evaluate`): every one must raise EngineError within a bounded time, saying why."""
from __future__ import annotations

import json
import os
import signal
import socket
import threading
import time
from functools import partial

import pytest

from stackguard import exemptions, paths, profiles, readers
from stackguard.decision import Decider
from stackguard.engine import CANARY, EngineSettings, LocalRules, PolicyEngine
from stackguard.errors import EngineError
from stackguard.gate import evaluate
from stackguard.opa_connection import PrivateConnection
from stackguard.opa_server import OpaServer, free_port
from tests.fake_engines import Upstream, relay
from tests.stack_exports import ADMIN_POLICY, export, kms_key, resource, role_with_policy
from tests.test_engine_faults import BOUND_SECONDS, RELAYED, STANDALONE

pytestmark = pytest.mark.slow
# An engine answering `{"result": []}` to everything: its configuration, the first thing the proof
# reads, is not a configuration.
EMPTY_LISTING = "did not report its configuration"


@pytest.fixture(scope="module")
def stacks(tmp_path_factory) -> list:
    path = tmp_path_factory.mktemp("faults") / "insecure.json"
    path.write_text(json.dumps(export(kms_key("data-key", rotation=False), *role_with_policy(ADMIN_POLICY))))
    return readers.read_stacks([path])


def gate_over_private_connection(url: str, token: str, rules, stacks) -> set[str]:
    """What `check` does once its private OPA is up: prove it beside the queries, then decide."""
    ids = [r.id for r in rules]
    engine = PolicyEngine(EngineSettings(url=url, token=token, timeout=1.0, private=True), ids)
    engine.prove_alongside(partial(LocalRules.of, ids, [paths.rego_dir()]))
    profile = profiles.load("prod", rules)
    try:
        report = evaluate(engine, stacks, Decider(rules, profile, exemptions.Exemptions([], "none")), profile.rule_config())
    finally:
        engine.close()
    return {f.rule for f in report.findings}


def blocked(url: str, token: str, rules, stacks, expect: str) -> None:
    started = time.monotonic()
    with pytest.raises(EngineError) as failure:
        gate_over_private_connection(url, token, rules, stacks)
    assert expect in str(failure.value), str(failure.value)
    assert time.monotonic() - started < BOUND_SECONDS


@pytest.mark.parametrize("name", sorted(STANDALONE))
def test_standalone_fake_engine_blocks(name, fake, rules, stacks):
    answer, drip, expect = STANDALONE[name]
    blocked(fake(answer(), drip).url, "token", rules, stacks, EMPTY_LISTING if name == "empty-result" else expect)


@pytest.mark.parametrize("name", sorted(RELAYED))
def test_engine_that_misbehaves_after_a_real_start_blocks(name, fake, rules, stacks, opa):
    on, change, expect = RELAYED[name]
    blocked(fake(relay(Upstream(opa.url, opa.token), on, change)).url, "relay", rules, stacks, expect)


def test_relay_that_behaves_gives_the_real_findings(fake, rules, stacks, opa):
    """The control: without a fault, the same relay gives the findings, so the faults above are what block."""
    engine = fake(relay(Upstream(opa.url, opa.token), "nothing-matches-this", lambda real: real))
    assert gate_over_private_connection(engine.url, "relay", rules, stacks) >= {"aws-kms-key-rotation", "aws-iam-policy-wildcard-actions"}


def test_frozen_opa_blocks_within_the_timeout(rules, stacks):
    with OpaServer() as server:
        os.kill(server._process.pid, signal.SIGSTOP)
        try:
            blocked(server.url, server.token, rules, stacks, "did not answer within")
        finally:
            os.kill(server._process.pid, signal.SIGCONT)


def test_killed_opa_blocks(rules, stacks):
    server = OpaServer().start().wait_ready()
    url, token = server.url, server.token
    server.stop()
    blocked(url, token, rules, stacks, "unreachable")


def test_closed_port_blocks(rules, stacks):
    blocked(f"http://127.0.0.1:{free_port()}", "token", rules, stacks, "unreachable")


def test_a_connection_is_reused_only_after_a_whole_answer(rules, opa):
    """Keep-alive: answers in a row on one connection, and a refused request leaves none half-read."""
    ids = [r.id for r in rules]
    canary = {**CANARY, "config": {}}
    engine = PolicyEngine(EngineSettings(url=opa.url, token=opa.token, private=True), ids)
    try:
        first = engine.resource_findings(canary)
        engine._connection._headers["Authorization"] = "Bearer wrong"
        with pytest.raises(EngineError, match="HTTP 401"):
            engine.resource_findings(canary)
        engine._connection._headers["Authorization"] = f"Bearer {opa.token}"
        assert engine.resource_findings(canary) == engine.resource_findings(canary) == first
        assert "aws-kms-key-rotation" in {f.rule for f in first}
    finally:
        engine.close()


class _ClosesIdleConnections:
    """An HTTP/1.1 server that answers each request on a kept-alive connection and closes the
    connection once it has been idle for a moment, as a server with an idle timeout does."""

    ANSWER = b'{"result": []}'

    def __init__(self) -> None:
        self.requests = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            with connection:
                head = b""
                while b"\r\n\r\n" not in head:
                    head += connection.recv(65536)
                header, body = head.split(b"\r\n\r\n", 1)
                length = int(next(line.split(b":")[1] for line in header.split(b"\r\n") if line.lower().startswith(b"content-length")))
                while len(body) < length:
                    body += connection.recv(65536)
                self.requests += 1
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                   + str(len(self.ANSWER)).encode() + b"\r\n\r\n" + self.ANSWER)
                time.sleep(0.1)  # then the idle timeout closes the kept-alive connection

    def close(self) -> None:
        self._listener.close()


def test_a_connection_the_server_closed_while_idle_is_opened_again_not_reused():
    """Neither a failure (the query went into a closed socket) nor a retry (it is sent once)."""
    server = _ClosesIdleConnections()
    connection = PrivateConnection(EngineSettings(url=server.url, token="t", private=True))
    try:
        assert connection.call("POST", "data/stackguard/deny", b"{}", time.monotonic() + 5) == {"result": []}
        time.sleep(0.4)
        assert connection.call("POST", "data/stackguard/deny", b"{}", time.monotonic() + 5) == {"result": []}
        assert server.requests == 2
    finally:
        connection.close()
        server.close()


def slow(seconds: float):
    def reply(real):
        time.sleep(seconds)
        return real

    return reply


def large_stack(tmp_path, count: int) -> list:
    """Buckets, each with its encryption and TLS policy: the stack query carries them all (only the
    types a stack rule reads travel in it, and its budget counts what it carries)."""
    resources = []
    for i in range(count // 3):
        bucket = resource("aws:s3/bucketV2:BucketV2", f"bucket-{i}", {"bucket": f"bucket-{i}"})
        resources += [bucket,
                      resource("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                               f"sse-{i}", {"bucket": f"bucket-{i}", "rules": [{"applyServerSideEncryptionByDefault": {
                                   "sseAlgorithm": "aws:kms", "kmsMasterKeyId": "key"}}]}),
                      resource("aws:s3/bucketPolicy:BucketPolicy", f"tls-{i}", {"bucket": f"bucket-{i}", "policy": TLS_ONLY})]
    path = tmp_path / "large.json"
    path.write_text(json.dumps(export(*resources)))
    return readers.read_stacks([path])


TLS_ONLY = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
    "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]})


def test_a_slow_stack_query_may_use_its_whole_budget(fake, rules, opa, tmp_path):
    # 201 resources give the stack query a budget of 1 s + 5 ms a resource = 2 s; OPA answers after
    # 1.5 s. The socket used to time out after the per-query 1 s and report the 2 s budget.
    engine = fake(relay(Upstream(opa.url, opa.token), "stack_deny", slow(1.5)))
    findings = gate_over_private_connection(engine.url, "relay", rules, large_stack(tmp_path, 201))
    assert "aws-s3-bucket-tls-only" not in findings  # answered (every bucket has its TLS policy), not timed out


def test_a_query_that_outlives_its_budget_says_what_was_waited_for_and_how_long(fake, rules, opa, tmp_path):
    engine = fake(relay(Upstream(opa.url, opa.token), "stack_deny", slow(4.0)))
    started = time.monotonic()
    with pytest.raises(EngineError) as failure:
        gate_over_private_connection(engine.url, "relay", rules, large_stack(tmp_path, 201))
    assert "did not answer within 2.0s" in str(failure.value) and "stack_deny" in str(failure.value)
    waited = float(str(failure.value).rsplit("for ", 1)[1].rstrip("s"))
    assert 1.9 <= waited <= time.monotonic() - started
