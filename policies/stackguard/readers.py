"""Read `pulumi stack export` and `pulumi preview --json` files into StackResources.

Both formats are checked strictly enough that a wrong file gives a clear error naming the key,
and loosely enough that additive changes in newer Pulumi versions keep working.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import StackResource
from .rego_input import SECRET_MARKER, SECRET_SIG, SIG_KEY

FORMATS = "a `pulumi stack export` file (deployment.resources) or `pulumi preview --json` output (steps)"


def _masked(value: Any) -> Any:
    """Replace encrypted or plaintext secrets by a secret marker before they go anywhere."""
    if isinstance(value, list):
        return [_masked(v) for v in value]
    if isinstance(value, dict):
        if value.get(SIG_KEY) == SECRET_SIG:
            return {SIG_KEY: SECRET_SIG, "value": SECRET_MARKER}
        return {k: _masked(v) for k, v in value.items()}
    return value


def _provider_ref(ref: Any) -> dict[str, Any] | None:
    # A provider reference is "<provider urn>::<provider id>".
    if not isinstance(ref, str) or not ref:
        return None
    urn = ref.rsplit("::", 1)[0]
    return {"urn": urn, "type": urn.split("::")[-2] if urn.count("::") >= 3 else "", "name": urn.split("::")[-1]}


def _resource(state: Any, source: str, key: str) -> StackResource:
    if not isinstance(state, dict):
        raise InputError(source, key, "must be an object describing a resource")
    for required in ("urn", "type"):
        if not isinstance(state.get(required), str) or not state[required]:
            raise InputError(source, f"{key}.{required}", "must be a non-empty string")
    inputs = state.get("inputs", {})
    if not isinstance(inputs, dict):
        raise InputError(source, f"{key}.inputs", f"must be an object of resource inputs, got {type(inputs).__name__}")
    deps = state.get("dependencies") or []
    prop_deps = state.get("propertyDependencies") or {}
    if not isinstance(deps, list) or not isinstance(prop_deps, dict):
        raise InputError(source, f"{key}.dependencies", "dependencies must be a list and propertyDependencies an object")
    return StackResource(
        urn=state["urn"], type=state["type"], name=state["urn"].rsplit("::", 1)[-1],
        properties=_masked(inputs), parent=state.get("parent") or "", dependencies=[str(d) for d in deps],
        property_dependencies={k: [str(u) for u in (v or [])] for k, v in prop_deps.items()},
        provider=_provider_ref(state.get("provider")), protect=bool(state.get("protect", False)),
    )


def read(path: Path) -> list[StackResource]:
    source = str(path)
    try:
        document = json.loads(path.read_text())
    except OSError as err:
        raise InputError(source, "(file)", f"cannot be read: {err.strerror}") from None
    except json.JSONDecodeError as err:
        raise InputError(source, f"line {err.lineno} column {err.colno}", f"is not valid JSON ({err.msg}); expected {FORMATS}") from None
    if not isinstance(document, dict):
        raise InputError(source, "(top level)", f"must be a JSON object; expected {FORMATS}")
    if "deployment" in document:
        deployment = document["deployment"]
        resources = deployment.get("resources", []) if isinstance(deployment, dict) else None
        if not isinstance(resources, list):
            raise InputError(source, "deployment.resources", "must be a list of resources")
        # Read resources (`external`) are not managed by the stack: Pulumi does not analyze them either.
        return [_resource(r, source, f"deployment.resources[{i}]") for i, r in enumerate(resources)
                if not (isinstance(r, dict) and r.get("external"))]
    if "steps" in document:
        steps = document["steps"]
        if not isinstance(steps, list):
            raise InputError(source, "steps", "must be a list of preview steps")
        # Deleted resources have no newState: there is nothing left to check.
        return [_resource(step["newState"], source, f"steps[{i}].newState")
                for i, step in enumerate(steps) if isinstance(step, dict) and step.get("newState")]
    raise InputError(source, "(top level)", f"has neither 'deployment' nor 'steps'; expected {FORMATS}")
