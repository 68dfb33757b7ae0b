"""EncryptionKey: a customer-managed KMS key that rotates, with a key policy built from named roles.

    from stackguard.components.encryption_key import EncryptionKey

    key = EncryptionKey("payments", {
        "alias": "alias/payments",
        "administrators": ["arn:aws:iam::123456789012:role/platform-admin"],
        "users": ["arn:aws:iam::123456789012:role/payments-api"],
        "service_principals": ["logs.eu-west-1.amazonaws.com", "secretsmanager.amazonaws.com"],
        "tags": {"team": "payments"},
    })
    pulumi.export("key_arn", key.key_arn)

The key policy never names the deployer implicitly. It has one
statement per list (administrators, users, each service principal) plus, by default, the account-root
statement AWS puts in every default key policy. That statement is the break-glass: it lets IAM policies
in the account grant access to the key, so the key stays manageable if every listed administrator role is
deleted. Without it, only the key policy itself can grant access, and a key whose administrators are gone
can only be recovered through AWS Support. Turning it off (`include_account_root_break_glass=False`)
therefore requires at least one administrator.

Service principals are limited to this account, each the way AWS documents for that service, and only the
services below are accepted: a service that uses the key with its caller's identity or through a grant made
with the caller's permissions (Lambda environment variables, SNS topics, SQS queues, S3 buckets) needs no
statement, and one conditioned on aws:SourceAccount alone would grant much and be used by nothing. Give the
calling roles `users` instead.
https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html
https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
  * CloudWatch Logs: the encryption context of a log group in the account and region;
  * Secrets Manager calls KMS with the *caller's* identity, so a statement for the service principal would
    do nothing: the key gets the two statements of AWS's own aws/secretsmanager key policy instead,
    Principal {"AWS": "*"} bound by kms:CallerAccount (this account) and kms:ViaService (Secrets Manager in
    this region): only principals of the account, only through Secrets Manager.
    https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
  * EventBridge publishing to an encrypted SNS topic: the SNS developer guide's statement (kms:Decrypt,
    kms:GenerateDataKey) without aws:SourceAccount/aws:SourceArn, which EventBridge does not send to KMS
    (with them, every delivery fails); scoped instead by SNS's encryption context to topics of the account,
    and the same actions for EventBridge's dead-letter queues, scoped by SQS's encryption context to queues of
    the account.
    https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
    https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
  * CloudWatch alarms publishing to an encrypted SNS topic: kms:Decrypt and kms:GenerateDataKey*, scoped the
    same way by SNS's encryption context.

Administrators manage the key but cannot use it. While the account-root statement stays, they also cannot
tag the key or point aliases at it: in an account whose IAM policies grant key use by tag or alias
(kms:ResourceTag, kms:ResourceAliases), either would let them grant themselves use.
https://docs.aws.amazon.com/kms/latest/developerguide/abac.html
"""
import re
from typing import Optional

import pulumi
import pulumi_aws as aws
from pydantic import Field, field_validator, model_validator

from stackguard.components import inputs
from stackguard.components._args import AccountId, ComponentArgs, ComponentArgsError, Region, StrInput, validate_args, with_former_type
from stackguard.components._policy_documents import (
    AccountScope,
    Statement,
    account_root_arn,
    account_scope,
    aws_principal,
    policy_document,
    service_principal,
    statement,
)

_ALIAS = re.compile(r"^alias/[A-Za-z0-9/_-]{1,250}$")
# Listed principals are roles or users; the account root is reserved for the break-glass statement.
_PRINCIPAL_ARN = re.compile(r"^arn:aws[a-z-]*:iam::\d{12}:(role|user)/[\w+=,.@/-]+$")
_SERVICE_PRINCIPAL = re.compile(r"^(?:[a-z0-9-]+\.)+amazonaws\.com(?:\.cn)?$")
_LOGS_PRINCIPAL = re.compile(r"^logs\.(?P<region>[a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$")
_CUSTOMER_MANAGED_KEY_ARN = re.compile(
    r"^arn:aws[a-z-]*:kms:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:(?:key/[A-Za-z0-9-]+|alias/[A-Za-z0-9/_-]+)$"
)

# Administrators manage the key but cannot use it: AWS's default administrator statement has kms:Create*
# and kms:Put*, which include kms:CreateGrant (a grant lets its grantee encrypt and decrypt) and
# kms:PutKeyPolicy (rewrite the policy to grant themselves use). Here they get no kms:Create*, and
# PutKeyPolicy only when no break-glass statement remains to change the policy (KMS refuses a policy that
# nobody could change). SecurityMonitoring alerts on PutKeyPolicy and CreateGrant made by people.
ADMIN_ACTIONS = [
    "kms:Describe*",
    "kms:Enable*",
    "kms:List*",
    "kms:UpdateKeyDescription",
    "kms:Revoke*",
    "kms:Disable*",
    "kms:Get*",
    "kms:Delete*",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
    "kms:RotateKeyOnDemand",
]
# Tags and aliases can grant use where IAM policies authorize by kms:ResourceTag / kms:ResourceAliases (ABAC);
# administrators get them only when they also hold kms:PutKeyPolicy (no break-glass), which is more already.
# https://docs.aws.amazon.com/kms/latest/developerguide/abac.html
TAG_AND_ALIAS_ACTIONS = ["kms:CreateAlias", "kms:UpdateAlias", "kms:TagResource", "kms:UntagResource"]
# Without these an administrator cannot replicate a multi-Region key (terraform-aws-kms #22).
MULTI_REGION_ADMIN_ACTIONS = ["kms:ReplicateKey", "kms:UpdatePrimaryRegion"]
USAGE_ACTIONS = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
GRANT_ACTIONS = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]
SECRETS_MANAGER_ACTIONS = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:CreateGrant", "kms:DescribeKey"]
SNS_PUBLISHER_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey"]
ALARM_PUBLISHER_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey*"]
# The services this key policy has a documented statement for (besides logs.<region>.amazonaws.com).
SUPPORTED_SERVICES = ("secretsmanager.amazonaws.com", "events.amazonaws.com", "cloudwatch.amazonaws.com")


def validate_customer_managed_key_arn(value: object) -> object:
    """Check that a plain-string KMS key reference is a customer-managed key (or alias) ARN; Outputs pass.

    Used by every component that takes a `kms_key_arn`, so AWS-managed keys (alias/aws/...) are refused alike.
    """
    if isinstance(value, str):
        if ":alias/aws/" in value or value.startswith("alias/aws/"):
            raise ValueError("must be a customer-managed KMS key, not an AWS-managed alias/aws/... key")
        if not _CUSTOMER_MANAGED_KEY_ARN.match(value):
            raise ValueError("must be a KMS key or alias ARN (arn:aws:kms:<region>:<account>:key/<id>)")
    return value


def _check_principal_arns(values: list) -> list:
    known = [value for value in values if isinstance(value, str)]
    for value in known:
        if not _PRINCIPAL_ARN.match(value):
            raise ValueError(
                f"{value!r} is not an IAM role or user ARN (no wildcards; the account root is only allowed "
                "through include_account_root_break_glass)"
            )
    if len(set(known)) != len(known):
        raise ValueError("contains duplicate ARNs")
    return values


class EncryptionKeyArgs(ComponentArgs):
    """Arguments of EncryptionKey."""

    alias: Optional[str] = Field(
        default=None,
        description='Alias of the key, "alias/<name>" ("alias/aws/" is reserved for AWS). Default: "alias/<component name>".',
    )
    description: Optional[str] = Field(default=None, max_length=8192, description="Key description.")
    deletion_window_in_days: int = Field(
        default=30, ge=7, le=30, description="Days a scheduled deletion can still be cancelled (7-30)."
    )
    rotation_period_in_days: int = Field(
        default=365, ge=90, le=2560, description="Days between automatic rotations of the key material (90-2560)."
    )
    administrators: list[StrInput] = Field(
        default_factory=list, description="IAM role/user ARNs that manage the key (no encrypt/decrypt actions)."
    )
    users: list[StrInput] = Field(
        default_factory=list, description="IAM role/user ARNs that encrypt and decrypt with the key."
    )
    service_principals: list[str] = Field(
        default_factory=list,
        description='AWS services that use the key for this account: "logs.<region>.amazonaws.com", '
                    '"secretsmanager.amazonaws.com", "events.amazonaws.com", "cloudwatch.amazonaws.com".',
    )
    include_account_root_break_glass: bool = Field(
        default=True,
        description="Keep AWS's default account-root statement so IAM can still manage the key if the administrators are gone.",
    )
    multi_region: bool = Field(default=False, description="Create a multi-Region primary key (opt-in).")
    account_id: Optional[AccountId] = Field(
        default=None, description="Account the policy is scoped to. Default: the caller's."
    )
    region: Optional[Region] = Field(
        default=None,
        description="Region the key policy's conditions name (Secrets Manager, SNS topics). Default: the provider's; "
                    "the key is created in the provider's region, so give a different one only with a provider for it.",
    )
    tags: dict[str, str] = Field(default_factory=dict, description="Tags applied to the key.")

    @field_validator("alias")
    @classmethod
    def _alias(cls, value: Optional[str]) -> Optional[str]:
        if value is not None:
            _check_alias(value)
        return value

    @field_validator("administrators", "users")
    @classmethod
    def _principals(cls, values: list) -> list:
        return _check_principal_arns(values)

    @field_validator("service_principals")
    @classmethod
    def _services(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _SERVICE_PRINCIPAL.match(value):
                raise ValueError(f"{value!r} is not an AWS service principal (<service>.amazonaws.com)")
            if value.startswith("logs.") and not _LOGS_PRINCIPAL.match(value):
                raise ValueError("CloudWatch Logs needs its regional principal, logs.<region>.amazonaws.com")
            if not value.startswith("logs.") and value not in SUPPORTED_SERVICES:
                raise ValueError(
                    f"{value!r} has no key-policy statement AWS documents (supported: logs.<region>.amazonaws.com, "
                    f"{', '.join(SUPPORTED_SERVICES)}); a service that uses the key with its caller's identity or a "
                    "grant (Lambda, SNS, SQS, S3) needs none: list the calling roles in users"
                )
        if len(set(values)) != len(values):
            raise ValueError("contains duplicate service principals")
        return values

    @model_validator(mode="after")
    def _someone_can_manage(self) -> "EncryptionKeyArgs":
        if not self.include_account_root_break_glass and not self.administrators:
            raise ValueError(
                "administrators: must name at least one administrator when include_account_root_break_glass "
                "is false, or nobody could manage the key"
            )
        return self


def _check_alias(value: str) -> None:
    if value.startswith("alias/aws/"):
        raise ValueError('the "alias/aws/" prefix is reserved for AWS-managed keys')
    if not _ALIAS.match(value):
        raise ValueError('must look like "alias/<name>" (letters, digits, "/", "_", "-")')


def _service_statement(service: str, scope: AccountScope) -> Statement:
    sid = "Service" + "".join(part.capitalize() for part in re.split(r"[.-]", service.split(".amazonaws.")[0]))
    logs = _LOGS_PRINCIPAL.match(service)
    if logs:
        log_groups = pulumi.Output.concat(
            "arn:", scope.partition, ":logs:", logs["region"], ":", scope.account_id, ":*"
        )
        conditions = {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": log_groups}}
    else:
        # events.amazonaws.com and cloudwatch.amazonaws.com publishing to an encrypted topic of the account.
        topics = pulumi.Output.concat("arn:", scope.partition, ":sns:", scope.region, ":", scope.account_id, ":*")
        actions = SNS_PUBLISHER_ACTIONS if service == "events.amazonaws.com" else ALARM_PUBLISHER_ACTIONS
        return statement(sid=sid, principal=service_principal(service), actions=actions, resources=["*"],
                         conditions={"ArnLike": {"kms:EncryptionContext:aws:sns:topicArn": topics}})
    return statement(
        sid=sid, principal=service_principal(service), actions=USAGE_ACTIONS, resources=["*"], conditions=conditions
    )


def key_policy_statements(args: EncryptionKeyArgs, scope: AccountScope) -> list[Statement]:
    """The key policy: break-glass (optional), administrators, users and their grants, services."""
    statements: list[Statement] = []
    if args.include_account_root_break_glass:
        statements.append(
            statement(
                sid="AccountRootBreakGlass",
                principal=aws_principal([account_root_arn(scope.account_id, scope.partition)]),
                actions=["kms:*"],
                resources=["*"],
            )
        )
    if args.administrators:
        admin_actions = ADMIN_ACTIONS + (MULTI_REGION_ADMIN_ACTIONS if args.multi_region else []) + (
            [] if args.include_account_root_break_glass else TAG_AND_ALIAS_ACTIONS + ["kms:PutKeyPolicy"])
        statements.append(
            statement(
                sid="KeyAdministration",
                principal=aws_principal(args.administrators),
                actions=admin_actions,
                resources=["*"],
            )
        )
    if args.users:
        statements.append(
            statement(sid="KeyUsage", principal=aws_principal(args.users), actions=USAGE_ACTIONS, resources=["*"])
        )
        statements.append(
            statement(
                sid="KeyUsageGrantsForAwsResources",
                principal=aws_principal(args.users),
                actions=GRANT_ACTIONS,
                resources=["*"],
                conditions={"Bool": {"kms:GrantIsForAWSResource": "true"}},
            )
        )
    for service in args.service_principals:
        if service.startswith("secretsmanager."):
            statements.extend(secrets_manager_statements(scope))
        elif service == "events.amazonaws.com":
            queues = pulumi.Output.concat("arn:", scope.partition, ":sqs:", scope.region, ":", scope.account_id, ":*")
            statements.append(_service_statement(service, scope))
            statements.append(statement(
                sid="ServiceEventsDeadLetterQueues", principal=service_principal(service), actions=SNS_PUBLISHER_ACTIONS,
                resources=["*"], conditions={"ArnLike": {"kms:EncryptionContext:aws:sqs:arn": queues}}))
        else:
            statements.append(_service_statement(service, scope))
    return statements


def secrets_manager_statements(scope: AccountScope) -> list[Statement]:
    """AWS's aws/secretsmanager key policy: any principal of the account, only through Secrets Manager.

    https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
    (AWS uses StringLike secretsmanager.*.amazonaws.com for GenerateDataKey*; this key is regional, so both
    statements name the key's own region.)
    """
    via_secrets_manager = {
        "kms:CallerAccount": scope.account_id,
        "kms:ViaService": pulumi.Output.concat("secretsmanager.", scope.region, ".amazonaws.com"),
    }
    return [
        statement(sid="SecretsManagerForPrincipalsOfThisAccount", principal={"AWS": "*"},
                  actions=SECRETS_MANAGER_ACTIONS, resources=["*"], conditions={"StringEquals": via_secrets_manager}),
        statement(sid="SecretsManagerDataKeysForPrincipalsOfThisAccount", principal={"AWS": "*"},
                  actions=["kms:GenerateDataKey*"], resources=["*"], conditions={"StringEquals": via_secrets_manager}),
    ]


class EncryptionKey(pulumi.ComponentResource):
    """A rotating customer-managed KMS key and its alias."""

    key_id: pulumi.Output[str]
    key_arn: pulumi.Output[str]
    alias_name: pulumi.Output[str]
    alias_arn: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        args: inputs.EncryptionKeyArgs = None,  # type: ignore[assignment]  # every field has a default
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        args = validate_args("EncryptionKey", EncryptionKeyArgs, args)
        alias_name = args.alias or f"alias/{name}"
        try:
            _check_alias(alias_name)
        except ValueError as err:
            raise ComponentArgsError(f"EncryptionKey: invalid args: alias: default {alias_name!r} {err}") from None
        super().__init__("stackguard:index:EncryptionKey", name, None, with_former_type(opts, "stackguard:security:EncryptionKey"))

        scope = account_scope(self, args.account_id, args.region)
        child = pulumi.ResourceOptions(parent=self)
        self.key = aws.kms.Key(
            f"{name}-key",
            description=args.description or f"Customer-managed key {name}",
            key_usage="ENCRYPT_DECRYPT",
            customer_master_key_spec="SYMMETRIC_DEFAULT",
            is_enabled=True,
            enable_key_rotation=True,
            rotation_period_in_days=args.rotation_period_in_days,
            deletion_window_in_days=args.deletion_window_in_days,
            bypass_policy_lockout_safety_check=False,
            multi_region=args.multi_region,
            policy=policy_document(key_policy_statements(args, scope)),
            tags=args.tags,
            opts=child,
        )
        self.alias = aws.kms.Alias(f"{name}-alias", name=alias_name, target_key_id=self.key.id, opts=child)

        # A KMS key resource's id is its key id.
        self.key_id = self.key.id
        self.key_arn = self.key.arn
        self.alias_name = self.alias.name
        self.alias_arn = self.alias.arn
        self.register_outputs(
            {"key_id": self.key_id, "key_arn": self.key_arn, "alias_name": self.alias_name, "alias_arn": self.alias_arn}
        )
