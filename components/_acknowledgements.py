"""Acknowledged risk: how a component reports each opt-out it applied with a reason.

    from stackguard.components._acknowledgements import Acknowledgements

    acks = Acknowledgements()
    acks.add("aws-apigateway-stage-web-acl", f"{name}-stage", "allow_without_waf", args.allow_without_waf)
    super().__init__(TYPE, name, acks.props(), opts)
    aws.apigateway.Stage(f"{name}-stage", ..., tags={**args.tags, **acks.tags(f"{name}-stage")})

The contract (docs/components.md, "Acknowledged risk"), read by stackguard's decision core:
  * every AWS child resource affected by an opt-out, if it supports tags, carries the tag
    `stackguard:acknowledged:<rule-id>` whose value is the reason, truncated to 256 characters (the AWS tag
    value limit), with characters AWS does not allow in tag values replaced by "_";
  * the component's own registration carries the property `stackguardAcknowledgements`: a list of
    {"rule", "resource" (child logical name), "option" (args field), "reason", "owner" (when given)}.
"""
from __future__ import annotations

import re
from typing import Optional

from stackguard.components._api_common import RiskAcceptance

TAG_PREFIX = "stackguard:acknowledged:"
PROPERTY = "stackguardAcknowledgements"
TAG_VALUE_LIMIT = 256
# AWS tag values: letters, digits, white space and _ . : / = + - @ (any language).
_NOT_ALLOWED_IN_TAG = re.compile(r"[^\w\s.:/=+\-@]")


def tag_value(reason: str) -> str:
    """The reason as a valid AWS tag value: disallowed characters replaced, at most 256 characters."""
    return _NOT_ALLOWED_IN_TAG.sub("_", reason)[:TAG_VALUE_LIMIT]


class Acknowledgements:
    """The opt-outs a component applied with a reason, per affected child resource."""

    def __init__(self) -> None:
        self._entries: list[dict[str, str]] = []

    def add(self, rule: str, resource: str, option: str, acceptance: Optional[RiskAcceptance]) -> None:
        """Record `option` (an args field path) as acknowledged for `rule` on child `resource`; None is a no-op."""
        if acceptance is None:
            return
        entry = {"rule": rule, "resource": resource, "option": option, "reason": acceptance.reason}
        if acceptance.owner:
            entry["owner"] = acceptance.owner
        self._entries.append(entry)

    def tags(self, resource: str) -> dict[str, str]:
        """The acknowledgement tags of one child resource (empty when nothing was opted out for it)."""
        tags: dict[str, str] = {}
        for entry in self._entries:
            if entry["resource"] == resource:
                key = f"{TAG_PREFIX}{entry['rule']}"
                # Two options weakening the same rule on one resource: keep both reasons under the one key.
                tags[key] = tag_value(f"{tags[key]} / {entry['reason']}" if key in tags else entry["reason"])
        return tags

    def props(self) -> dict[str, list[dict[str, str]]]:
        """The component registration's properties: every acknowledgement."""
        return {PROPERTY: [dict(entry) for entry in self._entries]}

    def __len__(self) -> int:
        return len(self._entries)
