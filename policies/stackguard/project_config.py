"""A team's own stackguard configuration: `stackguard.yaml` in its repository.

    # stackguard.yaml
    profiles:              # per stack: a built-in profile name or a path (relative to this file)
      dev: dev
      prod: policy/prod.json
    default_profile: prod  # for stacks not listed (optional)
    exemptions: policy/exemptions.yaml
    rules:                 # extra Rego rule folders, merged with the built-in rules
      - policy/rules

It is found in the project folder (preflight) or the working folder (check), or the nearest parent
that has one up to the root of the git repository holding that folder, never above it: a
stackguard.yaml planted in a shared parent folder (a temporary folder, a home folder, a runner's
work folder) is not the project's choice. Outside a repository only the folder itself is looked
at. `--config` names it explicitly. Without one, the built-in profiles and policies/exemptions.yaml
apply. Every report names the file and its SHA-256 (`run.config`).
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import inputs, paths
from .profiles import is_path as is_profile_path
from .errors import InputError

FILE_NAME = "stackguard.yaml"

STARTER = """\
# stackguard configuration for this repository (see `stackguard init --help`).
# Profiles: a built-in name (dev, staging, prod) or a path to a --policy-pack-config JSON file.
# The copies below start as the built-in ones; the same files go to `pulumi up --policy-pack-config`.
profiles:
  dev: stackguard/profiles/dev.json
  staging: stackguard/profiles/staging.json
  prod: stackguard/profiles/prod.json
default_profile: stackguard/profiles/prod.json
# Acknowledged findings: rule, resource (URN or glob), stacks, reason, owner, expires.
exemptions: stackguard/exemptions.yaml
# Extra Rego rules (package aws.<service>.<rule>, with # METADATA), merged with the built-in ones.
rules: []
# The policy pack `stackguard pack export` writes: its name and version when published (a new version per publish).
pack:
  name: {name}-policies
  version: 0.1.0
"""
STARTER_EXEMPTIONS = """\
# Each entry: rule, resource (URN or glob), stacks, reason (10+ characters), owner, expires (YYYY-MM-DD).
# The finding stays in every report, marked exempted; `stackguard exemptions lint` reviews this file. For example:
#
# exemptions:
#   - rule: aws-s3-bucket-access-logging
#     resource: "urn:pulumi:dev::payments::aws:s3/bucketV2:BucketV2::scratch-*"
#     stacks: [dev]
#     reason: Scratch buckets for load tests, deleted every night.
#     owner: payments-platform@example.com
#     expires: 2027-03-31
exemptions: []
"""


class PackSection(BaseModel):
    """What `stackguard pack export` publishes the team's pack as (`pulumi policy publish` refuses a
    version it has already, so each publish takes a new one)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
    version: str = Field(pattern=r"^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$")


class ConfigFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    profiles: dict[str, str] = Field(default_factory=dict)
    default_profile: Optional[str] = None
    exemptions: Optional[str] = None
    rules: list[str] = Field(default_factory=list)
    pack: Optional[PackSection] = None
    # `stackguard scan`'s own section (stacks, sla, alerts, security_hub), validated by stackguard.scan.settings.
    scan: Optional[dict[str, Any]] = None


class ProjectConfig:
    """The resolved configuration: paths are absolute, folders exist."""

    def __init__(self, file: Optional[Path], parsed: ConfigFile, sha256: Optional[str] = None):
        self.file = file
        self.sha256 = sha256  # of the bytes that were parsed, for the report
        self._parsed = parsed
        base = file.parent if file else Path.cwd()
        self.rule_dirs = tuple((base / d).resolve() for d in parsed.rules)
        for index, folder in enumerate(self.rule_dirs):
            if not folder.is_dir():
                raise InputError(str(file), f"rules[{index}]", f"{folder} is not a folder of Rego rules")
        self.exemptions = (base / parsed.exemptions).resolve() if parsed.exemptions else paths.exemptions_file()
        self.base = base  # the folder the file's paths are relative to
        self.scan_section = parsed.scan or {}
        self.pack = parsed.pack

    def profile(self, explicit: Optional[str], stack: Optional[str], fallback: str) -> str:
        """The profile to use, in one order everywhere (check, preflight, exemptions lint, pack export):
        --profile, else this file's entry for the stack, else its default, else `fallback`. A name given
        with --profile is this file's profile of that name first, then the built-in one: `--profile prod`
        is the team's prod, as the stack prod is."""
        if explicit:
            team = None if is_profile_path(explicit) else self._parsed.profiles.get(explicit)
            return self.resolve_profile(team) if team else explicit
        chosen = (self._parsed.profiles.get(stack) if stack else None) or self._parsed.default_profile
        return fallback if chosen is None else self.resolve_profile(chosen)

    def profile_names(self) -> list[str]:
        """The profile names this file defines (beside the built-in ones)."""
        return sorted(self._parsed.profiles)

    def resolve_profile(self, chosen: str) -> str:
        """A profile as this file names it: a built-in name stays, a path is relative to the file."""
        return str((self.base / chosen).resolve()) if is_profile_path(chosen) else chosen


def search_folders(start: Path) -> list[Path]:
    """The folders a stackguard.yaml is looked for in: `start` and its parents up to the root of the
    git repository that holds it (a folder with `.git`), or `start` alone outside a repository."""
    folder = start.resolve()
    chain = [folder, *folder.parents]
    for index, candidate in enumerate(chain):
        if (candidate / ".git").exists():
            return chain[:index + 1]
    return [folder]


def find(start: Path) -> Optional[Path]:
    for folder in search_folders(start):
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
    return None


def load(start: Path, explicit: Optional[Path] = None, exemptions: Optional[Path] = None) -> ProjectConfig:
    file = explicit or find(start)
    if file is None:
        config = ProjectConfig(None, ConfigFile())
    else:
        data = inputs.read_bytes(file)
        document = inputs.parse_yaml(data, file, "a stackguard.yaml mapping (profiles, default_profile, exemptions, rules)") or {}
        if not isinstance(document, dict):
            raise InputError(str(file), "(top level)", "must be a mapping with profiles, default_profile, exemptions, rules")
        try:
            config = ProjectConfig(file.resolve(), ConfigFile.model_validate(document), hashlib.sha256(data).hexdigest())
        except ValidationError as err:
            first = err.errors()[0]
            key = ".".join(str(p) for p in first["loc"]) or "(top level)"
            allowed = ", ".join(ConfigFile.model_fields)
            raise InputError(str(file), key, f"{first['msg']} (keys allowed: {allowed})") from None
    if exemptions is not None:
        config.exemptions = exemptions
    return config


def init(directory: Path) -> list[Path]:
    """Write a starter stackguard.yaml, exemptions file and copies of the built-in profiles; never overwrite."""
    target = directory / FILE_NAME
    if target.exists():
        raise InputError(str(target), "(file)", "exists already; edit it instead")
    pack_name = re.sub(r"[^A-Za-z0-9._-]+", "-", directory.resolve().name).strip("-._") or "team"
    files = {target: STARTER.replace("{name}", pack_name), directory / "stackguard" / "exemptions.yaml": STARTER_EXEMPTIONS}
    for name in ("dev", "staging", "prod"):
        files[directory / "stackguard" / "profiles" / f"{name}.json"] = (paths.profiles_dir() / f"{name}.json").read_text()
    written = []
    for path, text in files.items():
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            written.append(path)
    return written
