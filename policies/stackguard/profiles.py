"""Enforcement profiles: `policies/profiles/<env>.json` in Pulumi's `--policy-pack-config` format.

    {"all": "mandatory", "aws-x-y": "advisory", "aws-a-b": {"enforcementLevel": "advisory", "param": 1}}

The same file goes to `pulumi up --policy-pack-config`; stackguard validates it strictly (unknown
rule ids, levels and parameters are errors) and expands it to one config per rule, always with an
explicit enforcement level, as the Pulumi CLI does before it calls Configure.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import jsonschema

from . import inputs, paths
from .catalog import Rule
from .errors import InputError
from .vocabulary import LEVELS

DEFAULT_LEVEL = "mandatory"
# A parameter every rule takes: whether acknowledged risk (a component opt-out with a reason) passes.
ACKNOWLEDGED_RISK = "acknowledgedRisk"
ACKNOWLEDGED_RISK_SCHEMA = {"type": "string", "enum": ["accept", "refuse"],
                            "description": "accept: an opt-out a component took with a reason does not block; refuse: it blocks like any finding"}


@dataclass(frozen=True)
class Profile:
    name: str
    file: str
    default: str
    levels: dict[str, str] = field(default_factory=dict)
    properties: dict[str, dict[str, Any]] = field(default_factory=dict)
    sha256: str | None = None  # of the file's bytes, for the report

    @classmethod
    def pack_default(cls) -> "Profile":
        """What the pack enforces before (or without) Configure: every rule mandatory, as it publishes them."""
        return cls(name="pack default", file="(none)", default=DEFAULT_LEVEL)

    def level(self, rule_id: str) -> str:
        return self.levels.get(rule_id, self.default)

    def effective_level(self, rule_id: str) -> Literal["advisory", "mandatory", "disabled"]:
        """The level a finding is reported at: remediate is reported as mandatory, like the Pulumi SDK does."""
        level = self.level(rule_id)
        if level in ("mandatory", "remediate"):
            return "mandatory"
        return "advisory" if level == "advisory" else "disabled"

    def accepts_acknowledged(self, rule_id: str) -> bool:
        """Whether risk a component acknowledged with a reason passes for this rule (default: it does)."""
        return self.properties.get(rule_id, {}).get(ACKNOWLEDGED_RISK, "accept") == "accept"

    def rule_config(self) -> dict[str, dict[str, Any]]:
        """The rules' parameters as the Rego input carries them (`input.config`): only rules that have some."""
        return {rule_id: params for rule_id, params in sorted(self.properties.items()) if params}

    def policy_config(self, rules: tuple[Rule, ...]) -> dict[str, dict[str, Any]]:
        """Per-rule config for Configure: every rule, each with its enforcement level."""
        return {r.id: {"enforcementLevel": self.level(r.id), **self.properties.get(r.id, {})} for r in rules}


def _level(value: Any, source: str, key: str) -> str:
    if value not in LEVELS:
        raise InputError(source, key, f"enforcement level must be one of {', '.join(LEVELS)}, got {value!r}")
    return value


def parse(document: Any, source: str, name: str, rules: tuple[Rule, ...]) -> Profile:
    if not isinstance(document, dict):
        raise InputError(source, "(top level)", "must be a JSON object mapping 'all' or rule ids to a level or an object")
    known = {r.id: r for r in rules}
    default, levels, properties = DEFAULT_LEVEL, {}, {}
    for key, value in document.items():
        if key != "all" and key not in known:
            raise InputError(source, key, "is not a rule id; allowed: 'all' or an id listed by `stackguard rules`")
        if isinstance(value, str):
            level, params = _level(value, source, key), {}
        elif isinstance(value, dict):
            params = {k: v for k, v in value.items() if k != "enforcementLevel"}
            level = _level(value.get("enforcementLevel", DEFAULT_LEVEL), source, f"{key}.enforcementLevel")
        else:
            raise InputError(source, key, f"must be an enforcement level ({', '.join(LEVELS)}) or an object, got {type(value).__name__}")
        if key == "all":
            if params:
                raise InputError(source, f"all.{next(iter(params))}", "'all' takes only enforcementLevel")
            default = level
            continue
        _check_params(known[key], params, source, key)
        levels[key] = level
        if params:
            properties[key] = params
    return Profile(name=name, file=source, default=default, levels=levels, properties=properties)


def _check_params(rule: Rule, params: dict[str, Any], source: str, key: str) -> None:
    properties = {**rule.config, ACKNOWLEDGED_RISK: ACKNOWLEDGED_RISK_SCHEMA}
    schema = {"type": "object", "properties": properties, "additionalProperties": False}
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(params))
    if error is not None:
        where = ".".join([key, *[str(p) for p in error.absolute_path]]) if error.absolute_path else key
        allowed = ", ".join(sorted(properties))
        raise InputError(source, where, f"{error.message} (parameters allowed for {rule.id}: {allowed})")


def from_policy_config(levels: dict[str, str], properties: dict[str, dict[str, Any]], rules: tuple[Rule, ...]) -> Profile:
    """The profile the Pulumi CLI sent with Configure (already expanded to one entry per policy)."""
    known = {r.id for r in rules}
    return Profile(
        name="--policy-pack-config", file="--policy-pack-config", default=DEFAULT_LEVEL,
        levels={k: v for k, v in levels.items() if k in known},
        properties={k: v for k, v in properties.items() if k in known and v},
    )


def available(directory: Path | None = None) -> list[str]:
    """The names of the built-in profiles."""
    return sorted(p.stem for p in (directory or paths.profiles_dir()).glob("*.json"))


def load(name: str, rules: tuple[Rule, ...], directory: Path | None = None) -> Profile:
    """A profile by name (`<name>.json` in the profiles folder) or by path, validated against the rule catalog."""
    if name.endswith(".json") or "/" in name:
        return load_file(Path(name), rules)
    directory = directory or paths.profiles_dir()
    names = available(directory)
    path = directory / f"{name}.json"
    if name not in names:
        raise InputError(str(path), "--profile", f"no profile named {name!r}; allowed: {', '.join(names) or 'none found'}, or a path to a profile file")
    return load_file(path, rules, name=name)


def load_file(path: Path, rules: tuple[Rule, ...], name: str | None = None) -> Profile:
    """A profile file. Without `name` (a built-in's) it is named by its path: a file that happens to be
    called prod.json is never reported as the built-in prod profile."""
    data = inputs.read_bytes(path)
    document = inputs.parse_json(data, path, "a profile: a JSON object mapping 'all' or rule ids to levels")
    profile = parse(document, str(path), name or str(path), rules)
    return replace(profile, sha256=hashlib.sha256(data).hexdigest())
