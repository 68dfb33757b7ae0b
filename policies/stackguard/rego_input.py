"""Turn the Analyzer's gRPC requests into the Rego input of the architecture.

Secrets are replaced by a marker before anything leaves the pack (OPA, logs and reports never see
them); unknown preview values keep Pulumi's sentinel strings, which `data.lib.pulumi` recognises.
"""
from __future__ import annotations

from typing import Any

from google.protobuf import json_format

SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e"
ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17"
ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7"
SECRET_MARKER = "[secret]"


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
        "properties": plain(json_format.MessageToDict(request.properties)),
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
