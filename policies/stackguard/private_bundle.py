"""The private OPA's bundle: the rule and data files of each rule folder (not the tests) and the
authorization policy, as one read-only archive signed with a key made for this run.

OPA verifies the signature as it loads the bundle (`--verification-key`, HS256) and refuses to start
when a module differs from the bytes this process read, when one is missing, or when the archive
holds a module the signature does not name. The private OPA therefore needs no listing of its
policies to prove which modules it serves; a central OPA still proves them with its listing
(`engine.PolicyEngine.prove`). Data files stay outside the signature, as they stay outside the
listing proof: OPA hashes a JSON file by its own canonical re-encoding of the parsed value.

The token is written here, an HS256 JWS in compact form (RFC 7515) over the standard library's
hmac, rather than with PyJWT: importing PyJWT loads the `cryptography` backend, and this runs
before OPA can start.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import secrets
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from . import rule_files

ARCHIVE = "rules.tar.gz"
KEY = "bundle.key"
SIGNATURES = ".signatures.json"


@dataclass(frozen=True)
class PrivateBundle:
    archive: Path
    key: Path
    unsigned: tuple[str, ...]  # the data files' paths in the archive, excluded from verification

    def opa_arguments(self) -> list[str]:
        """`opa run` flags that load the bundle and refuse it unless its signature verifies."""
        excluded = ["--exclude-files-verify", ",".join(self.unsigned)] if self.unsigned else []
        return ["--bundle", str(self.archive), "--verification-key", str(self.key), "--signing-alg", "HS256", *excluded]


def write(rego_dirs: Iterable[Path], authz: str, target: Path) -> PrivateBundle:
    """Write the signed archive and its key into target (a 0700 folder), both read-only, the files
    placed as `rule_files.placed` places them."""
    placed = rule_files.placed(rego_dirs)
    modules = [(place, file.content) for place, file in placed if file.is_module]
    data = [(place, file.content) for place, file in placed if not file.is_module]
    modules.append(("authz/authz.rego", authz.encode()))
    key = secrets.token_hex(32)
    signatures = json.dumps({"signatures": [signature(modules, key)]}).encode()
    archive, key_file = target / ARCHIVE, target / KEY
    key_file.write_text(key)
    # Stored, not compressed: OPA reads the archive from a local disk, and compressing it cost more
    # time before OPA could start than reading the larger file costs OPA.
    with tarfile.open(archive, "w:gz", compresslevel=0) as tar:
        for name, content in [(SIGNATURES, signatures), *modules, *data]:
            _add(tar, name, content)
    for path in (archive, key_file):
        path.chmod(0o400)
    return PrivateBundle(archive, key_file, tuple(name for name, _ in data))


def signature(files: Iterable[tuple[str, bytes]], key: str) -> str:
    """The JWT of `.signatures.json`: each file's name and SHA-256, signed with HS256 under `key`."""
    claims = {"files": [{"name": name, "hash": hashlib.sha256(content).hexdigest(), "algorithm": "SHA-256"}
                        for name, content in files]}
    signing_input = f"{_segment({'alg': 'HS256', 'typ': 'JWT'})}.{_segment(claims)}"
    mac = hmac.new(key.encode(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_base64url(mac)}"


def _segment(value: Any) -> str:
    return _base64url(json.dumps(value, separators=(",", ":")).encode())


def _base64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _add(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = len(content), 0o400
    archive.addfile(info, io.BytesIO(content))
