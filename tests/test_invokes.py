"""Data sources answered as the AWS provider answers them during a preview.

Policy documents follow the provider's documented rendering of `aws_iam_policy_document`
(https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document):
one value is a string, several a list; `type = "*"` with `identifiers = ["*"]` is `"Principal": "*"`;
statements of override documents replace those with the same `sid`.
"""
from __future__ import annotations

import json

import pulumi_aws as aws

from stackguard import invokes, program_host


def document(**args) -> dict:
    return json.loads(invokes.policy_document(args)["json"])


def test_assume_role_document_as_the_provider_renders_it():
    rendered = document(statements=[{
        "actions": ["sts:AssumeRole"],
        "principals": [{"type": "Service", "identifiers": ["lambda.amazonaws.com"]}],
    }])
    assert rendered == {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "lambda.amazonaws.com"}}]}


def test_several_values_are_a_list_and_conditions_nest_by_test_and_variable():
    rendered = document(policyId="bucket-policy", statements=[{
        "sid": "DenyInsecureTransport", "effect": "Deny", "actions": ["s3:*"],
        "resources": ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"],
        "principals": [{"type": "*", "identifiers": ["*"]}],
        "conditions": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}],
    }])
    assert rendered["Id"] == "bucket-policy"
    statement = rendered["Statement"][0]
    assert statement == {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Action": "s3:*",
                         "Resource": ["arn:aws:s3:::logs/*", "arn:aws:s3:::logs"], "Principal": "*",
                         "Condition": {"Bool": {"aws:SecureTransport": "false"}}}


def test_not_actions_and_principals_of_one_type_are_merged():
    statement = document(statements=[{
        "notActions": ["iam:*"], "notResources": ["arn:aws:iam::*:role/admin"],
        "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]},
                       {"type": "AWS", "identifiers": ["arn:aws:iam::444455556666:root"]}],
    }])["Statement"][0]
    assert statement["NotAction"] == "iam:*" and statement["NotResource"] == "arn:aws:iam::*:role/admin"
    assert statement["Principal"] == {"AWS": ["arn:aws:iam::444455556666:root", "arn:aws:iam::111122223333:root"]}
    assert "Action" not in statement


def test_override_documents_replace_statements_with_the_same_sid():
    source = json.dumps({"Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})
    override = json.dumps({"Statement": [{"Sid": "Read", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}]})
    rendered = document(sourcePolicyDocuments=[source], overridePolicyDocuments=[override],
                        statements=[{"sid": "List", "actions": ["s3:ListBucket"], "resources": ["*"]}])
    assert [(s["Sid"], s["Effect"]) for s in rendered["Statement"]] == [("Read", "Deny"), ("List", "Allow")]


def test_minified_json_is_the_same_document():
    answer = invokes.policy_document({"statements": [{"actions": ["s3:GetObject"], "resources": ["*"]}]})
    assert json.loads(answer["minifiedJson"]) == json.loads(answer["json"]) and "\n" not in answer["minifiedJson"]


def test_lookups_answer_for_the_configured_account_and_region():
    lookups = invokes.Lookups("111122223333", "eu-central-1")
    identity = lookups.answer("aws:index/getCallerIdentity:getCallerIdentity", {})
    zones = lookups.answer("aws:index/getAvailabilityZones:getAvailabilityZones", {})
    assert identity["accountId"] == "111122223333" and ":iam::111122223333:" in identity["arn"]
    assert zones["names"] == ["eu-central-1a", "eu-central-1b", "eu-central-1c"]
    assert zones["zoneIds"][0] == "euc1-az1"
    assert lookups.answer("aws:ec2/getSubnets:getSubnets", {})["ids"][0].startswith("subnet-")
    assert lookups.answer("aws:route53/getZone:getZone", {"name": "example.com."})["name"] == "example.com"


def test_a_managed_policy_carries_its_document():
    admin = invokes.Lookups("111122223333", "us-east-1").answer(
        "aws:iam/getPolicy:getPolicy", {"arn": "arn:aws:iam::aws:policy/AdministratorAccess"})
    assert json.loads(admin["policy"])["Statement"] == [{"Effect": "Allow", "Action": "*", "Resource": "*"}]


def test_a_secret_value_is_an_unknown_secret():
    version = invokes.Lookups("111122223333", "us-east-1").answer(
        "aws:secretsmanager/getSecretVersion:getSecretVersion", {"secretId": "db"})
    assert version["secretString"] == {invokes.SPECIAL_SIG_KEY: invokes.SECRET_SIG, "value": invokes.UNKNOWN_STRING}


def test_other_data_sources_have_no_known_answer():
    assert invokes.Lookups("111122223333", "us-east-1").answer("aws:ec2/getInstance:getInstance", {}) is None


def test_a_plain_invoke_without_answer_gets_unknown_strings_of_its_result_type():
    placeholder = program_host._placeholder(aws.ec2.GetSubnetsResult)
    assert placeholder.ids == [invokes.UNKNOWN_STRING] and placeholder.id == invokes.UNKNOWN_STRING
    assert placeholder.filters == [] and placeholder.tags == {}


def test_an_ecr_token_decodes_as_ecr_tokens_do():
    import base64

    token = invokes.Lookups("111122223333", "eu-west-1").answer(
        "aws:ecr/getAuthorizationToken:getAuthorizationToken", {})
    user, password = base64.b64decode(token["authorizationToken"]["value"]).decode().split(":")
    assert user == "AWS" and password == token["password"]["value"]
    assert token["proxyEndpoint"] == "https://111122223333.dkr.ecr.eu-west-1.amazonaws.com"


def test_cloudfront_managed_policies_have_their_published_ids():
    lookups = invokes.Lookups("111122223333", "us-east-1")
    assert lookups.answer("aws:cloudfront/getCachePolicy:getCachePolicy",
                          {"name": "Managed-CachingOptimized"})["id"] == "658327ea-f89d-4fab-a63d-7e88639e58f6"
