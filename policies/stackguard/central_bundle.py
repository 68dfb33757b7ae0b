"""The signed bundle a central OPA loads: the rule modules (not the tests) and data files (the IAM
action catalog among them) of the built-in and the team's rule folders, built and signed by
`opa build --bundle --signing-key` for `stackguard bundle build`, and checked by `opa build
--verification-key` for `stackguard bundle verify`.

Its revision names what it holds: `stackguard-<version>+sha256.<digest>`, the digest taken over
each file's place in the bundle and SHA-256. Any run can compute the revision of its own rule
folders (`revision`) and compare it with the one a central OPA reports. OPA signs every file of
the bundle, data and `.manifest` included, so the revision is covered by the signature. Rule
metadata travels in the modules' `# METADATA` blocks, signed with them.
"""
from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Iterable

from . import __version__, rule_files, toolchain
from .errors import InputError

# Packages the bundle owns: a central OPA refuses another bundle's data or policy there. system/log
# is the decision-log mask (the platform's own system.authz stays outside the bundle).
ROOTS = ["aws", "lib", "stackguard", "team", "system/log"]
# The decision-log mask, signed with the rules: what a gate decision's log entry keeps.
MASK = Path(__file__).resolve().parent / "central" / "decision_log_mask.rego"
SIGNING_ALGORITHM = "RS256"
OPA_SECONDS = 120


class BundleRefused(Exception):
    """A bundle that does not verify, or holds other rules than the local ones; the message says why."""


def files(rego_dirs: Iterable[Path]) -> list[tuple[str, bytes]]:
    """The bundle's files as (path in the bundle, content): the rule folders' placed as the private
    OPA's bundle places them (`rule_files.placed`), and the decision-log mask."""
    placed = [(place, file.content) for place, file in rule_files.placed(rego_dirs)]
    return sorted([*placed, ("system/log/mask.rego", MASK.read_bytes())])


def revision(rego_dirs: Iterable[Path]) -> str:
    """`stackguard-<version>+sha256.<first 32 hex digits>` of the files `files` lists."""
    digest = hashlib.sha256()
    for name, content in files(rego_dirs):
        digest.update(f"{name}\0{hashlib.sha256(content).hexdigest()}\n".encode())
    return f"stackguard-{__version__}+sha256.{digest.hexdigest()[:32]}"


def build(rego_dirs: list[Path], signing_key: Path, output: Path) -> str:
    """Write the signed bundle to `output`; return its revision. InputError for a missing key or an
    output that exists (nothing half-written: OPA writes a temporary file that is moved in place)."""
    _readable(signing_key, "--signing-key", "a PEM private key (RSA, for RS256)")
    if output.exists():
        raise InputError(str(output), "(file)", "exists already; name a new file for the bundle")
    name = revision(rego_dirs)
    with tempfile.TemporaryDirectory(prefix="stackguard-bundle-") as work:
        stage = Path(work, "bundle")
        for path, content in files(rego_dirs):
            target = stage / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        (stage / ".manifest").write_text(json.dumps({"revision": name, "roots": ROOTS}))
        written = Path(work, "bundle.tar.gz")
        # Run in the staging folder so that the files' paths in the bundle start at its root.
        result = _opa("build", "--bundle", ".", "--signing-key", str(signing_key.resolve()),
                      "--signing-alg", SIGNING_ALGORITHM, "--output", str(written), cwd=stage)
        if result.returncode != 0:
            raise InputError(str(signing_key), "--signing-key", f"OPA could not sign the bundle with it ({_last_line(result.stdout)})")
        shutil.move(written, output)
    return name


def verify(bundle: Path, public_key: Path, rego_dirs: list[Path]) -> str:
    """The bundle's revision when OPA verifies its signature with `public_key` and the revision is
    the local rule folders'; BundleRefused saying why otherwise."""
    _readable(bundle, "BUNDLE", "a bundle built by `stackguard bundle build`")
    _readable(public_key, "--public-key", "a PEM public key")
    with tempfile.TemporaryDirectory(prefix="stackguard-bundle-") as work:
        result = _opa("build", "--bundle", str(bundle), "--verification-key", str(public_key),
                      "--signing-alg", SIGNING_ALGORITHM, "--output", str(Path(work, "checked.tar.gz")))
    if result.returncode != 0:
        raise BundleRefused(f"{bundle}: OPA refused its signature ({_last_line(result.stdout)})")
    claimed = manifest_revision(bundle)
    expected = revision(rego_dirs)
    if claimed != expected:
        raise BundleRefused(f"{bundle}: its revision is {claimed!r}, the local rules' is {expected!r}: "
                            "it holds other rules or data than these")
    return claimed


def manifest_revision(bundle: Path) -> str | None:
    """The revision the bundle's `.manifest` names (None without one)."""
    with tarfile.open(bundle, "r:gz") as archive:
        for member in archive.getmembers():
            if member.name.lstrip("/") == ".manifest":
                handle = archive.extractfile(member)
                value = json.load(io.TextIOWrapper(handle)) if handle else {}
                found = value.get("revision") if isinstance(value, dict) else None
                return found if isinstance(found, str) else None
    return None


def _opa(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """OPA with an empty environment; its messages, on either stream, in `stdout`."""
    return subprocess.run([str(toolchain.opa_binary()), *arguments], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=OPA_SECONDS, env={}, cwd=cwd)


def _readable(path: Path, key: str, expected: str) -> None:
    if not path.is_file():
        raise InputError(str(path), key, f"is not a readable file; expected {expected}")


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no message"
