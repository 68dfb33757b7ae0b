"""Exempted findings: `policies/exemptions.yaml`, validated by `docs/exemptions.schema.json`.

    exemptions:
      - rule: aws-apigateway-rest-api-endpoint-type
        resource: "urn:pulumi:dev::*::aws:apigateway/restApi:RestApi::legacy"   # a URN or a glob
        stacks: [dev]
        reason: Partner integration still calls the edge URL; moving in Q3.
        owner: platform-team@example.com
        expires: 2027-03-31

An exempted finding is never dropped: it is reported as advisory, marked exempted, with its reason.
An expired or malformed entry is an error (exit 2), never a silent pass. What a profile allows
(how far away an entry may expire, which rules no entry may exempt) and entries that match
nothing are the decision core's to judge (`stackguard.governance`).
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

import jsonschema

from . import inputs, paths
from .errors import InputError, not_a_rule

SCHEMA_FILE = Path(__file__).resolve().parent / "schemas" / "exemptions.schema.json"
_HINTS = {
    "reason": "a reason of at least 10 characters is required",
    "expires": "an expiry date (YYYY-MM-DD) is required",
    "owner": "an owner (team or person) is required",
    "stacks": "a non-empty list of stack names is required",
    "rule": "a rule id like aws-kms-key-rotation is required",
    "resource": "a URN or a glob over URNs is required",
}


@dataclass(frozen=True)
class Exemption:
    rule: str
    resource: str  # a URN or a glob over URNs
    stacks: tuple[str, ...]
    reason: str
    owner: str
    expires: dt.date
    index: int = 0  # its position in the file, for messages that name it

    @property
    def key(self) -> str:
        return f"exemptions[{self.index}]"

    def covers(self, rule: str, urn: str, stack: str) -> bool:
        return rule == self.rule and stack in self.stacks and fnmatch.fnmatchcase(urn, self.resource)

    @classmethod
    def of(cls, entry: dict[str, Any], index: int) -> "Exemption":
        return cls(rule=entry["rule"], resource=entry["resource"], stacks=tuple(entry["stacks"]), reason=entry["reason"].strip(),
                   owner=str(entry.get("owner", "")).strip(), expires=dt.date.fromisoformat(entry["expires"]), index=index)


class Exemptions:
    def __init__(self, entries: list[Exemption], source: str):
        self.entries = entries
        self.source = source

    def match(self, rule: str, urn: str) -> Optional[Exemption]:
        stack = stack_of(urn)
        return next((e for e in self.entries if e.covers(rule, urn, stack)), None)


def stack_of(urn: str) -> str:
    """The stack name in a URN: urn:pulumi:<stack>::<project>::<type>::<name>."""
    return urn.split("::", 1)[0].removeprefix("urn:pulumi:")


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_FILE.read_text())


def as_json(document: Any) -> Any:
    """The document as JSON would carry it: YAML reads an unquoted 2027-03-31 as a date."""
    if isinstance(document, dict):
        return {k: as_json(v) for k, v in document.items()}
    if isinstance(document, list):
        return [as_json(v) for v in document]
    return document.isoformat() if isinstance(document, dt.date) else document


def problems(document: Any) -> Iterator[tuple[str, str]]:
    """Every way the document breaks the schema, as (key, what is allowed), in file order."""
    validator = jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())
    for error in sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path]):
        yield _key(error), _allowed(error)


def read(path: Path) -> Any:
    """The file's document, as JSON carries it (None when it is empty)."""
    return as_json(inputs.load_yaml(path, "an exemptions file: a mapping with an 'exemptions' list"))


def load(path: Path | None = None, known_rules: set[str] | None = None, today: dt.date | None = None,
         for_review: bool = False) -> Exemptions:
    """The entries of a valid file (a missing file has none). `for_review` (lint) lets entries that are
    expired or name no owner through, so that they can be listed with the rest; the gate never does."""
    path = path or paths.exemptions_file()
    source = str(path)
    if not path.exists():
        return Exemptions([], source)
    document = read(path) or {}
    for key, allowed in problems(document):
        if not (for_review and key.endswith(".owner")):
            raise InputError(source, key, allowed)
    entries = [Exemption.of(entry, index) for index, entry in enumerate(document.get("exemptions", []))]
    today = today or dt.date.today()
    for entry in entries:
        if known_rules is not None and entry.rule not in known_rules:
            raise InputError(source, f"{entry.key}.rule", f"{entry.rule!r} {not_a_rule(entry.rule, known_rules)}")
        if entry.expires < today and not for_review:
            raise InputError(source, f"{entry.key}.expires", f"expired on {entry.expires.isoformat()}; renew it with a new date or fix the finding")
    return Exemptions(entries, source)


def _key(error: jsonschema.ValidationError) -> str:
    path = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path]
    if error.validator == "additionalProperties":
        path += [f".{extra}" for extra in sorted(set(error.instance) - set(error.schema.get("properties", {})))][:1]
    if error.validator == "required":
        path.append(f".{next(iter(set(error.validator_value) - set(error.instance)))}")
    return "".join(path).lstrip(".") or "(top level)"


def _allowed(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties":
        allowed = ", ".join(error.schema.get("properties", {}))
        return f"unknown key; allowed: {allowed}"
    field = _key(error).rsplit(".", 1)[-1]
    message = error.message if len(error.message) <= 120 else f"{error.validator} {error.validator_value!r} not met"
    return f"{message} ({_HINTS.get(field, f'see {SCHEMA_FILE.name}')})"
