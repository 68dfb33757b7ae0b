"""SecretStore: CMK, recovery window, HTTPS-only policy, rotation (or its named opt-out), secret initial value."""
from __future__ import annotations

import json
import re

import pulumi
import pytest
from pulumi.runtime import rpc

from stackguard.components._args import ComponentArgsError
from stackguard.components.secret_store import READ_ACTIONS, SecretStore, SecretStoreArgs

ACCOUNT = "123456789012"
KEY_ARN = f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
READER = f"arn:aws:iam::{ACCOUNT}:role/orders-api"
ROTATOR = f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:rotate-token"
ROTATOR_ROLE = f"arn:aws:iam::{ACCOUNT}:role/rotate-token"
COMPONENT = "stackguard:index:SecretStore"
SECRET = "aws:secretsmanager/secret:Secret"
POLICY = "aws:secretsmanager/secretPolicy:SecretPolicy"
ROTATION = "aws:secretsmanager/secretRotation:SecretRotation"
VERSION = "aws:secretsmanager/secretVersion:SecretVersion"
ROTATED = {"kms_key_arn": KEY_ARN, "rotation": {"rotation_lambda_arn": ROTATOR, "rotation_role_arn": ROTATOR_ROLE}}
UNROTATED = {"kms_key_arn": KEY_ARN, "allow_no_rotation": {"reason": "vendor portal renews it"}}
FOREIGN_READER = "arn:aws:iam::210987654321:role/partner-reader"
DEPLOYER = f"arn:aws:iam::{ACCOUNT}:role/deployer"
# The provider reads a written version back as the deploying role, which the secret policy must let through.
WITH_VALUE = {"initial_value": "s3cr3t-value", "break_glass_role_arns": [DEPLOYER]}


def only(monitor, token):
    found = monitor.of_type(token)
    assert len(found) == 1, f"expected one {token}, got {len(found)}"
    return found[0]


def test_defaults_set_explicitly(deploy):
    outputs = {}

    def build():
        store = SecretStore("token", ROTATED)
        return pulumi.Output.all(store.secret_arn, store.secret_id).apply(
            lambda v: outputs.update(arn=v[0], id=v[1])
        )

    monitor = deploy(build)
    secret = only(monitor, SECRET)
    assert secret.inputs == {
        "description": "Secret token",
        "kmsKeyId": KEY_ARN,
        "recoveryWindowInDays": 30,
        "tags": {},
    }
    policy = only(monitor, POLICY)
    assert policy.inputs["blockPublicPolicy"] is True
    assert policy.inputs["secretArn"] == outputs["arn"]
    rotation = only(monitor, ROTATION)
    assert rotation.inputs == {
        "secretId": outputs["id"],
        "rotationLambdaArn": ROTATOR,
        "rotationRules": {"automaticallyAfterDays": 30},
        # No initial value: nothing to rotate from yet, so the first rotation waits for its window.
        "rotateImmediately": False,
    }
    permission = only(monitor, "aws:lambda/permission:Permission")
    assert permission.inputs == {
        "action": "lambda:InvokeFunction",
        "function": ROTATOR,
        "principal": "secretsmanager.amazonaws.com",
        "sourceArn": outputs["arn"],
    }
    assert monitor.of_type(VERSION) == []
    # Secrets Manager identifies a secret by its ARN, which ends in a random six-character suffix.
    assert outputs["arn"] == outputs["id"]
    assert re.fullmatch(rf"arn:aws:secretsmanager:eu-west-1:{ACCOUNT}:secret:token-secret-[0-9a-f]{{7}}-[0-9a-f]{{6}}", outputs["arn"])


def test_policy_denies_plain_http_and_allows_only_listed_readers(deploy):
    monitor = deploy(lambda: SecretStore("token", {**ROTATED, "reader_role_arns": [READER]}))
    secret_arn = only(monitor, POLICY).inputs["secretArn"]
    document = json.loads(only(monitor, POLICY).inputs["policy"])
    assert document["Statement"] == [
        {
            "Sid": "DenyInsecureTransport",
            "Effect": "Deny",
            "Principal": "*",
            "Action": ["secretsmanager:*"],
            "Resource": [secret_arn],
            "Condition": {"Bool": {"aws:SecureTransport": "false"}},
        },
        {
            "Sid": "DenyReadingToUnlistedPrincipals",
            "Effect": "Deny",
            "Principal": "*",
            "Action": ["secretsmanager:GetSecretValue"],
            "Resource": [secret_arn],
            "Condition": {"StringNotLike": {"aws:PrincipalArn": [READER, ROTATOR_ROLE]}},
        },
        {
            "Sid": "AllowListedReaders",
            "Effect": "Allow",
            "Principal": {"AWS": [READER]},
            "Action": READ_ACTIONS,
            "Resource": [secret_arn],
        },
    ]


def test_without_readers_the_policy_only_denies(deploy):
    document = json.loads(only(deploy(lambda: SecretStore("token", ROTATED)), POLICY).inputs["policy"])
    assert [s["Effect"] for s in document["Statement"]] == ["Deny", "Deny"]


def test_children_are_parented(deploy):
    monitor = deploy(lambda: SecretStore("token", {**ROTATED, **WITH_VALUE}))
    component = only(monitor, COMPONENT)
    for token in (SECRET, POLICY, ROTATION, VERSION):
        child = only(monitor, token)
        assert child.parent == component.urn
        assert f"{COMPONENT}${token}" in child.urn


def test_rotation_settings(deploy):
    rotation = only(
        deploy(
            lambda: SecretStore(
                "token",
                {"kms_key_arn": KEY_ARN, "rotation": {"rotation_lambda_arn": ROTATOR, "rotation_role_arn": ROTATOR_ROLE, "automatically_after_days": 7,
                                                      "rotate_immediately": False}},
            )
        ),
        ROTATION,
    )
    assert rotation.inputs["rotationRules"] == {"automaticallyAfterDays": 7}
    assert rotation.inputs["rotateImmediately"] is False


def test_no_rotation_opt_out_removes_only_the_rotation(deploy):
    rotated = deploy(lambda: SecretStore("token", ROTATED))
    unrotated = deploy(lambda: SecretStore("token", UNROTATED))
    assert unrotated.of_type(ROTATION) == []
    assert unrotated.of_type("aws:lambda/permission:Permission") == []
    assert {**only(unrotated, SECRET).inputs, "tags": {}} == only(rotated, SECRET).inputs
    assert only(unrotated, SECRET).inputs["tags"] == {
        "stackguard:acknowledged:aws-secretsmanager-secret-rotation": "vendor portal renews it"}
    assert only(unrotated, POLICY).inputs["blockPublicPolicy"] is True


@pytest.mark.parametrize("make_value", [lambda: "s3cr3t-value", lambda: pulumi.Output.from_input("s3cr3t-value"),
                                        lambda: pulumi.Output.secret("s3cr3t-value")])
def test_initial_value_reaches_the_engine_only_as_a_secret(deploy, make_value):
    outputs = {}

    def build():
        store = SecretStore("token", {**UNROTATED, **WITH_VALUE, "initial_value": make_value()})
        return pulumi.Output.all(store.secret_arn, store.secret_id).apply(lambda v: outputs.update(values=v))

    monitor = deploy(build)
    version = only(monitor, VERSION)
    wire = version.properties["secretString"]
    assert wire[rpc._special_sig_key] == rpc._special_secret_sig
    assert wire["value"] == "s3cr3t-value"
    assert version.property_dependencies["secretId"] == [only(monitor, SECRET).urn]
    # Nothing else the component registered or outputs carries the value.
    others = [r for r in monitor.registrations if r.type != VERSION]
    assert all("s3cr3t-value" not in json.dumps(r.inputs, default=str) for r in others)
    assert "s3cr3t-value" not in json.dumps(outputs["values"])


def test_plain_initial_value_is_hidden_in_the_args_model():
    args = SecretStoreArgs(**UNROTATED, **WITH_VALUE)
    assert "s3cr3t-value" not in repr(args)


def test_options_change_exactly_their_property(deploy):
    base = only(deploy(lambda: SecretStore("token", ROTATED)), SECRET).inputs
    changed = only(
        deploy(lambda: SecretStore("token", {**ROTATED, "recovery_window_in_days": 7, "secret_name": "orders/token",
                                              "tags": {"team": "orders"}})),
        SECRET,
    ).inputs
    assert {k for k in set(base) | set(changed) if base.get(k) != changed.get(k)} == {
        "recoveryWindowInDays", "name", "tags"}
    assert changed["recoveryWindowInDays"] == 7
    assert changed["name"] == "orders/token"
    assert changed["tags"] == {"team": "orders"}


def test_key_and_readers_may_be_outputs(deploy):
    monitor = deploy(
        lambda: SecretStore(
            "token",
            {**ROTATED, "kms_key_arn": pulumi.Output.from_input(KEY_ARN),
             "reader_role_arns": [pulumi.Output.from_input(READER)]},
        )
    )
    assert only(monitor, SECRET).inputs["kmsKeyId"] == KEY_ARN
    assert json.loads(only(monitor, POLICY).inputs["policy"])["Statement"][2]["Principal"] == {"AWS": [READER]}


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({}, "kms_key_arn"),
        ({**ROTATED, "kms_key_arn": "alias/aws/secretsmanager"}, "kms_key_arn"),
        ({**ROTATED, "kms_key_arn": f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/aws/secretsmanager"}, "kms_key_arn"),
        ({**ROTATED, "kms_key_arn": "not-an-arn"}, "kms_key_arn"),
        ({**ROTATED, "recovery_window_in_days": 0}, "recovery_window_in_days"),
        ({**ROTATED, "recovery_window_in_days": 31}, "recovery_window_in_days"),
        ({**ROTATED, "reader_role_arns": ["*"]}, "reader_role_arns"),
        ({**ROTATED, "reader_role_arns": [f"arn:aws:iam::{ACCOUNT}:root"]}, "reader_role_arns"),
        ({"kms_key_arn": KEY_ARN}, "rotation"),
        ({"kms_key_arn": KEY_ARN, "rotation": {}}, "rotation.rotation_lambda_arn"),
        ({"kms_key_arn": KEY_ARN, "rotation": {"rotation_lambda_arn": "arn:aws:iam::1:role/x"}}, "rotation_lambda_arn"),
        ({**ROTATED, "rotation": {"rotation_lambda_arn": ROTATOR, "rotation_role_arn": ROTATOR_ROLE, "automatically_after_days": 0}},
         "automatically_after_days"),
        ({**ROTATED, "rotation": {"rotation_lambda_arn": ROTATOR, "rotation_role_arn": ROTATOR_ROLE, "automatically_after_days": 91}},
         "rotation.automatically_after_days"),
        ({**ROTATED, "rotation": {"rotation_lambda_arn": ROTATOR, "rotation_role_arn": ROTATOR_ROLE, "automatically_after_days": 1001}},
         "automatically_after_days"),
        ({**ROTATED, "allow_long_rotation_period": {"reason": "vendor allows one change a quarter"}},
         "allow_long_rotation_period"),
        ({"kms_key_arn": KEY_ARN, "allow_no_rotation": True}, "allow_no_rotation"),
        ({"kms_key_arn": KEY_ARN, "allow_no_rotation": {}}, "allow_no_rotation.reason"),
        ({"kms_key_arn": KEY_ARN, "allow_no_rotation": {"reason": "short"}}, "allow_no_rotation.reason"),
        ({**ROTATED, **UNROTATED}, "allow_no_rotation"),
        ({**ROTATED, "no_rotation_reason": "vendor portal renews it"}, "no_rotation_reason"),
        ({**ROTATED, "reader_role_arns": [FOREIGN_READER]}, "reader_role_arns"),
        ({**ROTATED, "reader_role_arns": [READER], "allow_cross_account_readers": {"reason": "the partner reads it"}},
         "allow_cross_account_readers"),
        ({**ROTATED, "initial_value": 42, "break_glass_role_arns": [DEPLOYER]}, "initial_value"),
        ({**ROTATED, "secret_string": "x"}, "secret_string"),
    ],
)
def test_bad_args_are_rejected_naming_the_field(args, field):
    with pytest.raises(ComponentArgsError, match=rf"SecretStore: invalid args: .*{field}") as raised:
        SecretStore("token", args)
    assert "s3cr3t" not in str(raised.value)


def test_initial_version_is_written_once(deploy):
    # After rotations AWS removes the initial version; a refresh + up must not write it over the live value.
    monitor = deploy(lambda: SecretStore("token", {**ROTATED, **WITH_VALUE}))
    assert only(monitor, VERSION).options["ignoreChanges"] == ["secretString"]


def test_readers_of_the_account_may_decrypt_only_through_secrets_manager(deploy):
    monitor = deploy(lambda: SecretStore("token", {**ROTATED, "reader_role_arns": [READER]}))
    grant = only(monitor, "aws:iam/rolePolicy:RolePolicy")
    assert grant.inputs["role"] == "orders-api"
    # The identity-policy side of AWS's pattern: kms:Decrypt on the key, only through Secrets Manager.
    # https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
    assert json.loads(grant.inputs["policy"]) == {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "DecryptSecretThroughSecretsManager", "Effect": "Allow", "Action": ["kms:Decrypt"],
            "Resource": [KEY_ARN],
            "Condition": {"StringEquals": {"kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com"}},
        }],
    }
    assert only(monitor, COMPONENT).inputs == {"stackguardAcknowledgements": []}


def test_opt_outs_are_acknowledged_on_the_registration(deploy):
    long_rotation = {"reason": "the partner allows one key change per quarter", "owner": "payments-team"}
    monitor = deploy(lambda: SecretStore("token", {
        "kms_key_arn": KEY_ARN, "rotation": {"rotation_lambda_arn": ROTATOR, "rotation_role_arn": ROTATOR_ROLE, "automatically_after_days": 120},
        "allow_long_rotation_period": long_rotation,
        "reader_role_arns": [FOREIGN_READER], "allow_cross_account_readers": {"reason": "the partner's role reads it"},
    }))
    assert only(monitor, COMPONENT).inputs["stackguardAcknowledgements"] == [
        {"rule": "aws-secretsmanager-secret-rotation", "resource": "token-rotation", "option": "allow_long_rotation_period",
         "reason": long_rotation["reason"], "owner": "payments-team"},
        {"rule": "aws-secretsmanager-secret-policy-cross-account", "resource": "token-policy",
         "option": "allow_cross_account_readers", "reason": "the partner's role reads it"},
    ]
    # The rotation and the secret policy take no tags: the registration carries both acknowledgements.
    assert not any(k.startswith("stackguard:acknowledged:") for k in (only(monitor, SECRET).inputs.get("tags") or {}))
    # No decrypt grant can be attached to a role of another account.
    assert monitor.of_type("aws:iam/rolePolicy:RolePolicy") == []


# --- review 2026-12-04: B1, B3, B8, S1 -------------------------------------------------------------------------

def test_a_foreign_reader_behind_an_output_key_arn_fails_the_deployment_naming_the_reader(deploy):
    """B1. With the key ARN an Output (an EncryptionKey's key_arn), the reader's account is compared with the key's at
    deploy time: a reader of another account without allow_cross_account_readers fails, naming the field, and no
    PutRolePolicy is attempted on a same-named role of the deploying account.
    https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html"""
    with pytest.raises(Exception, match=r"SecretStore: invalid args: reader_role_arns: "
                                        r"'arn:aws:iam::210987654321:role/partner-reader' is in (account 210987654321|"
                                        r"another account than the key)"):
        deploy(lambda: SecretStore("token", {**ROTATED, "kms_key_arn": pulumi.Output.from_input(KEY_ARN),
                                             "reader_role_arns": [FOREIGN_READER]}))


def test_a_foreign_reader_named_with_account_id_is_acknowledged_and_gets_no_inline_policy(deploy):
    """B1. account_id (the key's account) lets the component tell the foreign reader apart before the deployment:
    without the opt-out construction fails; with it the reader is in the secret policy, acknowledged, and no
    aws:iam/rolePolicy is written (it would land on a role of the deploying account).
    https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html"""
    output_key = {**ROTATED, "account_id": ACCOUNT, "reader_role_arns": [FOREIGN_READER]}
    with pytest.raises(ComponentArgsError, match="reader_role_arns: .*another account than the key"):
        SecretStore("token", {**output_key, "kms_key_arn": pulumi.Output.from_input(KEY_ARN)})
    accepted = {"reason": "the partner's role reads the key", "owner": "payments-team"}
    monitor = deploy(lambda: SecretStore("token", {**output_key, "kms_key_arn": pulumi.Output.from_input(KEY_ARN),
                                                   "allow_cross_account_readers": accepted}))
    assert monitor.of_type("aws:iam/rolePolicy:RolePolicy") == []
    assert only(monitor, COMPONENT).inputs["stackguardAcknowledgements"] == [
        {"rule": "aws-secretsmanager-secret-policy-cross-account", "resource": "token-policy",
         "option": "allow_cross_account_readers", **accepted}]
    assert json.loads(only(monitor, POLICY).inputs["policy"])["Statement"][2]["Principal"] == {"AWS": [FOREIGN_READER]}


def test_a_same_account_reader_behind_outputs_still_gets_its_decrypt_policy(deploy):
    """B1. Both ARNs Outputs and in one account: the deploy-time check passes and the inline policy names the role.
    https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html"""
    monitor = deploy(lambda: SecretStore("token", {**ROTATED, "kms_key_arn": pulumi.Output.from_input(KEY_ARN),
                                                   "reader_role_arns": [pulumi.Output.from_input(READER)]}))
    assert only(monitor, "aws:iam/rolePolicy:RolePolicy").inputs["role"] == "orders-api"


def test_rotation_waits_for_the_initial_value_and_does_not_start_without_one(deploy):
    """B3. The first rotation's createSecret step reads AWSCURRENT: the SecretRotation depends on the initial
    SecretVersion, rotates at once only when there is a value, and rotate_immediately without one is refused.
    https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_lambda-functions.html"""
    monitor = deploy(lambda: SecretStore("token", {**ROTATED, **WITH_VALUE}))
    rotation = only(monitor, ROTATION)
    assert only(monitor, VERSION).urn in rotation.dependencies
    assert rotation.inputs["rotateImmediately"] is True
    assert only(deploy(lambda: SecretStore("token", ROTATED)), ROTATION).inputs["rotateImmediately"] is False
    with pytest.raises(ComponentArgsError, match="rotation.rotate_immediately: the secret has no initial_value"):
        SecretStore("token", {**ROTATED, "rotation": {**ROTATED["rotation"], "rotate_immediately": True}})


@pytest.mark.parametrize("alias", [f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/payments", "alias/payments"])
def test_an_alias_arn_is_refused_because_iam_grants_on_it_do_not_reach_the_key(alias):
    """B8. "When an alias is the value of a resource element, the policy applies to the alias resource, not to any
    KMS key": a reader's kms:Decrypt on an alias ARN would not let it decrypt.
    https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html"""
    with pytest.raises(ComponentArgsError, match=r"kms_key_arn: .*not an alias"):
        SecretStore("token", {**ROTATED, "kms_key_arn": alias})


def test_the_secret_policy_denies_every_unlisted_principal(deploy):
    """S1. In one account the identity policy or the resource policy may allow a request, so a role with
    GetSecretValue on "*" reads any secret that only *allows* its readers: the policy denies GetSecretValue to
    every principal but the readers, the rotation role and the break-glass roles.
    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"""
    monitor = deploy(lambda: SecretStore("token", {**ROTATED, **WITH_VALUE, "reader_role_arns": [READER]}))
    secret_arn = only(monitor, POLICY).inputs["secretArn"]
    deny = json.loads(only(monitor, POLICY).inputs["policy"])["Statement"][1]
    assert deny == {
        "Sid": "DenyReadingToUnlistedPrincipals", "Effect": "Deny", "Principal": "*",
        "Action": ["secretsmanager:GetSecretValue"], "Resource": [secret_arn],
        "Condition": {"StringNotLike": {"aws:PrincipalArn": [READER, ROTATOR_ROLE, DEPLOYER]}},
    }
    # The provider reads the written version back as the deploying role: it must be exempt.
    with pytest.raises(ComponentArgsError, match="break_glass_role_arns: with initial_value"):
        SecretStore("token", {**ROTATED, "initial_value": "s3cr3t-value"})
