"""ServiceRole: trust policy conditions, typed least-privilege statements, managed policies, bad args."""
from __future__ import annotations

import json
import re

import pulumi
import pytest

from stackguard.components._args import ComponentArgsError
from stackguard.components.service_role import ServiceRole

ACCOUNT = "123456789012"
TABLE = f"arn:aws:dynamodb:eu-west-1:{ACCOUNT}:table/orders"
FUNCTION = f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:orders"
BOUNDARY = f"arn:aws:iam::{ACCOUNT}:policy/workload-boundary"
COMPONENT = "stackguard:index:ServiceRole"
ROLE = "aws:iam/role:Role"
INLINE = "aws:iam/rolePolicy:RolePolicy"
ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
LAMBDA = {"trusted_service": "lambda.amazonaws.com"}
READ_TABLE = {"actions": ["dynamodb:GetItem"], "resources": [TABLE]}


def only(monitor, token):
    found = monitor.of_type(token)
    assert len(found) == 1, f"expected one {token}, got {len(found)}"
    return found[0]


def trust(monitor) -> list[dict]:
    return json.loads(only(monitor, ROLE).inputs["assumeRolePolicy"])["Statement"]


def test_defaults_set_explicitly(deploy):
    outputs = {}

    def build():
        role = ServiceRole("orders-fn", {**LAMBDA, "statements": [READ_TABLE]})
        return pulumi.Output.all(role.role_arn, role.role_name).apply(lambda v: outputs.update(arn=v[0], name=v[1]))

    monitor = deploy(build)
    role = only(monitor, ROLE)
    assert role.inputs == {
        "path": "/",
        "description": "Service role orders-fn",
        "assumeRolePolicy": role.inputs["assumeRolePolicy"],
        "maxSessionDuration": 3600,
        "tags": {},
    }
    assert trust(monitor) == [
        {
            "Sid": "TrustService",
            "Effect": "Allow",
            "Principal": {"Service": "lambda.amazonaws.com"},
            "Action": ["sts:AssumeRole"],
            "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}},
        }
    ]
    inline = only(monitor, INLINE)
    assert json.loads(inline.inputs["policy"]) == {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["dynamodb:GetItem"], "Resource": [TABLE]}],
    }
    assert inline.property_dependencies["role"] == [role.urn]
    assert monitor.of_type(ATTACHMENT) == []
    assert outputs["name"].startswith("orders-fn-role-")
    assert outputs["arn"] == f"arn:aws:iam::{ACCOUNT}:role/{outputs['name']}"


def test_children_are_parented(deploy):
    monitor = deploy(
        lambda: ServiceRole(
            "orders-fn",
            {**LAMBDA, "statements": [READ_TABLE], "managed_policy_arns": [BOUNDARY]},
        )
    )
    component = only(monitor, COMPONENT)
    for token in (ROLE, INLINE, ATTACHMENT):
        child = only(monitor, token)
        assert child.parent == component.urn
        assert f"{COMPONENT}${token}" in child.urn


def test_source_arn_adds_a_condition(deploy):
    statements = trust(deploy(lambda: ServiceRole("fn", {**LAMBDA, "source_arn": FUNCTION})))
    assert statements[0]["Condition"] == {
        "StringEquals": {"aws:SourceAccount": ACCOUNT},
        "ArnLike": {"aws:SourceArn": FUNCTION},
    }


def test_cross_account_trust_requires_and_uses_external_id(deploy):
    statements = trust(
        deploy(lambda: ServiceRole("partner", {"trusted_account_id": "210987654321", "external_id": "partner-7f3a"}))
    )
    assert statements == [
        {
            "Sid": "TrustAccountWithExternalId",
            "Effect": "Allow",
            "Principal": {"AWS": ["arn:aws:iam::210987654321:root"]},
            "Action": ["sts:AssumeRole"],
            "Condition": {"StringEquals": {"sts:ExternalId": "partner-7f3a"}},
        }
    ]


def test_no_statements_means_no_inline_policy(deploy):
    monitor = deploy(lambda: ServiceRole("fn", LAMBDA))
    assert monitor.of_type(INLINE) == []


def test_statement_conditions_effect_and_sid(deploy):
    stmt = {
        "sid": "ReadFromVpc",
        "effect": "Deny",
        "actions": ["dynamodb:DeleteTable"],
        "resources": [pulumi.Output.from_input(TABLE)],
        "conditions": {"StringNotEquals": {"aws:SourceVpc": ["vpc-0abc"]}},
    }
    monitor = deploy(lambda: ServiceRole("fn", {**LAMBDA, "statements": [stmt]}))
    assert json.loads(only(monitor, INLINE).inputs["policy"])["Statement"] == [
        {
            "Sid": "ReadFromVpc",
            "Effect": "Deny",
            "Action": ["dynamodb:DeleteTable"],
            "Resource": [TABLE],
            "Condition": {"StringNotEquals": {"aws:SourceVpc": ["vpc-0abc"]}},
        }
    ]


def test_wildcard_with_reason_is_kept_visible_in_the_policy(deploy):
    stmt = {"actions": ["s3:*"], "resources": ["arn:aws:s3:::orders-exports/*"],
            "allow_wildcard": {"reason": "export job manages every object it writes"}}
    policy = json.loads(only(deploy(lambda: ServiceRole("fn", {**LAMBDA, "statements": [stmt]})), INLINE).inputs["policy"])
    # The reason is for reviewers only; the wildcard reaches the engine unchanged so the rules still report it.
    assert policy["Statement"] == [{"Effect": "Allow", "Action": ["s3:*"], "Resource": ["arn:aws:s3:::orders-exports/*"]}]


def test_managed_policies_and_options(deploy):
    managed = ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", BOUNDARY]
    monitor = deploy(
        lambda: ServiceRole(
            "fn",
            {**LAMBDA, "managed_policy_arns": managed, "permissions_boundary_arn": BOUNDARY,
             "max_session_duration": 7200, "role_name": "orders-fn", "path": "/workloads/", "tags": {"team": "orders"}},
        )
    )
    role = only(monitor, ROLE)
    assert role.inputs["permissionsBoundary"] == BOUNDARY
    assert role.inputs["maxSessionDuration"] == 7200
    assert role.inputs["name"] == "orders-fn"
    assert role.inputs["path"] == "/workloads/"
    assert role.inputs["tags"] == {"team": "orders"}
    attachments = monitor.of_type(ATTACHMENT)
    assert sorted(a.inputs["policyArn"] for a in attachments) == sorted(managed)
    assert all(a.property_dependencies["role"] == [role.urn] for a in attachments)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({}, "trusted_service"),
        ({**LAMBDA, "trusted_account_id": "210987654321", "external_id": "partner-7f3a"}, "trusted_service"),
        ({"trusted_service": "*"}, "trusted_service"),
        ({"trusted_service": "lambda"}, "trusted_service"),
        ({"trusted_account_id": "210987654321"}, "external_id"),
        ({"trusted_account_id": "21098765"}, "trusted_account_id"),
        ({"trusted_account_id": "210987654321", "external_id": "x"}, "external_id"),
        ({**LAMBDA, "external_id": "partner-7f3a"}, "external_id"),
        ({"trusted_account_id": "210987654321", "external_id": "partner-7f3a", "source_arn": FUNCTION}, "source_arn"),
        ({**LAMBDA, "statements": [{"actions": [], "resources": [TABLE]}]}, r"statements\.0\.actions"),
        ({**LAMBDA, "statements": [{"actions": ["dynamodb:GetItem"], "resources": []}]}, r"statements\.0\.resources"),
        ({**LAMBDA, "statements": [{"actions": ["GetItem"], "resources": [TABLE]}]}, r"statements\.0\.actions"),
        ({**LAMBDA, "statements": [{"actions": ["*"], "resources": [TABLE]}]}, "allow_wildcard"),
        ({**LAMBDA, "statements": [{"actions": ["s3:*"], "resources": [TABLE]}]}, "allow_wildcard"),
        ({**LAMBDA, "statements": [{"actions": ["dynamodb:?*"], "resources": [TABLE]}]}, "allow_wildcard"),
        ({**LAMBDA, "statements": [{"actions": ["dynamodb:GetItem"], "resources": ["*"]}]}, "allow_wildcard"),
        ({**LAMBDA, "statements": [{"actions": ["s3:*"], "resources": [TABLE], "allow_wildcard": {"reason": "short"}}]},
         "allow_wildcard"),
        ({**LAMBDA, "statements": [{"actions": ["iam:PassRole"], "resources": ["*"],
                                    "allow_wildcard": {"reason": "passes roles to many services"}}]}, "iam:PassRole"),
        ({**LAMBDA, "statements": [{"actions": ["iam:Pass*"], "resources": ["*"],
                                    "allow_wildcard": {"reason": "passes roles to many services"}}]}, "iam:PassRole"),
        ({**LAMBDA, "statements": [{"actions": ["*"], "resources": ["*"],
                                    "allow_wildcard": {"reason": "full administrator for migrations"}}]}, "iam:PassRole"),
        ({**LAMBDA, "statements": [{"not_actions": ["s3:*"], "resources": [TABLE]}]}, "not_actions"),
        # Spellings of "every action" / "every resource" that a check for "*" and "svc:*" alone would miss.
        ({**LAMBDA, "statements": [{"actions": ["iam:?*"], "resources": [TABLE]}]}, "allow_wildcard: .*iam:\\?\\*"),
        ({**LAMBDA, "statements": [{"actions": ["s3:?*"], "resources": ["arn:aws:s3:::*"]}]}, "allow_wildcard"),
        ({**LAMBDA, "statements": [{"actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::*"]}]},
         "allow_wildcard: .*arn:aws:s3:::\\*"),
        ({**LAMBDA, "statements": [{"actions": ["iam:PassRole"], "resources": ["arn:aws:iam::*:role/*"]}]},
         "allow_wildcard: .*iam:PassRole on 'arn:aws:iam::\\*:role/\\*'"),
        ({**LAMBDA, "statements": [{**READ_TABLE, "allow_wildcard": {"reason": "nothing to accept here"}}]},
         "allow_wildcard: the statement has no wildcard"),
        ({**LAMBDA, "managed_policy_arns": ["arn:aws:iam::aws:policy/AmazonS3FullAccess"]},
         "managed_policy_arns: .*AmazonS3FullAccess"),
        ({**LAMBDA, "managed_policy_arns": ["arn:aws:iam::aws:policy/SecretsManagerReadWrite"]},
         "managed_policy_arns: .*SecretsManagerReadWrite"),
        ({**LAMBDA, "statements": [{**READ_TABLE, "conditions": {"String Equals": {"a": "b"}}}]}, "conditions"),
        ({**LAMBDA, "managed_policy_arns": ["arn:aws:iam::aws:policy/AdministratorAccess"]}, "managed_policy_arns"),
        ({**LAMBDA, "managed_policy_arns": ["arn:aws:iam::aws:policy/PowerUserAccess"]}, "managed_policy_arns"),
        ({**LAMBDA, "managed_policy_arns": ["arn:aws:iam::aws:policy/IAMFullAccess"]}, "managed_policy_arns"),
        ({**LAMBDA, "managed_policy_arns": ["AdministratorAccess"]}, "managed_policy_arns"),
        ({**LAMBDA, "permissions_boundary_arn": "boundary"}, "permissions_boundary_arn"),
        ({**LAMBDA, "max_session_duration": 900}, "max_session_duration"),
        ({**LAMBDA, "max_session_duration": 43201}, "max_session_duration"),
        ({**LAMBDA, "path": "workloads"}, "path"),
    ],
)
def test_bad_args_are_rejected_naming_the_field(args, field):
    with pytest.raises(ComponentArgsError, match=rf"ServiceRole: invalid args: .*{field}"):
        ServiceRole("fn", args)


def test_pass_role_on_named_roles_and_deny_wildcards_are_allowed(deploy):
    statements = [
        {"actions": ["iam:PassRole"], "resources": [f"arn:aws:iam::{ACCOUNT}:role/orders-task"]},
        {"effect": "Deny", "actions": ["*"], "resources": ["*"],
         "conditions": {"Bool": {"aws:SecureTransport": "false"}}},
    ]
    policy = json.loads(
        only(deploy(lambda: ServiceRole("fn", {**LAMBDA, "statements": statements})), INLINE).inputs["policy"]
    )
    assert [s["Action"] for s in policy["Statement"]] == [["iam:PassRole"], ["*"]]


def test_broad_grants_with_a_reason_are_acknowledged(deploy):
    monitor = deploy(lambda: ServiceRole("exporter", {
        **LAMBDA,
        "statements": [{"actions": ["iam:PassRole"], "resources": [f"arn:aws:iam::{ACCOUNT}:role/exports-*"],
                        "allow_wildcard": {"reason": "passes the per-tenant export roles", "owner": "data-team"}}],
        "managed_policy_arns": ["arn:aws:iam::aws:policy/AmazonS3FullAccess"],
        "allow_broad_managed_policies": {"reason": "legacy export job, scoped by its permissions boundary"},
    }))
    [component] = monitor.of_type("stackguard:index:ServiceRole")
    assert component.inputs["stackguardAcknowledgements"] == [
        {"rule": "aws-iam-policy-pass-role-wildcard", "resource": "exporter-inline", "option": "statements.0.allow_wildcard",
         "reason": "passes the per-tenant export roles", "owner": "data-team"},
        {"rule": "aws-iam-managed-full-access-policy", "resource": "exporter-AmazonS3FullAccess",
         "option": "allow_broad_managed_policies", "reason": "legacy export job, scoped by its permissions boundary"},
    ]


# --- review 2026-12-04: B10, S4 --------------------------------------------------------------------------------

def trust_statement(monitor) -> dict:
    return json.loads(only(monitor, ROLE).inputs["assumeRolePolicy"])["Statement"][0]


@pytest.mark.parametrize("service", ["ec2.amazonaws.com", "cloudtrail.amazonaws.com", "apigateway.amazonaws.com"])
def test_services_that_do_not_send_source_account_can_still_assume_the_role(deploy, service):
    """B10. aws:SourceAccount is in the AssumeRole context only for services that send it; for EC2 instance profiles
    or CloudTrail delivering to CloudWatch Logs the condition makes the role unassumable, so it is left out.
    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceaccount"""
    assert trust_statement(deploy(lambda: ServiceRole("r", {"trusted_service": service}))) == {
        "Sid": "TrustService", "Effect": "Allow", "Principal": {"Service": service}, "Action": ["sts:AssumeRole"]}
    forced = trust_statement(deploy(lambda: ServiceRole("r", {"trusted_service": service, "trust_source_account": True})))
    assert forced["Condition"] == {"StringEquals": {"aws:SourceAccount": ACCOUNT}}


def test_lambda_keeps_its_source_account_condition(deploy):
    """B10. Lambda's service trust keeps the confused-deputy guard.
    https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html"""
    assert trust_statement(deploy(lambda: ServiceRole("r", LAMBDA)))["Condition"] == {"StringEquals": {"aws:SourceAccount": ACCOUNT}}
    opted_out = trust_statement(deploy(lambda: ServiceRole("r", {**LAMBDA, "trust_source_account": False})))
    assert "Condition" not in opted_out


@pytest.mark.parametrize(("action", "resource"), [
    ("sts:AssumeRole", "arn:aws:iam::*:role/*"),
    ("s3:GetObject", "arn:aws:s3:::*/*"),
    ("kms:Decrypt", "arn:aws:kms:*:*:key/*"),
    ("kms:Decrypt", f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/*"),
])
def test_any_account_and_every_object_patterns_need_allow_wildcard(deploy, action, resource):
    """S4. Role chaining into any role of any account that trusts it, every object of every bucket and every KMS key
    (FSBP KMS.2) reach as far as "*": they need allow_wildcard, which is acknowledged for
    aws-iam-policy-wildcard-resources, the rule that reports them; the document keeps them.
    https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-2"""
    statement = {"actions": [action], "resources": [resource]}
    with pytest.raises(ComponentArgsError, match=rf"statements\.0: .*allow_wildcard: required \(a reason\) for resource "
                                                 rf"'{re.escape(resource)}'"):
        ServiceRole("r", {**LAMBDA, "statements": [statement]})
    accepted = {"reason": "the broker reads any object a customer grants it", "owner": "platform-team"}
    monitor = deploy(lambda: ServiceRole("r", {**LAMBDA, "statements": [{**statement, "allow_wildcard": accepted}]}))
    assert json.loads(only(monitor, INLINE).inputs["policy"])["Statement"] == [
        {"Effect": "Allow", "Action": [action], "Resource": [resource]}]
    assert only(monitor, COMPONENT).inputs["stackguardAcknowledgements"] == [
        {"rule": "aws-iam-policy-wildcard-resources", "resource": "r-inline", "option": "statements.0.allow_wildcard",
         **accepted}]


@pytest.mark.parametrize("resource", [f"arn:aws:s3:::orders-{ACCOUNT}/*", f"arn:aws:ec2:eu-west-1:{ACCOUNT}:*/*",
                                      f"arn:aws:iam::{ACCOUNT}:role/orders-*"])
def test_named_buckets_and_one_accounts_resources_stay_plain(resource):
    """S4. One bucket's objects, one account's resources of a type: no opt-out needed.
    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html"""
    ServiceRole("r", {**LAMBDA, "statements": [{"actions": ["s3:GetObject"], "resources": [resource]}]})
