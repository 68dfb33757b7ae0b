"""The `stackguard` entry point (policies/stackguard/launch.py): what it sets up before the CLI runs."""
from __future__ import annotations

import gc
import sys

import pytest

from stackguard import cli, launch


@pytest.mark.parametrize(("command", "collects"), [("check", False), ("preflight", False), ("scan", False),
                                                   ("rules", True), ("explain", True)])
def test_only_runs_that_evaluate_turn_the_cyclic_collector_off(command, collects, monkeypatch):
    """Reading and deciding a large stack allocates millions of acyclic objects; the collections
    they set off cost 45% of the CLI's time at 100,000 resources and free nothing."""
    seen = []
    monkeypatch.setenv("STACKGUARD_OPA_URL", "http://127.0.0.1:9")  # no private OPA started early
    monkeypatch.setattr(sys, "argv", ["stackguard", command])
    monkeypatch.setattr(cli, "main", lambda: seen.append(gc.isenabled()))
    try:
        launch.main()
    finally:
        gc.enable()
        gc.unfreeze()
    assert seen == [collects]
