"""Accepted risk that components declare: an opt-out with a reason becomes an acknowledgement.

Two channels, both readable from what the Pulumi engine hands the pack (docs/components.md):
- the component's own registration property `stackguardAcknowledgements`: a list of
  `{rule, resource (the child's logical name), option, reason, owner}` for children of any type;
- a tag `stackguard:acknowledged:<rule id>` on the resource, whose value is the reason.
The index only finds them (a component's declaration first); whether one counts (a trusted
component, an owner, a rule the profile lets pass, a tag the profile accepts) is the decision
core's call. The index is built from Rego input documents, so the CLI and the pack read the same thing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Optional

TAG_PREFIX = "stackguard:acknowledged:"
PROPERTY = "stackguardAcknowledgements"


@dataclass(frozen=True)
class Acknowledgement:
    rule: str
    reason: str
    declared_by: str  # the component URN, or the resource's own URN for a tag
    option: str = ""
    owner: str = ""
    channel: Literal["component", "tag"] = "component"
    component_type: str = ""  # the declaring component's type token (empty for a tag)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


class AcknowledgementIndex:
    def __init__(self) -> None:
        self._tags: dict[tuple[str, str], Acknowledgement] = {}
        self._declared: dict[str, list[dict[str, Any]]] = {}
        self._parent: dict[str, str] = {}
        self._type: dict[str, str] = {}

    @classmethod
    def of(cls, documents: list[dict[str, Any]]) -> "AcknowledgementIndex":
        """The index of a whole stack's Rego input documents."""
        index = cls()
        for document in documents:
            index.add(document)
        return index

    def extended(self, documents: list[dict[str, Any]]) -> "AcknowledgementIndex":
        """A copy of this index that also knows a whole stack's documents. The pack needs it: under
        the real engine a component's own registration (where it declares its opt-outs) reaches the
        pack only through Analyze, while AnalyzeStack carries the outputs the component registered."""
        index = AcknowledgementIndex()
        index._tags, index._declared, index._parent = dict(self._tags), dict(self._declared), dict(self._parent)
        index._type = dict(self._type)
        for document in documents:
            index.add(document)
        return index

    def add(self, document: dict[str, Any]) -> None:
        """Learn from one resource's Rego input document (resource or stack shape)."""
        urn = document.get("urn") or ""
        raw = document.get("properties")
        properties: dict[str, Any] = raw if isinstance(raw, dict) else {}
        parent = document.get("parent") or (document.get("options") or {}).get("parent") or ""
        self._parent[urn] = parent
        self._type[urn] = document.get("type") or ""
        tags = properties.get("tags")
        if isinstance(tags, dict):
            for key, value in tags.items():
                if isinstance(key, str) and key.startswith(TAG_PREFIX) and _text(value):
                    rule = key.removeprefix(TAG_PREFIX)
                    self._tags[(urn, rule)] = Acknowledgement(rule, _text(value), urn, channel="tag")
        declared = properties.get(PROPERTY)
        if isinstance(declared, list):
            self._declared[urn] = [d for d in declared if isinstance(d, dict) and _text(d.get("reason"))]

    def find(self, rule: str, urn: str, name: str) -> Optional[Acknowledgement]:
        """The component declaration for this resource and rule, else its tag; None when neither exists."""
        ancestor, seen = self._parent.get(urn, ""), set()
        while ancestor and ancestor not in seen:
            seen.add(ancestor)
            for entry in self._declared.get(ancestor, []):
                if entry.get("rule") == rule and entry.get("resource") in (name, urn):
                    return Acknowledgement(rule, _text(entry.get("reason")), ancestor, _text(entry.get("option")),
                                           _text(entry.get("owner")), "component", self._type.get(ancestor, ""))
            ancestor = self._parent.get(ancestor, "")
        return self._tags.get((urn, rule))
