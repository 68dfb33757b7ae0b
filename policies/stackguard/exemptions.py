"""Exempted findings: `policies/exemptions.yaml`, validated by `docs/exemptions.schema.json`.

    exemptions:
      - rule: aws-apigateway-rest-api-endpoint-type
        resource: "urn:pulumi:dev::*::aws:apigateway/restApi:RestApi::legacy"   # a URN or a glob
        stacks: [dev]
        reason: Partner integration still calls the edge URL; moving in Q3.
        owner: platform-team@example.com
        expires: 2027-03-31

    break_glass:   # an emergency: owned, time-boxed (24 hours at most), shown in every report
      - stacks: [prod]
        owner: oncall-lead@example.com
        reason: INC-4711, payments down; hotfix deploy with the renewal of exemptions[0] pending
        started: 2026-12-04T16:00:00Z
        expires: 2026-12-05T04:00:00Z

An exempted finding is never dropped: it is reported as advisory, marked exempted, with its reason.
An expired or malformed entry is an error (exit 2), never a silent pass, except on a stack under an
active break-glass, where the decision core reports it refused and lets the break-glass decide. What a profile allows
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


MAX_BREAK_GLASS_HOURS = 24
MAX_BREAK_GLASS = dt.timedelta(hours=MAX_BREAK_GLASS_HOURS)


@dataclass(frozen=True)
class BreakGlass:
    """An emergency override of a stack's mandatory findings: who, why, and for how long (at most MAX_BREAK_GLASS)."""

    stacks: tuple[str, ...]
    owner: str
    reason: str
    started: dt.datetime
    expires: dt.datetime
    index: int = 0

    @property
    def key(self) -> str:
        return f"break_glass[{self.index}]"

    def active(self, stack: str, now: dt.datetime) -> bool:
        return stack in self.stacks and self.started <= now < self.expires

    @classmethod
    def of(cls, entry: dict[str, Any], index: int, source: str) -> "BreakGlass":
        started, expires = (_instant(entry[key], source, f"break_glass[{index}].{key}") for key in ("started", "expires"))
        if not started < expires <= started + MAX_BREAK_GLASS:
            raise InputError(source, f"break_glass[{index}].expires", f"must be after started and at most {MAX_BREAK_GLASS_HOURS} hours later "
                                                                      f"(started {started.isoformat()}); a longer need is an exemption")
        return cls(stacks=tuple(entry["stacks"]), owner=entry["owner"].strip(), reason=entry["reason"].strip(),
                   started=started, expires=expires, index=index)


def _instant(value: str, source: str, key: str) -> dt.datetime:
    try:
        instant = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        instant = None
    if instant is None or instant.tzinfo is None:
        raise InputError(source, key, f"must be a date and time with its zone, like 2026-12-04T16:00:00Z, got {value!r}")
    return instant


class Exemptions:
    def __init__(self, entries: list[Exemption], source: str, break_glass: tuple[BreakGlass, ...] = ()):
        self.entries = entries
        self.source = source
        self.break_glass = break_glass

    def break_glass_for(self, stack: str, now: dt.datetime) -> Optional[BreakGlass]:
        """The break-glass active on this stack now, if any."""
        return next((b for b in self.break_glass if b.active(stack, now)), None)

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
    """The document as JSON would carry it: YAML reads an unquoted 2027-03-31 as a date (and a time as a datetime)."""
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
         for_review: bool = False, now: dt.datetime | None = None) -> Exemptions:
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
    emergencies = tuple(BreakGlass.of(entry, index, source) for index, entry in enumerate(document.get("break_glass", [])))
    today, now = today or dt.date.today(), now or dt.datetime.now(dt.timezone.utc)
    for entry in entries:
        if known_rules is not None and entry.rule not in known_rules:
            raise InputError(source, f"{entry.key}.rule", f"{entry.rule!r} {not_a_rule(entry.rule, known_rules)}")
        broken = any(b.active(stack, now) for b in emergencies for stack in entry.stacks)
        if entry.expires < today and not for_review and not broken:
            raise InputError(source, f"{entry.key}.expires", f"expired on {entry.expires.isoformat()}; renew it with a new date or fix "
                                                             "the finding (in an emergency: a break_glass entry in this file, with stacks, owner, reason, "
                                                             "started and expires at most 24 hours later)")
    return Exemptions(entries, source, emergencies)


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
