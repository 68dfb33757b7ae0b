"""The reproductions of issue #12 that are not a row of the malformed-input table or the fault suite:
each once passed an insecure stack silently, each must now be caught or block."""
from __future__ import annotations

import datetime as dt
import ipaddress
import json
import ssl
import threading
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from stackguard.opa_server import free_port
from stackguard.vocabulary import SECRET_SIG, SIG_KEY
from tests.fake_engines import FakeEngine, Upstream, relay
from tests.stack_exports import ADMIN_POLICY, export, kms_key, resource, role_with_policy
from tests.test_cli_check import run

pytestmark = pytest.mark.slow


def test_redirect_to_the_real_opa_blocks(write_json, opa):
    """A 301 in front of a central OPA once turned every POST into a GET without input: 0 findings."""
    target = opa.url

    def moved(_method, path, _body):
        return 301, {"Location": f"{target}{path}"}, b""

    engine = FakeEngine(moved)
    try:
        path = write_json("insecure.json", export(kms_key("data-key", rotation=False)))
        result = run("check", str(path), "--format", "json", env={"STACKGUARD_OPA_URL": engine.url, "STACKGUARD_OPA_TOKEN": opa.token})
        assert result.returncode == 3 and "redirect" in result.stderr and result.stdout == ""
    finally:
        engine.close()


def test_secret_policy_document_is_reported_as_unverifiable(write_json):
    """A policy whose document is a Pulumi secret once got 0 findings while its plaintext twin got 3."""
    secret = {SIG_KEY: SECRET_SIG, "ciphertext": "v1:AAAA:BBBB"}
    policy = resource("aws:iam/policy:Policy", "admin", {"policy": secret})
    result = run("check", str(write_json("secret.json", export(policy))), "--profile", "prod", "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert result.returncode == 1
    assert [(f["rule"], f["enforcement"]) for f in findings] == [("aws-iam-policy-secret-unverifiable", "mandatory")]
    assert "v1:AAAA" not in result.stdout + result.stderr


def test_proxy_settings_never_route_the_private_opa(write_json):
    """HTTP_PROXY without NO_PROXY once sent loopback queries to the proxy."""
    dead_proxy = f"http://127.0.0.1:{free_port()}"
    path = write_json("insecure.json", export(kms_key("data-key", rotation=False)))
    result = run("check", str(path), "--format", "json",
                 env={"HTTP_PROXY": dead_proxy, "http_proxy": dead_proxy, "HTTPS_PROXY": dead_proxy, "NO_PROXY": "", "no_proxy": ""})
    assert result.returncode == 1, result.stderr
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"aws-kms-key-rotation"}


def _certificate(subject: str, key, issuer_name, issuer_key, ca: bool) -> x509.Certificate:
    now = dt.datetime.now(dt.timezone.utc)
    builder = (x509.CertificateBuilder()
               .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
               .issuer_name(issuer_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(hours=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if not ca:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _ca(tmp_path: Path, name: str):
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    cert = _certificate(name, key, subject, key, ca=True)
    pem = tmp_path / f"{name}.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key, cert, pem


@pytest.fixture
def tls_relay(tmp_path, opa):
    """An https engine on 127.0.0.1 (a relay to the real OPA) with a certificate from the 'right' CA."""
    ca_key, ca_cert, right = _ca(tmp_path, "right-ca")
    _, _, wrong = _ca(tmp_path, "wrong-ca")
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = _certificate("127.0.0.1", server_key, ca_cert.subject, ca_key, ca=False)
    (tmp_path / "server.pem").write_bytes(server_cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "server.key").write_bytes(server_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    engine = FakeEngine(relay(Upstream(opa.url, opa.token), "never", lambda real: real))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "server.pem", tmp_path / "server.key")
    engine.server.shutdown()
    engine.server.socket = context.wrap_socket(engine.server.socket, server_side=True)
    threading.Thread(target=engine.server.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{engine.server.server_address[1]}", right, wrong
    engine.close()


def test_pinned_ca_bundle_is_not_overridden_by_requests_ca_bundle(tls_relay, write_json):
    url, right, wrong = tls_relay
    path = write_json("insecure.json", export(kms_key("data-key", rotation=False)))
    trusted = run("check", str(path), "--format", "json", env={"STACKGUARD_OPA_URL": url, "STACKGUARD_OPA_CA_BUNDLE": str(right)})
    assert trusted.returncode == 1, trusted.stderr
    pinned_wrong = run("check", str(path), "--format", "json", env={
        "STACKGUARD_OPA_URL": url, "STACKGUARD_OPA_CA_BUNDLE": str(wrong),
        "REQUESTS_CA_BUNDLE": str(right), "CURL_CA_BUNDLE": str(right), "SSL_CERT_FILE": str(right)})
    assert pinned_wrong.returncode == 3 and "TLS verification" in pinned_wrong.stderr, pinned_wrong.stderr


def test_admin_policy_plaintext_twin_still_flagged(write_json):
    """The control for the secret case: the same document in plaintext is judged by the IAM rules."""
    result = run("check", str(write_json("plain.json", export(*role_with_policy(ADMIN_POLICY)))), "--format", "json")
    assert {"aws-iam-policy-wildcard-actions", "aws-iam-policy-privilege-escalation"} <= {f["rule"] for f in json.loads(result.stdout)["findings"]}


def test_escape_sequences_in_resource_names_never_reach_the_terminal(write_json):
    """A resource name carrying an OSC-8 link and a cursor move once reached the table raw."""
    name = "data-key\x1b]8;;https://evil.example\x1b\\x\x1b]8;;\x1b\\\x1b[2J"
    path = write_json("escape.json", export(kms_key(name, rotation=False)))
    for fmt in ("table", "github", "markdown", "junit"):
        result = run("check", str(path), "--format", fmt, env={"COLUMNS": "200"})
        assert result.returncode == 1, (fmt, result.stderr)
        assert "\x1b" not in result.stdout + result.stderr, fmt
