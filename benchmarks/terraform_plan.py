"""The same resources as a stack export from `stack_generator`, written as a Terraform plan in the
shape `terraform show -json` prints for a new configuration, so that checkov scans the equivalent estate.

A real plan carries the configuration beside the planned values: each attribute as an expression,
either a constant or a reference to another resource (`aws_kms_key.key_0.arn`). An attribute that
refers to a resource not yet created is unknown at plan time: absent from the planned values and
marked in `after_unknown`. checkov builds its resource graph from these references, so a plan
without them would let it skip the graph checks it runs on every real plan.
"""
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
    "aws:iam/policy:Policy": "aws_iam_policy",
    "aws:cloudwatch/logGroup:LogGroup": "aws_cloudwatch_log_group",
    "aws:lambda/function:Function": "aws_lambda_function",
    "aws:ec2/securityGroup:SecurityGroup": "aws_security_group",
    "aws:secretsmanager/secret:Secret": "aws_secretsmanager_secret",
}
# Attributes that are maps in Terraform (not nested blocks, which the plan shows as lists).
MAPS = {"variables", "tags"}
# The attribute a reference reads, as a Terraform author would write it (by referring type and
# attribute); any other reference reads the target's ARN.
REFERENCED_ATTRIBUTE = {("aws_s3_bucket_server_side_encryption_configuration", "bucket"): "id",
                        ("aws_s3_bucket_policy", "bucket"): "id", ("aws_iam_role_policy", "role"): "name"}
PROVIDER = "registry.terraform.io/hashicorp/aws"


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


# Pulumi's plural names for repeated Terraform blocks.
BLOCK_NAMES = {"rules": "rule"}


def _attribute(name: str) -> str:
    return BLOCK_NAMES.get(name, _snake(name))


def _block(value: dict[str, Any]) -> dict[str, Any]:
    return {_attribute(k): _values(v, k) for k, v in value.items()}


def _values(value: Any, key: str) -> Any:
    """An input as a planned value: maps stay maps, a single nested block becomes a one-block list."""
    if isinstance(value, dict):
        return value if key in MAPS else [_block(value)]
    if isinstance(value, list):
        return [_block(v) if isinstance(v, dict) else v for v in value]
    return value


def _expression(value: Any, key: str) -> Any:
    """A constant attribute as the configuration shows it: nested blocks as lists of expression maps."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value) and key not in MAPS:
        return [{k: _expression(v, k) for k, v in block.items()} for block in value]
    return {"constant_value": value}


def _address(resource: dict[str, Any]) -> str:
    name = resource["urn"].rsplit("::", 1)[-1].replace("-", "_")
    return f"{TYPES[resource['type']]}.{name}"


def _reference(tf_type: str, attribute: str, target: str) -> dict[str, Any]:
    read = REFERENCED_ATTRIBUTE.get((tf_type, attribute), "arn")
    return {"references": [f"{target}.{read}", target]}


def plan(export: dict[str, Any]) -> dict[str, Any]:
    managed = [r for r in export["deployment"]["resources"] if r["type"] in TYPES]
    addresses = {r["urn"]: _address(r) for r in managed}
    planned, changes, configured = [], [], []
    for r in managed:
        tf_type, address = TYPES[r["type"]], addresses[r["urn"]]
        name = address.split(".", 1)[1]
        values = _block(r.get("inputs", {}))
        expressions = {k: _expression(v, k) for k, v in values.items()}
        unknown: dict[str, bool] = {}
        for prop, urns in r.get("propertyDependencies", {}).items():
            attribute = _attribute(prop)
            targets = [addresses[u] for u in urns if u in addresses]
            if targets:
                expressions[attribute] = _reference(tf_type, attribute, targets[0])
                values.pop(attribute, None)
                unknown[attribute] = True
        common = {"address": address, "mode": "managed", "type": tf_type, "name": name}
        planned.append({**common, "provider_name": PROVIDER, "schema_version": 0, "values": values,
                        "sensitive_values": {}})
        changes.append({**common, "provider_name": PROVIDER,
                        "change": {"actions": ["create"], "before": None, "after": values,
                                   "after_unknown": {"id": True, "arn": True, **unknown},
                                   "before_sensitive": False, "after_sensitive": {}}})
        configured.append({**common, "provider_config_key": "aws", "expressions": expressions, "schema_version": 0})
    return {"format_version": "1.2", "terraform_version": "1.9.8",
            "planned_values": {"root_module": {"resources": planned}}, "resource_changes": changes,
            "configuration": {"provider_config": {"aws": {"name": "aws", "full_name": PROVIDER}},
                              "root_module": {"resources": configured}}}
