"""PrivateEndpoints: VPC endpoints that keep AWS API traffic (and a PRIVATE REST API's) inside the VPC.

    from stackguard.components.private_endpoints import PrivateEndpoints

    endpoints = PrivateEndpoints("core", {
        "vpc_id": vpc.id,
        "vpc_cidr": vpc.cidr_block,
        "subnet_ids": [private_a.id, private_b.id],
        "route_table_ids": [private_rt.id],
        "tags": {"team": "platform"},
    })
    pulumi.export("execute_api_endpoint_id", endpoints.execute_api_endpoint_id)

Interface endpoints (default: secretsmanager, kms, logs, sts; add execute-api for a PRIVATE REST API)
share one security group;
gateway endpoints (default: s3, dynamodb) are attached to the given route tables. Every endpoint carries a
policy that is a boundary, not a grant: IAM and resource policies still decide what each caller may do.

* Every service but execute-api: only principals of one account (aws:PrincipalAccount, by default the
  caller's) or one organization (aws:PrincipalOrgID, when `allowed_principal` is an "o-..." id).
* execute-api: API Gateway evaluates a caller without a SigV4 signature (a Cognito or Lambda-authorizer
  bearer token) as an anonymous principal in the endpoint policy, so a principal condition would deny
  every bearer-token call. The perimeter is the resource instead, as AWS recommends for bearer tokens:
  execute-api:Invoke on the APIs of the allowed account and region only (or the listed API ids).
  https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-vpc-endpoint-policies.html

Private DNS is on for every interface endpoint except execute-api, where it is opt-in
(`execute_api_private_dns`): with it, every *.execute-api hostname resolves to the endpoint, so the VPC
can no longer reach any public (REGIONAL/EDGE) API. Without it, callers use the endpoint-specific
hostname {api-id}-{vpce-id}.execute-api.{region}.amazonaws.com.
https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-api-test-invoke-url.html

The principal perimeter also stops callers that are not principals of the account. Two kinds are common
and each is a named opt-out, reported as acknowledged risk on its endpoint (the statement has Principal "*"):
  * `allow_federated_sts`: sts:AssumeRoleWithWebIdentity / AssumeRoleWithSAML are unauthenticated (EKS
    IRSA, CI OIDC runners), so the sts endpoint lets them through for roles of the allowed account only.
    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sts_vpc_endpoint_policies.html
  * `allow_ecr_image_layers`: ECR serves image layers from its own S3 bucket through presigned URLs, so the
    s3 gateway endpoint allows s3:GetObject on that bucket (prod-<region>-starport-layer-bucket).
    https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-minimum-s3-perms
Without them a VPC that hosts ECS/EKS/EC2 workloads cannot pull images or federate; Lambda is unaffected.

Security group: ingress is TCP 443 from the VPC CIDR only. Endpoint network interfaces never open
connections, and the group is stateful, so they need no egress; the group still carries one egress rule,
TCP 443 to the VPC CIDR, because a group without egress rules keeps AWS's default allow-all-outbound rule
(an empty egress list is not reliably enforced for this attribute) and an explicit narrow rule replaces it.
"""
import ipaddress
import re
from typing import Literal, Optional

import pulumi
import pulumi_aws as aws
from pydantic import Field, field_validator, model_validator

from stackguard.components import inputs
from stackguard.components._acknowledgements import Acknowledgements
from stackguard.components._api_common import RiskAcceptance
from stackguard.components._args import ComponentArgs, Region, StrInput, validate_args, with_former_type
from stackguard.components._policy_documents import account_scope, policy_document, principal_scope_condition, statement

# execute-api is not a default: only a PRIVATE API needs it, and its private DNS changes how the VPC reaches
# every other API (see the module docstring).
DEFAULT_INTERFACE_SERVICES = ["secretsmanager", "kms", "logs", "sts"]
DEFAULT_GATEWAY_SERVICES = ["s3", "dynamodb"]
_SERVICE = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*$")
HTTPS_PORT = 443
PERIMETER_RULE = "aws-ec2-vpc-endpoint-policy-public"
FEDERATION_ACTIONS = ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"]


def _check_ids(values: list, prefix: str) -> list:
    pattern = re.compile(rf"^{prefix}-[0-9a-f]+$")
    for value in values:
        if isinstance(value, str) and not pattern.match(value):
            raise ValueError(f"{value!r} is not a {prefix}-... id")
    return values


class PrivateEndpointsArgs(ComponentArgs):
    """Arguments of PrivateEndpoints."""

    vpc_id: StrInput = Field(description="VPC the endpoints belong to.")
    vpc_cidr: StrInput = Field(description="IPv4 CIDR of the VPC: the only source (and destination) the group allows.")
    subnet_ids: list[StrInput] = Field(min_length=1, description="Subnets for the interface endpoints' network interfaces.")
    interface_services: list[str] = Field(
        default_factory=lambda: list(DEFAULT_INTERFACE_SERVICES),
        description='Services reached through interface endpoints, by endpoint name ("kms", "ecr.api", ...).',
    )
    gateway_services: list[Literal["s3", "dynamodb"]] = Field(
        default_factory=lambda: list(DEFAULT_GATEWAY_SERVICES),
        description="Services reached through gateway endpoints (only s3 and dynamodb have them).",
    )
    route_table_ids: list[StrInput] = Field(
        default_factory=list, description="Route tables the gateway endpoints are added to (required with gateway_services)."
    )
    allowed_principal: Optional[str] = Field(
        default=None,
        pattern=r"^(\d{12}|o-[a-z0-9]{10,32})$",
        description='Account id or organization id ("o-...") whose principals may use the endpoints. Default: the caller\'s account.',
    )
    region: Optional[Region] = Field(
        default=None,
        description="Region in the endpoints' service names and policies. Default: the provider's; the endpoints are "
                    "created in the provider's region, so give a different one only with a provider for it.",
    )
    execute_api_private_dns: bool = Field(
        default=False,
        description="Private DNS for the execute-api endpoint: the VPC then reaches no public API Gateway API.",
    )
    execute_api_ids: list[StrInput] = Field(
        default_factory=list,
        description="REST API ids the execute-api endpoint may invoke. Default: every API of the allowed account.",
    )
    allow_federated_sts: Optional[RiskAcceptance] = Field(
        default=None,
        description="Opt-out: let unauthenticated web-identity/SAML federation (EKS IRSA, CI OIDC) through the sts "
                    "endpoint, for roles of the allowed account.",
    )
    allow_ecr_image_layers: Optional[RiskAcceptance] = Field(
        default=None, description="Opt-out: let ECR image-layer downloads (ECR's S3 bucket) through the s3 endpoint."
    )
    tags: dict[str, str] = Field(default_factory=dict, description="Tags applied to the group and every endpoint.")

    @field_validator("vpc_id")
    @classmethod
    def _vpc(cls, value: object) -> object:
        return _check_ids([value], "vpc")[0]

    @field_validator("subnet_ids")
    @classmethod
    def _subnets(cls, values: list) -> list:
        return _check_ids(values, "subnet")

    @field_validator("route_table_ids")
    @classmethod
    def _route_tables(cls, values: list) -> list:
        return _check_ids(values, "rtb")

    @field_validator("execute_api_ids")
    @classmethod
    def _api_ids(cls, values: list) -> list:
        for value in values:
            if isinstance(value, str) and not re.match(r"^[a-z0-9]{10}$", value):
                raise ValueError(f"{value!r} is not an API Gateway API id (10 lower-case letters or digits)")
        return values

    @field_validator("vpc_cidr")
    @classmethod
    def _cidr(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                network = ipaddress.IPv4Network(value, strict=True)
            except ValueError:
                raise ValueError(f"{value!r} is not an IPv4 network in CIDR notation (e.g. 10.0.0.0/16)") from None
            # A VPC's CIDR is /16 to /28; anything wider would open the group beyond the VPC.
            if not 16 <= network.prefixlen <= 28:
                raise ValueError(f"{value!r} is not a VPC CIDR (prefix length must be 16-28)")
        return value

    @field_validator("interface_services")
    @classmethod
    def _interface(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _SERVICE.match(value):
                raise ValueError(f"{value!r} is not an AWS endpoint service name (e.g. kms, ecr.api)")
        if len(set(values)) != len(values):
            raise ValueError("contains duplicate services")
        return values

    @field_validator("gateway_services")
    @classmethod
    def _gateway(cls, values: list[str]) -> list[str]:
        if len(set(values)) != len(values):
            raise ValueError("contains duplicate services")
        return values

    @model_validator(mode="after")
    def _gateways_need_routes(self) -> "PrivateEndpointsArgs":
        if self.gateway_services and not self.route_table_ids:
            raise ValueError("route_table_ids: required for gateway_services (or set gateway_services to [])")
        overlap = set(self.interface_services) & set(self.gateway_services)
        if overlap:
            raise ValueError(f"interface_services: {sorted(overlap)} already reached through gateway_services")
        if not self.interface_services and not self.gateway_services:
            raise ValueError("interface_services: give at least one interface or gateway service")
        if "execute-api" not in self.interface_services:
            if self.execute_api_private_dns:
                raise ValueError("execute_api_private_dns: execute-api is not among interface_services")
            if self.execute_api_ids:
                raise ValueError("execute_api_ids: execute-api is not among interface_services")
        if self.allow_federated_sts is not None and "sts" not in self.interface_services:
            raise ValueError("allow_federated_sts: sts is not among interface_services; remove the opt-out")
        if self.allow_ecr_image_layers is not None and "s3" not in self.gateway_services:
            raise ValueError("allow_ecr_image_layers: s3 is not among gateway_services; remove the opt-out")
        return self


def principal_perimeter(principal_id: pulumi.Input[str]) -> list[dict]:
    """Endpoint policy of every service but execute-api: only principals of one account or organization."""
    return [
        statement(
            sid="OnlyPrincipalsOfAllowedAccountOrOrganization",
            principal="*",
            actions=["*"],
            resources=["*"],
            conditions=principal_scope_condition(principal_id),
        )
    ]


def federation_statement(partition: pulumi.Input[str], account_id: pulumi.Input[str]) -> dict:
    """sts endpoint: unauthenticated federation calls (no principal to condition on) for roles of one account."""
    return statement(sid="FederationIntoRolesOfAllowedAccount", principal="*", actions=FEDERATION_ACTIONS,
                     resources=[pulumi.Output.concat("arn:", partition, ":iam::", account_id, ":role/*")])


def ecr_layers_statement(partition: pulumi.Input[str], region: pulumi.Input[str]) -> dict:
    """s3 gateway endpoint: image layers ECR serves from its own bucket through presigned URLs."""
    return statement(sid="EcrImageLayers", principal="*", actions=["s3:GetObject"],
                     resources=[pulumi.Output.concat("arn:", partition, ":s3:::prod-", region, "-starport-layer-bucket/*")])


def execute_api_perimeter(
    partition: pulumi.Input[str], region: pulumi.Input[str], account_id: pulumi.Input[str], api_ids: list
) -> list[dict]:
    """Endpoint policy of execute-api: invoke only the APIs of one account and region (or the listed ones).

    Principal "*" because bearer-token callers are evaluated as anonymous; the Resource element is the
    perimeter (AWS's "Example 1: VPC endpoint policy granting access to two APIs").
    https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-vpc-endpoint-policies.html
    """
    apis = api_ids or ["*"]
    resources = [pulumi.Output.concat("arn:", partition, ":execute-api:", region, ":", account_id, ":", api, "/*")
                 for api in apis]
    return [
        statement(sid="InvokeApisOfAllowedAccountOnly", principal="*", actions=["execute-api:Invoke"], resources=resources)
    ]


class PrivateEndpoints(pulumi.ComponentResource):
    """Interface and gateway VPC endpoints with account-restricted policies and an HTTPS-only security group."""

    endpoint_ids: dict[str, pulumi.Output[str]]
    security_group_id: pulumi.Output[str]
    execute_api_endpoint_id: Optional[pulumi.Output[str]]

    def __init__(
        self,
        name: str,
        args: inputs.PrivateEndpointsArgs,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        args = validate_args("PrivateEndpoints", PrivateEndpointsArgs, args)
        acks = Acknowledgements()
        acks.add(PERIMETER_RULE, f"{name}-sts", "allow_federated_sts", args.allow_federated_sts)
        acks.add(PERIMETER_RULE, f"{name}-s3-gateway", "allow_ecr_image_layers", args.allow_ecr_image_layers)
        super().__init__("stackguard:index:PrivateEndpoints", name, acks.props(), with_former_type(opts, "stackguard:network:PrivateEndpoints"))
        child = pulumi.ResourceOptions(parent=self)
        scope = account_scope(self, region=args.region)

        https_in_vpc = {"protocol": "tcp", "from_port": HTTPS_PORT, "to_port": HTTPS_PORT, "cidr_blocks": [args.vpc_cidr]}
        self.security_group = aws.ec2.SecurityGroup(
            f"{name}-endpoints",
            description=f"HTTPS from the VPC to the {name} VPC endpoints",
            vpc_id=args.vpc_id,
            ingress=[aws.ec2.SecurityGroupIngressArgs(description="HTTPS from the VPC", **https_in_vpc)],
            egress=[aws.ec2.SecurityGroupEgressArgs(description="HTTPS within the VPC only", **https_in_vpc)],
            revoke_rules_on_delete=True,
            tags=args.tags,
            opts=child,
        )

        perimeter = principal_perimeter(args.allowed_principal or scope.account_id)
        allowed_account = (args.allowed_principal if args.allowed_principal and not args.allowed_principal.startswith("o-")
                           else scope.account_id)
        invoke_policy = policy_document(execute_api_perimeter(
            scope.partition, scope.region, allowed_account, args.execute_api_ids))

        def endpoint_policy(service: str) -> pulumi.Output[str]:
            extra = []
            if service == "sts" and args.allow_federated_sts is not None:
                extra.append(federation_statement(scope.partition, allowed_account))
            if service == "s3" and args.allow_ecr_image_layers is not None:
                extra.append(ecr_layers_statement(scope.partition, scope.region))
            return policy_document(perimeter + extra)

        def service_name(service: str) -> pulumi.Output[str]:
            return pulumi.Output.concat("com.amazonaws.", scope.region, ".", service)

        self.endpoints = {}
        for service in args.interface_services:
            self.endpoints[service] = aws.ec2.VpcEndpoint(
                f"{name}-{service.replace('.', '-')}",
                vpc_id=args.vpc_id,
                service_name=service_name(service),
                vpc_endpoint_type="Interface",
                private_dns_enabled=args.execute_api_private_dns if service == "execute-api" else True,
                security_group_ids=[self.security_group.id],
                subnet_ids=args.subnet_ids,
                policy=invoke_policy if service == "execute-api" else endpoint_policy(service),
                tags={**args.tags, **acks.tags(f"{name}-{service.replace('.', '-')}")},
                opts=child,
            )
        for service in args.gateway_services:
            self.endpoints[service] = aws.ec2.VpcEndpoint(
                f"{name}-{service}-gateway",
                vpc_id=args.vpc_id,
                service_name=service_name(service),
                vpc_endpoint_type="Gateway",
                route_table_ids=args.route_table_ids,
                policy=endpoint_policy(service),
                tags={**args.tags, **acks.tags(f"{name}-{service}-gateway")},
                opts=child,
            )

        self.endpoint_ids = {service: endpoint.id for service, endpoint in self.endpoints.items()}
        self.security_group_id = self.security_group.id
        execute_api = self.endpoints.get("execute-api")
        self.execute_api_endpoint_id = execute_api.id if execute_api is not None else None
        self.register_outputs(
            {
                "endpoint_ids": self.endpoint_ids,
                "security_group_id": self.security_group_id,
                "execute_api_endpoint_id": self.execute_api_endpoint_id,
            }
        )
