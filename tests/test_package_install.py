"""Another team's view: install the built package into a fresh virtual environment and use it."""
from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
PUBLIC_NAMES = ("EncryptionKey, SecretStore, WebAcl, RestApi, HttpApi, PrivateEndpoints, ServiceRole, "
                "SecurityMonitoring, UserDirectory")


@pytest.fixture(scope="module")
def consumer_env(tmp_path_factory):
    work = tmp_path_factory.mktemp("consumer")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(work / "dist"), str(ROOT)],
                   check=True, timeout=300)
    [wheel] = (work / "dist").glob("stackguard-*.whl")
    venv.EnvBuilder(with_pip=True).create(work / "venv")
    python = work / "venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", f"{wheel}[test]"], check=True, timeout=900)
    return python, work


def test_public_names_import_after_pip_install(consumer_env):
    python, work = consumer_env
    result = subprocess.run([str(python), "-c", f"from components import {PUBLIC_NAMES}; print('ok')"],
                            capture_output=True, text=True, cwd=work, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_consumer_stack_test_passes_in_its_own_environment(consumer_env):
    python, work = consumer_env
    project = work / "payments-consumer"
    shutil.copytree(ROOT / "examples" / "consumer", project)
    result = subprocess.run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_consumer.py"],
                            capture_output=True, text=True, cwd=project, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "2 passed" in result.stdout
