"""Pulumi mocks that answer like AWS: ids and ARNs shaped per resource type, and the common invokes.

Used by `stackguard preflight` and by the component tests, so both see realistic outputs.
"""
from __future__ import annotations

import hashlib

import pulumi

# Services whose ARNs carry no region or no account.
_GLOBAL_SERVICES = {"iam", "cloudfront", "route53", "s3"}
_ARN_SERVICE = {
    "apigatewayv2": "apigateway",
    "cloudwatch": "logs",
    "cognito": "cognito-idp",
    "ec2": "ec2",
    "lb": "elasticloadbalancing",
    "alb": "elasticloadbalancing",
    "sfn": "states",
}


def _suffix(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()[:8]


class AwsMocks(pulumi.runtime.Mocks):
    """Mocks answering for one AWS account and region."""

    def __init__(self, account_id: str = "123456789012", region: str = "eu-west-1", partition: str = "aws"):
        self.account_id = account_id
        self.region = region
        self.partition = partition

    def arn(self, token: str, name: str, physical_id: str) -> str:
        module = token.split(":")[1].split("/")[0]
        resource = token.split(":")[-1]
        service = _ARN_SERVICE.get(module, module)
        region = "" if service in _GLOBAL_SERVICES else self.region
        account = "" if service == "s3" else self.account_id
        kind = resource[0].lower() + resource[1:]
        return f"arn:{self.partition}:{service}:{region}:{account}:{kind}/{physical_id}"

    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        physical_id = f"{args.name}-{_suffix(args.typ + args.name)}"
        outputs = {
            **args.inputs,
            "id": physical_id,
            "arn": self.arn(args.typ, args.name, physical_id),
        }
        if args.typ in ("aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket"):
            outputs.setdefault("bucket", physical_id)
        if args.typ in ("aws:apigateway/restApi:RestApi", "aws:apigatewayv2/api:Api"):
            outputs["rootResourceId"] = _suffix(physical_id + "root")
            outputs["executionArn"] = f"arn:{self.partition}:execute-api:{self.region}:{self.account_id}:{physical_id}"
            outputs["apiEndpoint"] = f"https://{physical_id}.execute-api.{self.region}.amazonaws.com"
        if args.typ == "aws:apigateway/stage:Stage":
            outputs["invokeUrl"] = f"https://api.execute-api.{self.region}.amazonaws.com/{args.inputs.get('stageName', '')}"
            outputs["executionArn"] = f"arn:{self.partition}:execute-api:{self.region}:{self.account_id}:api/{args.inputs.get('stageName', '')}"
        if args.typ == "aws:ec2/vpc:Vpc":
            outputs.setdefault("cidrBlock", "10.0.0.0/16")
        return physical_id, outputs

    def call(self, args: pulumi.runtime.MockCallArgs):
        token = args.token
        if token == "aws:index/getCallerIdentity:getCallerIdentity":
            return {
                "accountId": self.account_id,
                "arn": f"arn:{self.partition}:iam::{self.account_id}:user/preflight",
                "userId": "AIDAPREFLIGHT",
                "id": self.account_id,
            }
        if token == "aws:index/getRegion:getRegion":
            return {"name": self.region, "region": self.region, "id": self.region,
                    "endpoint": f"ec2.{self.region}.amazonaws.com", "description": self.region}
        if token == "aws:index/getPartition:getPartition":
            return {"partition": self.partition, "dnsSuffix": "amazonaws.com", "id": self.partition,
                    "reverseDnsPrefix": "com.amazonaws"}
        if token == "aws:index/getAvailabilityZones:getAvailabilityZones":
            names = [f"{self.region}{z}" for z in "abc"]
            return {"names": names, "zoneIds": [f"euw1-az{i}" for i in (1, 2, 3)], "id": self.region}
        if token == "aws:ec2/getVpc:getVpc":
            return {"id": args.args.get("id", "vpc-0123456789abcdef0"), "cidrBlock": "10.0.0.0/16",
                    "arn": f"arn:{self.partition}:ec2:{self.region}:{self.account_id}:vpc/vpc-0123456789abcdef0"}
        return {}
