"""EncryptionKey: explicit secure defaults on the KMS key and alias, the key policy, opt-outs, bad args."""
from __future__ import annotations

import json
import re

import pulumi
import pytest

from stackguard.components._args import ComponentArgsError
from stackguard.components._policy_documents import action_covers
from stackguard.components.encryption_key import (
    ADMIN_ACTIONS,
    MULTI_REGION_ADMIN_ACTIONS,
    USAGE_ACTIONS,
    EncryptionKey,
    EncryptionKeyArgs,
)

ACCOUNT = "123456789012"  # what AwsMocks answers for getCallerIdentity
ROOT = f"arn:aws:iam::{ACCOUNT}:root"
ADMIN = f"arn:aws:iam::{ACCOUNT}:role/platform-admin"
USER = f"arn:aws:iam::{ACCOUNT}:role/payments-api"
KEY = "aws:kms/key:Key"
ALIAS = "aws:kms/alias:Alias"
COMPONENT = "stackguard:index:EncryptionKey"


def only(monitor, token):
    found = monitor.of_type(token)
    assert len(found) == 1, f"expected one {token}, got {len(found)}"
    return found[0]


def key_policy(monitor) -> dict:
    return json.loads(only(monitor, KEY).inputs["policy"])


def by_sid(policy: dict) -> dict:
    return {s["Sid"]: s for s in policy["Statement"]}


def test_defaults_set_explicitly_on_key_and_alias(deploy):
    outputs = {}

    def build():
        key = EncryptionKey("payments")
        return pulumi.Output.all(key.key_id, key.key_arn, key.alias_name, key.alias_arn).apply(
            lambda v: outputs.update(key_id=v[0], key_arn=v[1], alias_name=v[2], alias_arn=v[3])
        )

    monitor = deploy(build)
    key = only(monitor, KEY)
    assert key.inputs == {
        "description": "Customer-managed key payments",
        "keyUsage": "ENCRYPT_DECRYPT",
        "customerMasterKeySpec": "SYMMETRIC_DEFAULT",
        "isEnabled": True,
        "enableKeyRotation": True,
        "rotationPeriodInDays": 365,
        "deletionWindowInDays": 30,
        "bypassPolicyLockoutSafetyCheck": False,
        "multiRegion": False,
        "policy": key.inputs["policy"],
        "tags": {},
    }
    alias = only(monitor, ALIAS)
    assert alias.inputs["name"] == "alias/payments"
    assert alias.inputs["targetKeyId"] == outputs["key_id"]
    assert alias.property_dependencies["targetKeyId"] == [key.urn]

    # KMS key ids are UUIDs, and the key ARN ends with the id.
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", outputs["key_id"])
    assert outputs["key_arn"] == f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/{outputs['key_id']}"
    assert outputs["alias_name"] == "alias/payments"
    assert outputs["alias_arn"].startswith(f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/")


def test_default_policy_is_only_the_break_glass_statement(deploy):
    monitor = deploy(lambda: EncryptionKey("payments"))
    policy = key_policy(monitor)
    assert policy["Version"] == "2012-10-17"
    assert policy["Statement"] == [
        {"Sid": "AccountRootBreakGlass", "Effect": "Allow", "Principal": {"AWS": [ROOT]},
         "Action": ["kms:*"], "Resource": ["*"]}
    ]


def test_children_are_parented_to_the_component(deploy):
    monitor = deploy(lambda: EncryptionKey("payments"))
    component = only(monitor, COMPONENT)
    for token in (KEY, ALIAS):
        child = only(monitor, token)
        assert child.parent == component.urn
        assert f"{COMPONENT}${token}" in child.urn


def test_policy_statements_per_list(deploy):
    monitor = deploy(
        lambda: EncryptionKey(
            "payments",
            {
                "administrators": [ADMIN],
                "users": [USER],
                "service_principals": [
                    "logs.eu-west-1.amazonaws.com",
                    "secretsmanager.amazonaws.com",
                    "cloudwatch.amazonaws.com",
                    "events.amazonaws.com",
                ],
            },
        )
    )
    statements = by_sid(key_policy(monitor))
    assert set(statements) == {
        "AccountRootBreakGlass", "KeyAdministration", "KeyUsage", "KeyUsageGrantsForAwsResources",
        "ServiceLogsEuWest1", "ServiceCloudwatch", "ServiceEvents", "ServiceEventsDeadLetterQueues",
        "SecretsManagerForPrincipalsOfThisAccount", "SecretsManagerDataKeysForPrincipalsOfThisAccount",
    }
    admin = statements["KeyAdministration"]
    assert admin["Principal"] == {"AWS": [ADMIN]}
    assert admin["Action"] == ADMIN_ACTIONS
    # Administrators manage the key but cannot use it, and cannot replicate a single-Region key.
    assert not {"kms:Encrypt", "kms:Decrypt", "kms:*"} & set(admin["Action"])
    # No kms:Create*/kms:Put*: CreateGrant or PutKeyPolicy would let an administrator give itself use of the key.
    assert not any(action_covers(a, "kms:CreateGrant") or action_covers(a, "kms:PutKeyPolicy") for a in admin["Action"])
    assert not set(MULTI_REGION_ADMIN_ACTIONS) & set(admin["Action"])

    assert statements["KeyUsage"]["Principal"] == {"AWS": [USER]}
    assert statements["KeyUsage"]["Action"] == USAGE_ACTIONS
    grants = statements["KeyUsageGrantsForAwsResources"]
    assert grants["Action"] == ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]
    assert grants["Condition"] == {"Bool": {"kms:GrantIsForAWSResource": "true"}}

    assert statements["ServiceLogsEuWest1"]["Principal"] == {"Service": "logs.eu-west-1.amazonaws.com"}
    assert statements["ServiceLogsEuWest1"]["Condition"] == {
        "ArnLike": {"kms:EncryptionContext:aws:logs:arn": f"arn:aws:logs:eu-west-1:{ACCOUNT}:*"}
    }
    # AWS's key policy of aws/secretsmanager: Secrets Manager uses the caller's identity, so the statement is
    # for principals of the account through the service, not for the service principal.
    # https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
    via = {"StringEquals": {"kms:CallerAccount": ACCOUNT, "kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com"}}
    assert statements["SecretsManagerForPrincipalsOfThisAccount"] == {
        "Sid": "SecretsManagerForPrincipalsOfThisAccount", "Effect": "Allow", "Principal": {"AWS": "*"},
        "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:CreateGrant", "kms:DescribeKey"],
        "Resource": ["*"], "Condition": via,
    }
    assert statements["SecretsManagerDataKeysForPrincipalsOfThisAccount"] == {
        "Sid": "SecretsManagerDataKeysForPrincipalsOfThisAccount", "Effect": "Allow", "Principal": {"AWS": "*"},
        "Action": ["kms:GenerateDataKey*"], "Resource": ["*"], "Condition": via,
    }
    # SNS developer guide, "Configure AWS KMS permissions for AWS services": EventBridge publishing to an
    # encrypted topic needs kms:Decrypt and kms:GenerateDataKey, and aws:SourceAccount/aws:SourceArn are not
    # supported there; SNS's encryption context keeps the statement to topics of this account.
    # https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
    assert statements["ServiceEvents"] == {
        "Sid": "ServiceEvents", "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
        "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": ["*"],
        "Condition": {"ArnLike": {"kms:EncryptionContext:aws:sns:topicArn": f"arn:aws:sns:eu-west-1:{ACCOUNT}:*"}},
    }
    assert "aws:SourceAccount" not in json.dumps(statements["ServiceEvents"])


def test_no_wildcard_principal_and_no_implicit_caller(deploy):
    monitor = deploy(
        lambda: EncryptionKey(
            "payments", {"administrators": [ADMIN], "users": [USER], "service_principals": ["cloudwatch.amazonaws.com"]}
        )
    )
    text = only(monitor, KEY).inputs["policy"]
    assert "user/preflight" not in text  # the deployer AwsMocks reports as caller
    for stmt in json.loads(text)["Statement"]:
        assert stmt["Principal"] != "*"
        for ids in stmt["Principal"].values():
            assert "*" not in ids
        if stmt["Sid"] != "AccountRootBreakGlass":
            assert ROOT not in stmt["Principal"].get("AWS", [])


def test_break_glass_opt_out_removes_only_the_root_statement(deploy):
    with_root = by_sid(key_policy(deploy(lambda: EncryptionKey("k", {"administrators": [ADMIN]}))))
    without = by_sid(
        key_policy(
            deploy(lambda: EncryptionKey("k", {"administrators": [ADMIN], "include_account_root_break_glass": False}))
        )
    )
    assert "AccountRootBreakGlass" in with_root
    assert set(with_root) - set(without) == {"AccountRootBreakGlass"}
    # Without the break-glass statement the administrators must be able to change the policy, or KMS's
    # lockout safety check refuses it; with it, they need not.
    assert without["KeyAdministration"]["Action"] == with_root["KeyAdministration"]["Action"] + [
        "kms:CreateAlias", "kms:UpdateAlias", "kms:TagResource", "kms:UntagResource", "kms:PutKeyPolicy"]
    assert ROOT not in json.dumps(without)


def test_options_change_exactly_their_property(deploy):
    base = only(deploy(lambda: EncryptionKey("k")), KEY).inputs
    changed = only(
        deploy(
            lambda: EncryptionKey(
                "k", {"deletion_window_in_days": 7, "rotation_period_in_days": 90, "tags": {"team": "payments"}}
            )
        ),
        KEY,
    ).inputs
    assert {k for k in base if base[k] != changed[k]} == {"deletionWindowInDays", "rotationPeriodInDays", "tags"}
    assert changed["deletionWindowInDays"] == 7
    assert changed["rotationPeriodInDays"] == 90
    assert changed["tags"] == {"team": "payments"}


def test_multi_region_is_opt_in_and_lets_admins_replicate(deploy):
    monitor = deploy(lambda: EncryptionKey("k", {"multi_region": True, "administrators": [ADMIN]}))
    assert only(monitor, KEY).inputs["multiRegion"] is True
    admin = by_sid(key_policy(monitor))["KeyAdministration"]
    assert set(MULTI_REGION_ADMIN_ACTIONS) <= set(admin["Action"])


def test_explicit_alias_account_and_region(deploy):
    monitor = deploy(
        lambda: EncryptionKey(
            "k",
            {
                "alias": "alias/team/payments",
                "account_id": "210987654321",
                "region": "us-east-2",
                "service_principals": ["logs.us-east-2.amazonaws.com", "secretsmanager.amazonaws.com"],
            },
        )
    )
    assert only(monitor, ALIAS).inputs["name"] == "alias/team/payments"
    statements = by_sid(key_policy(monitor))
    assert statements["AccountRootBreakGlass"]["Principal"] == {"AWS": ["arn:aws:iam::210987654321:root"]}
    assert statements["ServiceLogsUsEast2"]["Condition"]["ArnLike"] == {
        "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-2:210987654321:*"
    }
    assert statements["SecretsManagerForPrincipalsOfThisAccount"]["Condition"]["StringEquals"] == {
        "kms:CallerAccount": "210987654321", "kms:ViaService": "secretsmanager.us-east-2.amazonaws.com"}
    assert statements["SecretsManagerDataKeysForPrincipalsOfThisAccount"]["Condition"]["StringEquals"]["kms:ViaService"] == (
        "secretsmanager.us-east-2.amazonaws.com"
    )


def test_principals_may_be_outputs(deploy):
    monitor = deploy(lambda: EncryptionKey("k", {"users": [pulumi.Output.from_input(USER)]}))
    assert by_sid(key_policy(monitor))["KeyUsage"]["Principal"] == {"AWS": [USER]}


def test_args_model_instance_is_accepted(deploy):
    args = EncryptionKeyArgs(administrators=[ADMIN], include_account_root_break_glass=False)
    statements = by_sid(key_policy(deploy(lambda: EncryptionKey("k", args))))
    assert set(statements) == {"KeyAdministration"}


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({"deletion_window_in_days": 6}, "deletion_window_in_days"),
        ({"deletion_window_in_days": 31}, "deletion_window_in_days"),
        ({"rotation_period_in_days": 30}, "rotation_period_in_days"),
        ({"alias": "alias/aws/payments"}, "alias"),
        ({"alias": "payments"}, "alias"),
        ({"administrators": ["*"]}, "administrators"),
        ({"administrators": [ROOT]}, "administrators"),
        ({"users": ["arn:aws:iam::*:root"]}, "users"),
        ({"users": [USER, USER]}, "users"),
        ({"service_principals": ["*"]}, "service_principals"),
        ({"service_principals": ["logs.amazonaws.com"]}, "service_principals"),
        ({"service_principals": ["events.amazonaws.com", "events.amazonaws.com"]}, "service_principals"),
        ({"include_account_root_break_glass": False}, "administrators"),
        ({"account_id": "12345"}, "account_id"),
        ({"region": "europe"}, "region"),
        ({"multi_region": "sometimes"}, "multi_region"),
        ({"enable_key_rotation": False}, "enable_key_rotation"),
    ],
)
def test_bad_args_are_rejected_naming_the_field(args, field):
    with pytest.raises(ComponentArgsError, match=rf"EncryptionKey: invalid args: .*{field}"):
        EncryptionKey("payments", args)


def test_default_alias_from_an_unusable_name_is_rejected():
    with pytest.raises(ComponentArgsError, match=r"alias: default 'alias/my key'"):
        EncryptionKey("my key")


# --- review 2026-12-04: S7, S8 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("service", ["lambda.amazonaws.com", "sns.amazonaws.com", "sqs.amazonaws.com"])
def test_services_that_use_the_callers_identity_get_no_statement(service):
    """S7. Lambda encrypts environment variables through a grant created with the deployer's permissions, SNS
    encrypts with the publisher's identity: a statement for their service principal is never used and grants
    encrypt/decrypt on aws:SourceAccount alone, so it is refused, naming the field.
    https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html
    https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html"""
    with pytest.raises(ComponentArgsError, match=rf"service_principals: .*'{re.escape(service)}' has no key-policy statement"):
        EncryptionKey("k", {"service_principals": [service]})


def test_cloudwatch_alarms_may_only_publish_to_encrypted_topics_of_the_account(deploy):
    """S7. CloudWatch alarms publishing to an encrypted SNS topic need kms:Decrypt and kms:GenerateDataKey*, scoped
    here by SNS's encryption context to topics of the account; EventBridge's dead-letter queues are scoped by SQS's.
    https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
    https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html"""
    statements = by_sid(key_policy(deploy(lambda: EncryptionKey("k", {
        "service_principals": ["cloudwatch.amazonaws.com", "events.amazonaws.com"]}))))
    assert statements["ServiceCloudwatch"] == {
        "Sid": "ServiceCloudwatch", "Effect": "Allow", "Principal": {"Service": "cloudwatch.amazonaws.com"},
        "Action": ["kms:Decrypt", "kms:GenerateDataKey*"], "Resource": ["*"],
        "Condition": {"ArnLike": {"kms:EncryptionContext:aws:sns:topicArn": f"arn:aws:sns:eu-west-1:{ACCOUNT}:*"}},
    }
    assert statements["ServiceEventsDeadLetterQueues"] == {
        "Sid": "ServiceEventsDeadLetterQueues", "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
        "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": ["*"],
        "Condition": {"ArnLike": {"kms:EncryptionContext:aws:sqs:arn": f"arn:aws:sqs:eu-west-1:{ACCOUNT}:*"}},
    }


def test_administrators_cannot_tag_the_key_or_point_aliases_at_it(deploy):
    """S8. Where IAM policies grant key use by kms:ResourceTag or kms:ResourceAliases (ABAC), an administrator who may
    tag the key or create/update an alias can grant itself use; while the break-glass statement stays (IAM can still
    do both), the administrators' statement has neither.
    https://docs.aws.amazon.com/kms/latest/developerguide/abac.html
    https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html"""
    admin = by_sid(key_policy(deploy(lambda: EncryptionKey("k", {"administrators": [ADMIN]}))))["KeyAdministration"]
    assert admin["Action"] == [
        "kms:Describe*", "kms:Enable*", "kms:List*", "kms:UpdateKeyDescription", "kms:Revoke*", "kms:Disable*",
        "kms:Get*", "kms:Delete*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand",
    ]
    for action in ("kms:TagResource", "kms:UntagResource", "kms:CreateAlias", "kms:UpdateAlias"):
        assert not any(action_covers(granted, action) for granted in admin["Action"]), action
