"""A Pulumi mock monitor that records every resource registration exactly as the engine would see it,
for programs run in-process on Pulumi's mock runtime (the component tests, a consumer's unit tests).

`stackguard preflight` serves the same answers over gRPC from its own process (program_monitor.py),
with the URNs, registrations and features defined here.
"""
from __future__ import annotations

import asyncio
import inspect
from dataclasses import dataclass
from typing import Any, Callable, Optional

import pulumi
from google.protobuf import empty_pb2, json_format, struct_pb2
from pulumi.runtime import mocks as pulumi_mocks
from pulumi.runtime import rpc
from pulumi.runtime.proto import provider_pb2, resource_pb2
from pulumi.runtime.sync_await import _sync_await

from .registration import Registration


# The invoke reply message moved from the provider to the resource protocol in newer SDKs.
_InvokeResponse = getattr(resource_pb2, "ResourceInvokeResponse", None) or provider_pb2.InvokeResponse


@dataclass
class ReadResource:
    """A resource read with `get`: it exists outside this stack, so the stack's rules do not judge it."""

    urn: str
    type: str
    id: str


def _ensure_event_loop() -> None:
    """The monitor's worker thread needs an event loop to deserialize (as Pulumi's own mocks do)."""
    try:
        asyncio.get_event_loop()
    except RuntimeError:
        asyncio.set_event_loop(asyncio.new_event_loop())


def _mock_resource_args(request, inputs: dict[str, Any]) -> pulumi_mocks.MockResourceArgs:
    """MockResourceArgs with the fields this SDK version has (the program's environment may pin an older one)."""
    accepted = inspect.signature(pulumi_mocks.MockResourceArgs.__init__).parameters
    fields = {"typ": request.type, "name": request.name, "inputs": inputs, "provider": request.provider,
              "resource_id": request.importId, "custom": request.custom or False}
    if "transforms" in accepted and hasattr(pulumi_mocks, "_resolve_callbacks"):
        fields["transforms"] = pulumi_mocks._resolve_callbacks(request.transforms)
    return pulumi_mocks.MockResourceArgs(**{k: v for k, v in fields.items() if k in accepted})


def _without_unknowns(inputs: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    unknown = {k for k, v in inputs.items() if rpc.contains_unknowns(v)}
    return {k: v for k, v in inputs.items() if k not in unknown}, unknown


# What a preview monitor offers the runtime: Pulumi's mock features without resource references (those this
# SDK's protocol knows; older ones lack the newer features).
PREVIEW_FEATURES = [
    getattr(resource_pb2, f"RESOURCE_MONITOR_FEATURE_{name}")
    for name in ("SECRETS", "ALIAS_SPECS", "REPLACEMENT_TRIGGER", "DELETED_WITH", "REPLACE_WITH", "TRANSFORMS",
                 "INVOKE_TRANSFORMS", "PARAMETERIZATION", "RESOURCE_HOOKS", "ERROR_HOOKS")
    if hasattr(resource_pb2, f"RESOURCE_MONITOR_FEATURE_{name}")
]


def engine_urn(stack: str, project: str, parent: str, type_: str, name: str) -> str:
    """The URN the engine gives: the parent's whole qualified type chain, none for children of the root stack."""
    qualified = type_
    parent_type = parent.split("::")[2] if parent else "pulumi:pulumi:Stack"
    if parent_type != "pulumi:pulumi:Stack":
        qualified = f"{parent_type}${type_}"
    return f"urn:pulumi:{stack}::{project}::{qualified}::{name}"


def registration_of(request, urn: str, inputs: dict[str, Any], properties: Any) -> Registration:
    """The Registration of a RegisterResource request."""
    has_position = "sourcePosition" in request.DESCRIPTOR.fields_by_name and request.HasField("sourcePosition")
    position = request.sourcePosition if has_position else None
    return Registration(
        urn=urn, type=request.type, name=request.name, parent=request.parent, inputs=inputs,
        properties=properties, dependencies=list(request.dependencies),
        property_dependencies={k: list(v.urns) for k, v in request.propertyDependencies.items()},
        source_file=position.uri if position and position.uri else None,
        source_line=position.line if position and position.line else None,
        custom=request.custom, remote=request.remote,
        options={
            "protect": request.protect,
            "ignoreChanges": list(request.ignoreChanges),
            "deleteBeforeReplace": request.deleteBeforeReplace,
            "additionalSecretOutputs": list(request.additionalSecretOutputs),
            "aliasURNs": list(request.aliasURNs),
            "parent": request.parent,
            "retainOnDelete": request.retainOnDelete,
        },
    )


class RecordingMonitor(pulumi_mocks.MockMonitor):
    """MockMonitor that keeps a Registration for every RegisterResource call, in order.

    Resource references are not offered to the program (as for a provider that does not accept
    them, the SDK sends a resource's id or URN): a reference deserialized on the monitor's thread
    would build a resource on that thread's event loop, which never runs ("attached to a different
    loop"), and the program would hang.
    """

    def __init__(self, mocks: pulumi.runtime.Mocks, preview: bool = False, project: Optional[str] = None,
                 stack: Optional[str] = None):
        super().__init__(mocks)
        self.preview, self.project, self.stack = preview, project, stack
        self.registrations: list[Registration] = []
        self.reads: list[ReadResource] = []
        self.generic_invokes: list[str] = []

    def GetDeploymentInfo(self, request):
        return resource_pb2.DeploymentInfo(supportedFeatures=PREVIEW_FEATURES)

    def SupportsFeature(self, request):
        supported = request.id not in ("outputValues", "resourceReferences")
        return type("SupportsFeatureResponse", (object,), {"hasSupport": supported})

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        # The project and stack are the run's own (older SDKs lose them on worker threads).
        return engine_urn(self.stack or pulumi.get_stack(), self.project or pulumi.get_project(), parent, type_, name)

    def RegisterResource(self, request):
        urn = self.make_urn(request.parent, request.type, request.name)
        inputs: dict[str, Any] = {}
        if request.type == "pulumi:pulumi:Stack":
            response = resource_pb2.RegisterResourceResponse(urn=urn)
        else:
            _ensure_event_loop()
            inputs = rpc.deserialize_properties(request.object, keep_unknowns=True)
            known_inputs, unknown = _without_unknowns(inputs)
            resource_args = _mock_resource_args(request, known_inputs)
            id_, state = self.mocks.new_resource(resource_args)
            # An input unknown at preview gives an unknown output: never echo a placeholder for it.
            state = {k: v for k, v in state.items() if k not in unknown}
            if request.remote:
                # A multi-language component's outputs come from its own provider, which preflight does
                # not run: unknown, as a preview leaves them, never its inputs under the same names
                # (awsx's Vpc takes `natGateways` as a strategy and gives back a list of gateways).
                id_, state = "", {}
            self.resources[urn] = pulumi_mocks.MockMonitor.ResourceRegistration(urn, id_, state)
            response = resource_pb2.RegisterResourceResponse(
                urn=urn, id=id_, object=_sync_await(rpc.serialize_properties(state, {})))
            inputs = known_inputs
        self.registrations.append(registration_of(request, response.urn, inputs, request.object))
        return response

    def ReadResource(self, request):
        response = super().ReadResource(request)
        self.reads.append(ReadResource(urn=response.urn, type=request.type, id=request.id))
        return response

    def Invoke(self, request):
        known_answer = getattr(self.mocks, "known_answer", None)
        if self.preview and known_answer and request.tok != "pulumi:pulumi:getResource":
            _ensure_event_loop()
            args = rpc.deserialize_properties(request.args)
            answer = known_answer(request.tok, args)
            if answer is None:
                # No realistic answer: unknown, as a preview leaves an invoke that waits on the deployment.
                self.generic_invokes.append(request.tok)
                if "unknown" in _InvokeResponse.DESCRIPTOR.fields_by_name:
                    return _InvokeResponse(unknown=True)
                return _InvokeResponse()  # an SDK before `unknown`: an empty result
            struct = struct_pb2.Struct()
            json_format.ParseDict(answer, struct)  # the answer may carry wire-format secrets and unknowns
            return _InvokeResponse(**{"return": struct})
        return super().Invoke(request)

    def RegisterResourceOutputs(self, request):
        return empty_pb2.Empty()

    def of_type(self, token: str) -> list[Registration]:
        return [r for r in self.registrations if r.type == token]


def run_program(
    program: Callable[[], Any],
    mocks: pulumi.runtime.Mocks,
    *,
    project: str = "stackguard",
    stack: str = "dev",
    preview: bool = False,
    organization: Optional[str] = None,
) -> RecordingMonitor:
    """Run `program` on Pulumi's mock runtime and return the monitor with every registration."""
    monitor = RecordingMonitor(mocks, preview=preview, project=project, stack=stack)
    accepts_organization = "organization" in inspect.signature(pulumi.runtime.set_mocks).parameters
    options: dict[str, Any] = {"organization": organization} if organization is not None and accepts_organization else {}
    pulumi.runtime.set_mocks(mocks, project=project, stack=stack, preview=preview, monitor=monitor, **options)

    @pulumi.runtime.test
    def _run():
        return program()

    _run()
    return monitor
