"""`stackguard test-rules DIR`: a team's Rego tests, run by the OPA inside stackguard (`opa test`)
beside stackguard's helpers (`data.lib.*`), so a wheel user tests rules without installing opa.

The helpers are copied without stackguard's own tests into a temporary root, so that OPA names their
data files as the gate does (`lib/iam_catalog/data.json` is `data.lib.iam_catalog`) and only the
team's tests run.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from . import paths, toolchain
from .errors import InputError


def run(directory: Path) -> subprocess.CompletedProcess:
    if not directory.is_dir():
        raise InputError(str(directory), "DIR", "is not a folder of Rego rules (the folder stackguard.yaml's `rules` lists)")
    if not any(directory.rglob("*_test.rego")):
        raise InputError(str(directory), "DIR", "holds no *_test.rego file: write <rule>_test.rego beside each rule (docs/writing-rules.md)")
    with tempfile.TemporaryDirectory(prefix="stackguard-test-rules-") as work:
        helpers = Path(work) / "stackguard-helpers"
        shutil.copytree(paths.rego_dir() / "lib", helpers / "lib", ignore=lambda _d, names: [n for n in names if n.endswith("_test.rego")])
        return subprocess.run([str(toolchain.opa_binary()), "test", "--format=pretty",
                               str(helpers), str(directory.resolve())], capture_output=True, text=True, timeout=600)
