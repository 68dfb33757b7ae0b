"""Old pulumi SDKs in the program's environment: refused with exit 2 naming the version and the minimum,
never a failure blamed on the program (issue #23, item 4)."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

from stackguard import sdk_support

ROOT = Path(__file__).resolve().parents[1]
STACKGUARD = str(Path(sys.executable).with_name("stackguard"))


@pytest.mark.parametrize(("version", "refused"), [
    ("3.5.1", True),
    ("3.20.0", True),
    ("3.21.0", False),
    ("3.120.0.dev0", False),
    ("3.272.0", False),
    ("not-a-version", False),  # given the run, whose completion preflight checks anyway
])
def test_the_minimum_sdk(version, refused):
    result = sdk_support.verdict(version)
    assert (result is not None) == refused
    if refused:
        assert result == {"status": "unsupported-sdk", "version": version, "minimum": "3.21.0"}


def old_sdk_environment(folder: Path) -> Path:
    """A virtualenv whose `pulumi` is pulumi 3.5.1 as far as the host can tell (its distribution
    metadata), layered on stackguard's environment for the rest. The real 3.5.1 (from PyPI, with
    protobuf 3.20) was refused the same way when this was written; tests do not reach PyPI."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    site = Path(subprocess.run([str(folder / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "stackguard-base.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    package = site / "pulumi"
    (package / "runtime").mkdir(parents=True)
    (package / "__init__.py").write_text("from . import runtime\n")
    (package / "runtime" / "__init__.py").write_text(textwrap.dedent('''
        def configure(settings):
            raise AssertionError("the host must refuse this SDK before it runs anything")
    '''))
    info = site / "pulumi-3.5.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: pulumi\nVersion: 3.5.1\n")
    return folder


@pytest.mark.slow
def test_a_program_on_pulumi_3_5_is_refused_naming_the_minimum(tmp_path):
    environment = old_sdk_environment(tmp_path / "venv-3.5.1")
    project = tmp_path / "program"
    project.mkdir()
    (project / "Pulumi.yaml").write_text(f"name: old\nruntime:\n  name: python\n  options:\n    virtualenv: {environment}\n")
    (project / "__main__.py").write_text("import pulumi\npulumi.CustomResource('aws:kms/key:Key', 'k', {})\n")
    env = {k: v for k, v in os.environ.items() if k != "PULUMI_CONFIG_PASSPHRASE"}
    done = subprocess.run([STACKGUARD, "preflight", "--project", str(project), "--stack", "dev", "--format", "json"],
                          capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
    assert done.returncode == 2 and done.stdout == "", done.stderr
    assert "Traceback" not in done.stderr and "the program failed" not in done.stderr
    assert f"{project / 'Pulumi.yaml'}: runtime: the program's environment" in done.stderr
    assert "has pulumi 3.5.1; preflight runs programs on pulumi 3.21.0 or newer" in done.stderr
    assert "stackguard check" in done.stderr
