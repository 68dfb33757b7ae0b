"""Inputs as the AWS provider reads them (stackguard.provider_types): strings at boolean or numeric inputs
reach the rules converted, as the provider converts them before it applies them."""
from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

from google.protobuf import struct_pb2
from pulumi.runtime.proto import analyzer_pb2

from stackguard import provider_types, rego_input
from stackguard.model import StackResource

ROOT = Path(__file__).resolve().parents[1]
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"


def test_strings_at_boolean_inputs_are_the_booleans_the_provider_applies():
    service = provider_types.coerced("aws:ecs/service:Service", {"networkConfiguration": {"assignPublicIp": "true"}})
    assert service == {"networkConfiguration": {"assignPublicIp": True}}
    volume = provider_types.coerced("aws:ebs/volume:Volume", {"encrypted": "false", "size": "8"})
    assert volume == {"encrypted": False, "size": 8}
    instance = provider_types.coerced("aws:ec2/instance:Instance", {"associatePublicIpAddress": "1",
                                                                    "ebsBlockDevices": [{"encrypted": "0"}]})
    assert instance == {"associatePublicIpAddress": True, "ebsBlockDevices": [{"encrypted": False}]}


def test_tri_state_booleans_typed_as_strings_are_booleans_too():
    """pulumi-aws 7 types a Redshift cluster's `encrypted` and a launch template volume's as strings."""
    assert provider_types.coerced("aws:redshift/cluster:Cluster", {"encrypted": "false"}) == {"encrypted": False}
    template = provider_types.coerced("aws:ec2/launchTemplate:LaunchTemplate", {
        "blockDeviceMappings": [{"ebs": {"encrypted": "false", "volumeSize": "20"}}],
        "networkInterfaces": [{"associatePublicIpAddress": "true"}]})
    assert template == {"blockDeviceMappings": [{"ebs": {"encrypted": False, "volumeSize": 20}}],
                        "networkInterfaces": [{"associatePublicIpAddress": True}]}


def test_strings_at_numeric_inputs_are_numbers():
    group = provider_types.coerced("aws:ec2/securityGroup:SecurityGroup", {"ingress": [
        {"fromPort": "22", "toPort": "22", "protocol": "tcp", "cidrBlocks": ["0.0.0.0/0"]}]})
    assert group["ingress"][0]["fromPort"] == 22 and group["ingress"][0]["protocol"] == "tcp"


def test_free_text_unknown_secret_and_refused_values_are_left_alone():
    tags = {"public": "true", "port": "22"}
    assert provider_types.coerced("aws:ebs/volume:Volume", {"tags": tags})["tags"] == tags
    assert provider_types.coerced("aws:ebs/volume:Volume", {"encrypted": UNKNOWN}) == {"encrypted": UNKNOWN}
    assert provider_types.coerced("aws:ebs/volume:Volume", {"encrypted": "[secret]"}) == {"encrypted": "[secret]"}
    assert provider_types.coerced("aws:ebs/volume:Volume", {"encrypted": "yes"}) == {"encrypted": "yes"}
    assert provider_types.coerced("aws:redshift/cluster:Cluster", {"nodeType": "true"}) == {"nodeType": "true"}
    assert provider_types.coerced("acme:index:Thing", {"enabled": "true"}) == {"enabled": "true"}


def test_the_pack_and_the_cli_build_the_same_converted_input():
    properties = {"networkConfiguration": {"assignPublicIp": "true", "subnets": ["subnet-1"]}}
    urn = "urn:pulumi:dev::p::aws:ecs/service:Service::web"
    cli = rego_input.from_stack_resource(StackResource(urn=urn, type="aws:ecs/service:Service", name="web", properties=properties))
    struct = struct_pb2.Struct()
    struct.update(properties)
    request = analyzer_pb2.AnalyzeRequest(type="aws:ecs/service:Service", urn=urn, name="web", properties=struct)
    pack = rego_input.resource(request, {})
    assert cli["properties"] == pack["properties"] == {"networkConfiguration": {"assignPublicIp": True, "subnets": ["subnet-1"]}}


def test_the_table_is_of_the_pinned_sdk():
    table = json.loads((ROOT / "policies" / "stackguard" / "provider_types.json").read_text())
    assert table["pulumi-aws"] == version("pulumi-aws")
    assert len(table["types"]) > 800
