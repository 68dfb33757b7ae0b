"""The Rego input of the architecture, built the same way from the pack's gRPC requests and from the
CLI's StackResources, so both paths hand OPA the same document.

Secrets reach OPA as a marker, unless the document is built for the private OPA of this process
with a `Revealed`: their plaintext is then judged like any value, and `Revealed` masks it in every
message that comes back (reports and diagnostics show `[secret]`, logs never see it). Unknown
preview values keep Pulumi's sentinel strings, which `data.lib.pulumi` recognises. Strings given
for boolean or numeric inputs are converted as the AWS provider converts them
(`provider_types.coerced`), so rules judge what the provider will apply.
"""
from __future__ import annotations

import dataclasses
import json
import re
from typing import Any, Iterator, Optional

from google.protobuf import json_format, struct_pb2

from . import provider_types
from .model import StackResource
from .vocabulary import ARCHIVE_SIG, ASSET_SIG, RESOURCE_REF_SIG, SECRET_MARKER, SECRET_SIG, SIG_KEY


class Revealed:
    """The plaintext of the Pulumi secrets handed to the private OPA, and the mask of what comes back:
    every string, number and boolean inside them (and inside a JSON document a secret string holds)
    is replaced by [secret] in a finding's message, whichever rule wrote it."""

    def __init__(self) -> None:
        self.values: list[Any] = []
        self._pattern: Optional[re.Pattern[str]] = None

    def __bool__(self) -> bool:
        return bool(self.values)

    def add(self, value: Any) -> None:
        self.values.append(value)
        self._pattern = None

    def mask(self, text: str) -> str:
        if not self.values:
            return text
        if self._pattern is None:
            forms = sorted({form for value in self.values for leaf in _leaves(value) for form in _forms(leaf)},
                           key=len, reverse=True)
            self._pattern = re.compile("|".join(forms)) if forms else re.compile(r"(?!x)x")
        return self._pattern.sub(SECRET_MARKER, text)

    def masked(self, findings: list[Any]) -> list[Any]:
        """The engine's findings (dataclasses with a `message`) with every secret masked in their messages."""
        return [dataclasses.replace(f, message=self.mask(f.message)) for f in findings]


def _leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    elif value is not None:
        yield value
        if isinstance(value, str) and value[:1] in "{[":
            try:
                document = json.loads(value)
            except ValueError:
                return
            yield from _leaves(document)


def _forms(leaf: Any) -> list[str]:
    """Regular expressions of the ways a message can spell the value."""
    if isinstance(leaf, bool):
        return [rf"\b{word}\b" for word in (("true", "True") if leaf else ("false", "False"))]
    if isinstance(leaf, (int, float)):
        texts = {repr(leaf)} | ({str(int(leaf))} if float(leaf).is_integer() else set())
        return [rf"(?<!\w){re.escape(text)}(?!\w)" for text in texts]
    text = str(leaf)
    if not text or text == SECRET_MARKER:
        return []
    return [re.escape(form) for form in {text, json.dumps(text)[1:-1], repr(text)[1:-1]} if form]


def plain(value: Any, revealed: Optional[Revealed] = None) -> Any:
    """A JSON value for Rego: secrets masked (or, with `revealed`, their plaintext, kept there to mask what
    comes back), resource references as URNs, assets as their path/text kind."""
    if isinstance(value, list):
        return [plain(v, revealed) for v in value]
    if isinstance(value, dict):
        sig = value.get(SIG_KEY)
        if sig == SECRET_SIG:
            if revealed is None or "value" not in value:  # encrypted (an export) or not for this engine
                return SECRET_MARKER
            secret = plain(value["value"], revealed)
            if secret != SECRET_MARKER:  # a secret already masked where it was read
                revealed.add(secret)
            return secret
        if sig == RESOURCE_REF_SIG:
            return value.get("id") or value.get("urn")
        if sig in (ASSET_SIG, ARCHIVE_SIG):
            return {k: v for k, v in value.items() if k in ("path", "uri")} or {"asset": True}
        return {k: plain(v, revealed) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        # gRPC Structs carry every number as a double; ports and counts are integers in Pulumi's inputs.
        return int(value)
    return value


def _options(options) -> dict[str, Any]:
    return {
        "protect": options.protect,
        "ignoreChanges": list(options.ignoreChanges),
        "deleteBeforeReplace": options.deleteBeforeReplace if options.deleteBeforeReplaceDefined else None,
        "additionalSecretOutputs": list(options.additionalSecretOutputs),
        "aliases": list(options.aliases),
        "parent": options.parent or None,
    }


def _provider(request, revealed: Optional[Revealed]) -> dict[str, Any] | None:
    if not request.HasField("provider"):
        return None
    prov = request.provider
    return {"type": prov.type, "urn": prov.urn, "name": prov.name,
            "properties": plain(json_format.MessageToDict(prov.properties), revealed)}


def _common(request, revealed: Optional[Revealed]) -> dict[str, Any]:
    return {
        "type": request.type,
        "urn": request.urn,
        "name": request.name,
        "properties": provider_types.coerced(request.type,
                                             plain(json_format.MessageToDict(request.properties), revealed)),
        "options": _options(request.options),
        "provider": _provider(request, revealed),
    }


def resource(request, config: dict[str, Any], revealed: Optional[Revealed] = None) -> dict[str, Any]:
    """Rego input for one AnalyzeRequest, with the rules' parameters from the profile."""
    return {**_common(request, revealed), "config": config}


def stack_resource(request, revealed: Optional[Revealed] = None) -> dict[str, Any]:
    """Rego input entry for one resource of an AnalyzeStackRequest, with its graph edges."""
    return {
        **_common(request, revealed),
        "parent": request.parent or None,
        "dependencies": list(request.dependencies),
        "propertyDependencies": {k: list(v.urns) for k, v in request.propertyDependencies.items()},
    }


def _properties(properties: Any, revealed: Optional[Revealed]) -> dict[str, Any]:
    raw = json_format.MessageToDict(properties) if isinstance(properties, struct_pb2.Struct) else properties
    return plain(raw, revealed)


def from_stack_resource(resource: StackResource, revealed: Optional[Revealed] = None) -> dict[str, Any]:
    """The stack-input entry for a resource the CLI read or recorded: what `stack_resource` builds
    from the AnalyzeStack request the Pulumi CLI would send for it."""
    provider = resource.provider
    return {
        "type": resource.type,
        "urn": resource.urn,
        "name": resource.name,
        "properties": provider_types.coerced(resource.type, _properties(resource.properties, revealed)),
        "options": {
            "protect": resource.protect, "ignoreChanges": [], "deleteBeforeReplace": None,
            "additionalSecretOutputs": [], "aliases": [], "parent": resource.parent or None,
        },
        "provider": {"type": provider.get("type", ""), "urn": provider.get("urn", ""), "name": provider.get("name", ""),
                     "properties": plain(provider.get("properties", {}), revealed)} if provider else None,
        "parent": resource.parent or None,
        "dependencies": list(resource.dependencies),
        "propertyDependencies": {k: list(v) for k, v in resource.property_dependencies.items()},
    }
