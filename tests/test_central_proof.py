"""A central OPA proves its rules by the signed bundle it reports, not by listing them (issue #22,
item 3). The pinned OPA loads the bundle of `stackguard bundle build` from a static HTTP server on
127.0.0.1, as docs/central-engine.md configures it; `stackguard check` runs against it.

Fault cases and their outcome:
- the bundle signed with the team key, of the local rules: the run decides (exit 1 here: findings);
- tampered after signing, or signed with another key: OPA activates nothing; exit 3;
- a legitimately signed bundle of other (older) rules: exit 3, naming both revisions;
- the bundle server down when OPA starts: nothing activated; exit 3;
- OPA configured without a signing key (serving the same files unsigned): exit 3;
- replaced while a run is under way by another legitimately signed revision: exit 3 (no verdict
  rests on two revisions); replaced by a tampered one: OPA keeps the revision it had, and the run,
  which was proven on that revision, passes.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from functools import partial
from pathlib import Path

import pytest
import requests
from pulumi.runtime import proto

from stackguard import catalog, central_bundle, paths
from stackguard.engine import EngineSettings, LocalRules, PolicyEngine
from stackguard.errors import EngineError
from tests import central_opa as central
from tests.central_opa import activated, central_opa, opa_server
from tests.pack_driver import PackProcess
from tests.stack_exports import export, generated_inputs, kms_key
from tests.test_pack_grpc import configure, key, rules_of

bundle_server = central.bundle_server  # a fixture: a static bundle server on 127.0.0.1
keys = central.keys  # a fixture: the team's key pair and another

pytestmark = pytest.mark.slow

STACKGUARD = str(Path(sys.executable).with_name("stackguard"))
LOCAL = central_bundle.revision([paths.rego_dir()])


@pytest.fixture(scope="module")
def signed(tmp_path_factory, keys) -> Path:
    output = tmp_path_factory.mktemp("bundle") / "stackguard.tar.gz"
    assert central_bundle.build([paths.rego_dir()], keys["team"][0], output) == LOCAL
    return output


@pytest.fixture(scope="module")
def older(tmp_path_factory, keys) -> tuple[Path, str]:
    """A bundle signed with the team key, of rules that differ from the local ones by a comment."""
    folder = tmp_path_factory.mktemp("older")
    rego = folder / "rego"
    shutil.copytree(paths.rego_dir(), rego)
    rule = rego / "aws" / "kms" / "key_rotation.rego"
    rule.write_text(rule.read_text() + "\n# an older revision\n")
    output = folder / "stackguard.tar.gz"
    return output, central_bundle.build([rego], keys["team"][0], output)


def tampered(bundle: Path, target: Path, unsigned: bool = False) -> Path:
    """The bundle with a rule changed after signing, or (`unsigned`) with its signature removed."""
    with tarfile.open(bundle, "r:gz") as source, tarfile.open(target, "w:gz") as archive:
        for member in source.getmembers():
            content = source.extractfile(member).read() if member.isfile() else b""
            if unsigned and member.name.endswith(".signatures.json"):
                continue
            if not unsigned and member.name.endswith("aws/kms/key_rotation.rego"):
                content = content.replace(b"enableKeyRotation", b"enableKeyRotatioN")
            info = tarfile.TarInfo(member.name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return target


@pytest.fixture
def central(tmp_path, bundle_server, keys):
    """Start a central OPA on what `serve` put on the bundle server; yields (start, served folder)."""
    served, service = bundle_server
    processes: list[subprocess.Popen] = []

    def start(public_key: Path | None = None, signed_config: bool = True) -> str:
        process, url = central_opa(tmp_path, service, public_key or keys["team"][1], signed=signed_config)
        processes.append(process)
        return url

    yield start, served
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


def check(tmp_path: Path, url: str) -> subprocess.CompletedProcess:
    stack = tmp_path / "export.json"
    stack.write_text(json.dumps(export(kms_key("data-key", rotation=False))))
    return subprocess.run([STACKGUARD, "check", str(stack), "--format", "json", "--output", str(tmp_path / "r.json")],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "STACKGUARD_OPA_URL": url, "STACKGUARD_OPA_TIMEOUT": "60"})


def blocked(result: subprocess.CompletedProcess, reason: str) -> None:
    assert result.returncode == 3, (result.returncode, result.stderr)
    assert reason in result.stderr and "nothing passes" in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_the_signed_bundle_of_the_local_rules_is_proven_without_the_listing(central, signed, tmp_path, monkeypatch):
    start, served = central
    shutil.copy(signed, served / "stackguard.tar.gz")
    url = start()
    assert activated(url) == LOCAL
    result = check(tmp_path, url)
    assert result.returncode == 1, result.stderr  # decided: the KMS key without rotation is a finding
    assert "aws-kms-key-rotation" in (tmp_path / "r.json").read_text()
    # In-process, the same proof asks for the configuration and the bundles, never the 2.3 MB listing.
    asked: list[str] = []
    real = PolicyEngine._call

    def spy(self, method, path, body=None, budget=None):
        asked.append(path)
        return real(self, method, path, body, budget)

    monkeypatch.setattr(PolicyEngine, "_call", spy)
    rules = catalog.load()
    engine = PolicyEngine(EngineSettings(url=url), [r.id for r in rules])
    engine.prove(LocalRules.of([r.id for r in rules], [paths.rego_dir()]))
    assert engine.bundle == ("stackguard", LOCAL)
    assert "config" in asked and "data/system/bundles" in asked and "policies" not in asked


@pytest.mark.parametrize("case", ["tampered", "wrong key"])
def test_a_bundle_that_does_not_verify_blocks(central, signed, keys, tmp_path, case):
    start, served = central
    if case == "tampered":
        tampered(signed, served / "stackguard.tar.gz")
    else:
        shutil.copy(signed, served / "stackguard.tar.gz")
    url = start(public_key=keys["other"][1] if case == "wrong key" else None)
    time.sleep(3)  # OPA has tried (and refused) the bundle at least once
    blocked(check(tmp_path, url), "has activated none of its bundles")


def test_an_old_revision_blocks(central, older, tmp_path):
    start, served = central
    bundle, revision = older
    shutil.copy(bundle, served / "stackguard.tar.gz")
    url = start()
    assert activated(url) == revision
    result = check(tmp_path, url)
    blocked(result, "not the local rules'")
    assert revision in result.stderr and LOCAL in result.stderr


def test_a_bundle_server_down_at_start_blocks(central, tmp_path):
    start, _served = central  # nothing served: every download fails
    url = start()
    time.sleep(2)
    blocked(check(tmp_path, url), "the bundle server may be down")


def test_an_opa_that_does_not_verify_signatures_blocks(central, signed, tmp_path):
    # OPA configured without a signing key refuses a signed bundle, and loads one without a signature.
    start, served = central
    tampered(signed, served / "stackguard.tar.gz", unsigned=True)
    url = start(signed_config=False)
    assert activated(url) == LOCAL
    blocked(check(tmp_path, url), "does not verify the signature")


def proven_engine(url: str) -> PolicyEngine:
    rules = catalog.load()
    ids = [r.id for r in rules]
    engine = PolicyEngine(EngineSettings(url=url, timeout=60), ids)
    engine.prove_alongside(partial(LocalRules.of, ids, [paths.rego_dir()]))
    engine.proven()
    return engine


def test_a_bundle_replaced_while_running_by_another_revision_blocks(central, signed, older, tmp_path):
    start, served = central
    shutil.copy(signed, served / "stackguard.tar.gz")
    url = start()
    assert activated(url) == LOCAL
    engine = proven_engine(url)
    bundle, revision = older
    shutil.copy(bundle, served / "stackguard.tar.gz")  # published while the run is under way
    deadline = time.monotonic() + 30
    while activated(url, seconds=1) != revision and time.monotonic() < deadline:
        time.sleep(0.5)
    with pytest.raises(EngineError, match="replaced bundle 'stackguard' during the run"):
        engine.stack_answers(generated_inputs(20), {})


def test_a_tampered_replacement_is_never_activated_and_the_run_passes(central, signed, tmp_path):
    start, served = central
    shutil.copy(signed, served / "stackguard.tar.gz")
    url = start()
    assert activated(url) == LOCAL
    engine = proven_engine(url)
    tampered(signed, served / "replacement.tar.gz").replace(served / "stackguard.tar.gz")
    time.sleep(3)  # OPA has downloaded the replacement and refused it
    assert requests.get(f"{url}/v1/data/system/bundles", timeout=5).json()["result"]["stackguard"]["manifest"]["revision"] == LOCAL
    findings = engine.stack_answers(generated_inputs(20), {})
    assert {f.rule for f in findings} >= {"aws-kms-key-rotation"}


@pytest.fixture
def files_opa(tmp_path):
    """A central OPA that loads a copy of the rule folder as files (no bundle service): proven by
    its listing and its data; yields (start, the copy)."""
    rego = tmp_path / "rego"
    shutil.copytree(paths.rego_dir(), rego)
    processes: list[subprocess.Popen] = []

    def start() -> str:
        process, url = opa_server(str(rego))
        processes.append(process)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{url}/health", timeout=2).ok:
                    return url
            except requests.RequestException:
                time.sleep(0.2)
        raise AssertionError("OPA did not come up")

    yield start, rego
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


def test_an_opa_loading_the_rule_files_is_proven_by_its_listing_and_its_data(files_opa, tmp_path):
    start, _rego = files_opa
    result = check(tmp_path, start())
    assert result.returncode == 1, result.stderr  # decided: the KMS key without rotation is a finding


def test_an_opa_serving_another_iam_catalog_blocks(files_opa, tmp_path):
    """The listing shows only modules: a catalog that no longer lists s3's actions would make
    `s3:*` grant nothing, so the catalog is compared with the local one too."""
    start, rego = files_opa
    catalog_file = rego / "lib" / "iam_catalog" / "data.json"
    data = json.loads(catalog_file.read_text())
    del data["actions"]["s3"]
    catalog_file.write_text(json.dumps(data))
    blocked(check(tmp_path, start()), "serves other data at data.lib.iam_catalog")


def test_the_pack_blocks_a_deploy_whose_bundle_was_replaced_while_it_ran(central, signed, older, rules):
    """The pack proves the central OPA when the deploy starts; a revision published while Pulumi is
    still sending resources would leave the deploy's verdicts resting on two revisions."""
    start, served = central
    shutil.copy(signed, served / "stackguard.tar.gz")
    url = start()
    assert activated(url) == LOCAL
    with PackProcess(env={"STACKGUARD_OPA_URL": url, "STACKGUARD_OPA_TIMEOUT": "60"}) as pack:
        configure(pack, rules, {})
        assert "aws-kms-key-rotation" in rules_of(pack.analyze(key(False)))
        assert not any(d.enforcementLevel == proto.MANDATORY for d in pack.analyze_stack([key(True)]))
        bundle, revision = older
        shutil.copy(bundle, served / "stackguard.tar.gz")  # published while the deploy is under way
        deadline = time.monotonic() + 30
        while activated(url, seconds=1) != revision and time.monotonic() < deadline:
            time.sleep(0.5)
        stack = pack.analyze_stack([key(True)])
    assert stack and all(d.enforcementLevel == proto.MANDATORY for d in stack)
    assert all("replaced bundle 'stackguard' during the run" in d.message for d in stack)
