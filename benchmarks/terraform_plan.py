"""The same resources as a stack export from `stack_generator`, written as a Terraform plan
(`terraform show -json` shape) so that checkov can scan the equivalent estate."""
from __future__ import annotations

import re
from typing import Any

# pulumi-aws type token -> Terraform resource type (pulumi-aws is generated from the Terraform provider).
TYPES = {
    "aws:kms/key:Key": "aws_kms_key",
    "aws:s3/bucketV2:BucketV2": "aws_s3_bucket",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2":
        "aws_s3_bucket_server_side_encryption_configuration",
    "aws:s3/bucketPolicy:BucketPolicy": "aws_s3_bucket_policy",
    "aws:sqs/queue:Queue": "aws_sqs_queue",
    "aws:iam/role:Role": "aws_iam_role",
    "aws:iam/rolePolicy:RolePolicy": "aws_iam_role_policy",
    "aws:cloudwatch/logGroup:LogGroup": "aws_cloudwatch_log_group",
    "aws:lambda/function:Function": "aws_lambda_function",
    "aws:ec2/securityGroup:SecurityGroup": "aws_security_group",
    "aws:secretsmanager/secret:Secret": "aws_secretsmanager_secret",
}
# Attributes that are maps in Terraform (not nested blocks, which the plan shows as lists).
MAPS = {"variables", "tags"}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _values(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        converted = {_snake(k): _values(v, k) for k, v in value.items()}
        return converted if key in MAPS or not key else [converted]
    if isinstance(value, list):
        return [_values(v, key) for v in value]
    return value


def plan(export: dict[str, Any]) -> dict[str, Any]:
    resources, changes = [], []
    for r in export["deployment"]["resources"]:
        tf_type = TYPES.get(r["type"])
        if tf_type is None:
            continue
        name = r["urn"].rsplit("::", 1)[-1].replace("-", "_")
        values = {k: _values(v, k) for k, v in ((_snake(k), v) for k, v in r.get("inputs", {}).items())}
        address = f"{tf_type}.{name}"
        resources.append({"address": address, "mode": "managed", "type": tf_type, "name": name,
                          "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0, "values": values})
        changes.append({"address": address, "mode": "managed", "type": tf_type, "name": name,
                        "provider_name": "registry.terraform.io/hashicorp/aws",
                        "change": {"actions": ["create"], "before": None, "after": values, "after_unknown": {}}})
    return {"format_version": "1.2", "terraform_version": "1.9.8",
            "planned_values": {"root_module": {"resources": resources}}, "resource_changes": changes,
            "configuration": {"provider_config": {"aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws"}},
                              "root_module": {}}}
