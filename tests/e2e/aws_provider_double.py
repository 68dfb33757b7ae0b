"""A test double of the AWS resource provider, started by the real Pulumi CLI as `pulumi-resource-aws`.

Runs in its own process (the CLI launches `tests/e2e/bin/pulumi-resource-aws`, which execs this file
with the test suite's Python). It is a gRPC ResourceProvider that never calls AWS:
- CheckConfig, DiffConfig and Configure accept the stack's `aws:*` configuration (region, account);
- Check echoes the inputs; Diff compares them; Create, Read and Update echo them and add `id`, `arn`
  and the other computed outputs shaped as AWS forms them (the product's own `AwsMocks` answers, the
  same ones preflight gives); during a preview, Create leaves every computed output unknown, as the
  real provider does; Delete forgets;
- Invoke answers the data sources the product's `Lookups` knows (the same answers preflight gives);
  any other data source fails loudly with its token, so a test never runs on an invented answer.

Every Create and Delete is appended to the JSON-lines file named by STACKGUARD_E2E_PROVIDER_LOG (when
set), so a test can tell which resources a `pulumi up` really created.
"""
from __future__ import annotations

import json
import os
import signal
import sys
from concurrent import futures
from pathlib import Path
from typing import Any

os.environ.setdefault("GRPC_VERBOSITY", "ERROR")

import grpc  # noqa: E402
import pulumi  # noqa: E402
from google.protobuf import empty_pb2, json_format, struct_pb2  # noqa: E402
from pulumi.runtime.proto import plugin_pb2, provider_pb2, provider_pb2_grpc  # noqa: E402

from stackguard.invokes import UNKNOWN_STRING  # noqa: E402
from stackguard.mocks import AwsMocks  # noqa: E402

# The version pulumi_aws asks the engine for: the double stands in for exactly the installed SDK's provider.
_PLUGIN_VERSION = json.loads((Path(pulumi.__file__).parents[1] / "pulumi_aws" / "pulumi-plugin.json").read_text())["version"]
_DEFAULT_ACCOUNT = "123456789012"
# Outputs AWS computes on creation that programs of the corpus read after `pulumi up` (the product's mocks
# give ids, ARNs and names; a preview leaves these unknown, a deployment must not leave them empty).
_COMPUTED = {
    "aws:rds/instance:Instance": lambda name, region: {
        "address": f"{name}.c0e2etest.{region}.rds.amazonaws.com", "port": 5432,
        "endpoint": f"{name}.c0e2etest.{region}.rds.amazonaws.com:5432"},
    "aws:ec2/instance:Instance": lambda name, region: {
        "publicIp": "203.0.113.10", "privateIp": "10.0.1.10", "publicDns": f"ec2-203-0-113-10.{region}.compute.amazonaws.com"},
    "aws:lb/loadBalancer:LoadBalancer": lambda name, region: {"dnsName": f"{name}-1234567890.{region}.elb.amazonaws.com"},
    "aws:s3/bucket:Bucket": lambda name, region: {"bucketRegionalDomainName": f"{name}.s3.{region}.amazonaws.com",
                                                  "websiteEndpoint": f"{name}.s3-website-{region}.amazonaws.com"},
    "aws:cloudfront/distribution:Distribution": lambda name, region: {"domainName": "d111111abcdef8.cloudfront.net"},
}
_DEFAULT_REGION = "us-east-1"


def _dict(message: struct_pb2.Struct) -> dict[str, Any]:
    return json_format.MessageToDict(message)


def _struct(values: dict[str, Any]) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(values)
    return message


def _account(config: dict[str, Any]) -> str:
    """The account the credentials belong to: the first allowed account when the stack names some."""
    allowed = config.get("allowedAccountIds")
    if isinstance(allowed, str):  # the engine sends list-valued config as a JSON string
        allowed = json.loads(allowed)
    return str(allowed[0]) if allowed else os.environ.get("STACKGUARD_E2E_ACCOUNT", _DEFAULT_ACCOUNT)


def _log(event: str, urn: str, resource_id: str) -> None:
    path = os.environ.get("STACKGUARD_E2E_PROVIDER_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as log:
            log.write(json.dumps({"event": event, "urn": urn, "id": resource_id}) + "\n")


def _type_and_name(urn: str) -> tuple[str, str]:
    # urn:pulumi:<stack>::<project>::<parent type>$<type>::<name>
    parts = urn.split("::")
    return parts[2].split("$")[-1], "::".join(parts[3:])


class AwsProviderDouble(provider_pb2_grpc.ResourceProviderServicer):
    def __init__(self) -> None:
        self._mocks = AwsMocks(account_id=_DEFAULT_ACCOUNT, region=_DEFAULT_REGION)

    # Configuration -------------------------------------------------------------------------------
    def GetPluginInfo(self, _request, _context):
        return plugin_pb2.PluginInfo(version=_PLUGIN_VERSION)

    def CheckConfig(self, request, _context):
        return provider_pb2.CheckResponse(inputs=request.news)

    def DiffConfig(self, _request, _context):
        return provider_pb2.DiffResponse(changes=provider_pb2.DiffResponse.DIFF_NONE)

    def Configure(self, request, _context):
        config = {key.split(":")[-1]: value for key, value in request.variables.items()}
        config.update(_dict(request.args))
        self._mocks = AwsMocks(account_id=_account(config), region=config.get("region") or _DEFAULT_REGION)
        return provider_pb2.ConfigureResponse(acceptSecrets=False, supportsPreview=True, acceptResources=True)

    # Resources -----------------------------------------------------------------------------------
    def Check(self, request, _context):
        return provider_pb2.CheckResponse(inputs=request.news)

    def Diff(self, request, _context):
        olds, news = _dict(request.old_inputs if request.HasField("old_inputs") else request.olds), _dict(request.news)
        changed = sorted(key for key in olds.keys() | news.keys() if olds.get(key) != news.get(key))
        kind = provider_pb2.DiffResponse.DIFF_SOME if changed else provider_pb2.DiffResponse.DIFF_NONE
        return provider_pb2.DiffResponse(changes=kind, diffs=changed)

    def _outputs(self, urn: str, inputs: dict[str, Any], resource_id: str = "") -> tuple[str, dict[str, Any]]:
        token, name = _type_and_name(urn)
        args = pulumi.runtime.MockResourceArgs(typ=token, name=name, inputs=inputs, provider=None,
                                               resource_id=resource_id or None, custom=True)
        resource_id, outputs = self._mocks.new_resource(args)
        computed = _COMPUTED.get(token)
        return resource_id, {**(computed(outputs.get("name") or name, self._mocks.region) if computed else {}), **outputs}

    def Create(self, request, _context):
        inputs = _dict(request.properties)
        resource_id, outputs = self._outputs(request.urn, inputs)
        if request.preview:
            # AWS computes these on creation: a preview cannot know them.
            computed = {key: UNKNOWN_STRING for key in outputs if key not in inputs}
            return provider_pb2.CreateResponse(id="", properties=_struct({**inputs, **computed}))
        _log("create", request.urn, resource_id)
        return provider_pb2.CreateResponse(id=resource_id, properties=_struct(outputs))

    def Read(self, request, _context):
        inputs = _dict(request.inputs)
        resource_id, outputs = self._outputs(request.urn, inputs, request.id)
        outputs.update(_dict(request.properties))
        return provider_pb2.ReadResponse(id=resource_id, properties=_struct(outputs), inputs=_struct(inputs))

    def Update(self, request, _context):
        news = _dict(request.news)
        if request.preview:
            return provider_pb2.UpdateResponse(properties=_struct({**_dict(request.olds), **news}))
        _, outputs = self._outputs(request.urn, news, request.id)
        return provider_pb2.UpdateResponse(properties=_struct(outputs))

    def Delete(self, request, _context):
        _log("delete", request.urn, request.id)
        return empty_pb2.Empty()

    # Data sources --------------------------------------------------------------------------------
    def Invoke(self, request, context):
        answer = self._mocks.known_answer(request.tok, _dict(request.args))
        if answer is None:
            return provider_pb2.InvokeResponse(failures=[provider_pb2.CheckFailure(
                reason=f"the AWS provider test double has no answer for the data source {request.tok}")])
        return provider_pb2.InvokeResponse(**{"return": _struct(answer)})

    def Cancel(self, _request, _context):
        return empty_pb2.Empty()


def main() -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    provider_pb2_grpc.add_ResourceProviderServicer_to_server(AwsProviderDouble(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    # The plugin protocol: the first line on stdout is the port the engine connects to.
    sys.stdout.write(f"{port}\n")
    sys.stdout.flush()
    # The engine stops its plugins with a signal when it is done: a clean exit, not a traceback in its log.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: server.stop(0))
    server.wait_for_termination()


if __name__ == "__main__":
    main()
