"""Builders for IAM-style policy documents (IAM, KMS key, SNS topic, Secrets Manager, VPC endpoint policies).

Statements are plain dicts whose values may hold pulumi Outputs (an ARN, an account id); `policy_document`
resolves them all and renders the JSON text the provider expects, so a document can mix known strings and
values of other resources without nesting `apply` calls.

    from stackguard.components._policy_documents import policy_document, statement, deny_insecure_transport

    doc = policy_document([
        deny_insecure_transport(["sns:Publish"], [topic.arn]),
        statement(actions=["sns:Publish"], resources=[topic.arn],
                  principal=service_principal("events.amazonaws.com"),
                  conditions=source_account_condition(scope.account_id)),
    ])
"""
from __future__ import annotations

import fnmatch
import json
import re
from dataclasses import dataclass
from typing import Any, Literal, Mapping, Optional, Sequence

import pulumi
import pulumi_aws as aws

POLICY_VERSION = "2012-10-17"

Statement = dict[str, Any]


def statement(
    *,
    actions: Sequence[pulumi.Input[str]],
    resources: Optional[Sequence[pulumi.Input[str]]] = None,
    effect: Literal["Allow", "Deny"] = "Allow",
    principal: Optional[Any] = None,
    conditions: Optional[Mapping[str, Mapping[str, Any]]] = None,
    sid: Optional[str] = None,
) -> Statement:
    """One statement. `principal` is only for resource and trust policies; `resources` is left out only for
    trust policies; `conditions` maps operator -> key -> value(s)."""
    if not actions:
        raise ValueError("a policy statement needs at least one action")
    if resources is not None and not resources:
        raise ValueError("a policy statement needs at least one resource")
    stmt: Statement = {}
    if sid:
        stmt["Sid"] = sid
    stmt["Effect"] = effect
    if principal is not None:
        stmt["Principal"] = principal
    stmt["Action"] = list(actions)
    if resources is not None:
        stmt["Resource"] = list(resources)
    if conditions:
        stmt["Condition"] = {op: dict(block) for op, block in conditions.items()}
    return stmt


def policy_document(statements: Sequence[Statement]) -> pulumi.Output[str]:
    """The JSON text of a policy document, once every Output inside the statements has resolved."""
    if not statements:
        raise ValueError("a policy document needs at least one statement")
    document = {"Version": POLICY_VERSION, "Statement": list(statements)}
    # sort_keys keeps the text stable between runs, so the provider never sees a spurious diff.
    return pulumi.Output.from_input(document).apply(lambda d: json.dumps(d, sort_keys=True))


def deny_insecure_transport(
    actions: Sequence[pulumi.Input[str]],
    resources: Sequence[pulumi.Input[str]],
    sid: str = "DenyInsecureTransport",
) -> Statement:
    """Deny everyone the actions over plain HTTP (aws:SecureTransport false): the HTTPS-only guard of resource policies."""
    return statement(
        sid=sid,
        effect="Deny",
        principal="*",
        actions=actions,
        resources=resources,
        conditions={"Bool": {"aws:SecureTransport": "false"}},
    )


def aws_principal(arns: Sequence[pulumi.Input[str]]) -> dict[str, Any]:
    """Principal block for IAM roles, users or accounts, by ARN."""
    return {"AWS": list(arns)}


def service_principal(service: str) -> dict[str, Any]:
    """Principal block for one AWS service, e.g. "events.amazonaws.com"."""
    return {"Service": service}


def account_root_arn(account_id: pulumi.Input[str], partition: pulumi.Input[str] = "aws") -> pulumi.Output[str]:
    """The ARN of an account's root principal, which stands for "whatever that account's IAM policies allow"."""
    return pulumi.Output.concat("arn:", partition, ":iam::", account_id, ":root")


def source_account_condition(account_id: pulumi.Input[str]) -> dict[str, dict[str, Any]]:
    """Condition limiting a service principal to acting for resources of one account (confused-deputy guard)."""
    return {"StringEquals": {"aws:SourceAccount": account_id}}


def principal_scope_condition(principal_id: pulumi.Input[str]) -> dict[str, dict[str, Any]]:
    """Condition limiting callers to one account (a 12-digit id) or one AWS Organization (an "o-…" id).

    Only a plain string can choose between the two keys; an Output is taken to be an account id.
    """
    if isinstance(principal_id, str) and principal_id.startswith("o-"):
        return {"StringEquals": {"aws:PrincipalOrgID": principal_id}}
    return {"StringEquals": {"aws:PrincipalAccount": principal_id}}


def merge_conditions(*blocks: Optional[Mapping[str, Mapping[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Combine condition blocks; keys under the same operator are ANDed, as IAM evaluates them."""
    merged: dict[str, dict[str, Any]] = {}
    for block in blocks:
        for operator, keys in (block or {}).items():
            merged.setdefault(operator, {}).update(keys)
    return merged


def is_wildcard_action(action: str) -> bool:
    """True for "*" and whole-service patterns ("s3:*", "iam:?*"), which aws-iam-policy-wildcard-actions reports."""
    return action == "*" or re.fullmatch(r"[^:]+:[*?]*\*[*?]*", action) is not None


def action_covers(pattern: str, action: str) -> bool:
    """True when an action pattern such as "iam:Pass*" grants `action`; IAM matches actions case-insensitively."""
    return fnmatch.fnmatchcase(action.lower(), pattern.lower())


@dataclass(frozen=True)
class AccountScope:
    """The account, region and partition that account-restricted statements name."""

    account_id: pulumi.Output[str]
    region: pulumi.Output[str]
    partition: pulumi.Output[str]


def account_scope(
    parent: pulumi.Resource,
    account_id: Optional[pulumi.Input[str]] = None,
    region: Optional[pulumi.Input[str]] = None,
) -> AccountScope:
    """Account, region and partition of the provider `parent` deploys with, unless given explicitly.

    The lookups are parented so they use the same provider (and so the same account) as the resources.
    """
    invoke_opts = pulumi.InvokeOutputOptions(parent=parent)
    return AccountScope(
        account_id=pulumi.Output.from_input(account_id)
        if account_id is not None
        else aws.get_caller_identity_output(opts=invoke_opts).account_id,
        region=pulumi.Output.from_input(region) if region is not None else aws.get_region_output(opts=invoke_opts).region,
        partition=aws.get_partition_output(opts=invoke_opts).partition,
    )
