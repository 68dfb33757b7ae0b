"""Encrypted CloudWatch log groups and JSON access-log formats shared by the API and WAF components.

    from stackguard.components._api_logging import LogGroupArgs, api_access_log_group, access_log_settings, REST_ACCESS_LOG_FORMAT

    group = api_access_log_group("orders", parent=self, kms_key_arn=key_arn,
                                 settings=LogGroupArgs(retention_in_days=365), tags={"team": "payments"})
    aws.apigateway.Stage(..., access_log_settings=access_log_settings(group, REST_ACCESS_LOG_FORMAT))
"""
from __future__ import annotations

import json
import re
from typing import Annotated, Optional

import pulumi
import pulumi_aws as aws
from pydantic import Field, field_validator

from stackguard.components._args import ComponentArgs, StrInput, matches

# CloudWatch Logs accepts only these retention periods; 0 ("never expire") is left out on purpose,
# so that every group states how long it keeps data.
RETENTION_DAYS = (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
                  1096, 1827, 2192, 2557, 2922, 3288, 3653)

# CloudWatch Logs can only use a key named by its key ARN (an alias ARN is refused at association).
KMS_KEY_ARN = re.compile(r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key/[A-Za-z0-9-]+$")
LOG_GROUP_NAME = re.compile(r"^[A-Za-z0-9_\-/.#]{1,512}$")

# A KMS key ARN known now is checked; Outputs (another resource's ARN) pass until the deployment.
KmsKeyArn = Annotated[
    StrInput, matches(KMS_KEY_ARN, "a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>), not an alias or key id")
]


class LogGroupArgs(ComponentArgs):
    """Settings of a log group the component creates and encrypts with `kms_key_arn`."""

    retention_in_days: int = Field(365, description="Days to keep log events; one of CloudWatch's retention periods.")
    name: Optional[str] = Field(None, description="Log group name; generated from the component name when unset.")

    @field_validator("retention_in_days")
    @classmethod
    def _retention(cls, value: int) -> int:
        if value not in RETENTION_DAYS:
            raise ValueError(f"must be one of {', '.join(map(str, RETENTION_DAYS))} (0, never expire, is not allowed)")
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not LOG_GROUP_NAME.match(value):
            raise ValueError("must be 1-512 characters of letters, digits, '_', '-', '/', '.', '#'")
        return value


def encrypted_log_group(
    resource_name: str,
    *,
    parent: pulumi.Resource,
    kms_key_arn: StrInput,
    settings: LogGroupArgs,
    default_name: pulumi.Input[str],
    tags: dict[str, str],
) -> aws.cloudwatch.LogGroup:
    """A log group encrypted with the customer managed key, with a finite retention, parented to `parent`."""
    return aws.cloudwatch.LogGroup(
        resource_name,
        name=settings.name or default_name,
        kms_key_id=kms_key_arn,
        retention_in_days=settings.retention_in_days,
        log_group_class="STANDARD",
        tags=tags,
        opts=pulumi.ResourceOptions(parent=parent),
    )


def api_access_log_group(
    api_name: str,
    *,
    parent: pulumi.Resource,
    kms_key_arn: StrInput,
    settings: LogGroupArgs,
    tags: dict[str, str],
) -> aws.cloudwatch.LogGroup:
    """The encrypted access-log group of an API's stage: /aws/apigateway/<stack>/<api>/access unless settings name it."""
    return encrypted_log_group(
        f"{api_name}-access-logs",
        parent=parent,
        kms_key_arn=kms_key_arn,
        settings=settings,
        default_name=f"/aws/apigateway/{pulumi.get_stack()}/{api_name}/access",
        tags=tags,
    )


def access_log_settings(group: aws.cloudwatch.LogGroup, log_format: str) -> dict[str, pulumi.Input[str]]:
    """A stage's access_log_settings: JSON lines in `log_format` written to the group."""
    return {"destination_arn": group.arn, "format": log_format}


def _format(fields: dict[str, str]) -> str:
    return json.dumps(fields, separators=(",", ":"))


# Who called, what they asked for and what happened, without payloads or credentials: the fields an
# incident responder needs to trace a request through WAF, the authorizer and the integration.
# principalId names the caller of a Lambda authorizer only; a Cognito or JWT caller is named by its token's
# claims: client_id (the app client of an access token) and sub (the user, or the client for M2M tokens).
# https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-variables-for-access-logging.html
REST_ACCESS_LOG_FORMAT = _format({
    "requestId": "$context.requestId",
    "extendedRequestId": "$context.extendedRequestId",
    "requestTime": "$context.requestTime",
    "sourceIp": "$context.identity.sourceIp",
    "userAgent": "$context.identity.userAgent",
    "caller": "$context.identity.caller",
    "user": "$context.identity.user",
    "principalId": "$context.authorizer.principalId",
    "clientId": "$context.authorizer.claims.client_id",
    "subject": "$context.authorizer.claims.sub",
    "httpMethod": "$context.httpMethod",
    "resourcePath": "$context.resourcePath",
    "path": "$context.path",
    "stage": "$context.stage",
    "protocol": "$context.protocol",
    "status": "$context.status",
    "responseLength": "$context.responseLength",
    "responseLatency": "$context.responseLatency",
    "integrationStatus": "$context.integration.status",
    "integrationLatency": "$context.integration.latency",
    "errorMessage": "$context.error.message",
    "errorType": "$context.error.responseType",
    "authorizerError": "$context.authorizer.error",
    "wafResponseCode": "$context.wafResponseCode",
    "webAclArn": "$context.webaclArn",
})

HTTP_ACCESS_LOG_FORMAT = _format({
    "requestId": "$context.requestId",
    "requestTime": "$context.requestTime",
    "sourceIp": "$context.identity.sourceIp",
    "userAgent": "$context.identity.userAgent",
    "principalId": "$context.authorizer.principalId",
    "clientId": "$context.authorizer.claims.client_id",
    "subject": "$context.authorizer.claims.sub",
    "httpMethod": "$context.httpMethod",
    "routeKey": "$context.routeKey",
    "path": "$context.path",
    "stage": "$context.stage",
    "protocol": "$context.protocol",
    "status": "$context.status",
    "responseLength": "$context.responseLength",
    "responseLatency": "$context.responseLatency",
    "integrationStatus": "$context.integrationStatus",
    "integrationLatency": "$context.integrationLatency",
    "integrationError": "$context.integrationErrorMessage",
    "errorMessage": "$context.error.message",
    "errorType": "$context.error.responseType",
    "authorizerError": "$context.authorizer.error",
})
