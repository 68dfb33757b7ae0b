"""PrivateEndpoints: interface/gateway endpoints, HTTPS-only security group, account-restricted policies, bad args."""
from __future__ import annotations

import json

import pulumi
import pytest

from stackguard.components._args import ComponentArgsError
from stackguard.components.private_endpoints import DEFAULT_GATEWAY_SERVICES, DEFAULT_INTERFACE_SERVICES, PrivateEndpoints

ACCOUNT = "123456789012"
COMPONENT = "stackguard:index:PrivateEndpoints"
ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint"
GROUP = "aws:ec2/securityGroup:SecurityGroup"
BASE = {"vpc_id": "vpc-0abc123", "vpc_cidr": "10.20.0.0/16", "subnet_ids": ["subnet-0a", "subnet-0b"],
        "route_table_ids": ["rtb-0a"], "interface_services": ["execute-api", *DEFAULT_INTERFACE_SERVICES]}
HTTPS_IN_VPC = {"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["10.20.0.0/16"]}


def only(monitor, token):
    found = monitor.of_type(token)
    assert len(found) == 1, f"expected one {token}, got {len(found)}"
    return found[0]


def endpoints(monitor) -> dict[str, object]:
    return {r.inputs["serviceName"].rsplit(".", 1)[-1]: r for r in monitor.of_type(ENDPOINT)}


def account_policy(principal_key: str, value: str) -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "OnlyPrincipalsOfAllowedAccountOrOrganization",
                "Effect": "Allow",
                "Principal": "*",
                "Action": ["*"],
                "Resource": ["*"],
                "Condition": {"StringEquals": {principal_key: value}},
            }
        ],
    }


def execute_api_policy(resources: list[str]) -> dict:
    # AWS's pattern for bearer-token (Cognito / Lambda authorizer) callers, who are evaluated as anonymous:
    # Principal "*" scoped by the Resource element to the API ARNs ("Example 1: VPC endpoint policy
    # granting access to two APIs"), no principal condition.
    # https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-vpc-endpoint-policies.html
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "InvokeApisOfAllowedAccountOnly",
                "Effect": "Allow",
                "Principal": "*",
                "Action": ["execute-api:Invoke"],
                "Resource": resources,
            }
        ],
    }


OWN_APIS = [f"arn:aws:execute-api:eu-west-1:{ACCOUNT}:*/*"]


def test_defaults_set_explicitly(deploy):
    outputs = {}

    def build():
        eps = PrivateEndpoints("core", BASE)
        return pulumi.Output.all(eps.endpoint_ids, eps.security_group_id, eps.execute_api_endpoint_id).apply(
            lambda v: outputs.update(ids=v[0], sg=v[1], execute_api=v[2])
        )

    monitor = deploy(build)
    group = only(monitor, GROUP)
    assert group.inputs == {
        "description": "HTTPS from the VPC to the core VPC endpoints",
        "vpcId": "vpc-0abc123",
        "ingress": [{**HTTPS_IN_VPC, "description": "HTTPS from the VPC"}],
        "egress": [{**HTTPS_IN_VPC, "description": "HTTPS within the VPC only"}],
        "revokeRulesOnDelete": True,
        "tags": {},
    }

    found = endpoints(monitor)
    assert set(found) == {"execute-api"} | set(DEFAULT_INTERFACE_SERVICES) | set(DEFAULT_GATEWAY_SERVICES)
    assert "execute-api" not in DEFAULT_INTERFACE_SERVICES
    for service in ["execute-api", *DEFAULT_INTERFACE_SERVICES]:
        endpoint = found[service]
        assert endpoint.inputs == {
            "vpcId": "vpc-0abc123",
            "serviceName": f"com.amazonaws.eu-west-1.{service}",
            "vpcEndpointType": "Interface",
            "privateDnsEnabled": service != "execute-api",
            "securityGroupIds": [outputs["sg"]],
            "subnetIds": ["subnet-0a", "subnet-0b"],
            "policy": endpoint.inputs["policy"],
            "tags": {},
        }
        expected = execute_api_policy(OWN_APIS) if service == "execute-api" else account_policy("aws:PrincipalAccount", ACCOUNT)
        assert json.loads(endpoint.inputs["policy"]) == expected
        assert endpoint.property_dependencies["securityGroupIds"] == [group.urn]
    for service in DEFAULT_GATEWAY_SERVICES:
        endpoint = found[service]
        assert endpoint.inputs == {
            "vpcId": "vpc-0abc123",
            "serviceName": f"com.amazonaws.eu-west-1.{service}",
            "vpcEndpointType": "Gateway",
            "routeTableIds": ["rtb-0a"],
            "policy": endpoint.inputs["policy"],
            "tags": {},
        }
        assert json.loads(endpoint.inputs["policy"]) == account_policy("aws:PrincipalAccount", ACCOUNT)

    assert set(outputs["ids"]) == set(found)
    assert outputs["ids"]["kms"].startswith("vpce-")
    assert outputs["execute_api"] == outputs["ids"]["execute-api"]
    assert outputs["sg"].startswith("sg-")


def test_children_are_parented(deploy):
    monitor = deploy(lambda: PrivateEndpoints("core", BASE))
    component = only(monitor, COMPONENT)
    children = monitor.of_type(GROUP) + monitor.of_type(ENDPOINT)
    assert len(children) == 8
    for child in children:
        assert child.parent == component.urn
        assert f"{COMPONENT}$aws:ec2/" in child.urn


def test_group_never_opens_beyond_the_vpc_or_443(deploy):
    group = only(deploy(lambda: PrivateEndpoints("core", BASE)), GROUP)
    for rule in group.inputs["ingress"] + group.inputs["egress"]:
        assert (rule["fromPort"], rule["toPort"], rule["protocol"]) == (443, 443, "tcp")
        assert rule["cidrBlocks"] == ["10.20.0.0/16"]
        assert "0.0.0.0/0" not in rule["cidrBlocks"]


def test_organization_principal(deploy):
    found = endpoints(deploy(lambda: PrivateEndpoints("core", {**BASE, "allowed_principal": "o-a1b2c3d4e5"})))
    for service, endpoint in found.items():
        expected = execute_api_policy(OWN_APIS) if service == "execute-api" else account_policy(
            "aws:PrincipalOrgID", "o-a1b2c3d4e5")
        assert json.loads(endpoint.inputs["policy"]) == expected


def test_other_account_principal(deploy):
    found = endpoints(deploy(lambda: PrivateEndpoints("core", {**BASE, "allowed_principal": "210987654321"})))
    for service, endpoint in found.items():
        expected = execute_api_policy(["arn:aws:execute-api:eu-west-1:210987654321:*/*"]) if service == "execute-api" \
            else account_policy("aws:PrincipalAccount", "210987654321")
        assert json.loads(endpoint.inputs["policy"]) == expected


def test_execute_api_endpoint_admits_bearer_token_callers_of_listed_apis_only(deploy):
    # No aws:PrincipalAccount on execute-api: a Cognito-token call is anonymous to the endpoint policy and
    # would be denied by it (the defect of issue 13, item 1).
    found = endpoints(deploy(lambda: PrivateEndpoints(
        "core", {**BASE, "execute_api_ids": ["a1b2c3d4e5"], "execute_api_private_dns": True})))
    policy = json.loads(found["execute-api"].inputs["policy"])
    assert policy == execute_api_policy([f"arn:aws:execute-api:eu-west-1:{ACCOUNT}:a1b2c3d4e5/*"])
    assert "Condition" not in policy["Statement"][0]
    assert found["execute-api"].inputs["privateDnsEnabled"] is True
    assert all(found[s].inputs["privateDnsEnabled"] is True for s in ("kms", "sts", "logs", "secretsmanager"))


def test_service_selection_and_outputs(deploy):
    outputs = {}

    def build():
        eps = PrivateEndpoints(
            "core",
            {**BASE, "interface_services": ["ecr.api", "ecr.dkr"], "gateway_services": [], "route_table_ids": [],
             "region": "us-east-2", "tags": {"team": "platform"}},
        )
        assert eps.execute_api_endpoint_id is None
        return pulumi.Output.from_input(eps.endpoint_ids).apply(lambda ids: outputs.update(ids=ids))

    monitor = deploy(build)
    found = endpoints(monitor)
    assert {r.inputs["serviceName"] for r in found.values()} == {
        "com.amazonaws.us-east-2.ecr.api", "com.amazonaws.us-east-2.ecr.dkr"}
    assert all(r.inputs["vpcEndpointType"] == "Interface" for r in found.values())
    assert all(r.inputs["tags"] == {"team": "platform"} for r in found.values())
    assert only(monitor, GROUP).inputs["tags"] == {"team": "platform"}
    assert set(outputs["ids"]) == {"ecr.api", "ecr.dkr"}


def test_inputs_may_be_outputs(deploy):
    monitor = deploy(
        lambda: PrivateEndpoints(
            "core",
            {"vpc_id": pulumi.Output.from_input("vpc-0abc123"), "vpc_cidr": pulumi.Output.from_input("10.20.0.0/16"),
             "subnet_ids": [pulumi.Output.from_input("subnet-0a")], "route_table_ids": [pulumi.Output.from_input("rtb-0a")]},
        )
    )
    assert only(monitor, GROUP).inputs["ingress"][0]["cidrBlocks"] == ["10.20.0.0/16"]
    assert endpoints(monitor)["s3"].inputs["routeTableIds"] == ["rtb-0a"]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({**BASE, "subnet_ids": []}, "subnet_ids"),
        ({**BASE, "subnet_ids": ["sg-0a"]}, "subnet_ids"),
        ({**BASE, "vpc_id": "my-vpc"}, "vpc_id"),
        ({**BASE, "vpc_cidr": "10.20.0.0"}, "vpc_cidr"),
        ({**BASE, "vpc_cidr": "10.20.0.1/16"}, "vpc_cidr"),
        ({**BASE, "vpc_cidr": "0.0.0.0/0"}, "vpc_cidr"),
        ({**BASE, "vpc_cidr": "10.0.0.0/8"}, "vpc_cidr"),
        ({**BASE, "interface_services": ["Execute API"]}, "interface_services"),
        ({**BASE, "interface_services": ["kms", "kms"]}, "interface_services"),
        ({**BASE, "interface_services": ["s3"]}, "interface_services"),
        ({**BASE, "interface_services": [], "gateway_services": []}, "interface_services"),
        ({k: v for k, v in BASE.items() if k != "interface_services"} | {"execute_api_private_dns": True},
         "execute_api_private_dns"),
        ({**BASE, "gateway_services": ["sqs"]}, "gateway_services"),
        ({**BASE, "route_table_ids": []}, "route_table_ids"),
        ({**BASE, "route_table_ids": ["subnet-0a"]}, "route_table_ids"),
        ({**BASE, "allowed_principal": "*"}, "allowed_principal"),
        ({**BASE, "allowed_principal": "1234"}, "allowed_principal"),
        ({**BASE, "private_dns_enabled": False}, "private_dns_enabled"),
        ({**BASE, "execute_api_ids": ["not an id"]}, "execute_api_ids"),
        ({**BASE, "interface_services": ["kms"], "execute_api_private_dns": True}, "execute_api_private_dns"),
        ({**BASE, "interface_services": ["kms"], "execute_api_ids": ["a1b2c3d4e5"]}, "execute_api_ids"),
        ({k: v for k, v in BASE.items() if k != "vpc_cidr"}, "vpc_cidr"),
    ],
)
def test_bad_args_are_rejected_naming_the_field(args, field):
    with pytest.raises(ComponentArgsError, match=rf"PrivateEndpoints: invalid args: .*{field}"):
        PrivateEndpoints("core", args)


# --- review 2026-12-04: B6 -------------------------------------------------------------------------------------

FEDERATION = {"reason": "EKS pods assume roles with IRSA web identities", "owner": "platform-team"}
ECR_LAYERS = {"reason": "ECS tasks in this VPC pull images from ECR", "owner": "platform-team"}


def test_federation_and_ecr_layers_are_named_exceptions_to_the_principal_perimeter(deploy):
    """B6. AssumeRoleWithWebIdentity/SAML calls are unauthenticated, so aws:PrincipalAccount denies them at the sts
    endpoint ("your VPC endpoint policy must account for both types"); ECR image layers come from ECR's own bucket
    through presigned URLs. Each is a named opt-out: the statement is added with Principal "*" and reported as
    acknowledged on its endpoint.
    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sts_vpc_endpoint_policies.html
    https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-minimum-s3-perms"""
    default = endpoints(deploy(lambda: PrivateEndpoints("core", BASE)))
    assert json.loads(default["sts"].inputs["policy"]) == account_policy("aws:PrincipalAccount", ACCOUNT)
    monitor = deploy(lambda: PrivateEndpoints("core", {**BASE, "allow_federated_sts": FEDERATION,
                                                       "allow_ecr_image_layers": ECR_LAYERS}))
    found = endpoints(monitor)
    sts = json.loads(found["sts"].inputs["policy"])["Statement"]
    assert sts[1] == {"Sid": "FederationIntoRolesOfAllowedAccount", "Effect": "Allow", "Principal": "*",
                      "Action": ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"],
                      "Resource": [f"arn:aws:iam::{ACCOUNT}:role/*"]}
    s3 = json.loads(found["s3"].inputs["policy"])["Statement"]
    assert s3[1] == {"Sid": "EcrImageLayers", "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject"],
                     "Resource": ["arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*"]}
    # Every other endpoint keeps the plain perimeter.
    assert json.loads(found["kms"].inputs["policy"]) == account_policy("aws:PrincipalAccount", ACCOUNT)
    rule = "aws-ec2-vpc-endpoint-policy-public"
    assert only(monitor, COMPONENT).inputs["stackguardAcknowledgements"] == [
        {"rule": rule, "resource": "core-sts", "option": "allow_federated_sts", **FEDERATION},
        {"rule": rule, "resource": "core-s3-gateway", "option": "allow_ecr_image_layers", **ECR_LAYERS},
    ]
    assert found["sts"].inputs["tags"] == {f"stackguard:acknowledged:{rule}": FEDERATION["reason"]}
    with pytest.raises(ComponentArgsError, match="allow_federated_sts: sts is not among interface_services"):
        PrivateEndpoints("core", {**BASE, "interface_services": ["kms"], "allow_federated_sts": FEDERATION})
