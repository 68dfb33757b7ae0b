"""The rule catalog, read from the rules' own `# METADATA` annotations with `opa inspect`.

Metadata is written once, next to each rule; this module only reads it, and refuses a rule whose
annotations are incomplete or whose id does not match its path (path = identity).
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from . import paths, rule_files, toolchain
from .errors import InputError
from .vocabulary import Severity

Concern = Literal["https", "encryption", "iam", "logging", "auth", "network"]
RuleKind = Literal["resource", "stack"]
RULE_KINDS: dict[str, RuleKind] = {"deny": "resource", "stack_deny": "stack"}


class Rule(BaseModel):
    id: str = Field(pattern=r"^aws-[a-z0-9]+(-[a-z0-9]+)+$", max_length=100)
    title: str = Field(min_length=5)
    description: str = Field(min_length=10)
    severity: Severity
    concern: Concern
    remediation: str = Field(min_length=10)
    compliance: dict[str, list[str]] = Field(default_factory=dict)
    config: dict[str, Any] = Field(default_factory=dict)
    example: str = ""  # optional `custom.example`: a Pulumi Python snippet that does it right
    kind: Literal["resource", "stack"]
    file: str


def rule_id_for(path: list[str]) -> str:
    """The id a rule must carry, from its package path data.aws.<service>.<rule>."""
    _, _, service, rule, *_ = path
    return "-".join(["aws", service, rule.replace("_", "-")])


def _cache_file(rego_dir: Path) -> Path:
    """Where the annotations of exactly these rule files are kept: keyed by a hash of their contents."""
    # Annotations name files by absolute path, so the folder is part of the key too.
    digest = hashlib.sha256(f"{toolchain.OPA_VERSION}\0{rego_dir.resolve()}".encode())
    for file in rule_files.read(rego_dir):
        if file.is_module:
            digest.update(file.relative.encode() + b"\0" + file.content)
    cache_root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "stackguard"
    return cache_root / f"annotations-{digest.hexdigest()[:32]}.json"


def _inspect(rego_dir: Path) -> list[dict[str, Any]]:
    """The rules' annotations as OPA reads them; `opa inspect` costs half a second, so its answer is cached."""
    cache = _cache_file(rego_dir)
    if cache.exists():
        return json.loads(cache.read_text())
    try:
        out = subprocess.run(
            [str(toolchain.opa_binary()), "inspect", "--annotations", "--format", "json", str(rego_dir)],
            capture_output=True, text=True, check=True, timeout=60,
        )
    except subprocess.CalledProcessError as err:
        raise InputError(str(rego_dir), "rego", f"OPA could not read the rules: {err.stderr.strip()}") from None
    annotations = json.loads(out.stdout).get("annotations", [])
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.partial")
        partial.write_text(json.dumps(annotations))
        partial.replace(cache)
    except OSError:
        pass  # a read-only home only costs the next run another `opa inspect`
    return annotations


def rule_dirs(extra_dirs: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """The built-in rules first, then a team's extra rule folders."""
    return (paths.rego_dir(), *extra_dirs)


@lru_cache(maxsize=4)
def load(extra_dirs: tuple[Path, ...] = ()) -> tuple[Rule, ...]:
    """Every rule under data.aws in the built-in rules and the extra folders, sorted by id.
    A team's rule follows the same metadata contract; an id that is already taken is an error."""
    rules: dict[str, Rule] = {}
    for rego_dir in rule_dirs(extra_dirs):
        if not rego_dir.is_dir():
            raise InputError(str(rego_dir), "rules", "is not a folder of Rego rules")
        for rule in _rules_in(rego_dir):
            if rule.id in rules:
                raise InputError(rule.file, "custom.id", f"{rule.id!r} is already defined by {rules[rule.id].file}; choose another package path")
            rules[rule.id] = rule
    return tuple(sorted(rules.values(), key=lambda r: r.id))


def _rules_in(rego_dir: Path) -> list[Rule]:
    rules: list[Rule] = []
    for entry in _inspect(rego_dir):
        path = [p["value"] for p in entry["path"]]
        if len(path) != 5 or path[1] != "aws" or path[4] not in RULE_KINDS:
            continue
        notes = entry["annotations"]
        custom = notes.get("custom", {})
        where = f"{entry['location']['file']}:{entry['location']['row']}"
        expected = rule_id_for(path)
        if custom.get("id") != expected:
            raise InputError(where, "custom.id", f"must be {expected!r} (derived from the rule's path), got {custom.get('id')!r}")
        try:
            rules.append(Rule(
                id=expected, title=notes.get("title", ""), description=notes.get("description", "").strip(),
                severity=custom.get("severity"), concern=custom.get("concern"),
                remediation=custom.get("remediation", ""), compliance=custom.get("compliance") or {},
                config=custom.get("config") or {}, example=(custom.get("example") or "").strip(),
                kind=RULE_KINDS[path[4]], file=entry["location"]["file"],
            ))
        except ValidationError as err:
            first = err.errors()[0]
            key = ".".join(str(p) for p in first["loc"])
            raise InputError(where, key, first["msg"]) from None
    return rules


IAM_CATALOG = Path("lib") / "iam_catalog" / "data.json"


def iam_catalog_source(rego_dir: Path | None = None) -> dict[str, str]:
    """Which AWS IAM action catalog the rules read (data.lib.iam_catalog): {"package", "version", "updated_at"}."""
    path = (rego_dir or paths.rego_dir()) / IAM_CATALOG
    try:
        return json.loads(path.read_text())["source"]
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(str(path), "source", "must be the IAM action catalog written by scripts/iam_catalog.py") from None
