"""Shared fixtures for component tests: run components on Pulumi's mock runtime and read what they registered."""
from __future__ import annotations

import pytest

from stackguard.mocks import AwsMocks
from stackguard.recording import RecordingMonitor, run_program


@pytest.fixture
def deploy():
    """deploy(build) runs build() on the mock runtime (stack "prod") and returns the RecordingMonitor."""

    def _deploy(build, stack: str = "prod") -> RecordingMonitor:
        return run_program(build, AwsMocks(), project="component-test", stack=stack)

    return _deploy
