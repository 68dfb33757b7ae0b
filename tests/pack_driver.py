"""Test driver: run a policy pack exactly as the Pulumi CLI does: start `python -u -m pulumi.policy <engine>
<pack dir>`, read the port it prints, then talk to its Analyzer service over gRPC."""
from __future__ import annotations

import os
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterable

# The driver closes its channel when it stops the pack; gRPC's core would log that at INFO.
os.environ.setdefault("GRPC_VERBOSITY", "ERROR")

import grpc  # noqa: E402
from google.protobuf import empty_pb2, struct_pb2
from pulumi.runtime import proto
from pulumi.runtime.proto import analyzer_pb2_grpc

from stackguard import paths
from stackguard.errors import EngineError
from stackguard.model import StackResource

START_SECONDS = 60.0
CALL_SECONDS = 120.0
LEVELS = {"advisory": proto.ADVISORY, "mandatory": proto.MANDATORY, "disabled": proto.DISABLED, "remediate": proto.REMEDIATE}
# The engine address is only used by the pack for logging to a live Pulumi engine, which this
# driver does not have; pulumi.policy accepts any value.
ENGINE_ADDRESS = "127.0.0.1:0"
# The pack boots while the caller still works (preflight runs the program meanwhile): on a busy
# machine the caller, which everything waits for, goes first.
BOOT_NICENESS = 5


def _struct(values: dict[str, Any]) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(values)
    return message


def _options(resource: StackResource) -> proto.AnalyzerResourceOptions:
    return proto.AnalyzerResourceOptions(protect=resource.protect, parent=resource.parent)


def _provider(resource: StackResource) -> proto.AnalyzerProviderResource | None:
    if not resource.provider:
        return None
    return proto.AnalyzerProviderResource(
        type=resource.provider.get("type", ""), urn=resource.provider.get("urn", ""),
        name=resource.provider.get("name", ""), properties=_struct(resource.provider.get("properties", {})),
    )


def _properties(resource: StackResource) -> struct_pb2.Struct:
    props = resource.properties
    return props if isinstance(props, struct_pb2.Struct) else _struct(props)


class PackProcess:
    """A running policy pack; use as a context manager."""

    def __init__(self, pack_dir: Path | None = None, env: dict[str, str] | None = None, python: str | None = None):
        self.pack_dir = pack_dir or paths.pack_dir()
        self.python = python or sys.executable  # the interpreter of the pack's own virtualenv, as the CLI picks it
        self.env = {**os.environ, **(env or {})}
        self._process: subprocess.Popen | None = None
        self._stderr = tempfile.TemporaryFile()
        self._channel: grpc.Channel | None = None
        self.stub: analyzer_pb2_grpc.AnalyzerStub | None = None

    def __enter__(self) -> "PackProcess":
        return self.start().connect()

    def start(self) -> "PackProcess":
        """Spawn the pack; it boots while the caller does other work (preflight runs the program)."""
        # stderr goes to a file, not a pipe: a chatty pack must never block on a full pipe.
        self._process = subprocess.Popen(
            [self.python, "-u", "-m", "pulumi.policy", ENGINE_ADDRESS, str(self.pack_dir)],
            stdout=subprocess.PIPE, stderr=self._stderr, stdin=subprocess.DEVNULL, env=self.env,
            preexec_fn=(lambda: os.nice(BOOT_NICENESS)) if os.name == "posix" else None,
        )
        return self

    def connect(self) -> "PackProcess":
        """Wait for the port line and open the gRPC channel."""
        port = self._read_port()
        self._channel = grpc.insecure_channel(f"127.0.0.1:{port}", options=[("grpc.max_receive_message_length", 400 * 1024 * 1024)])
        self.stub = analyzer_pb2_grpc.AnalyzerStub(self._channel)
        return self

    def _read_port(self) -> int:
        assert self._process and self._process.stdout
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self._process.stdout], [], [], 0.2)
            if ready:
                line = self._process.stdout.readline().decode().strip()
                if line.isdigit():
                    return int(line)
                if line:
                    continue
            if self._process.poll() is not None:
                break
        code = self._process.poll()
        self._stderr.seek(0)
        error = self._stderr.read().decode(errors="replace").strip() if code is not None else ""
        self.close()
        if code == 2 and error:
            # The pack rejected its own inputs (exemptions, rules): its message names them.
            raise EngineError(f"the policy pack refused its inputs: {error.splitlines()[-1].removeprefix('stackguard policy pack: ')}")
        raise EngineError(f"the policy pack did not start: {error.splitlines()[-1] if error else 'no port line'}")

    def info(self) -> proto.AnalyzerInfo:
        return self.stub.GetAnalyzerInfo(empty_pb2.Empty(), timeout=CALL_SECONDS)

    def configure(self, policy_config: dict[str, dict[str, Any]]) -> None:
        request = proto.ConfigureAnalyzerRequest()
        for name, config in policy_config.items():
            properties = {k: v for k, v in config.items() if k != "enforcementLevel"}
            request.policyConfig[name].CopyFrom(proto.PolicyConfig(
                enforcementLevel=LEVELS[config["enforcementLevel"]], properties=_struct(properties),
            ))
        self.stub.Configure(request, timeout=CALL_SECONDS)

    def analyze(self, resource: StackResource) -> list[proto.AnalyzeDiagnostic]:
        request = proto.AnalyzeRequest(
            type=resource.type, properties=_properties(resource), urn=resource.urn, name=resource.name,
            options=_options(resource), provider=_provider(resource),
        )
        return list(self.stub.Analyze(request, timeout=CALL_SECONDS).diagnostics)

    def analyze_many(self, resources: Iterable[StackResource]) -> list[list[proto.AnalyzeDiagnostic]]:
        # In registration order, as the engine analyzes them: a component before its children.
        return [self.analyze(resource) for resource in resources]

    def analyze_stack(self, resources: list[StackResource]) -> list[proto.AnalyzeDiagnostic]:
        request = proto.AnalyzeStackRequest(resources=[
            proto.AnalyzerResource(
                type=r.type, properties=_properties(r), urn=r.urn, name=r.name, options=_options(r),
                provider=_provider(r), parent=r.parent, dependencies=r.dependencies,
                propertyDependencies={k: proto.AnalyzerPropertyDependencies(urns=v) for k, v in r.property_dependencies.items()},
            )
            for r in resources
        ])
        return list(self.stub.AnalyzeStack(request, timeout=CALL_SECONDS).diagnostics)

    def close(self) -> None:
        if self._channel:
            self._channel.close()
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._process and self._process.stdout:
            self._process.stdout.close()
        self._stderr.close()

    def __exit__(self, *_exc) -> None:
        self.close()
