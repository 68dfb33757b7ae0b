"""Read `pulumi stack export` and `pulumi preview --json` files into StackResources.

Both formats are checked strictly enough that a wrong file gives a clear error naming the key (a
file that describes nothing checkable is refused, never read as "0 resources"), and loosely enough
that additive changes in newer Pulumi versions keep working.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from . import inputs
from .errors import InputError
from .exemptions import stack_of
from .model import SourceLocation, Stack, StackResource
from .vocabulary import SECRET_MARKER, SECRET_SIG, SIG_KEY

FORMATS = "a `pulumi stack export` file (deployment.resources) or `pulumi preview --json` output (steps)"
# Deployment schema versions `pulumi stack export` has written (apitype.DeploymentSchemaVersion*).
EXPORT_VERSIONS = (1, 2, 3)
# Preview step operations (Pulumi's display.StepOp) and whether the step leaves a resource to check.
STEP_OPS_WITH_STATE = {"same", "create", "update", "replace", "create-replacement", "import", "import-replacement", "refresh"}
STEP_OPS_WITHOUT_STATE = {"delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace", "read", "read-replacement", "read-discard"}


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


def _source_position(value: Any, source: str, key: str) -> SourceLocation | None:
    """`project:///__main__.py#12,5` (what the engine records) as file and line."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(source, key, "must be a source position string like project:///__main__.py#12,5")
    parsed = urlparse(value)
    line = parsed.fragment.split(",", 1)[0]
    path = unquote(parsed.path).lstrip("/") if parsed.scheme == "project" else unquote(parsed.path)
    if not path or not line.isdigit() or int(line) < 1:
        return None  # a position Pulumi could not resolve is no position, not an error
    return SourceLocation(file=path, line=int(line))


def _urn_list(value: Any, source: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(u, str) for u in value):
        raise InputError(source, key, "must be a list of URN strings")
    return list(value)


def _resource(state: Any, source: str, key: str) -> StackResource:
    if not isinstance(state, dict):
        raise InputError(source, key, "must be an object describing a resource")
    for required in ("urn", "type"):
        if not isinstance(state.get(required), str) or not state[required]:
            raise InputError(source, f"{key}.{required}", "must be a non-empty string")
    urn = state["urn"]
    if not urn.startswith("urn:pulumi:") or urn.count("::") < 3:
        raise InputError(source, f"{key}.urn", "must be a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)")
    inputs_ = state.get("inputs", {})
    if not isinstance(inputs_, dict):
        raise InputError(source, f"{key}.inputs", f"must be an object of resource inputs, got {type(inputs_).__name__}")
    prop_deps = state.get("propertyDependencies") or {}
    if not isinstance(prop_deps, dict):
        raise InputError(source, f"{key}.propertyDependencies", "must be an object mapping property names to lists of URNs")
    parent = state.get("parent") or ""
    if not isinstance(parent, str):
        raise InputError(source, f"{key}.parent", "must be a URN string")
    return StackResource(
        urn=urn, type=state["type"], name=urn.rsplit("::", 1)[-1],
        properties=_masked(inputs_), parent=parent,
        dependencies=_urn_list(state.get("dependencies"), source, f"{key}.dependencies"),
        property_dependencies={k: _urn_list(v, source, f"{key}.propertyDependencies.{k}") for k, v in prop_deps.items()},
        provider=_provider_ref(state.get("provider")), protect=state.get("protect") is True, custom=state.get("custom") is not False,
        source=_source_position(state.get("sourcePosition"), source, f"{key}.sourcePosition"),
    )


def _export(document: dict[str, Any], source: str) -> list[StackResource]:
    version = document.get("version")
    if type(version) is not int or version not in EXPORT_VERSIONS:
        raise InputError(source, "version", f"deployment schema version {version!r} is not supported; allowed: {', '.join(map(str, EXPORT_VERSIONS))}")
    deployment = document["deployment"]
    resources = deployment.get("resources") if isinstance(deployment, dict) else None
    if not isinstance(resources, list):
        raise InputError(source, "deployment.resources", "must be a list of resources")
    # Read resources (`external`) are not managed by the stack: Pulumi does not analyze them either.
    return [_resource(r, source, f"deployment.resources[{i}]") for i, r in enumerate(resources)
            if not (isinstance(r, dict) and r.get("external") is True)]


def _complete_preview(document: dict[str, Any], source: str) -> None:
    """A preview in which the program or a resource failed (an error diagnostic about a URN) or that
    Pulumi flags as maybe corrupt lists only the steps it reached: checking those would pass whatever
    it never reached, so it is refused. The closing "preview failed" error names no URN: Pulumi also
    writes it when the policy pack's mandatory findings fail a complete preview."""
    if document.get("maybeCorrupt") is True:
        raise InputError(source, "maybeCorrupt", "the preview says its resources may be corrupt: it is incomplete and "
                                                 "cannot be checked; fix the failure and run `pulumi preview --json` again")
    diagnostics = document.get("diagnostics", [])
    if not isinstance(diagnostics, list):
        raise InputError(source, "diagnostics", "must be a list of preview diagnostics")
    for i, diagnostic in enumerate(diagnostics):
        if isinstance(diagnostic, dict) and diagnostic.get("severity") == "error" and diagnostic.get("urn"):
            raise InputError(source, f"diagnostics[{i}]", "the preview failed with an error, so its steps are incomplete "
                                                          "and cannot be checked; fix the error and run `pulumi preview --json` again")


def _every_same_listed(document: dict[str, Any], steps: list[Any], source: str) -> None:
    """`pulumi preview --json` leaves unchanged resources out unless given `--show-sames`, and only counts
    them in `changeSummary.same`: the stack-level rules would judge a stack without them (a bucket whose
    unchanged policy is missing, an unchanged bucket a new policy no longer protects), so it is refused."""
    summary = document.get("changeSummary")
    counted = summary.get("same") if isinstance(summary, dict) else None
    listed = sum(1 for step in steps if isinstance(step, dict) and step.get("op") == "same")
    if isinstance(counted, int) and not isinstance(counted, bool) and counted > listed:
        raise InputError(source, "changeSummary.same", f"counts {counted} unchanged resources but the steps list {listed}: "
                                                       "the preview leaves them out, so the stack cannot be judged whole; "
                                                       "record it with `pulumi preview --json --show-sames`")


def _preview(document: dict[str, Any], source: str) -> list[StackResource]:
    _complete_preview(document, source)
    steps = document["steps"]
    if not isinstance(steps, list):
        raise InputError(source, "steps", "must be a list of preview steps")
    allowed = ", ".join(sorted(STEP_OPS_WITH_STATE | STEP_OPS_WITHOUT_STATE))
    resources = []
    for i, step in enumerate(steps):
        if not isinstance(step, dict):
            raise InputError(source, f"steps[{i}]", "must be an object with 'op' and, unless the step deletes, 'newState'")
        op = step.get("op")
        if not isinstance(op, str):
            raise InputError(source, f"steps[{i}].op", f"must be one of {allowed}, got {type(op).__name__}")
        if op in STEP_OPS_WITHOUT_STATE:
            continue
        if op not in STEP_OPS_WITH_STATE:
            raise InputError(source, f"steps[{i}].op", f"must be one of {allowed}, got {op!r}")
        if not step.get("newState"):
            raise InputError(source, f"steps[{i}].newState", f"a {op!r} step must carry the resource's new state")
        resources.append(_resource(step["newState"], source, f"steps[{i}].newState"))
    _every_same_listed(document, steps, source)
    return resources


def read(path: Path | str) -> list[StackResource]:
    return read_document(inputs.load_json(path, FORMATS), inputs.display_name(path))


def read_document(document: Any, source: str) -> list[StackResource]:
    """The resources of an export or preview document already parsed from `source` (a file, a backend's state)."""
    if not isinstance(document, dict):
        raise InputError(source, "(top level)", f"must be a JSON object; expected {FORMATS}")
    if "deployment" in document:
        return _export(document, source)
    if "steps" in document:
        return _preview(document, source)
    raise InputError(source, "(top level)", f"has neither 'deployment' nor 'steps'; expected {FORMATS}")


def read_stacks(files: list[Path]) -> list[Stack]:
    """One Stack per input file (or "-" for standard input), named after the stack in its URNs."""
    stacks = []
    for path in files:
        resources = read(path)
        name = stack_of(resources[0].urn) if resources else ("stdin" if str(path) == inputs.STDIN else Path(path).stem)
        stacks.append(Stack(name=name, resources=resources))
    return stacks
