"""Shared fixtures for component tests: run components on Pulumi's mock runtime and read what they registered."""
from __future__ import annotations

import gc

import pytest

from stackguard.mocks import AwsMocks
from stackguard.recording import RecordingMonitor, run_program


@pytest.fixture
def deploy():
    """deploy(build) runs build() on the mock runtime (stack "prod") and returns the RecordingMonitor."""

    def _deploy(build, stack: str = "prod") -> RecordingMonitor:
        return run_program(build, AwsMocks(), project="component-test", stack=stack)

    yield _deploy
    # A deployment that failed leaves asyncio tasks holding its exception; collected later, in the
    # middle of some compile (an import), their finalizers log and compile in turn, and CPython 3.11's
    # shared AST recursion counter then fails that import ("AST constructor recursion depth mismatch").
    # Collect them here, between tests, where nothing is being compiled.
    gc.collect()
