"""ServiceRole: an IAM role with a confused-deputy-safe trust policy and a typed least-privilege inline policy.

    from stackguard.components.service_role import ServiceRole

    role = ServiceRole("orders-fn", {
        "trusted_service": "lambda.amazonaws.com",
        "statements": [
            {"actions": ["dynamodb:GetItem", "dynamodb:PutItem"], "resources": [table.arn]},
            {"actions": ["kms:Decrypt"], "resources": [key.key_arn]},
        ],
        "permissions_boundary_arn": "arn:aws:iam::123456789012:policy/workload-boundary",
        "tags": {"team": "orders"},
    })
    pulumi.export("role_arn", role.role_arn)

Trust: either one AWS service, or another account, which must present an sts:ExternalId. A service trust
is limited to this account with aws:SourceAccount only for the services that put that key in their
AssumeRole request (SOURCE_ACCOUNT_SERVICES; `trust_source_account` overrides): others, such as EC2
instance profiles or CloudTrail delivering to CloudWatch Logs, could no longer assume the role. Optionally
`source_arn` limits it to one resource (aws:SourceArn).
https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html

Permissions: statements are typed (no NotAction/NotResource). An Allow with a wildcard action ("*",
"svc:*", and spellings of it such as "s3:?*") or on every resource ("*", an ARN whose resource part is
only wildcards, e.g. arn:aws:s3:::* or arn:aws:s3:::*/*, an ARN of any account such as arn:aws:iam::*:role/*,
or every key, arn:aws:kms:*:*:key/*) must carry `allow_wildcard` (a RiskAcceptance). The reason is
reported as acknowledged risk; the policy document keeps the wildcard as written, so the
rules that cover it (aws-iam-policy-wildcard-actions for a wildcard action on "*",
aws-iam-policy-privilege-escalation for escalation actions on "*", aws-iam-policy-wildcard-resources for the
ARN patterns of any account, bucket or key) still report it; that is how the
exception stays visible. A statement that grants iam:PassRole on "*" (including "iam:*" or "*" on "*") is always
refused, as are the AWS-managed admin policies; other managed policies are attached only when listed
in `managed_policy_arns`.
"""
import re
from typing import Literal, Optional, Union

import pulumi
import pulumi_aws as aws
from pydantic import Field, field_validator, model_validator

from stackguard.components import inputs
from stackguard.components._acknowledgements import Acknowledgements
from stackguard.components._api_common import RiskAcceptance
from stackguard.components._args import AccountId, ComponentArgs, StrInput, validate_args, with_former_type
from stackguard.components._policy_documents import (
    account_root_arn,
    account_scope,
    action_covers,
    aws_principal,
    is_wildcard_action,
    merge_conditions,
    policy_document,
    service_principal,
    source_account_condition,
    statement,
)

_ACTION = re.compile(r"^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$")
_CONDITION_OPERATOR = re.compile(r"^(ForAnyValue:|ForAllValues:)?[A-Za-z]+$")
_SERVICE_PRINCIPAL = re.compile(r"^(?:[a-z0-9-]+\.)+amazonaws\.com(?:\.cn)?$")
_POLICY_ARN = re.compile(r"^arn:aws[a-z-]*:iam::(aws|\d{12}):policy/[\w+=,.@/-]+$")
ADMIN_MANAGED_POLICIES = {"AdministratorAccess", "PowerUserAccess", "IAMFullAccess"}
# Services whose AssumeRole requests carry aws:SourceAccount, so a trust may require it; for any other service
# the condition would make the role unassumable (EC2 instance profiles, CloudTrail to CloudWatch Logs).
# https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
# https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html
# https://docs.aws.amazon.com/scheduler/latest/UserGuide/cross-service-confused-deputy-prevention.html
SOURCE_ACCOUNT_SERVICES = {"lambda.amazonaws.com", "states.amazonaws.com", "scheduler.amazonaws.com"}

ConditionValue = Union[StrInput, list[StrInput]]


class PolicyStatement(ComponentArgs):
    """One statement of the role's inline policy."""

    sid: Optional[str] = Field(default=None, pattern=r"^[A-Za-z0-9]+$", description="Statement id.")
    effect: Literal["Allow", "Deny"] = Field(default="Allow", description="Allow or Deny.")
    actions: list[str] = Field(min_length=1, description='Actions, e.g. "s3:GetObject".')
    resources: list[StrInput] = Field(min_length=1, description="Resource ARNs the actions apply to.")
    conditions: Optional[dict[str, dict[str, ConditionValue]]] = Field(
        default=None, description='Conditions: operator -> key -> value(s), e.g. {"StringEquals": {"aws:SourceVpc": "vpc-1"}}.'
    )
    allow_wildcard: Optional[RiskAcceptance] = Field(
        default=None,
        description='Opt-out: an Allow with a whole-service action or on every resource; the document keeps the wildcard.',
    )

    @field_validator("actions")
    @classmethod
    def _actions(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _ACTION.match(value):
                raise ValueError(f'{value!r} is not an action ("service:Action" or "*")')
        return values

    @field_validator("conditions")
    @classmethod
    def _conditions(cls, value: Optional[dict]) -> Optional[dict]:
        for operator, keys in (value or {}).items():
            if not _CONDITION_OPERATOR.match(operator):
                raise ValueError(f"{operator!r} is not a condition operator (e.g. StringEquals, ArnLike)")
            if not keys:
                raise ValueError(f"{operator}: needs at least one condition key")
        return value

    @model_validator(mode="after")
    def _least_privilege(self) -> "PolicyStatement":
        if self.effect != "Allow":
            return self
        broad = [r for r in self.resources if isinstance(r, str) and every_resource(r)]
        passes_roles = any(action_covers(action, "iam:PassRole") for action in self.actions)
        if passes_roles and broad:
            raise ValueError(f"actions: iam:PassRole on {broad[0]!r} is never allowed; name the role ARNs")
        role_patterns = [r for r in self.resources if isinstance(r, str) and ("*" in r or "?" in r)]
        wide = [r for r in self.resources if isinstance(r, str) and not every_resource(r) and any_account_or_object(r)]
        if passes_roles:
            wide = [r for r in wide if r not in role_patterns]  # reported below as PassRole patterns
        wildcards = [a for a in self.actions if whole_service_action(a)] + [f"resource {r!r}" for r in broad + wide]
        if passes_roles:
            # PassRole on arn:aws:iam::*:role/* lets the holder hand any role to a service: privilege escalation.
            wildcards += [f"iam:PassRole on {r!r}" for r in role_patterns]
        if wildcards and self.allow_wildcard is None:
            raise ValueError(f"allow_wildcard: required (a reason) for {', '.join(wildcards)}")
        if self.allow_wildcard is not None and not wildcards:
            raise ValueError("allow_wildcard: the statement has no wildcard action or resource; remove the opt-out")
        return self


def whole_service_action(action: str) -> bool:
    """ "*", "s3:*" and any spelling that matches every action of a service ("s3:?*", "iam:**")."""
    name = action.split(":", 1)[-1]
    return is_wildcard_action(action) or (set(name) <= {"*", "?"} and "*" in name)


def any_account_or_object(resource: str) -> bool:
    """An ARN pattern that reaches beyond one account's named resources: a wildcard account with a wildcard resource
    (arn:aws:iam::*:role/*, role chaining into any account that trusts it), every object of every bucket
    (arn:aws:s3:::*/*), or every KMS key or alias (arn:aws:kms:*:*:key/*; FSBP KMS.2)."""
    parts = resource.split(":", 5)
    if len(parts) != 6:
        return False
    service, account, name = parts[2], parts[4], parts[5]
    wild = {"*", "?"}
    if set(account) & wild and set(name) & wild:
        return True
    if not account and set(name) <= wild | {"/"} and "/" in name:  # S3 ARNs name no account
        return True
    kind, _, rest = name.partition("/")
    return service == "kms" and kind in ("key", "alias") and bool(rest) and set(rest) <= wild


def every_resource(resource: str) -> bool:
    """ "*" or an ARN whose resource part, or account and resource, is only wildcards (arn:aws:s3:::*)."""
    if resource == "*":
        return True
    parts = resource.split(":", 5)
    return len(parts) == 6 and bool(parts[5]) and set(parts[5]) <= {"*", "?"}


class ServiceRoleArgs(ComponentArgs):
    """Arguments of ServiceRole."""

    trusted_service: Optional[str] = Field(
        default=None, description='AWS service that assumes the role, e.g. "lambda.amazonaws.com".'
    )
    source_arn: Optional[StrInput] = Field(
        default=None, description="Limit the trusted service to one resource (aws:SourceArn), e.g. a function ARN."
    )
    trust_source_account: Optional[bool] = Field(
        default=None,
        description="Require aws:SourceAccount in the service trust. Default: only for services that send it "
                    "(lambda, states, scheduler).",
    )
    trusted_account_id: Optional[AccountId] = Field(
        default=None, description="Other account allowed to assume the role (cross-account)."
    )
    external_id: Optional[str] = Field(
        default=None,
        pattern=r"^[A-Za-z0-9_+=,.@:/-]{2,1224}$",
        description="sts:ExternalId the other account must present (required with trusted_account_id).",
    )
    account_id: Optional[AccountId] = Field(
        default=None, description="Account for aws:SourceAccount. Default: the caller's."
    )
    statements: list[PolicyStatement] = Field(default_factory=list, description="Inline policy statements.")
    managed_policy_arns: list[StrInput] = Field(
        default_factory=list, description="Managed policies to attach; AWS-managed admin policies are refused."
    )
    allow_broad_managed_policies: Optional[RiskAcceptance] = Field(
        default=None, description="Opt-out: attach AWS-managed *FullAccess / *ReadWrite policies (e.g. AmazonS3FullAccess)."
    )
    permissions_boundary_arn: Optional[StrInput] = Field(default=None, description="Permissions boundary policy ARN.")
    max_session_duration: int = Field(
        default=3600, ge=3600, le=43200, description="Maximum session length in seconds (3600-43200)."
    )
    role_name: Optional[str] = Field(
        default=None, pattern=r"^[A-Za-z0-9_+=,.@-]{1,64}$", description="Role name. Default: derived from the component name."
    )
    path: str = Field(default="/", pattern=r"^/([A-Za-z0-9_+=,.@-]+/)*$", description="Role path.")
    description: Optional[str] = Field(default=None, max_length=1000, description="Role description.")
    tags: dict[str, str] = Field(default_factory=dict, description="Tags applied to the role.")

    @field_validator("trusted_service")
    @classmethod
    def _service(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not _SERVICE_PRINCIPAL.match(value):
            raise ValueError(f"{value!r} is not an AWS service principal (<service>.amazonaws.com)")
        return value

    @field_validator("managed_policy_arns")
    @classmethod
    def _managed(cls, values: list) -> list:
        for value in values:
            if not isinstance(value, str):
                continue
            match = _POLICY_ARN.match(value)
            if not match:
                raise ValueError(f"{value!r} is not an IAM policy ARN")
            if match.group(1) == "aws" and value.rsplit("/", 1)[-1] in ADMIN_MANAGED_POLICIES:
                raise ValueError(f"{value!r} is an AWS-managed admin policy; grant the needed actions in statements")
        return values

    @model_validator(mode="after")
    def _broad_managed_policies(self) -> "ServiceRoleArgs":
        broad = [arn for arn in self.managed_policy_arns if isinstance(arn, str) and broad_managed_policy(arn)]
        if broad and self.allow_broad_managed_policies is None:
            raise ValueError(
                f"managed_policy_arns: {broad[0]!r} grants a whole service (full or read-write access); "
                "grant the needed actions in statements, or set allow_broad_managed_policies with a reason"
            )
        if self.allow_broad_managed_policies is not None and not broad:
            raise ValueError("allow_broad_managed_policies: no broad AWS-managed policy is attached; remove the opt-out")
        return self

    @field_validator("permissions_boundary_arn")
    @classmethod
    def _boundary(cls, value: object) -> object:
        if isinstance(value, str) and not _POLICY_ARN.match(value):
            raise ValueError(f"{value!r} is not an IAM policy ARN")
        return value

    @model_validator(mode="after")
    def _trust(self) -> "ServiceRoleArgs":
        if (self.trusted_service is None) == (self.trusted_account_id is None):
            raise ValueError("trusted_service: give exactly one of trusted_service or trusted_account_id")
        if self.trusted_account_id is not None and not self.external_id:
            raise ValueError("external_id: required when trusted_account_id is set (confused-deputy guard)")
        if self.trusted_service is not None and self.external_id:
            raise ValueError("external_id: only for cross-account trust (trusted_account_id)")
        if self.trusted_account_id is not None and self.source_arn is not None:
            raise ValueError("source_arn: only for service trust (trusted_service)")
        if self.trusted_account_id is not None and self.trust_source_account is not None:
            raise ValueError("trust_source_account: only for service trust (trusted_service)")
        return self

    def requires_source_account(self) -> bool:
        """Whether the service trust carries aws:SourceAccount (explicit choice, else the service sends it)."""
        if self.trust_source_account is not None:
            return self.trust_source_account
        return self.trusted_service in SOURCE_ACCOUNT_SERVICES


class ServiceRole(pulumi.ComponentResource):
    """An IAM role, its inline policy and the listed managed-policy attachments."""

    role_arn: pulumi.Output[str]
    role_name: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        args: inputs.ServiceRoleArgs,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        args = validate_args("ServiceRole", ServiceRoleArgs, args)
        acks = service_role_acknowledgements(name, args)
        super().__init__("stackguard:index:ServiceRole", name, acks.props(), with_former_type(opts, "stackguard:security:ServiceRole"))
        child = pulumi.ResourceOptions(parent=self)
        scope = account_scope(self, args.account_id)

        self.role = aws.iam.Role(
            f"{name}-role",
            name=args.role_name,
            path=args.path,
            description=args.description or f"Service role {name}",
            assume_role_policy=policy_document([_trust_statement(args, scope)]),
            max_session_duration=args.max_session_duration,
            permissions_boundary=args.permissions_boundary_arn,
            tags=args.tags,
            opts=child,
        )

        self.inline_policy = None
        if args.statements:
            self.inline_policy = aws.iam.RolePolicy(
                f"{name}-inline",
                role=self.role.id,
                policy=policy_document([_permission_statement(s) for s in args.statements]),
                opts=child,
            )

        for index, policy_arn in enumerate(args.managed_policy_arns):
            suffix = policy_arn.rsplit("/", 1)[-1] if isinstance(policy_arn, str) else str(index)
            aws.iam.RolePolicyAttachment(f"{name}-{suffix}", role=self.role.id, policy_arn=policy_arn, opts=child)

        self.role_arn = self.role.arn
        self.role_name = self.role.name
        self.register_outputs({"role_arn": self.role_arn, "role_name": self.role_name})


def broad_managed_policy(arn: str) -> bool:
    """AWS-managed policies granting a whole service: *FullAccess, *ReadWrite (e.g. SecretsManagerReadWrite)."""
    name = arn.rsplit("/", 1)[-1]
    return ":iam::aws:policy/" in arn and (name.endswith("FullAccess") or name.endswith("ReadWrite"))


def wildcard_rule(stmt: PolicyStatement) -> str:
    """The rule that reports a statement's wildcard: PassRole patterns, wildcard actions, else wildcard ARNs."""
    if any(action_covers(a, "iam:PassRole") for a in stmt.actions):
        return "aws-iam-policy-pass-role-wildcard"
    if any(whole_service_action(a) for a in stmt.actions) or "*" in stmt.resources:
        return "aws-iam-policy-wildcard-actions"
    return "aws-iam-policy-wildcard-resources"


def service_role_acknowledgements(name: str, args: ServiceRoleArgs) -> Acknowledgements:
    """Wildcard statements (on the inline policy) and broad managed policies (on their attachments)."""
    acks = Acknowledgements()
    for index, stmt in enumerate(args.statements):
        acks.add(wildcard_rule(stmt), f"{name}-inline", f"statements.{index}.allow_wildcard", stmt.allow_wildcard)
    for arn in args.managed_policy_arns:
        if isinstance(arn, str) and broad_managed_policy(arn):
            acks.add("aws-iam-managed-full-access-policy", f"{name}-{arn.rsplit('/', 1)[-1]}", "allow_broad_managed_policies",
                     args.allow_broad_managed_policies)
    return acks


def _trust_statement(args: ServiceRoleArgs, scope) -> dict:
    if args.trusted_service is not None:
        source_arn = {"ArnLike": {"aws:SourceArn": args.source_arn}} if args.source_arn is not None else None
        source_account = source_account_condition(scope.account_id) if args.requires_source_account() else None
        return statement(
            sid="TrustService",
            principal=service_principal(args.trusted_service),
            actions=["sts:AssumeRole"],
            conditions=merge_conditions(source_account, source_arn) or None,
        )
    return statement(
        sid="TrustAccountWithExternalId",
        principal=aws_principal([account_root_arn(args.trusted_account_id, scope.partition)]),
        actions=["sts:AssumeRole"],
        conditions={"StringEquals": {"sts:ExternalId": args.external_id}},
    )


def _permission_statement(stmt: PolicyStatement) -> dict:
    return statement(
        sid=stmt.sid,
        effect=stmt.effect,
        actions=stmt.actions,
        resources=stmt.resources,
        conditions=stmt.conditions,
    )
