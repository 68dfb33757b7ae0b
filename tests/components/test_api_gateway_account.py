"""ApiGatewayAccount: the account's CloudWatch role for API Gateway (review 2026-12-04, B2)."""
from __future__ import annotations

import json

import pytest

from stackguard.components._args import ComponentArgsError
from stackguard.components.api_gateway_account import PUSH_TO_CLOUDWATCH_LOGS, ApiGatewayAccount

COMPONENT = "stackguard:index:ApiGatewayAccount"
ACCOUNT_SETTINGS = "aws:apigateway/account:Account"
ROLE = "aws:iam/role:Role"
ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment"


def test_the_account_gets_a_cloudwatch_role_api_gateway_can_assume(deploy):
    """B2. "To enable CloudWatch Logs, you must grant API Gateway permission to read and write logs to CloudWatch for
    your account": a role trusted by apigateway.amazonaws.com with AmazonAPIGatewayPushToCloudWatchLogs, set as the
    account's cloudwatchRoleArn once the policy is attached.
    https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html"""
    monitor = deploy(lambda: ApiGatewayAccount("apigateway", {"tags": {"team": "platform"}}))
    [role] = monitor.of_type(ROLE)
    assert json.loads(role.inputs["assumeRolePolicy"])["Statement"] == [{
        "Sid": "TrustService", "Effect": "Allow", "Principal": {"Service": "apigateway.amazonaws.com"},
        "Action": ["sts:AssumeRole"]}]
    assert role.inputs["tags"] == {"team": "platform"}
    [attachment] = monitor.of_type(ATTACHMENT)
    assert attachment.inputs["policyArn"] == PUSH_TO_CLOUDWATCH_LOGS
    assert PUSH_TO_CLOUDWATCH_LOGS == "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"
    [settings] = monitor.of_type(ACCOUNT_SETTINGS)
    assert settings.inputs["cloudwatchRoleArn"].startswith("arn:aws:iam::123456789012:role/apigateway-cloudwatch-role")
    assert settings.property_dependencies["cloudwatchRoleArn"] == [role.urn]
    # The role's policy is attached before API Gateway checks the role.
    assert attachment.urn in settings.dependencies
    [component] = monitor.of_type(COMPONENT)
    assert settings.parent == component.urn


def test_bad_args_name_the_field():
    with pytest.raises(ComponentArgsError, match="ApiGatewayAccount: invalid args: role_name"):
        ApiGatewayAccount("apigateway", {"role_name": "not a name"})
