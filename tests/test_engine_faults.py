"""Fault injection: `stackguard check` against engines that are slow, dripping, redirecting,
refusing, failing, lying, partial, frozen or killed. Every one must block (exit 3) within a bounded
time and say why; none may pass the insecure export."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from stackguard import paths
from stackguard.engine import CANARY
from stackguard.opa_server import OpaServer, free_port
from tests.fake_engines import Upstream, constant, relay, with_row, without_rows
from tests.stack_exports import ADMIN_POLICY, export, kms_key, role_with_policy
from tests.test_cli_check import run

pytestmark = pytest.mark.slow
# A run against a broken engine must end well within this (queries time out after 1 s here).
BOUND_SECONDS = 20.0
ENV = {"STACKGUARD_OPA_TIMEOUT": "1"}
RESULTS: list[tuple[str, int, float]] = []


@pytest.fixture
def insecure(write_json) -> Path:
    return write_json("insecure.json", export(kms_key("data-key", rotation=False), *role_with_policy(ADMIN_POLICY)))


def blocked(name: str, export_path: Path, url: str, token: str = "", expect: str = "") -> subprocess.CompletedProcess:
    env = {**ENV, "STACKGUARD_OPA_URL": url}
    if token:
        env["STACKGUARD_OPA_TOKEN"] = token
    started = time.monotonic()
    result = run("check", str(export_path), "--format", "json", env=env)
    elapsed = time.monotonic() - started
    RESULTS.append((name, result.returncode, elapsed))
    assert result.returncode == 3, (name, result.returncode, result.stdout[-500:], result.stderr)
    assert result.stdout == "", f"{name}: a blocked run printed a report"
    assert "nothing passes" in result.stderr and "Traceback" not in result.stderr
    assert expect in result.stderr, (name, result.stderr)
    assert elapsed < BOUND_SECONDS, f"{name} took {elapsed:.1f}s"
    return result


@pytest.fixture(scope="module")
def upstream(opa) -> Upstream:
    return Upstream(opa.url, opa.token)


def slow(_m, _p, _b):
    time.sleep(3)
    return 200, {"Content-Type": "application/json"}, b'{"result": []}'


STANDALONE = {
    "slow": (lambda: slow, 0.0, "did not answer within"),
    "drip": (lambda: constant(200, json.dumps({"result": []}).encode()), 0.4, "in time"),
    "redirect": (lambda: constant(301, b"", {"Location": "http://127.0.0.1:1/v1/policies"}), 0.0, "redirect"),
    "401": (lambda: constant(401, b'{"code": "unauthorized"}'), 0.0, "HTTP 401"),
    "500": (lambda: constant(500, b'{"code": "internal_error"}'), 0.0, "HTTP 500"),
    "garbage": (lambda: constant(200, b"<html>proxy error</html>"), 0.0, "not JSON"),
    "empty-result": (lambda: constant(200, b'{"result": []}'), 0.0, "differs"),
    "no-result": (lambda: constant(200, b"{}"), 0.0, "did not report its configuration"),
    "killed": (lambda: (lambda _m, _p, _b: None), 0.0, "unreachable"),
}


@pytest.mark.parametrize("name", sorted(STANDALONE))
def test_standalone_fake_engine_blocks(name, fake, insecure):
    answer, drip, expect = STANDALONE[name]
    engine = fake(answer(), drip)
    # empty-result: GET /v1/policies answers [] so no module is served.
    blocked(name, insecure, engine.url, expect="" if name == "empty-result" else expect)


def _late(*reply):
    time.sleep(0.7)  # longer than the batch takes, shorter than the 1 s per-answer deadline
    return reply


RELAYED = {
    # Each passes the proof (it relays to a real OPA) and misbehaves on the batch query only.
    "batch-empty": ("batch_deny", without_rows, "canary"),
    "batch-unknown-rule": ("batch_deny", with_row({"rule": "aws-made-up", "message": "m", "urn": "urn:x"}), "does not know"),
    "batch-malformed-row": ("batch_deny", with_row({"rule": "aws-kms-key-rotation"}), "malformed finding"),
    "batch-500": ("batch_deny", lambda real: (500, real[1], b"{}"), "HTTP 500"),
    "batch-killed": ("batch_deny", lambda real: None, "unreachable"),
    "batch-redirect": ("batch_deny", lambda real: (307, {"Location": "http://127.0.0.1:1/"}, b""), "redirect"),
    "stack-foreign-urn": ("stack_deny", with_row({"rule": "aws-apigateway-stage-web-acl", "message": "m",
                                                  "urn": "urn:pulumi:prod::elsewhere::aws:x:Y::z"}), "not a resource of the stack"),
    "policies-tampered": ("/v1/policies", lambda real: (200, real[1], real[2].replace(b"enableKeyRotation", b"enableKeyRotatioN")), "differs"),
    # The proof runs beside the first batch: a tampered listing that arrives after the batch's
    # answer must still block, so no answer is read before the proof has passed.
    "policies-tampered-late": ("/v1/policies", lambda real: _late(200, real[1], real[2].replace(b"enableKeyRotation", b"enableKeyRotatioN")),
                               "differs"),
    "rules-partial": ("stackguard/rules", lambda real: (200, real[1], json.dumps({"result": ["aws-kms-key-rotation"]}).encode()), "other rules"),
    "canary-ignored": ("stackguard/deny", without_rows, "canary"),
}


@pytest.mark.parametrize("name", sorted(RELAYED))
def test_engine_that_misbehaves_after_a_real_start_blocks(name, fake, insecure, upstream):
    on, change, expect = RELAYED[name]
    engine = fake(relay(upstream, on, change))
    blocked(name, insecure, engine.url, token="relay", expect=expect)


def test_relay_that_behaves_passes_the_real_verdict(fake, insecure, upstream):
    """The control: the same relay without a fault gives the findings, so the faults above are what block."""
    engine = fake(relay(upstream, "nothing-matches-this", lambda real: real))
    result = run("check", str(insecure), "--format", "json", env={**ENV, "STACKGUARD_OPA_URL": engine.url, "STACKGUARD_OPA_TOKEN": "relay"})
    assert result.returncode == 1, result.stderr
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} >= {"aws-kms-key-rotation", "aws-iam-policy-wildcard-actions"}


def _partial_rules(tmp_path: Path, keep) -> Path:
    target = tmp_path / "rego"
    shutil.copytree(paths.rego_dir(), target, ignore=lambda folder, names: [n for n in names if not keep(Path(folder) / n)])
    return target


PARTIAL = {
    "entrypoint-and-lib-only": lambda p: "aws" not in p.relative_to(paths.rego_dir()).parts,
    "without-kms-and-iam": lambda p: not {"kms", "iam"} & set(p.relative_to(paths.rego_dir()).parts),
}


@pytest.mark.parametrize("name", sorted(PARTIAL))
def test_real_opa_serving_part_of_the_rules_blocks(name, tmp_path, insecure):
    with OpaServer([_partial_rules(tmp_path, PARTIAL[name])]) as server:
        blocked(name, insecure, server.url, server.token, expect="does not serve")


def test_real_opa_with_a_module_that_redefines_a_helper_blocks(tmp_path, insecure):
    rego = _partial_rules(tmp_path, lambda _p: True)
    (rego / "lib" / "shadow.rego").write_text("package lib.pulumi\n\nis_unknown(_) := true\n")
    with OpaServer([rego]) as server:
        blocked("extra-lib-module", insecure, server.url, server.token, expect="differs from the local rule files")


def test_frozen_opa_blocks_within_the_timeout(insecure):
    with OpaServer() as server:
        os.kill(server._process.pid, signal.SIGSTOP)
        try:
            blocked("frozen", insecure, server.url, server.token, expect="did not answer within")
        finally:
            os.kill(server._process.pid, signal.SIGCONT)


def test_killed_opa_blocks(insecure):
    server = OpaServer().start().wait_ready()
    url, token = server.url, server.token
    server.stop()
    blocked("killed-opa", insecure, url, token, expect="unreachable")


def test_closed_port_blocks(insecure):
    blocked("closed-port", insecure, f"http://127.0.0.1:{free_port()}", expect="unreachable")


def test_fault_counts_are_recorded(request):
    """Runs last in this module: the closing note's figures (tried, exit 3, slowest)."""
    if not RESULTS:
        pytest.skip("run with the whole module to collect figures")
    slowest = max(elapsed for _name, _code, elapsed in RESULTS)
    print(f"\nfault injection: {len(RESULTS)} engines tried, {sum(c == 3 for _n, c, _e in RESULTS)} exit 3, slowest {slowest:.1f}s")
    assert all(code == 3 for _name, code, _elapsed in RESULTS)


def _knows_only_the_fixed_canary(upstream: Upstream):
    """#25.12: a central OPA that proves its modules and rule ids (relayed) but answers every deny and
    batch with the fixed canary's finding alone, as one that learnt only that answer would."""
    canary = CANARY["urn"].encode()

    def answer(method: str, path: str, body: bytes):
        real = upstream.forward(method, path, body)
        if not path.endswith(("/deny", "/batch_deny")):
            return real
        if path.endswith("/deny") and canary not in body:
            return without_rows(real)
        rows = [row for row in json.loads(real[2])["result"] if row.get("urn", CANARY["urn"]) == CANARY["urn"]]
        return real[0], real[1], json.dumps({"result": rows}).encode()

    return answer


def test_engine_that_knows_only_the_fixed_canary_blocks(fake, insecure, upstream):
    blocked("only-the-fixed-canary", insecure, fake(_knows_only_the_fixed_canary(upstream)).url, token="relay", expect="canary")
