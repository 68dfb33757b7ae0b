"""The OPA binary stackguard runs: its pinned version, where it is found, and how it is built.

OPA is built from the Go module proxy at the version below (the only place it is written). Found,
in order: STACKGUARD_OPA_BIN; the copy inside the installed package (`stackguard/bin/opa`, shipped
by the platform wheel that `scripts/dist` builds); the checkout's `.tools/opa/<version>/opa`
(`scripts/setup` builds it); `opa` on PATH. An OPA of another version is refused: the same rule
files must decide the same way everywhere.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

OPA_VERSION = "1.22.3"
OPA_MODULE = "github.com/open-policy-agent/opa"

PACKAGED = Path(__file__).resolve().parent / "bin" / "opa"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
TOOLS_DIR = PROJECT_ROOT / ".tools" / "opa" / OPA_VERSION


class ToolchainError(RuntimeError):
    """OPA is missing, of another version, or could not be built."""


@lru_cache(maxsize=8)
def _version_of(binary: str) -> str:
    try:
        out = subprocess.run([binary, "version"], capture_output=True, text=True, timeout=30, env={}).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    match = re.search(r"^Version:\s*(\S+)", out, re.MULTILINE)
    return match.group(1) if match else ""


def _checked(binary: Path, where: str) -> Path:
    found = _version_of(str(binary))
    if found != OPA_VERSION:
        raise ToolchainError(f"{where} ({binary}) is OPA {found or 'of an unknown version'}; stackguard needs OPA {OPA_VERSION}")
    return binary


def opa_binary() -> Path:
    explicit = os.environ.get("STACKGUARD_OPA_BIN")
    if explicit:
        return _checked(Path(explicit), "STACKGUARD_OPA_BIN")
    for candidate in (PACKAGED, TOOLS_DIR / "opa"):
        if candidate.exists():
            return candidate
    on_path = shutil.which("opa")
    if on_path:
        return _checked(Path(on_path), "`opa` on PATH")
    raise ToolchainError(
        f"OPA {OPA_VERSION} is not installed: install the stackguard platform wheel (bash scripts/dist), "
        f"run `bash scripts/setup` in a checkout (builds it into {TOOLS_DIR}), or set STACKGUARD_OPA_BIN."
    )


def install() -> Path:
    """Build OPA from the Go module proxy into the project tools folder; reuse any usable OPA."""
    target = TOOLS_DIR / "opa"
    if target.exists():
        return target
    try:
        return opa_binary()  # STACKGUARD_OPA_BIN or an `opa` of the right version: no Go needed
    except ToolchainError:
        pass
    go = shutil.which("go")
    if not go:
        raise ToolchainError(f"Go is needed to build OPA {OPA_VERSION}: install Go 1.24 or newer, or set STACKGUARD_OPA_BIN.")
    TOOLS_DIR.mkdir(parents=True, exist_ok=True)
    # A throwaway module keeps `go install` away from any go.mod of the caller and from replace directives;
    # CGO off gives a static binary that runs on any Linux (the platform wheel ships it).
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "GOBIN": str(TOOLS_DIR), "GOFLAGS": "-mod=mod", "CGO_ENABLED": "0"}
        subprocess.run([go, "install", f"{OPA_MODULE}@v{OPA_VERSION}"], cwd=work, env=env, check=True)
    return target


if __name__ == "__main__":
    try:
        print(install())
    except (ToolchainError, subprocess.CalledProcessError) as err:
        print(f"stackguard: {err}", file=sys.stderr)
        sys.exit(2)
