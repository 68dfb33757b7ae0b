"""Runs in the consumer's own environment: only the installed stackguard package is importable."""
import runpy
from pathlib import Path

import stackguard.components as components
from stackguard.mocks import AwsMocks
from stackguard.recording import run_program

HERE = Path(__file__).parent


def test_components_come_from_the_installed_package():
    assert "site-packages" in components.__file__


def test_program_builds_the_secure_defaults():
    monitor = run_program(lambda: runpy.run_path(str(HERE / "__main__.py")), AwsMocks(), project="payments-consumer")
    [key] = monitor.of_type("aws:kms/key:Key")
    assert key.inputs["enableKeyRotation"] is True and key.inputs["deletionWindowInDays"] == 30
    [secret] = monitor.of_type("aws:secretsmanager/secret:Secret")
    assert secret.inputs["kmsKeyId"] and secret.inputs["recoveryWindowInDays"] == 30
    [policy] = monitor.of_type("aws:secretsmanager/secretPolicy:SecretPolicy")
    assert policy.inputs["blockPublicPolicy"] is True
    assert all("stackguard:" in r.urn for r in monitor.registrations if r.type.startswith("aws:"))
