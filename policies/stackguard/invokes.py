"""Answers to data sources (invokes) the way the AWS provider gives them during `pulumi preview`.

Pure functions are computed for real (`iam.get_policy_document` builds the same JSON document as
the provider); common lookups get realistic answers for the mocked account and region; anything
else is left to the caller to answer as unknown (`answer` returns None).

Runs inside the program's own environment (see program_host.py): standard library only.
"""
from __future__ import annotations

import base64
import hashlib
import json
from typing import Any, Callable, Optional

# Pulumi's wire sentinel for a string that is only known after deployment.
UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
# Pulumi's marker for a secret value on the wire.
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d"

# AWS managed policies whose document decides a rule (an administrator grant is the common one).
_MANAGED_POLICIES = {
    "AdministratorAccess": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
    "PowerUserAccess": [
        {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"},
        {"Effect": "Allow", "Action": ["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles",
                                       "organizations:DescribeOrganization", "account:ListRegions"], "Resource": "*"}],
    "ReadOnlyAccess": [{"Effect": "Allow", "Action": ["*:Describe*", "*:Get*", "*:List*"], "Resource": "*"}],
    "AmazonS3FullAccess": [{"Effect": "Allow", "Action": ["s3:*", "s3-object-lambda:*"], "Resource": "*"}],
    "AmazonS3ReadOnlyAccess": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"}],
    "AWSLambdaBasicExecutionRole": [{"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:CreateLogStream",
                                                                   "logs:PutLogEvents"], "Resource": "*"}],
}


# CloudFront managed policies, by name (ids published in the CloudFront developer guide).
_CLOUDFRONT_MANAGED = {
    "Managed-CachingOptimized": "658327ea-f89d-4fab-a63d-7e88639e58f6",
    "Managed-CachingDisabled": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    "Managed-AllViewer": "216adef6-5c7f-47e4-b989-5492eafa07d3",
    "Managed-CORS-S3Origin": "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf",
    "Managed-SecurityHeadersPolicy": "67f7725c-6f97-4210-82d7-5512b31e9d03",
}


def digest(text: str, length: int) -> str:
    """`length` hex characters that stand for `text`: the ids the lookups and the mocks make up are
    derived from names, so the same program gets the same ids on every run."""
    return hashlib.sha256(text.encode()).hexdigest()[:length]


def _string_or_list(values: list[str]) -> Any:
    """The provider writes one value as a string and several as a list in reverse sorted order."""
    values = list(dict.fromkeys(values))
    return values[0] if len(values) == 1 else sorted(values, reverse=True)


def _principals(entries: list[dict[str, Any]]) -> Any:
    merged: dict[str, list[str]] = {}
    for entry in entries or []:
        merged.setdefault(entry.get("type", ""), []).extend(entry.get("identifiers") or [])
    if set(merged) == {"*"} and merged["*"] == ["*"]:
        return "*"
    return {kind: _string_or_list(ids) for kind, ids in sorted(merged.items())}


def _conditions(entries: list[dict[str, Any]]) -> dict[str, Any]:
    result: dict[str, dict[str, Any]] = {}
    for entry in entries or []:
        result.setdefault(entry["test"], {})[entry["variable"]] = _string_or_list(entry.get("values") or [])
    return result


def _statement(spec: dict[str, Any]) -> dict[str, Any]:
    statement: dict[str, Any] = {}
    if spec.get("sid"):
        statement["Sid"] = spec["sid"]
    statement["Effect"] = spec.get("effect") or "Allow"
    for key, field in (("actions", "Action"), ("notActions", "NotAction"), ("resources", "Resource"),
                       ("notResources", "NotResource")):
        if spec.get(key):
            statement[field] = _string_or_list(spec[key])
    if spec.get("principals"):
        statement["Principal"] = _principals(spec["principals"])
    if spec.get("notPrincipals"):
        statement["NotPrincipal"] = _principals(spec["notPrincipals"])
    if spec.get("conditions"):
        statement["Condition"] = _conditions(spec["conditions"])
    return statement


def _merge_by_sid(base: list[dict[str, Any]], overrides: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statements with the same Sid replace earlier ones; statements without a Sid are appended."""
    result = list(base)
    for statement in overrides:
        sid = statement.get("Sid")
        index = next((i for i, s in enumerate(result) if sid and s.get("Sid") == sid), None)
        if index is None:
            result.append(statement)
        else:
            result[index] = statement
    return result


def policy_document(args: dict[str, Any]) -> dict[str, Any]:
    """aws:iam/getPolicyDocument: the JSON policy the AWS provider renders from statements and documents."""
    statements: list[dict[str, Any]] = []
    for source in args.get("sourcePolicyDocuments") or []:
        statements = _merge_by_sid(statements, json.loads(source).get("Statement", []))
    statements = _merge_by_sid(statements, [_statement(s) for s in args.get("statements") or []])
    for override in args.get("overridePolicyDocuments") or []:
        statements = _merge_by_sid(statements, json.loads(override).get("Statement", []))
    document: dict[str, Any] = {"Version": args.get("version") or "2012-10-17"}
    if args.get("policyId"):
        document["Id"] = args["policyId"]
    document["Statement"] = statements
    rendered = json.dumps(document, indent=2)
    minified = json.dumps(document, separators=(",", ":"))
    return {**args, "id": str(int(digest(minified, 8), 16)), "json": rendered, "minifiedJson": minified}


def _arn_parts(args: dict[str, Any]) -> dict[str, Any]:
    """aws:index/getArn: the fields of an ARN."""
    partition, service, region, account, resource = (args["arn"].split(":", 5) + [""] * 6)[1:6]
    return {"arn": args["arn"], "id": args["arn"], "partition": partition, "service": service, "region": region,
            "account": account, "resource": resource}


class Lookups:
    """Realistic answers for one account and region to the lookups programs make most."""

    def __init__(self, account_id: str, region: str, partition: str = "aws"):
        self.account_id, self.region, self.partition = account_id, region, partition
        self.handlers: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
            "aws:iam/getPolicyDocument:getPolicyDocument": policy_document,
            "aws:index/getArn:getArn": _arn_parts,
            "aws:index/getCallerIdentity:getCallerIdentity": self.caller_identity,
            "aws:index/getRegion:getRegion": self.region_info,
            "aws:index/getPartition:getPartition": self.partition_info,
            "aws:index/getAvailabilityZones:getAvailabilityZones": self.availability_zones,
            "aws:ec2/getAmi:getAmi": self.ami,
            "aws:ec2/getAmiIds:getAmiIds": lambda a: {**a, "id": self.region, "ids": [self.ami(a)["id"]]},
            "aws:ec2/getVpc:getVpc": self.vpc,
            "aws:ec2/getSubnets:getSubnets": self.subnets,
            "aws:ec2/getSubnetIds:getSubnetIds": self.subnets,
            "aws:ec2/getSubnet:getSubnet": self.subnet,
            "aws:ec2/getSecurityGroup:getSecurityGroup": self.security_group,
            "aws:route53/getZone:getZone": self.zone,
            "aws:acm/getCertificate:getCertificate": self.certificate,
            "aws:secretsmanager/getSecretVersion:getSecretVersion": self.secret_version,
            "aws:secretsmanager/getSecret:getSecret": self.secret,
            "aws:ssm/getParameter:getParameter": self.parameter,
            "aws:iam/getPolicy:getPolicy": self.managed_policy,
            "aws:iam/getRole:getRole": self.role,
            "aws:kms/getKey:getKey": self.kms_key,
            "aws:kms/getAlias:getAlias": self.kms_alias,
            "aws:elb/getServiceAccount:getServiceAccount": self.elb_service_account,
            "aws:ecr/getAuthorizationToken:getAuthorizationToken": self.ecr_token,
            "aws:cloudfront/getCachePolicy:getCachePolicy": self.cloudfront_managed_policy,
            "aws:cloudfront/getOriginRequestPolicy:getOriginRequestPolicy": self.cloudfront_managed_policy,
            "aws:cloudfront/getResponseHeadersPolicy:getResponseHeadersPolicy": self.cloudfront_managed_policy,
            "aws:index/getRegions:getRegions": lambda a: {**a, "id": self.partition,
                                                          "names": ["us-east-1", "us-west-2", "eu-west-1", self.region]},
        }

    def answer(self, token: str, args: dict[str, Any]) -> Optional[dict[str, Any]]:
        """The invoke's result, or None when this data source has no known answer (the caller makes it unknown)."""
        handler = self.handlers.get(token)
        return handler(args) if handler else None

    def _arn(self, service: str, resource: str, region: bool = True, account: bool = True) -> str:
        return (f"arn:{self.partition}:{service}:{self.region if region else ''}:"
                f"{self.account_id if account else ''}:{resource}")

    def caller_identity(self, _args):
        return {"accountId": self.account_id, "arn": self._arn("iam", "user/preflight", region=False),
                "userId": "AIDAPREFLIGHTUSER0001", "id": self.account_id}

    def region_info(self, args):
        name = args.get("name") or args.get("region") or self.region
        return {"name": name, "region": name, "id": name, "endpoint": f"ec2.{name}.amazonaws.com", "description": name}

    def partition_info(self, _args):
        return {"partition": self.partition, "dnsSuffix": "amazonaws.com", "id": self.partition,
                "reverseDnsPrefix": "com.amazonaws"}

    def availability_zones(self, args):
        return {**args, "names": [f"{self.region}{z}" for z in "abc"], "id": self.region, "state": "available",
                "zoneIds": [f"{self.region.split('-')[0]}{self.region.split('-')[1][0]}{self.region[-1]}-az{i}"
                            for i in (1, 2, 3)], "groupNames": [self.region]}

    def ami(self, args):
        ami_id = f"ami-{digest(json.dumps(args, sort_keys=True, default=str), 17)}"
        return {**args, "id": ami_id, "imageId": ami_id, "arn": self._arn("ec2", f"image/{ami_id}", account=False),
                "architecture": "x86_64", "name": "preflight-image", "ownerId": (args.get("owners") or ["amazon"])[0],
                "rootDeviceName": "/dev/xvda", "rootDeviceType": "ebs", "virtualizationType": "hvm", "public": True,
                "state": "available", "blockDeviceMappings": [], "tags": {}}

    def vpc(self, args):
        vpc_id = args.get("id") or f"vpc-{digest(json.dumps(args, sort_keys=True, default=str), 17)}"
        return {**args, "id": vpc_id, "cidrBlock": "172.31.0.0/16", "default": bool(args.get("default")),
                "arn": self._arn("ec2", f"vpc/{vpc_id}"), "ownerId": self.account_id, "state": "available",
                "mainRouteTableId": f"rtb-{digest(vpc_id, 17)}", "enableDnsSupport": True, "enableDnsHostnames": True,
                "tags": args.get("tags") or {}}

    def subnets(self, args):
        seed = json.dumps(args, sort_keys=True, default=str)
        return {**args, "id": self.region, "ids": [f"subnet-{digest(seed + z, 17)}" for z in "abc"]}

    def subnet(self, args):
        subnet_id = args.get("id") or f"subnet-{digest(json.dumps(args, sort_keys=True, default=str), 17)}"
        return {**args, "id": subnet_id, "arn": self._arn("ec2", f"subnet/{subnet_id}"), "cidrBlock": "172.31.0.0/20",
                "availabilityZone": f"{self.region}a", "vpcId": f"vpc-{digest(subnet_id, 17)}",
                "mapPublicIpOnLaunch": False, "ownerId": self.account_id, "state": "available", "tags": {}}

    def security_group(self, args):
        group_id = args.get("id") or f"sg-{digest(json.dumps(args, sort_keys=True, default=str), 17)}"
        return {**args, "id": group_id, "arn": self._arn("ec2", f"security-group/{group_id}"),
                "name": args.get("name") or "default", "vpcId": args.get("vpcId") or "vpc-0123456789abcdef0",
                "description": "preflight lookup", "tags": {}}

    def zone(self, args):
        name = (args.get("name") or "example.com").rstrip(".")
        zone_id = args.get("zoneId") or f"Z{digest(name, 20).upper()}"
        return {**args, "id": zone_id, "zoneId": zone_id, "name": name, "arn": f"arn:{self.partition}:route53:::hostedzone/{zone_id}",
                "privateZone": bool(args.get("privateZone")), "nameServers": [f"ns-{i}.awsdns-0{i}.com" for i in (1, 2)],
                "resourceRecordSetCount": 2, "callerReference": name, "comment": "", "tags": {}}

    def certificate(self, args):
        domain = args.get("domain") or "example.com"
        arn = self._arn("acm", f"certificate/{digest(domain, 8)}-{digest(domain, 4)}-{digest(domain, 12)}")
        return {**args, "id": arn, "arn": arn, "domain": domain, "status": "ISSUED", "keyTypes": ["RSA_2048"],
                "tags": {}}

    def secret_version(self, args):
        # The value is unknowable and secret: the program sees it as an unknown secret, as a preview would.
        secret = {SPECIAL_SIG_KEY: SECRET_SIG, "value": UNKNOWN_STRING}
        arn = self._arn("secretsmanager", f"secret:{args.get('secretId', 'secret')}-{digest(str(args), 6)}")
        return {**args, "id": f"{arn}|AWSCURRENT", "arn": arn, "secretString": secret, "secretBinary": secret,
                "versionId": digest(str(args), 32), "versionStages": ["AWSCURRENT"]}

    def secret(self, args):
        name = args.get("name") or str(args.get("arn", "secret")).rsplit(":", 1)[-1]
        arn = args.get("arn") or self._arn("secretsmanager", f"secret:{name}-{digest(name, 6)}")
        return {**args, "id": arn, "arn": arn, "name": name, "kmsKeyId": "", "tags": {}}

    def parameter(self, args):
        name = args.get("name", "parameter")
        return {**args, "id": name, "name": name, "arn": self._arn("ssm", f"parameter/{name.lstrip('/')}"),
                "type": "String", "value": {SPECIAL_SIG_KEY: SECRET_SIG, "value": UNKNOWN_STRING}, "version": 1,
                "insecureValue": UNKNOWN_STRING}

    def managed_policy(self, args):
        arn = args.get("arn") or f"arn:{self.partition}:iam::aws:policy/{args.get('name', 'ReadOnlyAccess')}"
        name = arn.rsplit("/", 1)[-1]
        statements = _MANAGED_POLICIES.get(name)
        policy = json.dumps({"Version": "2012-10-17", "Statement": statements}) if statements else UNKNOWN_STRING
        return {**args, "id": arn, "arn": arn, "name": name, "path": "/", "policy": policy,
                "policyId": f"ANPA{digest(arn, 17).upper()}", "description": name, "tags": {}}

    def role(self, args):
        name = args["name"]
        return {**args, "id": name, "arn": self._arn("iam", f"role/{name}", region=False), "path": "/",
                "uniqueId": f"AROA{digest(name, 17).upper()}", "assumeRolePolicy": UNKNOWN_STRING,
                "maxSessionDuration": 3600, "tags": {}}

    def kms_key(self, args):
        key_id = args.get("keyId", "")
        arn = key_id if key_id.startswith("arn:") else self._arn("kms", f"key/{digest(key_id, 8)}-{digest(key_id, 4)}")
        return {**args, "id": arn, "arn": arn, "keyManager": "CUSTOMER", "keyState": "Enabled", "enabled": True,
                "keyUsage": "ENCRYPT_DECRYPT", "customerMasterKeySpec": "SYMMETRIC_DEFAULT"}

    def kms_alias(self, args):
        name = args["name"]
        return {**args, "id": self._arn("kms", name), "arn": self._arn("kms", name),
                "targetKeyId": f"{digest(name, 8)}-{digest(name, 4)}-{digest(name, 4)}",
                "targetKeyArn": self._arn("kms", f"key/{digest(name, 8)}")}

    def ecr_token(self, args):
        # Shaped as ECR returns it: base64 of "AWS:<password>", so programs that decode it keep working.
        password = f"preflight-{digest(str(args), 24)}"
        token = base64.b64encode(f"AWS:{password}".encode()).decode()
        secret = lambda value: {SPECIAL_SIG_KEY: SECRET_SIG, "value": value}  # noqa: E731
        return {**args, "id": self.region, "authorizationToken": secret(token), "password": secret(password),
                "userName": "AWS", "proxyEndpoint": f"https://{self.account_id}.dkr.ecr.{self.region}.amazonaws.com",
                "expiresAt": "2099-01-01T00:00:00Z"}

    def cloudfront_managed_policy(self, args):
        name = args.get("name") or "Managed-CachingOptimized"
        policy_id = args.get("id") or _CLOUDFRONT_MANAGED.get(name) or (
            f"{digest(name, 8)}-{digest(name, 4)}-{digest(name, 4)}-{digest(name, 4)}-{digest(name, 12)}")
        return {**args, "id": policy_id, "name": name, "etag": digest(policy_id, 14).upper(), "comment": name}

    def elb_service_account(self, args):
        # The Elastic Load Balancing account of us-east-1; other regions differ but are shaped alike.
        return {**args, "id": "127311923021", "arn": f"arn:{self.partition}:iam::127311923021:root"}
