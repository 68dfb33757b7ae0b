"""ApiGatewayAccount: the account-wide CloudWatch role API Gateway needs before any REST stage can log.

    from stackguard.components.api_gateway_account import ApiGatewayAccount

    ApiGatewayAccount("apigateway", {"tags": {"team": "platform"}})   # once per account and region

A REST stage with access logs or execution logging fails to create in an account and region whose API
Gateway settings name no CloudWatch role ("To enable CloudWatch Logs, you must grant API Gateway
permission to read and write logs to CloudWatch for your account"): that role is a property of the
account (the aws.apigateway.Account singleton), not of an API.
https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html

This component creates the role, trusted by apigateway.amazonaws.com with AWS's managed policy
AmazonAPIGatewayPushToCloudWatchLogs, and sets it on the account. Declare it in exactly one stack per account
and region (e.g. the platform team's): a second declaration would overwrite the first one's role, and
deleting either stack would leave the account without one. RestApi never manages it.
"""
from typing import Optional

import pulumi
import pulumi_aws as aws
from pydantic import Field

from stackguard.components import inputs
from stackguard.components._args import ComponentArgs, validate_args, with_former_type
from stackguard.components.service_role import ServiceRole

PUSH_TO_CLOUDWATCH_LOGS = "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"


class ApiGatewayAccountArgs(ComponentArgs):
    """Arguments of ApiGatewayAccount."""

    role_name: Optional[str] = Field(
        default=None, pattern=r"^[A-Za-z0-9_+=,.@-]{1,64}$", description="Name of the role. Default: generated."
    )
    tags: dict[str, str] = Field(default_factory=dict, description="Tags applied to the role.")


class ApiGatewayAccount(pulumi.ComponentResource):
    """The CloudWatch role of API Gateway for this account and region."""

    cloudwatch_role_arn: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        args: inputs.ApiGatewayAccountArgs = None,  # type: ignore[assignment]  # every field has a default
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        args = validate_args("ApiGatewayAccount", ApiGatewayAccountArgs, args)
        super().__init__("stackguard:index:ApiGatewayAccount", name, None, with_former_type(opts, "stackguard:api:ApiGatewayAccount"))
        self.role = ServiceRole(f"{name}-cloudwatch", {
            "trusted_service": "apigateway.amazonaws.com",
            "role_name": args.role_name,
            "description": "Lets API Gateway write access and execution logs of this account's stages",
            "managed_policy_arns": [PUSH_TO_CLOUDWATCH_LOGS],
            "tags": args.tags,
        }, opts=pulumi.ResourceOptions(parent=self))
        self.account = aws.apigateway.Account(
            f"{name}-account",
            cloudwatch_role_arn=self.role.role_arn,
            # The role must carry its policy before API Gateway checks it.
            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.role]),
        )
        self.cloudwatch_role_arn = self.account.cloudwatch_role_arn
        self.register_outputs({"cloudwatch_role_arn": self.cloudwatch_role_arn})
