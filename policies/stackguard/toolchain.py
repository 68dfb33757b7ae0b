"""The OPA binary stackguard runs: its pinned version, where it lives, and how it is built.

OPA is built from the Go module proxy at the version below (the only place it is written)
into `.tools/opa/<version>/opa` at the project root, which git ignores.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OPA_VERSION = "1.22.3"
OPA_MODULE = "github.com/open-policy-agent/opa"

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TOOLS_DIR = PROJECT_ROOT / ".tools" / "opa" / OPA_VERSION


class ToolchainError(RuntimeError):
    """OPA is missing or could not be built."""


def opa_binary() -> Path:
    """The OPA executable: STACKGUARD_OPA_BIN, else the project-local build, else `opa` on PATH."""
    explicit = os.environ.get("STACKGUARD_OPA_BIN")
    if explicit:
        return Path(explicit)
    local = TOOLS_DIR / "opa"
    if local.exists():
        return local
    on_path = shutil.which("opa")
    if on_path:
        return Path(on_path)
    raise ToolchainError(
        f"OPA {OPA_VERSION} is not installed: run `bash scripts/setup` (builds it into {TOOLS_DIR}) "
        "or set STACKGUARD_OPA_BIN to an opa executable."
    )


def install() -> Path:
    """Build OPA from the Go module proxy into the project tools folder; reuse it when present."""
    target = TOOLS_DIR / "opa"
    if target.exists():
        return target
    go = shutil.which("go")
    if not go:
        raise ToolchainError("Go is needed to build OPA: install Go 1.24 or newer, or set STACKGUARD_OPA_BIN.")
    TOOLS_DIR.mkdir(parents=True, exist_ok=True)
    # A throwaway module keeps `go install` away from any go.mod of the caller and from replace directives.
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "GOBIN": str(TOOLS_DIR), "GOFLAGS": "-mod=mod"}
        subprocess.run([go, "install", f"{OPA_MODULE}@v{OPA_VERSION}"], cwd=work, env=env, check=True)
    return target


if __name__ == "__main__":
    try:
        print(install())
    except (ToolchainError, subprocess.CalledProcessError) as err:
        print(f"stackguard: {err}", file=sys.stderr)
        sys.exit(2)
