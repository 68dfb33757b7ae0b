"""SecretStore: a Secrets Manager secret on a customer-managed key, HTTPS-only, readable by named roles, rotated.

    from stackguard.components.secret_store import SecretStore

    store = SecretStore("partner-api-token", {
        "kms_key_arn": key.key_arn,                       # e.g. an EncryptionKey's output
        "reader_role_arns": [role.role_arn],
        "rotation": {"rotation_lambda_arn": rotator.arn, "automatically_after_days": 30},
        "initial_value": config.require_secret("partnerToken"),
        "tags": {"team": "payments"},
    })
    pulumi.export("secret_arn", store.secret_arn)

Only the listed roles read the value. In one account a request is allowed when the identity policy *or*
the resource policy allows it, and the key's Secrets Manager statements let every principal of the account
decrypt through Secrets Manager, so an allow for the readers alone would still let any role with
secretsmanager:GetSecretValue on "*" (SecretsManagerReadWrite, power users) read the secret. The secret
policy therefore also denies GetSecretValue to every principal that is not a reader, the rotation
function's role or a listed break-glass role (aws:PrincipalArn).
https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
When `initial_value` is set, the role that runs `pulumi up` must be among `break_glass_role_arns`: the
provider reads the version back with GetSecretValue after writing it.

Rotation is required, at most every 90 days (FSBP SecretsManager.4): a secret without a rotation function
is a weaker choice that must be named, `allow_no_rotation={"reason": ...}` (e.g. a token only the vendor's
portal can renew), and so is a longer period (`allow_long_rotation_period`) or a reader of another account
(`allow_cross_account_readers`). Each is reported as acknowledged risk (components/_acknowledgements.py).

A reader of another account is compared with the key's account when both ARNs are plain strings; when either
is an Output (an EncryptionKey's key_arn, a ServiceRole's role_arn) the comparison runs at deploy time and a
foreign reader without `allow_cross_account_readers` fails the deployment, naming the reader. A reader of
another account never gets an inline policy from this stack (its own account must grant it kms:Decrypt, and
the key policy must name its account), so a reader whose account is only known at deploy time must be in
the key's account. The key is named by its key ARN: IAM grants on an alias ARN apply to the alias, not to
the key. https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html

Readers of the secret's own account also get kms:Decrypt on the secret's key, only through Secrets Manager
(kms:ViaService), as an inline policy on their role: without it a reader cannot decrypt the value when the
key policy delegates to IAM. https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html

The initial value is written once: the version ignores later changes of its secret_string, because after
rotations AWS removes that version and a `pulumi refresh` + `up` would otherwise write the stale initial
value over the live credential. Rotation waits for the initial value, and rotates at once only when there
is one (`rotation.rotate_immediately` defaults to that): a secret without a value would make the first
rotation fail, since a rotation function's createSecret step starts from AWSCURRENT. Without
`initial_value` write the first value out of band (`aws secretsmanager put-secret-value`); rotation then
starts at the first scheduled window.
https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_lambda-functions.html

The initial value is taken only as a secret: a plain string is wrapped in `pulumi.Output.secret` before
anything else happens and an Output is marked secret too, so it is encrypted in the state and never
exposed as a component output. The args model keeps a plain string as pydantic `SecretStr`, so neither
a repr nor a validation error can print it.
"""
import re
from typing import Optional, Union

import pulumi
import pulumi_aws as aws
from pydantic import Field, SecretStr, field_validator, model_validator

from stackguard.components import inputs
from stackguard.components._acknowledgements import Acknowledgements
from stackguard.components._api_common import RiskAcceptance
from stackguard.components._api_logging import KmsKeyArn
from stackguard.components._args import AccountId, ComponentArgs, ComponentArgsError, StrInput, validate_args, with_former_type
from stackguard.components._policy_documents import (
    account_scope,
    deny_insecure_transport,
    policy_document,
    statement,
)

_ROLE_ARN = re.compile(r"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")
_PRINCIPAL_ARN = re.compile(r"^arn:aws[a-z-]*:iam::\d{12}:(role|user)/[\w+=,.@/-]+$")
_LAMBDA_ARN = re.compile(r"^arn:aws[a-z-]*:lambda:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:function:[\w-]+(?::[\w$-]+)?$")

READ_ACTIONS = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
# FSBP SecretsManager.4: secrets should be rotated within a specified number of days (default 90).
MAX_ROTATION_DAYS = 90
ROTATION_RULE = "aws-secretsmanager-secret-rotation"
POLICY_RULE = "aws-secretsmanager-secret-policy-cross-account"


def _account_of(arn: object) -> Optional[str]:
    return arn.split(":")[4] if isinstance(arn, str) and arn.count(":") >= 5 else None


class RotationArgs(ComponentArgs):
    """Automatic rotation by a Lambda function."""

    rotation_lambda_arn: StrInput = Field(description="ARN of the rotation Lambda function.")
    automatically_after_days: int = Field(
        default=30, ge=1, le=1000, description="Days between rotations (1-1000; above 90 needs allow_long_rotation_period)."
    )
    rotation_role_arn: StrInput = Field(
        description="Execution role of the rotation function: it reads the secret, so the policy's deny exempts it."
    )
    rotate_immediately: Optional[bool] = Field(
        default=None,
        description="Rotate once as soon as rotation is configured. Default: only when initial_value is set "
                    "(a secret without a value cannot be rotated).",
    )

    @field_validator("rotation_lambda_arn")
    @classmethod
    def _lambda_arn(cls, value: object) -> object:
        if isinstance(value, str) and not _LAMBDA_ARN.match(value):
            raise ValueError("must be a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)")
        return value

    @field_validator("rotation_role_arn")
    @classmethod
    def _role_arn(cls, value: object) -> object:
        if isinstance(value, str) and not _ROLE_ARN.match(value):
            raise ValueError("must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)")
        return value


class SecretStoreArgs(ComponentArgs):
    """Arguments of SecretStore."""

    kms_key_arn: KmsKeyArn = Field(
        description="Customer-managed KMS key that encrypts the secret, by key ARN (IAM grants on an alias ARN "
                    "would not apply to the key)."
    )
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
    account_id: Optional[AccountId] = Field(
        default=None,
        description="Account of the key, when kms_key_arn is an Output: lets the component tell a reader of another "
                    "account apart before the deployment (otherwise the deployment refuses it).",
    )
    break_glass_role_arns: list[StrInput] = Field(
        default_factory=list,
        description="IAM role/user ARNs exempt from the deny on GetSecretValue besides the readers and the rotation "
                    "role; with initial_value, the role that runs pulumi up (the provider reads the version back).",
    )
    rotation: Optional[RotationArgs] = Field(default=None, description="Rotation; required unless allow_no_rotation.")
    allow_no_rotation: Optional[RiskAcceptance] = Field(
        default=None, description="Opt-out (FSBP SecretsManager.1): keep the secret without rotation."
    )
    allow_long_rotation_period: Optional[RiskAcceptance] = Field(
        default=None, description=f"Opt-out (FSBP SecretsManager.4): rotate less often than every {MAX_ROTATION_DAYS} days."
    )
    allow_cross_account_readers: Optional[RiskAcceptance] = Field(
        default=None, description="Opt-out: reader_role_arns of another account than the key's."
    )
    initial_value: Optional[Union[SecretStr, pulumi.Output]] = Field(
        default=None,
        description="Initial secret value: a secret Output (e.g. config.require_secret) or a string, made secret at once.",
    )
    tags: dict[str, str] = Field(default_factory=dict, description="Tags applied to the secret.")

    @field_validator("reader_role_arns")
    @classmethod
    def _readers(cls, values: list) -> list:
        for value in values:
            if isinstance(value, str) and not _ROLE_ARN.match(value):
                raise ValueError(f"{value!r} is not an IAM role ARN (wildcard and account principals are not allowed)")
        return values

    @field_validator("break_glass_role_arns")
    @classmethod
    def _break_glass(cls, values: list) -> list:
        for value in values:
            if isinstance(value, str) and not _PRINCIPAL_ARN.match(value):
                raise ValueError(f"{value!r} is not an IAM role or user ARN")
        return values

    @model_validator(mode="after")
    def _rotation_choice(self) -> "SecretStoreArgs":
        if self.rotation is None and self.allow_no_rotation is None:
            raise ValueError(
                "rotation: required (give rotation.rotation_lambda_arn), or set allow_no_rotation with a reason"
            )
        if self.rotation is not None and self.allow_no_rotation is not None:
            raise ValueError("allow_no_rotation: cannot be combined with rotation")
        long_period = self.rotation is not None and self.rotation.automatically_after_days > MAX_ROTATION_DAYS
        if long_period and self.allow_long_rotation_period is None:
            raise ValueError(
                f"rotation.automatically_after_days: more than {MAX_ROTATION_DAYS} days (FSBP SecretsManager.4); "
                "rotate more often or set allow_long_rotation_period with a reason"
            )
        if self.allow_long_rotation_period is not None and not long_period:
            raise ValueError(f"allow_long_rotation_period: rotation is within {MAX_ROTATION_DAYS} days; remove the opt-out")
        if self.rotation is not None and self.rotation.rotate_immediately and self.initial_value is None:
            raise ValueError(
                "rotation.rotate_immediately: the secret has no initial_value, so the first rotation would find no "
                "current value; set initial_value, or write the value out of band and leave rotate_immediately unset"
            )
        if self.initial_value is not None and not self.break_glass_role_arns:
            raise ValueError(
                "break_glass_role_arns: with initial_value, name the role that runs pulumi up: the provider reads the "
                "version back with GetSecretValue, which the secret policy denies to every unlisted principal"
            )
        if self.account_id and _account_of(self.kms_key_arn) not in (None, self.account_id):
            raise ValueError(f"account_id: the key ARN is in account {_account_of(self.kms_key_arn)}")
        foreign = self.foreign_readers()
        if foreign and self.allow_cross_account_readers is None:
            raise ValueError(
                f"reader_role_arns: {foreign[0]!r} is in another account than the key; "
                "set allow_cross_account_readers with a reason"
            )
        if self.allow_cross_account_readers is not None and not foreign and not self.readers_decided_at_deploy():
            raise ValueError("allow_cross_account_readers: every reader is in the key's account; remove the opt-out")
        return self

    def key_account(self) -> Optional[str]:
        """The key's account when known now: from a key ARN string, else from account_id."""
        return _account_of(self.kms_key_arn) or self.account_id

    def foreign_readers(self) -> list[str]:
        """Reader roles of another account than the key's (only when both accounts are known now)."""
        home = self.key_account()
        return [arn for arn in self.reader_role_arns if home and _account_of(arn) not in (None, home)]

    def readers_decided_at_deploy(self) -> list:
        """Readers whose account can only be compared with the key's at deploy time (a reader or key ARN Output)."""
        home = self.key_account()
        return [arn for arn in self.reader_role_arns if not (home and _account_of(arn))]

    def rotates_immediately(self) -> bool:
        """The effective rotate_immediately: by default, only a secret with an initial value rotates at once."""
        if self.rotation is None:
            return False
        chosen = self.rotation.rotate_immediately
        return self.initial_value is not None if chosen is None else chosen


def check_reader_accounts(
    component: str, key_arn: str, readers: list[str], cross_account_accepted: bool
) -> list[str]:
    """Deploy-time check of readers whose account was unknown at construction: a reader of another account than
    the key's needs allow_cross_account_readers; returns the readers unchanged for the policy document."""
    home = _account_of(key_arn)
    for reader in readers:
        if not cross_account_accepted and _account_of(reader) != home:
            raise ComponentArgsError(
                f"{component}: invalid args: reader_role_arns: {reader!r} is in account {_account_of(reader)}, "
                f"the key in {home}; set allow_cross_account_readers with a reason"
            )
    return readers


def reader_role_name(component: str, key_arn: str, reader: str) -> str:
    """The name of a reader role of the key's account, for its inline decrypt policy; a reader of another account
    is refused (PutRolePolicy would write onto a same-named role of the deploying account)."""
    if _account_of(reader) != _account_of(key_arn):
        raise ComponentArgsError(
            f"{component}: invalid args: reader_role_arns: {reader!r} is in another account than the key "
            f"({_account_of(key_arn)}), which was only known at deploy time, and its own account must grant it "
            "kms:Decrypt: give account_id (the key's account) and the reader as a plain ARN string, so the component "
            "leaves it out of the inline policies"
        )
    return reader.rsplit("/", 1)[-1]


class SecretStore(pulumi.ComponentResource):
    """A CMK-encrypted secret with an HTTPS-only resource policy and rotation."""

    secret_arn: pulumi.Output[str]
    secret_id: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        args: inputs.SecretStoreArgs,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        args = validate_args("SecretStore", SecretStoreArgs, args)
        initial_value = _as_secret(args.initial_value)
        acks = Acknowledgements()
        acks.add(ROTATION_RULE, f"{name}-secret", "allow_no_rotation", args.allow_no_rotation)
        acks.add(ROTATION_RULE, f"{name}-rotation", "allow_long_rotation_period", args.allow_long_rotation_period)
        acks.add(POLICY_RULE, f"{name}-policy", "allow_cross_account_readers", args.allow_cross_account_readers)
        super().__init__("stackguard:index:SecretStore", name, acks.props(), with_former_type(opts, "stackguard:security:SecretStore"))
        child = pulumi.ResourceOptions(parent=self)

        self.secret = aws.secretsmanager.Secret(
            f"{name}-secret",
            name=args.secret_name,
            description=args.description or f"Secret {name}",
            kms_key_id=args.kms_key_arn,
            recovery_window_in_days=args.recovery_window_in_days,
            tags={**args.tags, **acks.tags(f"{name}-secret")},
            opts=child,
        )

        statements = [deny_insecure_transport(["secretsmanager:*"], [self.secret.arn]),
                      deny_unlisted_readers(self.secret.arn, args)]
        if args.reader_role_arns:
            readers: pulumi.Input[list] = args.reader_role_arns
            if args.readers_decided_at_deploy():
                accepted = args.allow_cross_account_readers is not None
                readers = pulumi.Output.all(args.kms_key_arn, *args.reader_role_arns).apply(
                    lambda values: check_reader_accounts("SecretStore", values[0], list(values[1:]), accepted))
            statements.append(
                statement(
                    sid="AllowListedReaders",
                    principal={"AWS": readers},
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

        self.reader_decrypt_policies = [
            self._reader_decrypt(name, index, role_arn, args)
            for index, role_arn in enumerate(args.reader_role_arns)
            if role_arn not in args.foreign_readers()
        ]

        self.initial_version = None
        if initial_value is not None:
            # Written once: rotation replaces it, and re-applying it would overwrite the live credential.
            self.initial_version = aws.secretsmanager.SecretVersion(
                f"{name}-initial", secret_id=self.secret.id, secret_string=initial_value,
                opts=pulumi.ResourceOptions(parent=self, ignore_changes=["secretString"]),
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
                rotate_immediately=args.rotates_immediately(),
                # The first rotation starts from the initial value: it must be written before rotation is configured.
                opts=pulumi.ResourceOptions(parent=self, depends_on=[self.rotation_permission] + (
                    [self.initial_version] if self.initial_version is not None else [])),
            )

        self.secret_arn = self.secret.arn
        self.secret_id = self.secret.id
        self.register_outputs({"secret_arn": self.secret_arn, "secret_id": self.secret_id})

    def _reader_decrypt(self, name: str, index: int, role_arn: pulumi.Input[str], args: SecretStoreArgs) -> aws.iam.RolePolicy:
        """Let a reader role of the key's account decrypt with the key, only through Secrets Manager."""
        region = account_scope(self).region
        return aws.iam.RolePolicy(
            f"{name}-reader-{index}-decrypt",
            role=pulumi.Output.all(args.kms_key_arn, role_arn).apply(
                lambda arns: reader_role_name("SecretStore", arns[0], arns[1])),
            policy=policy_document([statement(
                sid="DecryptSecretThroughSecretsManager", actions=["kms:Decrypt"], resources=[args.kms_key_arn],
                conditions={"StringEquals": {
                    "kms:ViaService": pulumi.Output.concat("secretsmanager.", region, ".amazonaws.com")}},
            )]),
            opts=pulumi.ResourceOptions(parent=self),
        )


def deny_unlisted_readers(secret_arn: pulumi.Input[str], args: SecretStoreArgs) -> dict:
    """Deny GetSecretValue to every principal but the readers, the rotation role and the break-glass roles."""
    exempt = [*args.reader_role_arns, *([args.rotation.rotation_role_arn] if args.rotation else []),
              *args.break_glass_role_arns]
    conditions = {"StringNotLike": {"aws:PrincipalArn": exempt}} if exempt else None
    return statement(sid="DenyReadingToUnlistedPrincipals", effect="Deny", principal="*",
                     actions=["secretsmanager:GetSecretValue"], resources=[secret_arn], conditions=conditions)


def _as_secret(value: Optional[Union[SecretStr, pulumi.Output]]) -> Optional[pulumi.Output]:
    if value is None:
        return None
    if isinstance(value, SecretStr):
        return pulumi.Output.secret(value.get_secret_value())
    return pulumi.Output.secret(value)
