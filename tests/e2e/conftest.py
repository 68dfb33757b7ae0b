"""Fixtures of the end-to-end suite: the real Pulumi CLI (.tools/pulumi, `bash scripts/setup --e2e`) with
the AWS provider test double on PATH. Where the CLI is missing the suite skips and says why, unless
STACKGUARD_E2E_REQUIRED is set (`.ci/run` sets it: CI has ../shared, so a skip there would hide a gap)."""
from __future__ import annotations

import os

import pytest

from tests.e2e.real_cli import Workspace, missing_reason


@pytest.fixture(scope="session")
def real_cli() -> None:
    reason = missing_reason()
    if reason and os.environ.get("STACKGUARD_E2E_REQUIRED"):
        pytest.fail(f"STACKGUARD_E2E_REQUIRED is set but {reason}")
    if reason:
        pytest.skip(reason)


@pytest.fixture
def workspace(real_cli, tmp_path) -> Workspace:
    return Workspace(tmp_path / "pulumi")
