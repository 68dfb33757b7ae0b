"""The engine side of a preflight run: Pulumi's ResourceMonitor and Engine gRPC services, served by
stackguard's own process on 127.0.0.1 to the program's child process, as the Pulumi CLI serves them
to its language host.

The program's Pulumi runtime sends every registration here, and this process keeps the record the
gate judges: nothing the program does in its own process (exit early, rewrite the host, write a
result of its own) can remove a registration it made, or make an unfinished run look finished. A run
is complete when the root stack registered its outputs (the runtime does that once the program's
body has run), the runtime then signalled that every registration, output and RPC was done
(SignalAndWaitForShutdown, sent by newer SDKs and by the host for every SDK), and the program then
exited 0; program_runner.py decides from that.

Registrations are answered as a preview answers them (mocks.py, invokes.py): ids and ARNs shaped
as AWS shapes them, other outputs unknown, data sources answered when they have a realistic answer.
Resource references and output values are not offered (the runtime sends ids and plain values).
"""
from __future__ import annotations

import threading
import traceback
from concurrent import futures
from typing import Any, Callable, Optional

import grpc
from google.protobuf import empty_pb2, json_format, struct_pb2
from pulumi.runtime.mocks import MockResourceArgs
from pulumi.runtime.proto import engine_pb2, engine_pb2_grpc, resource_pb2, resource_pb2_grpc

from .invokes import SECRET_SIG, SPECIAL_SIG_KEY, UNKNOWN_STRING
from .mocks import AwsMocks
from .program_host import Scrubber
from .recording import PREVIEW_FEATURES, ReadResource, engine_urn, registration_of
from .registration import Registration

# As the Pulumi engine allows: a large inline policy or function code must not fail the run.
MAX_MESSAGE_BYTES = 400 * 1024 * 1024
_SERVER_OPTIONS = [("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
                   ("grpc.max_send_message_length", MAX_MESSAGE_BYTES)]


def _contains_unknown(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_contains_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(_contains_unknown(v) for v in value)
    return value == UNKNOWN_STRING


def _scrubbed_outside_secrets(scrub: Scrubber, value: Any) -> Any:
    """The stack's decrypted config secrets replaced by [secret] wherever the program used them as plain
    values; inside Pulumi's secret wrapper (`require_secret`, `Output.secret`) the plaintext stays, for
    the private OPA to judge (rego_input.Revealed masks it in what comes back)."""
    if isinstance(value, dict):
        if value.get(SPECIAL_SIG_KEY) == SECRET_SIG:
            return value
        return {k: _scrubbed_outside_secrets(scrub, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrubbed_outside_secrets(scrub, v) for v in value]
    return scrub(value) if isinstance(value, str) else value


def _struct(value: dict[str, Any]) -> struct_pb2.Struct:
    struct = struct_pb2.Struct()
    json_format.ParseDict(value, struct)
    return struct


class Record:
    """What the program registered, read and invoked, and whether its stack completed: kept in this
    process, filled only by what reaches the monitor."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.registrations: list[Registration] = []
        self.reads: list[ReadResource] = []
        self.generic_invokes: set[str] = set()
        self.root_urn: Optional[str] = None
        self.outputs_registered = False  # the root stack's outputs: the program's body has run
        self.shutdown_signalled = False  # after them: every registration, output and RPC is done
        self.failure: Optional[str] = None  # an error of the monitor itself (never the program's)

    @property
    def completed(self) -> bool:
        return self.outputs_registered and self.shutdown_signalled


def _guarded(method: Callable) -> Callable:
    """A failure of the monitor itself is recorded (the run then blocks, naming it) and answered as an
    internal error, never left to look like the program's own failure."""

    def handler(self: "_Monitor", request, context):
        try:
            return method(self, request, context)
        except Exception as err:  # noqa: BLE001 - recorded and reported by the runner
            with self.record.lock:
                self.record.failure = self.record.failure or (
                    f"{method.__name__}: {type(err).__name__}: {err} "
                    f"({traceback.extract_tb(err.__traceback__)[-1].name})")
            context.abort(grpc.StatusCode.INTERNAL, "stackguard's resource monitor failed")

    handler.__name__ = method.__name__
    return handler


class _Monitor(resource_pb2_grpc.ResourceMonitorServicer):
    def __init__(self, record: Record, mocks: AwsMocks, project: str, stack: str, scrub: Scrubber):
        self.record, self.mocks, self.project, self.stack, self.scrub = record, mocks, project, stack, scrub

    @_guarded
    def SupportsFeature(self, request, context):
        return resource_pb2.SupportsFeatureResponse(hasSupport=request.id not in ("outputValues", "resourceReferences"))

    @_guarded
    def GetDeploymentInfo(self, request, context):
        return resource_pb2.DeploymentInfo(supportedFeatures=PREVIEW_FEATURES)

    @_guarded
    def RegisterResource(self, request, context):
        urn = engine_urn(self.stack, self.project, request.parent, request.type, request.name)
        properties = _scrubbed_outside_secrets(self.scrub, json_format.MessageToDict(request.object))
        if request.type == "pulumi:pulumi:Stack" and not request.parent:
            response = resource_pb2.RegisterResourceResponse(urn=urn)
            with self.record.lock:
                self.record.root_urn = self.record.root_urn or urn
        else:
            inputs = json_format.MessageToDict(request.object)
            unknown = {k for k, v in inputs.items() if _contains_unknown(v)}
            known = {k: v for k, v in inputs.items() if k not in unknown}
            id_, state = self.mocks.new_resource(MockResourceArgs(
                typ=request.type, name=request.name, inputs=known, provider=request.provider,
                resource_id=request.importId, custom=request.custom or False))
            # An input unknown at preview gives an unknown output: never echo a placeholder for it.
            state = {k: v for k, v in state.items() if k not in unknown}
            if request.remote:
                # A multi-language component's outputs come from its own provider, which preflight does
                # not run: unknown, as a preview leaves them, never its inputs under the same names.
                id_, state = "", {}
            response = resource_pb2.RegisterResourceResponse(urn=urn, id=id_, object=_struct(state))
        with self.record.lock:
            self.record.registrations.append(registration_of(request, urn, {}, properties))
        return response

    @_guarded
    def RegisterResourceOutputs(self, request, context):
        with self.record.lock:
            if request.urn and request.urn == self.record.root_urn:
                self.record.outputs_registered = True
        return empty_pb2.Empty()

    @_guarded
    def ReadResource(self, request, context):
        urn = engine_urn(self.stack, self.project, request.parent, request.type, request.name)
        _, state = self.mocks.new_resource(MockResourceArgs(
            typ=request.type, name=request.name, inputs=json_format.MessageToDict(request.properties),
            provider=request.provider, resource_id=request.id))
        with self.record.lock:
            self.record.reads.append(ReadResource(urn=urn, type=request.type, id=request.id))
        return resource_pb2.ReadResourceResponse(urn=urn, properties=_struct(state))

    @_guarded
    def Invoke(self, request, context):
        answer = self.mocks.known_answer(request.tok, json_format.MessageToDict(request.args))
        if answer is None:
            # No realistic answer: unknown, as a preview leaves an invoke that waits on the deployment.
            with self.record.lock:
                self.record.generic_invokes.add(request.tok)
            return resource_pb2.ResourceInvokeResponse(unknown=True)
        return resource_pb2.ResourceInvokeResponse(**{"return": _struct(answer)})

    def _accepted(self, request, context):
        return empty_pb2.Empty()

    # Transforms and hooks are accepted and not run, as Pulumi's mocks do not run them.
    RegisterStackTransform = RegisterStackInvokeTransform = RegisterResourceHook = RegisterErrorHook = _accepted

    @_guarded
    def RegisterPackage(self, request, context):
        return resource_pb2.RegisterPackageResponse(ref=f"{request.name}-{request.version}")

    @_guarded
    def SignalAndWaitForShutdown(self, request, context):
        with self.record.lock:
            self.record.shutdown_signalled = self.record.outputs_registered
        return empty_pb2.Empty()


class _Engine(engine_pb2_grpc.EngineServicer):
    """Where the runtime logs and keeps its root resource. Warnings and errors go to stderr, scrubbed,
    as `pulumi preview` shows them."""

    def __init__(self, record: Record, scrub: Scrubber, write: Callable[[str], None]):
        self.record, self.scrub, self.write = record, scrub, write

    def Log(self, request, context):
        if request.severity in (engine_pb2.WARNING, engine_pb2.ERROR):
            level = "warning" if request.severity == engine_pb2.WARNING else "error"
            self.write(self.scrub(f"{level}: {request.message.rstrip()}\n"))
        return empty_pb2.Empty()

    def GetRootResource(self, request, context):
        with self.record.lock:
            return engine_pb2.GetRootResourceResponse(urn=self.record.root_urn or "")

    def SetRootResource(self, request, context):
        return engine_pb2.SetRootResourceResponse()

    def RequirePulumiVersion(self, request, context):
        return empty_pb2.Empty()


class MonitorServer:
    """The monitor and engine on one 127.0.0.1 port; `address` is what the program's runtime dials."""

    def __init__(self, project: str, stack: str, account_id: str, region: str, scrub: Scrubber,
                 write: Callable[[str], None]):
        self.record = Record()
        self.server = grpc.server(futures.ThreadPoolExecutor(max_workers=8, thread_name_prefix="stackguard-monitor"),
                                  options=_SERVER_OPTIONS)
        resource_pb2_grpc.add_ResourceMonitorServicer_to_server(
            _Monitor(self.record, AwsMocks(account_id=account_id, region=region), project, stack, scrub), self.server)
        engine_pb2_grpc.add_EngineServicer_to_server(_Engine(self.record, scrub, write), self.server)
        port = self.server.add_insecure_port("127.0.0.1:0")
        self.address = f"127.0.0.1:{port}"
        self.server.start()

    def stop(self) -> None:
        self.server.stop(grace=None)
