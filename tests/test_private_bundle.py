"""The private OPA's signed bundle: OPA itself refuses to start on an archive that is not exactly
what the run read (a changed, added or removed module, another key, no signature), so a run
blocks (EngineError, exit 3) before any answer; the signature then stands in for the policy
listing in the proof."""
from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import tarfile
from pathlib import Path
from typing import Callable

import pytest

from stackguard import catalog, opa_server, paths, private_bundle
from stackguard.engine import EngineSettings, LocalRules, PolicyEngine
from stackguard.errors import EngineError
from stackguard.opa_server import OpaServer

pytestmark = pytest.mark.slow
ROTATION = "rules0/aws/kms/key_rotation.rego"
Members = dict[str, bytes]


def test_the_signature_is_an_hs256_jwt_over_each_file():
    token = private_bundle.signature([("a.rego", b"package a\n")], "k")
    header, claims, mac = token.split(".")
    assert json.loads(_decode(header)) == {"alg": "HS256", "typ": "JWT"}
    assert json.loads(_decode(claims)) == {"files": [
        {"name": "a.rego", "hash": hashlib.sha256(b"package a\n").hexdigest(), "algorithm": "SHA-256"}]}
    assert _decode(mac) == hmac.new(b"k", f"{header}.{claims}".encode(), hashlib.sha256).digest()


def _decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _rewritten(change: Callable[[Members], Members]) -> Callable:
    """private_bundle.write, then the archive rewritten by `change`: what someone who could write
    into the run's folder between the signature and OPA's start would do."""
    write = private_bundle.write

    def tampering(rego_dirs, authz, target):
        bundle = write(rego_dirs, authz, target)
        with tarfile.open(bundle.archive) as tar:
            members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
        bundle.archive.chmod(0o600)
        with tarfile.open(bundle.archive, "w:gz") as tar:
            for name, content in change(members).items():
                info = tarfile.TarInfo(name)
                info.size = len(content)
                tar.addfile(info, io.BytesIO(content))
        return bundle

    return tampering


def _resigned_with_another_key(members: Members) -> Members:
    modules = [(name, content) for name, content in members.items() if name.endswith(".rego")]
    return {**members, ".signatures.json": json.dumps({"signatures": [private_bundle.signature(modules, "not-the-run-key")]}).encode()}


TAMPERED: dict[str, tuple[Callable[[Members], Members], str]] = {
    "module changed": (lambda m: {**m, ROTATION: m[ROTATION].replace(b"enableKeyRotation", b"enableKeyRotatioN")}, "digest mismatch"),
    "module added": (lambda m: {**m, "rules0/lib/shadow.rego": b"package lib.pulumi\n\nis_unknown(_) := true\n"},
                     "not included in bundle signature"),
    "module removed": (lambda m: {n: c for n, c in m.items() if n != ROTATION}, "not found in the target bundle"),
    "signed with another key": (_resigned_with_another_key, "failed to verify JWT signature"),
    "signature removed": (lambda m: {n: c for n, c in m.items() if n != private_bundle.SIGNATURES}, "missing .signatures.json"),
}


@pytest.mark.parametrize("name", sorted(TAMPERED))
def test_opa_refuses_a_bundle_that_is_not_what_the_run_read(name, monkeypatch):
    change, expect = TAMPERED[name]
    monkeypatch.setattr(private_bundle, "write", _rewritten(change))
    with pytest.raises(EngineError, match="OPA exited while starting") as failure:
        with OpaServer():
            pass
    assert expect in str(failure.value)


def test_an_untouched_rewrite_starts_so_the_refusals_above_are_the_tampering(monkeypatch):
    """The control: the same rewrite without a change loads, so what OPA refuses above is the change."""
    monkeypatch.setattr(private_bundle, "write", _rewritten(lambda members: members))
    with OpaServer() as server:
        assert server.url


def test_the_proof_of_a_signed_private_opa_does_not_ask_for_its_listing(opa, monkeypatch):
    """The listing is a central OPA's proof; a private OPA's signature already proves its modules."""
    asked: list[str] = []
    real_call = PolicyEngine._call
    monkeypatch.setattr(PolicyEngine, "_call", lambda self, method, path, *rest: asked.append(path) or real_call(self, method, path, *rest))
    ids = [r.id for r in catalog.load()]
    engine = PolicyEngine(EngineSettings(url=opa.url, token=opa.token, private=True), ids)
    local = LocalRules.of(ids, [paths.rego_dir()])
    engine.prove(local, signed_bundle=True)
    # The rule ids and the canaries (the fixed one and one drawn at random), never the listing.
    assert asked[0] == "data/stackguard/rules" and set(asked[1:]) == {"data/stackguard/deny"} and "policies" not in asked
    signed = len(asked)
    engine.prove(local)
    assert "policies" in asked[signed:]
    engine.close()


def test_data_files_are_left_out_of_the_signature_by_name(tmp_path: Path):
    bundle = private_bundle.write([paths.rego_dir()], opa_server._AUTHZ, tmp_path)
    assert bundle.unsigned == ("lib/iam_catalog/data.json",)
    arguments = bundle.opa_arguments()
    assert arguments[arguments.index("--exclude-files-verify") + 1] == "lib/iam_catalog/data.json"
    assert arguments[arguments.index("--verification-key") + 1] == str(tmp_path / private_bundle.KEY)
