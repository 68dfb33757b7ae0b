"""A Pulumi mock monitor that records every resource registration exactly as the engine would see it.

`stackguard preflight` turns these records into the Analyze/AnalyzeStack requests the Pulumi CLI
would send to the policy pack; the component tests read the same records to assert defaults.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

import pulumi
from google.protobuf import struct_pb2
from pulumi.runtime import mocks as pulumi_mocks
from pulumi.runtime import rpc


@dataclass
class Registration:
    """One registered resource: what the engine's RegisterResource request carried."""

    urn: str
    type: str
    name: str
    parent: str
    inputs: dict[str, Any]
    properties: struct_pb2.Struct
    dependencies: list[str]
    property_dependencies: dict[str, list[str]]
    source_file: Optional[str]
    source_line: Optional[int]
    options: dict[str, Any] = field(default_factory=dict)


class RecordingMonitor(pulumi_mocks.MockMonitor):
    """MockMonitor that keeps a Registration for every RegisterResource call, in order."""

    def __init__(self, mocks: pulumi.runtime.Mocks):
        super().__init__(mocks)
        self.registrations: list[Registration] = []

    def RegisterResource(self, request):
        response = super().RegisterResource(request)
        position = request.sourcePosition if request.HasField("sourcePosition") else None
        self.registrations.append(
            Registration(
                urn=response.urn,
                type=request.type,
                name=request.name,
                parent=request.parent,
                inputs=rpc.deserialize_properties(request.object),
                properties=request.object,
                dependencies=list(request.dependencies),
                property_dependencies={k: list(v.urns) for k, v in request.propertyDependencies.items()},
                source_file=position.uri if position and position.uri else None,
                source_line=position.line if position and position.line else None,
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
        )
        return response

    def of_type(self, token: str) -> list[Registration]:
        return [r for r in self.registrations if r.type == token]


def run_program(
    program: Callable[[], Any],
    mocks: pulumi.runtime.Mocks,
    *,
    project: str = "stackguard",
    stack: str = "dev",
    preview: bool = False,
) -> RecordingMonitor:
    """Run `program` on Pulumi's mock runtime and return the monitor with every registration."""
    monitor = RecordingMonitor(mocks)
    pulumi.runtime.set_mocks(mocks, project=project, stack=stack, preview=preview, monitor=monitor)

    @pulumi.runtime.test
    def _run():
        return program()

    _run()
    return monitor
