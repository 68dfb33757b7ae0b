"""SecretStore: a Secrets Manager secret on a customer-managed key, HTTPS-only, readable by named roles, rotated.

    from components.secret_store import SecretStore

    store = SecretStore("partner-api-token", {
        "kms_key_arn": key.key_arn,                       # e.g. an EncryptionKey's output
        "reader_role_arns": [role.role_arn],
        "rotation": {"rotation_lambda_arn": rotator.arn, "automatically_after_days": 30},
        "initial_value": config.require_secret("partnerToken"),
        "tags": {"team": "payments"},
    })
    pulumi.export("secret_arn", store.secret_arn)

Rotation is required: a secret without a rotation function is a weaker choice that must be named,
`allow_no_rotation=True` with a `no_rotation_reason` (e.g. a token only the vendor's portal can renew).

The initial value is taken only as a secret: a plain string is wrapped in `pulumi.Output.secret` before
anything else happens and an Output is marked secret too, so it is encrypted in the state and never
exposed as a component output. The args model keeps a plain string as pydantic `SecretStr`, so neither
a repr nor a validation error can print it.
"""
from __future__ import annotations

import re
from typing import Optional, Union

import pulumi
import pulumi_aws as aws
from pydantic import Field, SecretStr, field_validator, model_validator

from components._args import ComponentArgs, StrInput, validate_args
from components._policy_documents import aws_principal, deny_insecure_transport, policy_document, statement
from components.encryption_key import validate_customer_managed_key_arn

_ROLE_ARN = re.compile(r"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")
_LAMBDA_ARN = re.compile(r"^arn:aws[a-z-]*:lambda:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:function:[\w-]+(?::[\w$-]+)?$")

READ_ACTIONS = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]


class RotationArgs(ComponentArgs):
    """Automatic rotation by a Lambda function."""

    rotation_lambda_arn: StrInput = Field(description="ARN of the rotation Lambda function.")
    automatically_after_days: int = Field(default=30, ge=1, le=365, description="Days between rotations (1-365).")
    rotate_immediately: bool = Field(default=True, description="Rotate once as soon as rotation is configured.")

    @field_validator("rotation_lambda_arn")
    @classmethod
    def _lambda_arn(cls, value: object) -> object:
        if isinstance(value, str) and not _LAMBDA_ARN.match(value):
            raise ValueError("must be a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)")
        return value


class SecretStoreArgs(ComponentArgs):
    """Arguments of SecretStore."""

    kms_key_arn: StrInput = Field(description="Customer-managed KMS key (ARN) that encrypts the secret.")
    secret_name: Optional[str] = Field(
        default=None, pattern=r"^[A-Za-z0-9_/+=.@-]{1,512}$", description="Secret name. Default: derived from the component name."
    )
    description: Optional[str] = Field(default=None, max_length=2048, description="Secret description.")
    recovery_window_in_days: int = Field(
        default=30, ge=7, le=30, description="Days a deleted secret can still be restored (7-30)."
    )
    reader_role_arns: list[StrInput] = Field(
        default_factory=list, description="IAM role ARNs allowed to read the secret through its resource policy."
    )
    rotation: Optional[RotationArgs] = Field(default=None, description="Rotation; required unless allow_no_rotation.")
    allow_no_rotation: bool = Field(default=False, description="Risk opt-out: keep the secret without rotation.")
    no_rotation_reason: Optional[str] = Field(
        default=None, min_length=10, description="Why the secret is not rotated (required with allow_no_rotation)."
    )
    initial_value: Optional[Union[SecretStr, pulumi.Output]] = Field(
        default=None,
        description="Initial secret value: a secret Output (e.g. config.require_secret) or a string, made secret at once.",
    )
    tags: dict[str, str] = Field(default_factory=dict, description="Tags applied to the secret.")

    @field_validator("kms_key_arn")
    @classmethod
    def _cmk(cls, value: object) -> object:
        return validate_customer_managed_key_arn(value)

    @field_validator("reader_role_arns")
    @classmethod
    def _readers(cls, values: list) -> list:
        for value in values:
            if isinstance(value, str) and not _ROLE_ARN.match(value):
                raise ValueError(f"{value!r} is not an IAM role ARN (wildcard and account principals are not allowed)")
        return values

    @model_validator(mode="after")
    def _rotation_choice(self) -> "SecretStoreArgs":
        if self.rotation is None and not self.allow_no_rotation:
            raise ValueError(
                "rotation: required (give rotation.rotation_lambda_arn), or set allow_no_rotation with a no_rotation_reason"
            )
        if self.rotation is not None and self.allow_no_rotation:
            raise ValueError("allow_no_rotation: cannot be combined with rotation")
        if self.allow_no_rotation and not self.no_rotation_reason:
            raise ValueError("no_rotation_reason: required (at least 10 characters) when allow_no_rotation is true")
        if self.no_rotation_reason and not self.allow_no_rotation:
            raise ValueError("no_rotation_reason: only meaningful with allow_no_rotation")
        return self


class SecretStore(pulumi.ComponentResource):
    """A CMK-encrypted secret with an HTTPS-only resource policy and rotation."""

    secret: aws.secretsmanager.Secret
    secret_policy: aws.secretsmanager.SecretPolicy
    rotation: Optional[aws.secretsmanager.SecretRotation]
    secret_arn: pulumi.Output[str]
    secret_id: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        args: SecretStoreArgs | dict | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        args = validate_args("SecretStore", SecretStoreArgs, args)
        initial_value = _as_secret(args.initial_value)
        super().__init__("stackguard:security:SecretStore", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)

        self.secret = aws.secretsmanager.Secret(
            f"{name}-secret",
            name=args.secret_name,
            description=args.description or f"Secret {name}",
            kms_key_id=args.kms_key_arn,
            recovery_window_in_days=args.recovery_window_in_days,
            tags=args.tags,
            opts=child,
        )

        statements = [deny_insecure_transport(["secretsmanager:*"], [self.secret.arn])]
        if args.reader_role_arns:
            statements.append(
                statement(
                    sid="AllowListedReaders",
                    principal=aws_principal(args.reader_role_arns),
                    actions=READ_ACTIONS,
                    resources=[self.secret.arn],
                )
            )
        self.secret_policy = aws.secretsmanager.SecretPolicy(
            f"{name}-policy",
            secret_arn=self.secret.arn,
            policy=policy_document(statements),
            block_public_policy=True,
            opts=child,
        )

        if initial_value is not None:
            aws.secretsmanager.SecretVersion(
                f"{name}-initial", secret_id=self.secret.id, secret_string=initial_value, opts=child
            )

        self.rotation = None
        self.rotation_permission = None
        if args.rotation is not None:
            # Secrets Manager must be allowed to invoke the rotation function, for this secret only.
            self.rotation_permission = aws.lambda_.Permission(
                f"{name}-rotation-invoke",
                action="lambda:InvokeFunction",
                function=args.rotation.rotation_lambda_arn,
                principal="secretsmanager.amazonaws.com",
                source_arn=self.secret.arn,
                opts=child,
            )
            self.rotation = aws.secretsmanager.SecretRotation(
                f"{name}-rotation",
                secret_id=self.secret.id,
                rotation_lambda_arn=args.rotation.rotation_lambda_arn,
                rotation_rules=aws.secretsmanager.SecretRotationRotationRulesArgs(
                    automatically_after_days=args.rotation.automatically_after_days,
                ),
                rotate_immediately=args.rotation.rotate_immediately,
                opts=pulumi.ResourceOptions(parent=self, depends_on=[self.rotation_permission]),
            )

        self.secret_arn = self.secret.arn
        self.secret_id = self.secret.id
        self.register_outputs({"secret_arn": self.secret_arn, "secret_id": self.secret_id})


def _as_secret(value: Optional[Union[SecretStr, pulumi.Output]]) -> Optional[pulumi.Output]:
    if value is None:
        return None
    if isinstance(value, SecretStr):
        return pulumi.Output.secret(value.get_secret_value())
    return pulumi.Output.secret(value)
