"""Pulumi mocks that answer like AWS: ids and ARNs shaped per resource type, and the common invokes.

Used by `stackguard preflight` (inside the program's own environment: pulumi and the standard library
only) and by the component tests, so both see realistic outputs.
"""
from __future__ import annotations

from typing import Any, Optional

import pulumi

from .invokes import Lookups, digest

# ARN layout per type token: {p} partition, {r} region, {a} account, {id} physical id, {name} name.
_ARNS = {
    "aws:kms/key:Key": "arn:{p}:kms:{r}:{a}:key/{id}",
    "aws:kms/alias:Alias": "arn:{p}:kms:{r}:{a}:{name}",
    "aws:iam/role:Role": "arn:{p}:iam::{a}:role/{name}",
    "aws:iam/policy:Policy": "arn:{p}:iam::{a}:policy/{name}",
    "aws:secretsmanager/secret:Secret": "arn:{p}:secretsmanager:{r}:{a}:secret:{name}-{short}",
    "aws:sns/topic:Topic": "arn:{p}:sns:{r}:{a}:{name}",
    "aws:sqs/queue:Queue": "arn:{p}:sqs:{r}:{a}:{name}",
    "aws:lambda/function:Function": "arn:{p}:lambda:{r}:{a}:function:{name}",
    "aws:cloudwatch/logGroup:LogGroup": "arn:{p}:logs:{r}:{a}:log-group:{name}",
    "aws:cloudwatch/metricAlarm:MetricAlarm": "arn:{p}:cloudwatch:{r}:{a}:alarm:{name}",
    "aws:cloudwatch/eventRule:EventRule": "arn:{p}:events:{r}:{a}:rule/{name}",
    "aws:apigateway/restApi:RestApi": "arn:{p}:apigateway:{r}::/restapis/{id}",
    "aws:apigateway/stage:Stage": "arn:{p}:apigateway:{r}::/restapis/{rest_api}/stages/{stage}",
    "aws:apigateway/domainName:DomainName": "arn:{p}:apigateway:{r}::/domainnames/{name}",
    "aws:apigatewayv2/api:Api": "arn:{p}:apigateway:{r}::/apis/{id}",
    "aws:apigatewayv2/stage:Stage": "arn:{p}:apigateway:{r}::/apis/{api}/stages/{stage}",
    "aws:wafv2/webAcl:WebAcl": "arn:{p}:wafv2:{r}:{a}:regional/webacl/{name}/{uuid}",
    "aws:wafv2/ipSet:IpSet": "arn:{p}:wafv2:{r}:{a}:regional/ipset/{name}/{uuid}",
    "aws:cognito/userPool:UserPool": "arn:{p}:cognito-idp:{r}:{a}:userpool/{id}",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "arn:{p}:ec2:{r}:{a}:vpc-endpoint/{id}",
    "aws:ec2/securityGroup:SecurityGroup": "arn:{p}:ec2:{r}:{a}:security-group/{id}",
    "aws:s3/bucketV2:BucketV2": "arn:{p}:s3:::{name}",
    "aws:s3/bucket:Bucket": "arn:{p}:s3:::{name}",
}
# Physical id prefixes AWS uses for these types.
_ID_PREFIX = {
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce-",
    "aws:ec2/securityGroup:SecurityGroup": "sg-",
    "aws:ec2/vpc:Vpc": "vpc-",
    "aws:ec2/subnet:Subnet": "subnet-",
}


def _uuid(seed: str) -> str:
    hexes = digest(seed, 32)
    return "-".join(hexes[a:b] for a, b in ((0, 8), (8, 12), (12, 16), (16, 20), (20, 32)))


class AwsMocks(pulumi.runtime.Mocks):
    """Mocks answering for one AWS account and region, deterministically (same inputs, same ids)."""

    def __init__(self, account_id: str = "123456789012", region: str = "eu-west-1", partition: str = "aws"):
        self.account_id = account_id
        self.region = region
        self.partition = partition
        self.lookups = Lookups(account_id, region, partition)

    def _physical_id(self, token: str, name: str) -> str:
        if token == "aws:kms/key:Key":
            return _uuid(token + name)
        if token == "aws:cognito/userPool:UserPool":
            return f"{self.region}_{digest(token + name, 9)}"
        prefix = _ID_PREFIX.get(token)
        return f"{prefix}{digest(token + name, 17)}" if prefix else f"{name}-{digest(token + name, 8)}"

    def arn(self, token: str, name: str, physical_id: str, inputs: dict[str, Any]) -> str:
        seed = token + name
        layout = _ARNS.get(token)
        if layout is None:
            module = token.split(":")[1].split("/")[0]
            kind = token.split(":")[-1]
            layout = f"arn:{{p}}:{module}:{{r}}:{{a}}:{kind[0].lower() + kind[1:]}/{{id}}"
        return layout.format(
            p=self.partition, r=self.region, a=self.account_id, id=physical_id, uuid=_uuid(seed), short=digest(seed, 6),
            name=name, rest_api=inputs.get("restApi", "api"), api=inputs.get("apiId", "api"),
            stage=inputs.get("stageName", name),
        )

    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        physical_id = args.resource_id or self._physical_id(args.typ, args.name)
        # Pulumi auto-names resources "<logical name>-<random suffix>" when no name is given.
        auto_name = args.inputs.get("name") or f"{args.name}-{digest(args.typ + args.name, 7)}"
        arn = self.arn(args.typ, auto_name, physical_id, args.inputs)
        if args.typ == "aws:secretsmanager/secret:Secret":
            physical_id = arn  # Secrets Manager identifies a secret by its ARN
        outputs = {"name": auto_name, **args.inputs, "id": physical_id, "arn": arn}
        if args.typ in ("aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket"):
            outputs.setdefault("bucket", f"{args.name}-{digest(args.name, 7)}")
        if args.typ in ("aws:apigateway/restApi:RestApi", "aws:apigatewayv2/api:Api"):
            outputs["rootResourceId"] = digest(physical_id + "root", 10)
            outputs["executionArn"] = f"arn:{self.partition}:execute-api:{self.region}:{self.account_id}:{physical_id}"
            outputs["apiEndpoint"] = f"https://{physical_id}.execute-api.{self.region}.amazonaws.com"
        if args.typ == "aws:apigateway/stage:Stage":
            api, stage = args.inputs.get("restApi", "api"), args.inputs.get("stageName", args.name)
            outputs["invokeUrl"] = f"https://{api}.execute-api.{self.region}.amazonaws.com/{stage}"
            outputs["executionArn"] = f"arn:{self.partition}:execute-api:{self.region}:{self.account_id}:{api}/{stage}"
        if args.typ == "aws:apigatewayv2/stage:Stage":
            api, stage = args.inputs.get("apiId", "api"), args.inputs.get("name", args.name)
            outputs["invokeUrl"] = f"https://{api}.execute-api.{self.region}.amazonaws.com/{stage}"
            outputs["executionArn"] = f"arn:{self.partition}:execute-api:{self.region}:{self.account_id}:{api}/{stage}"
        if args.typ == "aws:lambda/function:Function":
            outputs["invokeArn"] = (f"arn:{self.partition}:apigateway:{self.region}:lambda:path/2015-03-31/functions/"
                                    f"{outputs['arn']}/invocations")
        if args.typ == "aws:cognito/userPool:UserPool":
            outputs["endpoint"] = f"cognito-idp.{self.region}.amazonaws.com/{physical_id}"
        if args.typ == "aws:ec2/vpc:Vpc":
            outputs.setdefault("cidrBlock", "10.0.0.0/16")
        if args.typ == "aws:apigateway/domainName:DomainName":
            outputs["regionalDomainName"] = f"d-{digest(args.name, 10)}.execute-api.{self.region}.amazonaws.com"
            outputs["regionalZoneId"] = "Z2FDTNDATAQYW2"
        return physical_id, outputs

    def known_answer(self, token: str, args: dict[str, Any]) -> Optional[dict[str, Any]]:
        """The data source's answer, or None when it has no realistic one (a preview makes it unknown)."""
        return self.lookups.answer(token, args)

    def call(self, args: pulumi.runtime.MockCallArgs):
        return self.known_answer(args.token, args.args) or {}
