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
from typing import Any, Literal, Optional

import jsonschema

from . import inputs, paths
from .catalog import Rule
from .errors import InputError, not_a_rule
from .vocabulary import LEVELS

DEFAULT_LEVEL = "mandatory"
# A parameter every rule takes: whether acknowledged risk (a component opt-out with a reason) passes.
ACKNOWLEDGED_RISK = "acknowledgedRisk"
ACKNOWLEDGED_RISK_SCHEMA = {"type": "string", "enum": ["accept", "refuse"],
                            "description": "accept: an opt-out a component took with a reason does not block; refuse: it blocks like any finding"}
NON_NEGOTIABLE = "nonNegotiable"
ACKNOWLEDGEMENT_TAGS = "acknowledgementTags"
# The governance parameters every rule takes besides its own: published in each policy's config schema.
GOVERNANCE_PARAMETERS: dict[str, dict[str, Any]] = {
    ACKNOWLEDGED_RISK: ACKNOWLEDGED_RISK_SCHEMA,
    NON_NEGOTIABLE: {"type": "boolean",
                     "description": "true: no exemption, acknowledgement or baseline lets a finding of this rule pass"},
    ACKNOWLEDGEMENT_TAGS: {"type": "string", "enum": ["accept", "refuse"],
                           "description": "accept: a `stackguard:acknowledged:<rule>` tag on a raw resource acknowledges this rule; "
                                          "refuse (default): only a trusted component's declaration does"},
}
# The profile-wide governance: the properties of the profile's `all` entry (Pulumi passes them on to Configure).
GOVERNANCE_SCHEMA: dict[str, Any] = {
    "type": "object", "additionalProperties": False,
    "properties": {
        "enforcementLevel": {"enum": list(LEVELS)},
        "acknowledgementOwner": {"enum": ["required", "optional"],
                                 "description": "required: a component's acknowledgement without an owner does not pass"},
        "trustedComponents": {"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]*:"},
                              "description": "type-token prefixes of component libraries whose declarations count, besides stackguard's"},
        "unmatchedExemptions": {"enum": ["fail", "warn"], "description": "fail: an exemption that matches no finding blocks the run"},
        "exemptionMaxDays": {"type": ["integer", "null"], "minimum": 1,
                             "description": "the furthest an exemption may expire, in days from today (null: no limit)"},
        "baselineMaxAgeDays": {"type": ["integer", "null"], "minimum": 1,
                               "description": "a baseline older than this many days warns (null: never)"},
        "uninspected": {"enum": ["fail", "warn"],
                        "description": "fail: a remote component whose children preflight could not inspect blocks the run"},
    },
}
# stackguard's own components: their declarations always count.
STACKGUARD_COMPONENTS = "stackguard:"


@dataclass(frozen=True)
class Governance:
    """Who may let risk through, profile-wide. The defaults are the strict ones: a profile opts out by name."""

    acknowledgement_owner: Literal["required", "optional"] = "required"
    trusted_components: tuple[str, ...] = ()
    unmatched_exemptions: Literal["fail", "warn"] = "fail"
    exemption_max_days: Optional[int] = 180
    baseline_max_age_days: Optional[int] = 90
    # Resources under a multi-language component that preflight could not expand were never judged:
    # by default that blocks, as nothing unchecked may pass; a profile says `warn` by name.
    uninspected: Literal["fail", "warn"] = "fail"

    @classmethod
    def parse(cls, properties: dict[str, Any], source: str) -> "Governance":
        error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(GOVERNANCE_SCHEMA).iter_errors(properties))
        if error is not None:
            where = ".".join(["all", *[str(p) for p in error.absolute_path]])
            allowed = ", ".join(GOVERNANCE_SCHEMA["properties"])
            raise InputError(source, where, f"{error.message} (allowed in 'all': {allowed})")
        defaults = cls()

        def days(key: str, default: Optional[int]) -> Optional[int]:
            value = properties.get(key, default)
            return None if value is None else int(value)  # gRPC carries numbers as doubles

        return cls(
            acknowledgement_owner=properties.get("acknowledgementOwner", defaults.acknowledgement_owner),
            trusted_components=tuple(properties.get("trustedComponents", ())),
            unmatched_exemptions=properties.get("unmatchedExemptions", defaults.unmatched_exemptions),
            exemption_max_days=days("exemptionMaxDays", defaults.exemption_max_days),
            baseline_max_age_days=days("baselineMaxAgeDays", defaults.baseline_max_age_days),
            uninspected=properties.get("uninspected", defaults.uninspected),
        )

    def properties(self) -> dict[str, Any]:
        """The `all` entry's properties that say this (what Configure receives)."""
        return {"acknowledgementOwner": self.acknowledgement_owner, "trustedComponents": list(self.trusted_components),
                "unmatchedExemptions": self.unmatched_exemptions, "exemptionMaxDays": self.exemption_max_days,
                "baselineMaxAgeDays": self.baseline_max_age_days, "uninspected": self.uninspected}

    def trusts(self, component_type: str) -> bool:
        """Whether a component of this type token may acknowledge risk: stackguard's, or a trusted library's."""
        return component_type.startswith((STACKGUARD_COMPONENTS, *self.trusted_components))


@dataclass(frozen=True)
class Profile:
    name: str
    file: str
    default: str
    levels: dict[str, str] = field(default_factory=dict)
    properties: dict[str, dict[str, Any]] = field(default_factory=dict)
    sha256: str | None = None  # of the file's bytes, for the report
    governance: Governance = field(default_factory=Governance)

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

    def non_negotiable(self, rule_id: str) -> bool:
        """Whether nothing (exemption, acknowledgement, baseline) may let this rule's findings pass."""
        return self.properties.get(rule_id, {}).get(NON_NEGOTIABLE) is True

    def non_negotiable_rules(self) -> set[str]:
        return {rule_id for rule_id in self.properties if self.non_negotiable(rule_id)}

    def accepts_acknowledgement_tag(self, rule_id: str) -> bool:
        """Whether a tag on a raw resource acknowledges this rule (default: it does not)."""
        return self.properties.get(rule_id, {}).get(ACKNOWLEDGEMENT_TAGS) == "accept"

    def rule_config(self) -> dict[str, dict[str, Any]]:
        """The rules' parameters as the Rego input carries them (`input.config`): only rules that have some."""
        return {rule_id: params for rule_id, params in sorted(self.properties.items()) if params}

    def policy_config(self, rules: tuple[Rule, ...]) -> dict[str, dict[str, Any]]:
        """Per-rule config for Configure: every rule, each with its enforcement level, and `all` with the governance."""
        per_rule = {r.id: {"enforcementLevel": self.level(r.id), **self.properties.get(r.id, {})} for r in rules}
        return {"all": {"enforcementLevel": self.default, **self.governance.properties()}, **per_rule}


def _level(value: Any, source: str, key: str) -> str:
    if value not in LEVELS:
        raise InputError(source, key, f"enforcement level must be one of {', '.join(LEVELS)}, got {value!r}")
    return value


def parse(document: Any, source: str, name: str, rules: tuple[Rule, ...]) -> Profile:
    if not isinstance(document, dict):
        raise InputError(source, "(top level)", "must be a JSON object mapping 'all' or rule ids to a level or an object")
    known = {r.id: r for r in rules}
    default, levels, properties, governance = DEFAULT_LEVEL, {}, {}, Governance()
    for key, value in document.items():
        if key != "all" and key not in known:
            raise InputError(source, key, not_a_rule(key, known, "'all' or an id listed by `stackguard rules`"))
        if isinstance(value, str):
            level, params = _level(value, source, key), {}
        elif isinstance(value, dict):
            params = {k: v for k, v in value.items() if k != "enforcementLevel"}
            level = _level(value.get("enforcementLevel", DEFAULT_LEVEL), source, f"{key}.enforcementLevel")
        else:
            raise InputError(source, key, f"must be an enforcement level ({', '.join(LEVELS)}) or an object, got {type(value).__name__}")
        if key == "all":
            default, governance = level, Governance.parse(params, source)
            continue
        _check_params(known[key], params, source, key)
        levels[key] = level
        if params:
            properties[key] = params
    return Profile(name=name, file=source, default=default, levels=levels, properties=properties, governance=governance)


def _check_params(rule: Rule, params: dict[str, Any], source: str, key: str) -> None:
    properties = {**rule.config, **GOVERNANCE_PARAMETERS}
    schema = {"type": "object", "properties": properties, "additionalProperties": False}
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(params))
    if error is not None:
        where = ".".join([key, *[str(p) for p in error.absolute_path]]) if error.absolute_path else key
        allowed = ", ".join(sorted(properties))
        raise InputError(source, where, f"{error.message} (parameters allowed for {rule.id}: {allowed})")


def from_policy_config(levels: dict[str, str], properties: dict[str, dict[str, Any]], rules: tuple[Rule, ...]) -> Profile:
    """The profile the Pulumi CLI sent with Configure (already expanded to one entry per policy, and
    `all` with its properties: the governance). Without `all`, the governance is the strict default."""
    known = {r.id for r in rules}
    source = "--policy-pack-config"
    return Profile(
        name=source, file=source, default=DEFAULT_LEVEL,
        levels={k: v for k, v in levels.items() if k in known},
        properties={k: v for k, v in properties.items() if k in known and v},
        governance=Governance.parse({**properties.get("all", {}), "enforcementLevel": levels.get("all", DEFAULT_LEVEL)}, source),
    )


def available(directory: Path | None = None) -> list[str]:
    """The names of the built-in profiles."""
    return sorted(p.stem for p in (directory or paths.profiles_dir()).glob("*.json"))


def is_path(profile: str) -> bool:
    """A profile named by its file rather than by a built-in's or the team's name."""
    return profile.endswith(".json") or "/" in profile


def load(name: str, rules: tuple[Rule, ...], directory: Path | None = None) -> Profile:
    """A profile by name (`<name>.json` in the profiles folder) or by path, validated against the rule catalog."""
    if is_path(name):
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
