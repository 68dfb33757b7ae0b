"""Generate `pulumi stack export` documents of any size with a realistic mix of resources.

Every tenth group of resources is insecure in some way, so rules fire as they would on a real estate.
"""
from __future__ import annotations

import json
from typing import Any, Iterator

STACK = "bench"
PROJECT = "estate"
ROOT_URN = f"urn:pulumi:{STACK}::{PROJECT}::pulumi:pulumi:Stack::{PROJECT}-{STACK}"
UNIT = 10  # resources per group below


def _urn(token: str, name: str) -> str:
    return f"urn:pulumi:{STACK}::{PROJECT}::{token}::{name}"


def _res(token: str, name: str, inputs: dict[str, Any], deps: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"urn": _urn(token, name), "custom": True, "type": token, "id": name, "inputs": inputs,
            "outputs": {}, "parent": ROOT_URN, "propertyDependencies": deps or {},
            "dependencies": sorted({u for urns in (deps or {}).values() for u in urns})}


def _group(i: int) -> Iterator[dict[str, Any]]:
    bad = i % 10 == 0
    key = _res("aws:kms/key:Key", f"key-{i}", {"enableKeyRotation": not bad, "deletionWindowInDays": 30,
                                                "description": f"data key {i}"})
    yield key
    bucket = _res("aws:s3/bucketV2:BucketV2", f"bucket-{i}", {"bucket": f"bucket-{i}"})
    yield bucket
    yield _res("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", f"sse-{i}", {
        "bucket": f"bucket-{i}", "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": f"key-{i}"}}]},
        {"bucket": [bucket["urn"]]})
    tls = {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*",
           "Resource": [f"arn:aws:s3:::bucket-{i}/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
    if not bad:
        yield _res("aws:s3/bucketPolicy:BucketPolicy", f"tls-{i}", {"bucket": f"bucket-{i}", "policy": json.dumps(tls)},
                   {"bucket": [bucket["urn"]]})
    else:
        yield _res("aws:sqs/queue:Queue", f"queue-{i}", {"sqsManagedSseEnabled": True})
    role = _res("aws:iam/role:Role", f"role-{i}", {"assumeRolePolicy": json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}}}]})})
    yield role
    action = "*" if bad else "s3:GetObject"
    yield _res("aws:iam/rolePolicy:RolePolicy", f"policy-{i}", {"role": f"role-{i}", "policy": json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": f"arn:aws:s3:::bucket-{i}/*"}]})},
        {"role": [role["urn"]]})
    yield _res("aws:cloudwatch/logGroup:LogGroup", f"logs-{i}", {"retentionInDays": 365, "kmsKeyId": f"key-{i}"}, {"kmsKeyId": [key["urn"]]})
    yield _res("aws:lambda/function:Function", f"fn-{i}", {"runtime": "python3.12", "handler": "app.handler", "role": f"role-{i}",
               "environment": {"variables": {"STAGE": "bench"}}, "kmsKeyArn": f"key-{i}"}, {"role": [role["urn"]]})
    yield _res("aws:ec2/securityGroup:SecurityGroup", f"sg-{i}", {"ingress": [{"protocol": "tcp", "fromPort": 22 if bad else 443,
               "toPort": 22 if bad else 443, "cidrBlocks": ["0.0.0.0/0"] if bad else ["10.0.0.0/16"]}]})
    yield _res("aws:secretsmanager/secret:Secret", f"secret-{i}", {"kmsKeyId": f"key-{i}", "recoveryWindowInDays": 30},
               {"kmsKeyId": [key["urn"]]})


def _quartet(i: int) -> Iterator[dict[str, Any]]:
    """Issue #10's workload: a KMS key, a log group, a secret and an IAM policy; every other quartet insecure."""
    bad = i % 2 == 0
    key = _res("aws:kms/key:Key", f"key-{i}", {"enableKeyRotation": not bad, "deletionWindowInDays": 30,
                                                "description": f"data key {i}"})
    yield key
    encrypted = {} if bad else {"kmsKeyId": f"key-{i}"}
    deps = {} if bad else {"kmsKeyId": [key["urn"]]}
    yield _res("aws:cloudwatch/logGroup:LogGroup", f"logs-{i}", {"name": f"logs-{i}", "retentionInDays": 0 if bad else 365,
                                                                  **encrypted}, deps)
    yield _res("aws:secretsmanager/secret:Secret", f"secret-{i}", {"name": f"secret-{i}", "recoveryWindowInDays": 30,
                                                                    **encrypted}, deps)
    statement = ({"Effect": "Allow", "Action": "*", "Resource": "*"} if bad else
                 {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": f"arn:aws:s3:::bucket-{i}/*"})
    yield _res("aws:iam/policy:Policy", f"policy-{i}", {"name": f"policy-{i}", "path": "/", "policy": json.dumps(
        {"Version": "2012-10-17", "Statement": [statement]})})


# Workloads by name: `estate` (ten kinds of resource, every tenth group insecure) and `issue10`.
WORKLOADS = {"estate": _group, "issue10": _quartet}


def export(resources: int, workload: str = "estate") -> dict[str, Any]:
    items: list[dict[str, Any]] = [{"urn": ROOT_URN, "custom": False, "type": "pulumi:pulumi:Stack"}]
    groups = WORKLOADS[workload]
    i = 0
    while len(items) < resources:
        items.extend(groups(i))
        i += 1
    return {"version": 3, "deployment": {"manifest": {}, "resources": items[:resources]}}
