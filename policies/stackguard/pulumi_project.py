"""Read a Pulumi project and one stack's configuration the way the Pulumi CLI does, without the CLI.

`secure:` values are decrypted with PULUMI_CONFIG_PASSPHRASE when it is set (Pulumi's passphrase
provider: PBKDF2-SHA256, 1,000,000 iterations, AES-256-GCM); otherwise they stay unknown secrets.
Decrypted values only ever travel as Pulumi secrets.
"""
from __future__ import annotations

import base64
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import inputs
from .errors import InputError

UNKNOWN_SECRET = "[secret]"
STACK_NAME = re.compile(r"[A-Za-z0-9_.-]{1,100}")
_PBKDF2_ITERATIONS = 1_000_000


class _Runtime(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str
    options: dict[str, Any] | None = None


class ProjectFile(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    name: str = Field(min_length=1)
    runtime: str | _Runtime
    main: str = "."
    stack_config_dir: str = Field(".", alias="stackConfigDir")


@dataclass
class StackConfig:
    """Config of one stack: values as the engine hands them to a program (strings), and which are secret."""

    file: Path
    values: dict[str, str] = field(default_factory=dict)
    secret_keys: list[str] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    exists: bool = True


@dataclass
class Project:
    directory: Path
    name: str
    program_dir: Path
    stack_config_dir: Path
    file: Path = Path("Pulumi.yaml")
    runtime_options: dict[str, Any] = field(default_factory=dict)

    def stacks(self) -> list[str]:
        return sorted(p.name[len("Pulumi."):-len(".yaml")] for p in self.stack_config_dir.glob("Pulumi.*.yaml"))

    def stack_config(self, stack: str) -> StackConfig:
        if not STACK_NAME.fullmatch(stack):
            raise InputError("--stack", stack, "a stack name has 1 to 100 letters, digits, hyphens, underscores or periods")
        path = self.stack_config_dir / f"Pulumi.{stack}.yaml"
        if not path.exists():
            # As the Pulumi CLI does for a new stack: no config file is an empty config.
            return StackConfig(file=path, exists=False)
        document = _yaml(path)
        config = document.get("config") or {}
        if not isinstance(config, dict):
            raise InputError(str(path), "config", "must be a mapping of 'namespace:key' to values")
        result = StackConfig(file=path)
        decrypt = _decrypter(document.get("encryptionsalt"), path)
        for key, value in config.items():
            if not isinstance(key, str) or not key:
                raise InputError(str(path), f"config.{key}", "config keys must be strings like 'namespace:key'")
            full_key = key if ":" in key else f"{self.name}:{key}"
            result.raw[full_key] = value
            if isinstance(value, dict) and set(value) == {"secure"}:
                if not isinstance(value["secure"], str):
                    raise InputError(str(path), f"config.{key}.secure", "must be the ciphertext string Pulumi wrote (v1:…)")
                result.values[full_key] = decrypt(value["secure"], full_key)
                result.secret_keys.append(full_key)
            else:
                result.values[full_key] = value if isinstance(value, str) else json.dumps(value)
        return result


def _yaml(path: Path) -> dict[str, Any]:
    document = inputs.load_yaml(path, "a Pulumi YAML mapping") or {}
    if not isinstance(document, dict):
        raise InputError(str(path), "(top level)", "must be a YAML mapping")
    return document


def _decrypter(salt_state: Any, path: Path):
    passphrase = os.environ.get("PULUMI_CONFIG_PASSPHRASE")
    if passphrase is None or not salt_state:
        return lambda _ciphertext, _key: UNKNOWN_SECRET
    try:
        version, salt, encrypted_check = str(salt_state).split(":", 2)
        key = derive_key(passphrase, base64.b64decode(salt))
    except ValueError:
        raise InputError(str(path), "encryptionsalt", "is not a Pulumi passphrase salt (v1:<salt>:<check>)") from None
    if version != "v1" or _open(key, encrypted_check) != "pulumi":
        raise InputError(str(path), "encryptionsalt", "PULUMI_CONFIG_PASSPHRASE does not unlock this stack's secrets")

    def decrypt(ciphertext: str, config_key: str) -> str:
        plaintext = _open(key, ciphertext)
        if plaintext is None:
            raise InputError(str(path), config_key, "secure value cannot be decrypted with PULUMI_CONFIG_PASSPHRASE")
        return plaintext

    return decrypt


def _open(key: bytes, value: str) -> str | None:
    try:
        version, nonce, ciphertext = value.split(":")
        if version != "v1":
            return None
        return AESGCM(key).decrypt(base64.b64decode(nonce), base64.b64decode(ciphertext), None).decode()
    except (ValueError, InvalidTag):
        return None


def derive_key(passphrase: str, salt: bytes) -> bytes:
    return PBKDF2HMAC(hashes.SHA256(), 32, salt, _PBKDF2_ITERATIONS).derive(passphrase.encode())


def load(directory: Path) -> Project:
    path = directory / "Pulumi.yaml"
    if not path.exists():
        raise InputError(str(path), "--project", "is not a Pulumi project: Pulumi.yaml is missing")
    try:
        parsed = ProjectFile.model_validate(_yaml(path))
    except ValidationError as err:
        first = err.errors()[0]
        raise InputError(str(path), ".".join(str(p) for p in first["loc"]), first["msg"]) from None
    runtime = parsed.runtime if isinstance(parsed.runtime, str) else parsed.runtime.name
    if runtime != "python":
        raise InputError(str(path), "runtime", f"preflight runs Python programs; got {runtime!r}")
    program_dir = (directory / parsed.main).resolve()
    if not (program_dir / "__main__.py").exists():
        raise InputError(str(path), "main", f"{program_dir} has no __main__.py")
    options = {} if isinstance(parsed.runtime, str) else parsed.runtime.options
    return Project(directory=directory.resolve(), name=parsed.name, program_dir=program_dir,
                   stack_config_dir=(directory / parsed.stack_config_dir).resolve(), file=path.resolve(),
                   runtime_options=options or {})
