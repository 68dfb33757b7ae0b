"""The OpenAPI template logic of RestApi (components/_openapi.py), without any Pulumi resource."""
from __future__ import annotations

import pytest

from stackguard.components._args import ComponentArgsError
from stackguard.components._openapi import openapi_operations, render_openapi, template_weaknesses, with_request_validation
from stackguard.components.rest_api import RestApi, RestApiArgs

KMS = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
FN = "arn:aws:lambda:eu-west-1:123456789012:function:orders"
ACL = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/edge/a1b2c3d4"
TEMPLATE = """
openapi: "3.0.1"
info: {title: orders, version: "1"}
components:
  securitySchemes:
    sigv4: {{ iam_auth() }}
paths:
  /orders:
    get:
      security: [{sigv4: []}]
      x-amazon-apigateway-integration: {{ integration("list") }}
    options:
      x-amazon-apigateway-integration: {type: mock}
"""


def args(template: str = TEMPLATE, **extra) -> dict:
    return {"kms_key_arn": KMS, "web_acl_arn": ACL,
            "openapi": {"template": template, "integrations": {"list": {"lambda_arn": FN}}}, **extra}


def test_operations_know_authentication_and_integration():
    operations = openapi_operations(RestApiArgs(**args()))
    assert [(o.path, o.method, o.authenticated, o.integration) for o in operations] == [
        ("/orders", "GET", True, "list"),
        # A MOCK preflight reaches no backend: it needs no authorizer.
        ("/orders", "OPTIONS", True, None),
    ]


def test_options_to_a_backend_is_not_authenticated():
    template = TEMPLATE.replace("{type: mock}", '{{ integration("list") }}')
    with pytest.raises(ComponentArgsError, match="openapi.template: OPTIONS /orders has no authorization"):
        RestApi("orders", args(template))


def test_render_resolves_uris_and_request_validation_applies_to_every_operation():
    document = with_request_validation(render_openapi(RestApiArgs(**args()), {"list": "arn:uri"}, {}))
    get = document["paths"]["/orders"]["get"]
    assert get["x-amazon-apigateway-integration"] == {
        "type": "aws_proxy", "httpMethod": "POST", "uri": "arn:uri", "timeoutInMillis": 29000}
    assert document["x-amazon-apigateway-request-validator"] == "stackguard-validate-all"
    assert document["x-amazon-apigateway-request-validators"]["stackguard-validate-all"] == {
        "validateRequestBody": True, "validateRequestParameters": True}


@pytest.mark.parametrize(("document", "expected"), [
    ({"paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "http_proxy", "uri": "http://b.example.com"}}}}},
     [("plain_http", "GET /a")]),
    ({"paths": {"/a": {"post": {"x-amazon-apigateway-integration": {
        "type": "http_proxy", "uri": "https://b.example.com", "tlsConfig": {"insecureSkipVerification": True}}}}}},
     [("skip_tls_verification", "POST /a")]),
    ({"x-amazon-apigateway-policy": {"Statement": [{"Effect": "Allow", "Principal": "*"}]}, "paths": {}},
     [("resource_policy", "x-amazon-apigateway-policy")]),
    ({"paths": {"/a": {"get": {"x-amazon-apigateway-integration": {
        "type": "http_proxy", "uri": "https://b.example.com", "tlsConfig": {"insecureSkipVerification": False}}}}}},
     []),
])
def test_template_weaknesses(document, expected):
    assert template_weaknesses(document) == expected


@pytest.mark.parametrize(("snippet", "message"), [
    ('{type: http_proxy, httpMethod: GET, uri: "http://legacy.example.com/orders"}', "GET /orders calls an http:// backend"),
    ('{type: http_proxy, httpMethod: GET, uri: "https://b.example.com", tlsConfig: {insecureSkipVerification: true}}',
     "insecureSkipVerification"),
])
def test_hand_written_weak_integrations_are_refused(snippet, message):
    template = TEMPLATE.replace('{{ integration("list") }}', snippet)
    with pytest.raises(ComponentArgsError, match=f"RestApi: invalid args: .*openapi.template: .*{message}"):
        RestApi("orders", args(template))


def test_hand_written_http_backend_with_a_reason_is_accepted():
    template = TEMPLATE.replace('{{ integration("list") }}', '{type: http_proxy, httpMethod: GET, uri: "http://legacy.example.com"}')
    validated = RestApiArgs.model_validate(args(template, allow_plain_http_backend={"reason": "legacy host without TLS"}))
    assert validated.allow_plain_http_backend.reason == "legacy host without TLS"


def test_resource_policy_in_the_template_is_refused():
    template = TEMPLATE + (
        'x-amazon-apigateway-policy: {Version: "2012-10-17", '
        'Statement: [{Effect: Allow, Principal: "*", Action: "execute-api:Invoke", Resource: "*"}]}\n'
    )
    with pytest.raises(ComponentArgsError, match="openapi.template: x-amazon-apigateway-policy is not allowed"):
        RestApi("orders", args(template))
