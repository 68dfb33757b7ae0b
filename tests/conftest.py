"""Fixtures that start the real things: OPA on 127.0.0.1 with the repo's rules, the policy pack as the
Pulumi CLI starts it, and the real Pulumi CLI itself (tests/e2e/real_cli.py)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from stackguard import catalog
from stackguard.gate import EngineSession
from stackguard.opa_server import OpaServer
from tests.e2e.real_cli import Workspace, missing_reason
from tests.fake_engines import FakeEngine
from tests.pack_driver import PackProcess

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def rules():
    return catalog.load()


@pytest.fixture(scope="session")
def opa():
    """A real `opa run --server` on a free loopback port, serving policies/rego."""
    with OpaServer() as server:
        yield server


@pytest.fixture(scope="session")
def engine(rules):
    """The in-process gate's engine: a private OPA that has proven it serves policies/rego."""
    with EngineSession(rules) as session:
        yield session.engine()


@pytest.fixture(scope="session")
def pack(opa):
    """The policy pack process, pointed at the session's OPA."""
    with PackProcess(env={"STACKGUARD_OPA_URL": opa.url, "STACKGUARD_OPA_TOKEN": opa.token}) as process:
        yield process


@pytest.fixture
def write_json(tmp_path):
    def _write(name: str, document) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(document))
        return path

    return _write


@pytest.fixture
def fake():
    """`fake(answer, drip_seconds)`: a FakeEngine on 127.0.0.1, closed after the test (the fault suites)."""
    made: list[FakeEngine] = []

    def _make(answer, drip_seconds: float = 0.0) -> FakeEngine:
        made.append(FakeEngine(answer, drip_seconds))
        return made[-1]

    yield _make
    for engine in made:
        engine.close()


@pytest.fixture(scope="session")
def real_cli() -> None:
    """The real Pulumi CLI (.tools/pulumi, `bash scripts/setup --e2e`), or a skip that says why. Where
    STACKGUARD_E2E_REQUIRED is set (`.ci/run`, which has ../shared) a missing CLI fails instead."""
    reason = missing_reason()
    if reason and os.environ.get("STACKGUARD_E2E_REQUIRED"):
        pytest.fail(f"STACKGUARD_E2E_REQUIRED is set but {reason}")
    if reason:
        pytest.skip(reason)


@pytest.fixture
def workspace(real_cli, tmp_path) -> Workspace:
    """A PULUMI_HOME and file:// backend of the test's own, with the AWS provider test double on PATH."""
    return Workspace(tmp_path / "pulumi")


@pytest.fixture(scope="session")
def corpus_env() -> Path:
    """The shared environment of the corpus (built once, cached in .venv-corpus/)."""
    subprocess.run(["bash", str(ROOT / "scripts" / "setup-corpus")], check=True, timeout=900)
    return ROOT / ".venv-corpus"


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for the scan history's postgresql:// store; skipped only where the
    `pgserver` package (a test extra, installed by scripts/setup) is missing."""
    pytest.importorskip("pgserver", reason="the pgserver package (PostgreSQL's server as a wheel) is not installed: "
                                          "run `bash scripts/setup --no-run`")
    from tests.scan_helpers import Postgres

    # Not under pytest's own temporary folder: as root, the server runs as another user, which must be able to
    # reach its folder, and pytest keeps its folders private (0700) to the user that runs it.
    folder = Path(tempfile.mkdtemp(prefix="stackguard-postgres-"))
    server = Postgres(folder / "data")
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)
