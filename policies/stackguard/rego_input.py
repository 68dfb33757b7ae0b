"""The Rego input of the architecture, built the same way from the pack's gRPC requests and from the
CLI's StackResources, so both paths hand OPA the same document.

Secrets are replaced by a marker before anything reaches OPA (logs and reports never see them);
unknown preview values keep Pulumi's sentinel strings, which `data.lib.pulumi` recognises. Strings
given for boolean or numeric inputs are converted as the AWS provider converts them
(`provider_types.coerced`), so rules judge what the provider will apply.
"""
from __future__ import annotations

from typing import Any

from google.protobuf import json_format, struct_pb2

from . import provider_types
from .model import StackResource
from .vocabulary import ARCHIVE_SIG, ASSET_SIG, RESOURCE_REF_SIG, SECRET_MARKER, SECRET_SIG, SIG_KEY


def plain(value: Any) -> Any:
    """A JSON value for Rego: secrets masked, resource references as URNs, assets as their path/text kind."""
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        sig = value.get(SIG_KEY)
        if sig == SECRET_SIG:
            return SECRET_MARKER
        if sig == RESOURCE_REF_SIG:
            return value.get("id") or value.get("urn")
        if sig in (ASSET_SIG, ARCHIVE_SIG):
            return {k: v for k, v in value.items() if k in ("path", "uri")} or {"asset": True}
        return {k: plain(v) for k, v in value.items()}
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


def _provider(request) -> dict[str, Any] | None:
    if not request.HasField("provider"):
        return None
    prov = request.provider
    return {"type": prov.type, "urn": prov.urn, "name": prov.name,
            "properties": plain(json_format.MessageToDict(prov.properties))}


def _common(request) -> dict[str, Any]:
    return {
        "type": request.type,
        "urn": request.urn,
        "name": request.name,
        "properties": provider_types.coerced(request.type, plain(json_format.MessageToDict(request.properties))),
        "options": _options(request.options),
        "provider": _provider(request),
    }


def resource(request, config: dict[str, Any]) -> dict[str, Any]:
    """Rego input for one AnalyzeRequest, with the rules' parameters from the profile."""
    return {**_common(request), "config": config}


def stack_resource(request) -> dict[str, Any]:
    """Rego input entry for one resource of an AnalyzeStackRequest, with its graph edges."""
    return {
        **_common(request),
        "parent": request.parent or None,
        "dependencies": list(request.dependencies),
        "propertyDependencies": {k: list(v.urns) for k, v in request.propertyDependencies.items()},
    }


def _properties(properties: Any) -> dict[str, Any]:
    raw = json_format.MessageToDict(properties) if isinstance(properties, struct_pb2.Struct) else properties
    return plain(raw)


def from_stack_resource(resource: StackResource) -> dict[str, Any]:
    """The stack-input entry for a resource the CLI read or recorded: what `stack_resource` builds
    from the AnalyzeStack request the Pulumi CLI would send for it."""
    provider = resource.provider
    return {
        "type": resource.type,
        "urn": resource.urn,
        "name": resource.name,
        "properties": provider_types.coerced(resource.type, _properties(resource.properties)),
        "options": {
            "protect": resource.protect, "ignoreChanges": [], "deleteBeforeReplace": None,
            "additionalSecretOutputs": [], "aliases": [], "parent": resource.parent or None,
        },
        "provider": {"type": provider.get("type", ""), "urn": provider.get("urn", ""), "name": provider.get("name", ""),
                     "properties": plain(provider.get("properties", {}))} if provider else None,
        "parent": resource.parent or None,
        "dependencies": list(resource.dependencies),
        "propertyDependencies": {k: list(v) for k, v in resource.property_dependencies.items()},
    }
