"""`stackguard bundle build|verify` (issue #22, item 3): one bundle of the rules, the data (the IAM
action catalog) and the rule metadata, signed by OPA with the team's key, whose revision names the
product version and the content; and a real OPA that loads it from a static HTTP server, verifying
the signature with the team's public key, as docs/central-engine.md configures it."""
from __future__ import annotations

import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
import requests

from stackguard import central_bundle, paths
from tests import central_opa as central
from tests.central_opa import activated, central_opa
from tests.cli_runs import run

bundle_server = central.bundle_server  # a fixture: a static bundle server on 127.0.0.1
keys = central.keys  # a fixture: the team's key pair and another

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory, keys) -> Path:
    output = tmp_path_factory.mktemp("bundle") / "stackguard.tar.gz"
    result = run("bundle", "build", str(output), "--signing-key", str(keys["team"][0]))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == central_bundle.revision([paths.rego_dir()])
    return output


def members(bundle: Path) -> dict[str, bytes]:
    with tarfile.open(bundle, "r:gz") as archive:
        return {m.name.lstrip("/"): archive.extractfile(m).read() for m in archive.getmembers() if m.isfile()}


def rewritten(bundle: Path, target: Path, change) -> Path:
    """The bundle with its files passed through change(name, content), the signature kept as it was."""
    with tarfile.open(target, "w:gz") as archive:
        for name, content in members(bundle).items():
            content = change(name, content)
            info = tarfile.TarInfo("/" + name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return target


def test_the_bundle_holds_rules_data_and_metadata_and_its_revision(bundle):
    files = members(bundle)
    manifest = json.loads(files[".manifest"])
    assert manifest["revision"] == central_bundle.revision([paths.rego_dir()])
    assert manifest["revision"].startswith("stackguard-") and "+sha256." in manifest["revision"]
    assert "lib" in manifest["roots"] and "aws" in manifest["roots"]
    modules = [name for name in files if name.endswith(".rego")]
    assert modules and not [name for name in modules if name.endswith("_test.rego")]
    assert b"# METADATA" in files["rules0/aws/kms/key_rotation.rego"]  # the rule metadata travels in the modules
    assert "iam_catalog" in json.loads(files["data.json"])["lib"]  # the IAM action catalog, signed with the rest
    signed = json.loads(files[".signatures.json"])["signatures"]
    assert len(signed) == 1


def test_verify_accepts_the_bundle_with_the_team_key(bundle, keys):
    result = run("bundle", "verify", str(bundle), "--public-key", str(keys["team"][1]))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == central_bundle.revision([paths.rego_dir()])


def test_verify_refuses_another_key(bundle, keys):
    result = run("bundle", "verify", str(bundle), "--public-key", str(keys["other"][1]))
    assert result.returncode == 1 and "refused its signature" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("what", ["a rule", "the IAM catalog", "the revision"])
def test_verify_refuses_a_tampered_bundle(bundle, keys, tmp_path, what):
    def change(name: str, content: bytes) -> bytes:
        if what == "a rule" and name == "rules0/aws/kms/key_rotation.rego":
            return content.replace(b"enableKeyRotation", b"enableKeyRotatioN")
        if what == "the IAM catalog" and name == "data.json":
            return content.replace(b'"getobject"', b'"getobjekt"', 1)
        if what == "the revision" and name == ".manifest":
            return content.replace(b"stackguard-", b"stackguard-9")
        return content

    tampered = rewritten(bundle, tmp_path / "tampered.tar.gz", change)
    assert members(tampered) != members(bundle)
    result = run("bundle", "verify", str(tampered), "--public-key", str(keys["team"][1]))
    assert result.returncode == 1 and "refused its signature" in result.stderr, result.stderr


def test_verify_refuses_a_signed_bundle_of_other_rules(keys, tmp_path):
    # Legitimately signed, but built from older rules: not the rules this checkout holds.
    older = tmp_path / "rego"
    shutil.copytree(paths.rego_dir(), older)
    rule = older / "aws" / "kms" / "key_rotation.rego"
    rule.write_text(rule.read_text() + "\n# an older revision\n")
    output = tmp_path / "older.tar.gz"
    older_revision = central_bundle.build([older], keys["team"][0], output)
    assert older_revision != central_bundle.revision([paths.rego_dir()])
    result = run("bundle", "verify", str(output), "--public-key", str(keys["team"][1]))
    assert result.returncode == 1 and older_revision in result.stderr and "other rules" in result.stderr


def test_build_refuses_a_missing_key_and_an_existing_file(bundle, tmp_path):
    result = run("bundle", "build", str(tmp_path / "b.tar.gz"), "--signing-key", str(tmp_path / "none.pem"))
    assert result.returncode == 2 and "none.pem" in result.stderr and not (tmp_path / "b.tar.gz").exists()
    result = run("bundle", "build", str(bundle), "--signing-key", str(bundle))
    assert result.returncode == 2 and "exists already" in result.stderr


def test_a_central_opa_loads_the_signed_bundle_from_a_bundle_server(bundle, keys, bundle_server, tmp_path):
    served, service = bundle_server
    shutil.copy(bundle, served / "stackguard.tar.gz")
    process, url = central_opa(tmp_path, service, keys["team"][1])
    try:
        assert activated(url) == central_bundle.revision([paths.rego_dir()])
        rules = requests.post(f"{url}/v1/data/stackguard/rules", json={"input": {}}, timeout=10).json()["result"]
        assert "aws-kms-key-rotation" in rules
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("case", ["wrong key", "tampered"])
def test_a_central_opa_activates_no_bundle_that_does_not_verify(bundle, keys, bundle_server, tmp_path, case):
    served, service = bundle_server
    if case == "tampered":
        rewritten(bundle, served / "stackguard.tar.gz",
                  lambda name, content: content.replace(b"enableKeyRotation", b"enableKeyRotatioN")
                  if name == "rules0/aws/kms/key_rotation.rego" else content)
    else:
        shutil.copy(bundle, served / "stackguard.tar.gz")
    process, url = central_opa(tmp_path, service, keys["other" if case == "wrong key" else "team"][1])
    try:
        assert activated(url, seconds=6) is None
    finally:
        process.terminate()
        process.wait(timeout=10)
