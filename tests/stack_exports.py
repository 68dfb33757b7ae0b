"""Builders for `pulumi stack export` documents used by the CLI and pack tests."""
from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path
from typing import Any

from stackguard import readers, rego_input

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "stack_generator.py"

STACK_URN = "urn:pulumi:prod::payments::pulumi:pulumi:Stack::payments-prod"


def urn(type_token: str, name: str, stack: str = "prod") -> str:
    return f"urn:pulumi:{stack}::payments::{type_token}::{name}"


def resource(type_token: str, name: str, inputs: dict[str, Any], **extra) -> dict[str, Any]:
    return {"urn": urn(type_token, name), "custom": True, "id": f"{name}-id", "type": type_token,
            "inputs": inputs, "outputs": inputs, "parent": STACK_URN, **extra}


def export(*resources: dict[str, Any]) -> dict[str, Any]:
    stack = {"urn": STACK_URN, "custom": False, "type": "pulumi:pulumi:Stack"}
    return {"version": 3, "deployment": {"manifest": {"time": "2026-11-27T00:00:00Z"}, "resources": [stack, *resources]}}


ADMIN_POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
SCOPED_POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue"],
     "Resource": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:partner-api-AbCdEf"}]})
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole",
    "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}}}]})


def kms_key(name: str, rotation: bool) -> dict[str, Any]:
    return resource("aws:kms/key:Key", name, {
        "description": "payments data", "enableKeyRotation": rotation, "deletionWindowInDays": 30,
        "bypassPolicyLockoutSafetyCheck": False,
    })


def role_with_policy(policy: str) -> list[dict[str, Any]]:
    role = resource("aws:iam/role:Role", "worker", {"assumeRolePolicy": TRUST})
    role_policy = resource("aws:iam/rolePolicy:RolePolicy", "worker-policy", {"role": "worker-id", "policy": policy},
                           propertyDependencies={"role": [role["urn"]]})
    return [role, role_policy]


def generated_export(count: int) -> dict[str, Any]:
    """The benchmarks' generated stack export (a mix of resource kinds, one group in ten insecure)."""
    spec = importlib.util.spec_from_file_location("stack_generator", GENERATOR)
    assert spec and spec.loader
    stack_generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stack_generator)
    return stack_generator.export(count)


def generated_inputs(count: int) -> list[dict[str, Any]]:
    """The generated stack as the CLI hands it to OPA: written as an export and read back with the
    product's reader."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "export.json")
        path.write_text(json.dumps(generated_export(count)))
        return [rego_input.from_stack_resource(r) for r in readers.read(path)]
