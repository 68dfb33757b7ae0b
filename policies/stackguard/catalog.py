"""The rule catalog, read from the rules' own `# METADATA` annotations with `opa inspect`.

Metadata is written once, next to each rule; this module only reads it, and refuses a rule whose
annotations are incomplete or whose id does not match its path (path = identity).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, ValidationError

from . import paths, rule_files, toolchain
from .errors import InputError
from .vocabulary import Severity

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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
    return cache_root / f"inspect-{digest.hexdigest()[:32]}.json"


def _inspect(rego_dir: Path) -> dict[str, Any]:
    """The rules' annotations and the modules' packages as OPA reads them ({"annotations", "namespaces"}).
    `opa inspect` costs half a second, so its answer is cached; the cache is a file anyone with the
    home folder (or a CI cache restore) can edit, so it is used only when it says exactly what the
    rule files say (`_matches_rule_files`), and OPA is asked again otherwise."""
    rego_dir = rego_dir.resolve()
    cache = _cache_file(rego_dir)
    cached = _read_cache(cache)
    if cached is not None and _matches_rule_files(cached, rego_dir):
        return cached
    try:
        out = subprocess.run(
            [str(toolchain.opa_binary()), "inspect", "--annotations", "--format", "json", str(rego_dir)],
            capture_output=True, text=True, check=True, timeout=60,
        )
    except subprocess.CalledProcessError as err:
        raise InputError(str(rego_dir), "rego", f"OPA could not read the rules: {err.stderr.strip()}") from None
    inspected = json.loads(out.stdout)
    kept = {"annotations": inspected.get("annotations", []), "namespaces": inspected.get("namespaces", {})}
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.partial")
        partial.write_text(json.dumps(kept))
        partial.replace(cache)
    except OSError:
        pass  # a read-only home only costs the next run another `opa inspect`
    return kept


def _read_cache(cache: Path) -> dict[str, Any] | None:
    try:
        cached = json.loads(cache.read_text())
    except (OSError, ValueError, RecursionError):
        return None
    ok = isinstance(cached, dict) and isinstance(cached.get("annotations"), list) and isinstance(cached.get("namespaces"), dict)
    return cached if ok else None


_PACKAGE_LINE = re.compile(r"^package\s+([A-Za-z_][\w.]*)\s*(?:#.*)?$", re.MULTILINE)
_HEAD = re.compile(r"^([A-Za-z_][\w.]*)")
_METADATA = "# METADATA"
# The annotation fields the catalog reads; each is compared with the rule file's own comment block.
_CHECKED_FIELDS = ("title", "description", "custom")


def _matches_rule_files(cached: dict[str, Any], rego_dir: Path) -> bool:
    """Whether a cached `opa inspect` answer is what the rule files say: every module's package and
    every data file's path, and for each `# METADATA` block its place, the rule it annotates and
    its title, description and custom fields (parsed again from the file: 15 ms for every rule)."""
    namespaces: dict[str, set[str]] = {}
    blocks: dict[tuple[str, int], tuple[list[str], dict[str, Any]]] = {}
    for file in rule_files.read(rego_dir):
        path = str(rego_dir / file.relative)
        if not file.is_module:
            namespace = ".".join(["data", *file.relative.split("/")[:-1]])
            namespaces.setdefault(namespace, set()).add(path)
            continue
        text = file.content.decode("utf-8", errors="replace")
        package = _PACKAGE_LINE.search(text)
        if package is None:
            return False  # a package line this check cannot read: ask OPA
        namespaces.setdefault(f"data.{package.group(1)}", set()).add(path)
        try:
            blocks.update(_metadata_blocks(path, text.split("\n"), package.group(1)))
        except (yaml.YAMLError, ValueError):
            return False
    if {k: set(v) for k, v in cached["namespaces"].items() if isinstance(v, list)} != namespaces:
        return False
    seen = set()
    for entry in cached["annotations"]:
        try:
            where = (entry["location"]["file"], entry["location"]["row"])
            expected_path, notes = blocks[where]
            if [p["value"] for p in entry["path"]] != expected_path or any(
                    entry["annotations"].get(f) != notes.get(f) for f in _CHECKED_FIELDS):
                return False
        except (KeyError, TypeError):
            return False
        seen.add(where)
    return seen == set(blocks)


def _metadata_blocks(path: str, lines: list[str], package: str) -> dict[tuple[str, int], tuple[list[str], dict[str, Any]]]:
    """Each `# METADATA` block of a module, keyed by (file, row of the line it annotates) as `opa
    inspect` locates it: the data path it annotates and its parsed YAML."""
    found = {}
    for index, line in enumerate(lines):
        if line.rstrip() != _METADATA:
            continue
        end = index + 1
        while end < len(lines) and lines[end].startswith("#"):
            end += 1
        body = "".join((line[2:] if line.startswith("# ") else line[1:]) + "\n" for line in lines[index + 1:end])
        notes = yaml.load(body, Loader=_YAML_LOADER) or {}
        if not isinstance(notes, dict) or end >= len(lines):
            raise ValueError(f"{path}: a METADATA block that is not a mapping before a statement")
        head = _HEAD.match(lines[end])
        if head is None:
            raise ValueError(f"{path}:{end + 1}: no rule or package after METADATA")
        target = ["data", *package.split(".")]
        if head.group(1) != "package":
            target += head.group(1).split(".")
        found[(path, end + 1)] = (target, notes)
    return found


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
        if rego_dir != paths.rego_dir():
            _check_team_folder(rego_dir)
        for rule in _rules_in(rego_dir):
            if rule.id in rules:
                raise InputError(rule.file, "custom.id", f"{rule.id!r} is already defined by {rules[rule.id].file}; choose another package path")
            rules[rule.id] = rule
    return tuple(sorted(rules.values(), key=lambda r: r.id))


TEAM_NAMESPACE = "team"
TEAM_PACKAGES = ("data.team.<name>.* (helpers and data, under team/<name>/) or data.aws.<service>.<rule> (a rule) that no built-in rule uses; "
                 "lib.*, stackguard.*, system.* and the built-in rules' packages belong to stackguard")


def _packages(rego_dir: Path) -> dict[tuple[str, ...], list[str]]:
    """Each package declared in the folder (without the leading `data`), with the files that declare it."""
    return {tuple(name.split(".")[1:]): files for name, files in _inspect(rego_dir)["namespaces"].items()}


def _check_team_folder(rego_dir: Path) -> None:
    """A team's modules and data files may add rules and helpers, never define or extend a package of
    stackguard's own: a module in `lib.pulumi` or in a built-in rule's package could redefine a helper
    or a rule's guard and silence every rule that reads it (a data file lands in data at its path,
    so OPA lists it among the packages too)."""
    builtin = set(_packages(paths.rego_dir()))
    for package, files in sorted(_packages(rego_dir).items()):
        ours = package[:1] == (TEAM_NAMESPACE,) and len(package) >= 2
        rule = package[:1] == ("aws",) and len(package) == 3 and package not in builtin
        if not (ours or rule):
            raise InputError(files[0], "package", f"defines data.{'.'.join(package)}; a team's module or data file may only define {TEAM_PACKAGES}")


def _rules_in(rego_dir: Path) -> list[Rule]:
    rules: list[Rule] = []
    for entry in _inspect(rego_dir)["annotations"]:
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
