"""Running the installed `stackguard` command in a folder, and writing the files it reads."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

STACKGUARD = str(Path(sys.executable).with_name("stackguard"))


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([STACKGUARD, *args], capture_output=True, text=True, timeout=180, cwd=cwd,
                          env={**os.environ, **(env or {})})


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path
