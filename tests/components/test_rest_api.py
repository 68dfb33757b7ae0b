"""RestApi: explicit defaults on every child, each opt-out changing exactly its property, OpenAPI rendering, bad args."""
from __future__ import annotations

import json
import re

import pulumi
import pytest

from stackguard.components._args import ComponentArgsError
from stackguard.components.rest_api import RestApi
from stackguard.mocks import AwsMocks
from stackguard.recording import run_program

KMS = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
FN = "arn:aws:lambda:eu-west-1:123456789012:function:orders"
AUTH_FN = "arn:aws:lambda:eu-west-1:123456789012:function:authorizer"
POOL = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123"
CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
EDGE_CERT = CERT.replace("eu-west-1", "us-east-1")
ORDER_SCHEMA = {"type": "object", "required": ["item"], "properties": {"item": {"type": "string"}}}
ACL = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/edge/a1b2c3d4"
VPCE = "vpce-0123456789abcdef0"
INVOKE = f"arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/{FN}/invocations"

COMPONENT = "stackguard:index:RestApi"
API = "aws:apigateway/restApi:RestApi"
RESOURCE = "aws:apigateway/resource:Resource"
METHOD = "aws:apigateway/method:Method"
INTEGRATION = "aws:apigateway/integration:Integration"
VALIDATOR = "aws:apigateway/requestValidator:RequestValidator"
AUTHORIZER = "aws:apigateway/authorizer:Authorizer"
PERMISSION = "aws:lambda/permission:Permission"
DEPLOYMENT = "aws:apigateway/deployment:Deployment"
STAGE = "aws:apigateway/stage:Stage"
SETTINGS = "aws:apigateway/methodSettings:MethodSettings"
LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup"
ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation"
DOMAIN = "aws:apigateway/domainName:DomainName"
MAPPING = "aws:apigateway/basePathMapping:BasePathMapping"
USAGE_PLAN = "aws:apigateway/usagePlan:UsagePlan"
API_KEY = "aws:apigateway/apiKey:ApiKey"
PLAN_KEY = "aws:apigateway/usagePlanKey:UsagePlanKey"

ROUTE = {"path": "/orders", "http_method": "GET", "integration": {"lambda_arn": FN}}
BASE = {"kms_key_arn": KMS, "web_acl_arn": ACL, "routes": [ROUTE]}
OUTPUTS = ("rest_api_id", "stage_arn", "stage_name", "invoke_url", "execution_arn", "access_log_group_arn")


def only(monitor, token):
    found = monitor.of_type(token)
    assert len(found) == 1, f"expected one {token}, got {len(found)}"
    return found[0]


def named(monitor, token, name):
    return next(r for r in monitor.of_type(token) if r.name == name)


def build_api(deploy, overrides=None, name="orders"):
    outputs = {}

    def build():
        api = RestApi(name, {**BASE, **(overrides or {})})
        outputs["component"] = api
        return pulumi.Output.all(**{k: getattr(api, k) for k in OUTPUTS}).apply(outputs.update)

    return deploy(build), outputs


# --- defaults ---------------------------------------------------------------------------------------

def test_rest_api_defaults(deploy):
    monitor, _ = build_api(deploy)
    assert only(monitor, API).inputs == {
        "endpointConfiguration": {"types": "REGIONAL"},
        "disableExecuteApiEndpoint": False,
        "securityPolicy": "TLS_1_2",
        "apiKeySource": "HEADER",
        "failOnWarnings": True,
        "tags": {},
    }


def test_method_integration_and_validator_defaults(deploy):
    monitor, _ = build_api(deploy)
    validator = only(monitor, VALIDATOR)
    assert validator.inputs == {
        "restApi": validator.inputs["restApi"], "name": "orders-validate-all",
        "validateRequestBody": True, "validateRequestParameters": True,
    }
    resource = only(monitor, RESOURCE)
    assert resource.inputs["pathPart"] == "orders"
    method = only(monitor, METHOD)
    assert method.inputs == {
        "restApi": method.inputs["restApi"],
        "resourceId": method.inputs["resourceId"],
        "httpMethod": "GET",
        "authorization": "AWS_IAM",
        "apiKeyRequired": False,
        "requestValidatorId": method.inputs["requestValidatorId"],
    }
    assert method.property_dependencies["requestValidatorId"] == [validator.urn]
    assert method.property_dependencies["resourceId"] == [resource.urn]
    integration = only(monitor, INTEGRATION)
    assert integration.inputs == {
        "restApi": integration.inputs["restApi"],
        "resourceId": integration.inputs["resourceId"],
        "httpMethod": "GET",
        "type": "AWS_PROXY",
        "integrationHttpMethod": "POST",
        "uri": INVOKE,
        "timeoutMilliseconds": 29000,
    }
    assert integration.property_dependencies["httpMethod"] == [method.urn]


def test_lambda_permission_is_scoped_to_api_method_and_path(deploy):
    monitor, outputs = build_api(deploy, {"routes": [
        ROUTE, {"path": "/orders/{id}", "http_method": "ANY", "integration": {"lambda_arn": FN}, "request_model": ORDER_SCHEMA},
    ]})
    permissions = {r.name: r.inputs for r in monitor.of_type(PERMISSION)}
    execution = outputs["execution_arn"]
    assert permissions == {
        "orders-invoke-GET/orders": {"action": "lambda:InvokeFunction", "function": FN,
                                     "principal": "apigateway.amazonaws.com", "sourceArn": f"{execution}/*/GET/orders"},
        "orders-invoke-ANY/orders/{id}": {"action": "lambda:InvokeFunction", "function": FN,
                                          "principal": "apigateway.amazonaws.com", "sourceArn": f"{execution}/*/*/orders/*"},
    }
    # One Resource per path segment, the parameter segment under its parent.
    resources = {r.name: r for r in monitor.of_type(RESOURCE)}
    assert set(resources) == {"orders/orders", "orders/orders/{id}"}
    assert resources["orders/orders/{id}"].property_dependencies["parentId"] == [resources["orders/orders"].urn]
    method = named(monitor, METHOD, "orders-ANY/orders/{id}")
    assert method.inputs["requestParameters"] == {"method.request.path.id": True}


def test_deployment_stage_and_logging_defaults(deploy):
    monitor, _ = build_api(deploy)
    deployment = only(monitor, DEPLOYMENT)
    assert re.fullmatch(r"[0-9a-f]{64}", deployment.inputs["triggers"]["redeployment"])
    assert {only(monitor, METHOD).urn, only(monitor, INTEGRATION).urn} <= set(deployment.dependencies)

    group = named(monitor, LOG_GROUP, "orders-access-logs")
    assert group.inputs == {
        "name": "/aws/apigateway/prod/orders/access",
        "kmsKeyId": KMS,
        "retentionInDays": 365,
        "logGroupClass": "STANDARD",
        "tags": {},
    }
    stage = only(monitor, STAGE)
    log_format = stage.inputs["accessLogSettings"].pop("format")
    assert stage.inputs == {
        "restApi": stage.inputs["restApi"],
        "deployment": stage.inputs["deployment"],
        "stageName": "v1",
        "accessLogSettings": {"destinationArn": stage.inputs["accessLogSettings"]["destinationArn"]},
        "xrayTracingEnabled": True,
        "cacheClusterEnabled": False,
        "tags": {},
    }
    assert stage.property_dependencies["accessLogSettings"] == [group.urn]
    assert stage.property_dependencies["deployment"] == [deployment.urn]
    fields = json.loads(log_format)
    assert fields["requestId"] == "$context.requestId"
    assert fields["sourceIp"] == "$context.identity.sourceIp"
    assert fields["status"] == "$context.status"
    assert not any("body" in v.lower() or "header" in v.lower() for v in fields.values())

    settings = only(monitor, SETTINGS)
    assert settings.inputs == {
        "restApi": settings.inputs["restApi"],
        "stageName": "v1",
        "methodPath": "*/*",
        "settings": {
            "loggingLevel": "INFO",
            "metricsEnabled": True,
            "dataTraceEnabled": False,
            "throttlingBurstLimit": 100,
            "throttlingRateLimit": 50,
            "cachingEnabled": False,
            "cacheDataEncrypted": True,
        },
    }
    assert settings.property_dependencies["stageName"] == [stage.urn]


def test_waf_association_targets_the_stage(deploy):
    monitor, outputs = build_api(deploy)
    association = only(monitor, ASSOCIATION)
    stage = only(monitor, STAGE)
    assert association.inputs == {"resourceArn": outputs["stage_arn"], "webAclArn": ACL}
    assert association.property_dependencies["resourceArn"] == [stage.urn]


def test_children_parented_and_outputs_resolve(deploy):
    monitor, outputs = build_api(deploy, {
        "authorizers": [{"name": "tok", "type": "TOKEN", "lambda_arn": AUTH_FN}],
        "routes": [{**ROUTE, "authorization": "CUSTOM", "authorizer": "tok", "api_key_required": True}],
        "custom_domain": {"domain_name": "api.example.com", "certificate_arn": CERT},
        "usage_plan": {"api_keys": ["partner"]},
    })
    component = only(monitor, COMPONENT)
    children = [r for r in monitor.registrations if r.type.startswith("aws:")]
    assert sorted(r.type for r in children) == sorted([
        API, RESOURCE, METHOD, INTEGRATION, VALIDATOR, AUTHORIZER, PERMISSION, PERMISSION, DEPLOYMENT, LOG_GROUP,
        LOG_GROUP, STAGE, SETTINGS, ASSOCIATION, DOMAIN, MAPPING, USAGE_PLAN, API_KEY, PLAN_KEY,
    ])
    for child in children:
        assert child.parent == component.urn
        assert f"{COMPONENT}$aws:" in child.urn
    assert outputs["rest_api_id"].startswith("orders-")
    assert outputs["stage_arn"].startswith("arn:aws:apigateway:eu-west-1:")
    assert outputs["stage_name"] == "v1"
    assert outputs["invoke_url"] == "https://api.example.com/"
    assert outputs["execution_arn"] == f"arn:aws:execute-api:eu-west-1:123456789012:{outputs['rest_api_id']}"
    assert outputs["access_log_group_arn"].startswith("arn:aws:logs:eu-west-1:123456789012:")


def test_invoke_url_is_the_stage_url_without_custom_domain(deploy):
    _, outputs = build_api(deploy)
    # The stage's own invokeUrl (its exact host is the mock's business).
    assert re.fullmatch(r"https://[\w.-]+\.execute-api\.eu-west-1\.amazonaws\.com/v1", outputs["invoke_url"])


def test_tags_reach_every_taggable_child(deploy):
    tags = {"team": "payments"}
    monitor, _ = build_api(deploy, {
        "tags": tags, "usage_plan": {"api_keys": ["partner"]},
        "custom_domain": {"domain_name": "api.example.com", "certificate_arn": CERT},
    })
    for token in (API, STAGE, DOMAIN, USAGE_PLAN, API_KEY):
        assert only(monitor, token).inputs["tags"] == tags
    assert [group.inputs["tags"] for group in monitor.of_type(LOG_GROUP)] == [tags, tags]


# --- redeployment -----------------------------------------------------------------------------------

def test_deployment_trigger_changes_with_config_and_is_stable_otherwise(deploy):
    def trigger(overrides):
        monitor, _ = build_api(deploy, overrides)
        return only(monitor, DEPLOYMENT).inputs["triggers"]["redeployment"]

    first = trigger({})
    assert trigger({}) == first
    assert trigger({"routes": [{**ROUTE, "http_method": "POST", "request_model": ORDER_SCHEMA}]}) != first
    assert trigger({"routes": [{**ROUTE, "integration": {"lambda_arn": AUTH_FN}}]}) != first
    # Stage-only settings do not need a new deployment.
    assert trigger({"throttling": {"burst_limit": 5, "rate_limit": 1}}) == first


def test_deployment_trigger_follows_resolved_output_values(deploy):
    def trigger(function_arn):
        monitor, _ = build_api(deploy, {"routes": [{**ROUTE, "integration": {"lambda_arn": pulumi.Output.from_input(function_arn)}}]})
        return only(monitor, DEPLOYMENT).inputs["triggers"]["redeployment"]

    assert trigger(FN) == trigger(FN)
    assert trigger(FN) != trigger(AUTH_FN)


# --- endpoint types ---------------------------------------------------------------------------------

def test_private_api_allows_only_listed_vpc_endpoints(deploy):
    monitor, _ = build_api(deploy, {"endpoint_type": "PRIVATE", "vpc_endpoint_ids": [VPCE]})
    api = only(monitor, API)
    assert api.inputs["endpointConfiguration"] == {"types": "PRIVATE", "vpcEndpointIds": [VPCE]}
    policy = json.loads(api.inputs["policy"])
    assert policy["Statement"] == [
        {"Sid": "AllowInvokeThroughVpcEndpoints", "Effect": "Allow", "Principal": "*", "Action": ["execute-api:Invoke"],
         "Resource": ["execute-api:/*"], "Condition": {"StringEquals": {"aws:SourceVpce": [VPCE]}}},
        {"Sid": "DenyInvokeFromElsewhere", "Effect": "Deny", "Principal": "*", "Action": ["execute-api:Invoke"],
         "Resource": ["execute-api:/*"], "Condition": {"StringNotEquals": {"aws:SourceVpce": [VPCE]}}},
    ]


def test_edge_endpoint_only_with_opt_out(deploy):
    monitor, _ = build_api(deploy, {"endpoint_type": "EDGE", "allow_edge_endpoint": {"reason": "global partners, CloudFront latency"}})
    api = only(monitor, API)
    assert api.inputs["endpointConfiguration"] == {"types": "EDGE"}
    assert "policy" not in api.inputs


# --- custom domain ----------------------------------------------------------------------------------

def test_custom_domain_tls12_regional_and_default_endpoint_disabled(deploy):
    monitor, outputs = build_api(deploy, {
        "custom_domain": {"domain_name": "api.example.com", "certificate_arn": CERT, "base_path": "orders"},
    })
    domain = only(monitor, DOMAIN)
    assert domain.inputs == {
        "domainName": "api.example.com",
        "endpointConfiguration": {"types": "REGIONAL"},
        "regionalCertificateArn": CERT,
        "securityPolicy": "TLS_1_2",
        "tags": {},
    }
    mapping = only(monitor, MAPPING)
    assert mapping.inputs["basePath"] == "orders"
    assert mapping.inputs["stageName"] == "v1"
    assert mapping.property_dependencies["domainName"] == [domain.urn]
    assert only(monitor, API).inputs["disableExecuteApiEndpoint"] is True
    assert outputs["invoke_url"] == "https://api.example.com/orders"


def test_edge_api_gets_an_edge_domain_with_tls12(deploy):
    monitor, _ = build_api(deploy, {
        "endpoint_type": "EDGE", "allow_edge_endpoint": {"reason": "global partners, CloudFront latency"},
        "custom_domain": {"domain_name": "api.example.com", "certificate_arn": EDGE_CERT},
    })
    assert only(monitor, DOMAIN).inputs == {
        "domainName": "api.example.com",
        "endpointConfiguration": {"types": "EDGE"},
        "certificateArn": EDGE_CERT,
        "securityPolicy": "TLS_1_2",
        "tags": {},
    }
    # An EDGE domain is served by CloudFront, which only takes ACM certificates of us-east-1.
    # https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-edge-optimized-custom-domain-name.html
    with pytest.raises(ComponentArgsError, match="custom_domain.certificate_arn: .*us-east-1"):
        RestApi("orders", {**BASE, "endpoint_type": "EDGE", "allow_edge_endpoint": {"reason": "global partners"},
                           "custom_domain": {"domain_name": "api.example.com", "certificate_arn": CERT}})
    assert only(monitor, COMPONENT).inputs["stackguardAcknowledgements"] == [
        {"rule": "aws-apigateway-rest-api-endpoint-type", "resource": "orders", "option": "allow_edge_endpoint",
         "reason": "global partners, CloudFront latency"}]


def test_keep_default_endpoint_opt_out(deploy):
    monitor, _ = build_api(deploy, {
        "custom_domain": {"domain_name": "api.example.com", "certificate_arn": CERT},
        "keep_default_endpoint": {"reason": "internal clients migrate next quarter"},
    })
    assert only(monitor, API).inputs["disableExecuteApiEndpoint"] is False
    assert only(monitor, DOMAIN).inputs["securityPolicy"] == "TLS_1_2"
    assert only(monitor, API).inputs["tags"] == {
        "stackguard:acknowledged:aws-apigateway-rest-api-default-endpoint": "internal clients migrate next quarter"}


# --- integrations -----------------------------------------------------------------------------------

def test_https_backend_is_an_http_proxy_with_verified_tls(deploy):
    monitor, _ = build_api(deploy, {"routes": [
        {"path": "/orders/{id}", "http_method": "GET", "integration": {"https_url": "https://backend.example.com/o/{id}"}},
    ]})
    integration = only(monitor, INTEGRATION)
    assert integration.inputs["type"] == "HTTP_PROXY"
    assert integration.inputs["integrationHttpMethod"] == "GET"
    assert integration.inputs["uri"] == "https://backend.example.com/o/{id}"
    assert integration.inputs["tlsConfig"] == {"insecureSkipVerification": False}
    assert integration.inputs["requestParameters"] == {"integration.request.path.id": "method.request.path.id"}
    assert monitor.of_type(PERMISSION) == []


def test_plain_http_backend_only_with_reasoned_opt_out(deploy):
    route = {**ROUTE, "integration": {"https_url": "http://legacy.internal.example.com/orders"}}
    with pytest.raises(ComponentArgsError, match=r"routes\.0\.integration\.https_url"):
        RestApi("orders", {**BASE, "routes": [route]})
    monitor, _ = build_api(deploy, {
        "routes": [route], "allow_plain_http_backend": {"reason": "legacy backend inside the VPC, TLS in 2027"},
    })
    assert only(monitor, INTEGRATION).inputs["uri"].startswith("http://")


# --- authorization ----------------------------------------------------------------------------------

def test_cognito_authorizer_and_scopes(deploy):
    monitor, _ = build_api(deploy, {
        "authorizers": [{"name": "users", "type": "COGNITO_USER_POOLS", "provider_arns": [POOL]}],
        "routes": [{**ROUTE, "authorization": "COGNITO_USER_POOLS", "authorizer": "users",
                    "authorization_scopes": ["orders/read"]}],
    })
    authorizer = only(monitor, AUTHORIZER)
    assert authorizer.inputs == {
        "restApi": authorizer.inputs["restApi"], "name": "users", "type": "COGNITO_USER_POOLS",
        "providerArns": [POOL], "identitySource": "method.request.header.Authorization",
        "authorizerResultTtlInSeconds": 300,
    }
    method = only(monitor, METHOD)
    assert method.inputs["authorization"] == "COGNITO_USER_POOLS"
    assert method.inputs["authorizationScopes"] == ["orders/read"]
    assert method.property_dependencies["authorizerId"] == [authorizer.urn]


def test_lambda_authorizer_gets_a_scoped_invoke_permission(deploy):
    monitor, outputs = build_api(deploy, {
        "authorizers": [{"name": "tok", "type": "REQUEST", "lambda_arn": AUTH_FN,
                         "identity_source": "method.request.header.X-Token", "result_ttl_seconds": 0}],
        "routes": [{**ROUTE, "authorization": "CUSTOM", "authorizer": "tok"}],
    })
    authorizer = only(monitor, AUTHORIZER)
    assert authorizer.inputs["type"] == "REQUEST"
    assert authorizer.inputs["authorizerUri"] == INVOKE.replace(FN, AUTH_FN)
    assert authorizer.inputs["authorizerResultTtlInSeconds"] == 0
    permission = named(monitor, PERMISSION, "orders-authorizer-tok-invoke")
    assert permission.inputs["function"] == AUTH_FN
    assert permission.inputs["sourceArn"].startswith(f"{outputs['execution_arn']}/authorizers/orders-authorizer-tok-")
    assert only(monitor, METHOD).inputs["authorization"] == "CUSTOM"


def test_none_only_for_options_or_listed_public_routes(deploy):
    with pytest.raises(ComponentArgsError, match=r"routes\.0\.authorization: GET /orders has no authorization"):
        RestApi("orders", {**BASE, "routes": [{**ROUTE, "authorization": "NONE"}]})
    monitor, _ = build_api(deploy, {
        "routes": [{**ROUTE, "authorization": "NONE"}, {**ROUTE, "http_method": "OPTIONS", "authorization": "NONE"}],
        "public_routes": [{"path": "/orders", "http_method": "GET", "reason": "public catalogue, read-only"},
                          {"path": "/orders", "http_method": "OPTIONS", "reason": "browser preflight of the catalogue"}],
    })
    assert {m.inputs["httpMethod"]: m.inputs["authorization"] for m in monitor.of_type(METHOD)} == {
        "GET": "NONE", "OPTIONS": "NONE",
    }
    # OPTIONS proxied to a backend is anonymous access to that backend: it needs its reason too.
    with pytest.raises(ComponentArgsError, match=r"routes\.0\.authorization: OPTIONS /orders has no authorization"):
        RestApi("orders", {**BASE, "routes": [{**ROUTE, "http_method": "OPTIONS", "authorization": "NONE"}]})


def test_api_key_required_sets_the_method_flag(deploy):
    monitor, _ = build_api(deploy, {"routes": [{**ROUTE, "api_key_required": True}], "usage_plan": {"api_keys": ["a"]}})
    method = only(monitor, METHOD)
    assert method.inputs["apiKeyRequired"] is True
    assert method.inputs["authorization"] == "AWS_IAM"


# --- stage opt-outs / opt-ins -----------------------------------------------------------------------

def test_log_full_requests_turns_data_trace_on_only(deploy):
    default, _ = build_api(deploy)
    monitor, _ = build_api(deploy, {"log_full_requests": {"reason": "debugging a partner integration for 1 day"}})
    before, after = only(default, SETTINGS).inputs["settings"], only(monitor, SETTINGS).inputs["settings"]
    assert after == {**before, "dataTraceEnabled": True}


def test_logging_level_and_throttling(deploy):
    monitor, _ = build_api(deploy, {"logging_level": "ERROR", "throttling": {"burst_limit": 20, "rate_limit": 2.5}})
    settings = only(monitor, SETTINGS).inputs["settings"]
    assert settings["loggingLevel"] == "ERROR"
    assert settings["throttlingBurstLimit"] == 20
    assert settings["throttlingRateLimit"] == 2.5


def test_caching_opt_in_is_encrypted_and_needs_authorization(deploy):
    monitor, _ = build_api(deploy, {"caching": {"cluster_size": "1.6", "ttl_seconds": 60}})
    stage = only(monitor, STAGE)
    assert stage.inputs["cacheClusterEnabled"] is True
    assert stage.inputs["cacheClusterSize"] == "1.6"
    settings = only(monitor, SETTINGS).inputs["settings"]
    assert settings["cachingEnabled"] is True
    assert settings["cacheDataEncrypted"] is True
    assert settings["cacheTtlInSeconds"] == 60
    assert settings["requireAuthorizationForCacheControl"] is True
    assert settings["unauthorizedCacheControlHeaderStrategy"] == "FAIL_WITH_403"


def test_access_log_retention_and_name(deploy):
    monitor, _ = build_api(deploy, {"access_logs": {"retention_in_days": 3653, "name": "/custom/orders"}})
    group = named(monitor, LOG_GROUP, "orders-access-logs")
    assert group.inputs["retentionInDays"] == 3653
    assert group.inputs["name"] == "/custom/orders"
    assert group.inputs["kmsKeyId"] == KMS


def test_allow_without_waf_removes_only_the_association(deploy):
    default, _ = build_api(deploy)
    monitor, _ = build_api(deploy, {"web_acl_arn": None, "allow_without_waf": {"reason": "internal API behind a WAF'd ALB"}})
    assert monitor.of_type(ASSOCIATION) == []
    assert sorted(r.type for r in monitor.registrations) == sorted(
        r.type for r in default.registrations if r.type != ASSOCIATION
    )


def test_usage_plan_and_secret_api_keys(deploy):
    monitor, outputs = build_api(deploy, {"usage_plan": {
        "throttle": {"burst_limit": 10, "rate_limit": 5}, "quota_limit": 1000, "quota_period": "MONTH",
        "api_keys": ["partner-a", "partner-b"],
    }})
    plan = only(monitor, USAGE_PLAN)
    assert plan.inputs == {
        "name": "orders-v1",
        "apiStages": [{"apiId": outputs["rest_api_id"], "stage": "v1"}],
        "throttleSettings": {"burstLimit": 10, "rateLimit": 5},
        "quotaSettings": {"limit": 1000, "period": "MONTH"},
        "tags": {},
    }
    keys = monitor.of_type(API_KEY)
    assert sorted(k.inputs["name"] for k in keys) == ["partner-a", "partner-b"]
    for key in keys:
        assert "value" not in key.inputs
        assert key.inputs["enabled"] is True
        assert "value" in key.options["additionalSecretOutputs"]
    assert {k.inputs["keyType"] for k in monitor.of_type(PLAN_KEY)} == {"API_KEY"}
    assert len(monitor.of_type(PLAN_KEY)) == 2
    assert not any("key" in name for name in OUTPUTS)


# --- OpenAPI ----------------------------------------------------------------------------------------

TEMPLATE = """
openapi: "3.0.1"
info: {title: orders, version: "1"}
components:
  securitySchemes:
    sigv4: {{ iam_auth() }}
    users: {{ authorizer("users") }}
paths:
  /orders:
    get:
      security: [{sigv4: []}]
      x-amazon-apigateway-integration: {{ integration("list") }}
  /orders/{id}:
    get:
      security: [{users: ["orders/read"]}]
      x-amazon-apigateway-integration: {{ integration("get", "GET", requestParameters={"integration.request.path.id": "method.request.path.id"}) }}
    options:
      x-amazon-apigateway-integration: {type: mock}
"""
OPENAPI = {
    "routes": [],
    "authorizers": [{"name": "users", "type": "COGNITO_USER_POOLS", "provider_arns": [POOL]}],
    "openapi": {"template": TEMPLATE, "integrations": {
        "list": {"lambda_arn": FN}, "get": {"https_url": "https://backend.example.com/orders/{id}"},
    }},
}


def test_openapi_template_renders_into_the_body(deploy):
    monitor, outputs = build_api(deploy, OPENAPI)
    api = only(monitor, API)
    body = json.loads(api.inputs["body"])
    assert body["paths"]["/orders"]["get"]["x-amazon-apigateway-integration"] == {
        "type": "aws_proxy", "httpMethod": "POST", "uri": INVOKE, "timeoutInMillis": 29000,
    }
    get_one = body["paths"]["/orders/{id}"]["get"]["x-amazon-apigateway-integration"]
    assert get_one["type"] == "http_proxy"
    assert get_one["uri"] == "https://backend.example.com/orders/{id}"
    assert get_one["tlsConfig"] == {"insecureSkipVerification": False}
    assert get_one["requestParameters"] == {"integration.request.path.id": "method.request.path.id"}
    assert body["components"]["securitySchemes"]["users"]["x-amazon-apigateway-authorizer"] == {
        "type": "cognito_user_pools", "providerARNs": [POOL],
    }
    assert body["components"]["securitySchemes"]["sigv4"]["x-amazon-apigateway-authtype"] == "awsSigv4"
    # Request validation is forced on for the whole document.
    validator = body["x-amazon-apigateway-request-validator"]
    assert body["x-amazon-apigateway-request-validators"][validator] == {
        "validateRequestBody": True, "validateRequestParameters": True,
    }
    # The body replaces the route models: no Method/Integration resources, one permission per Lambda operation.
    assert monitor.of_type(METHOD) == monitor.of_type(INTEGRATION) == monitor.of_type(RESOURCE) == []
    permission = only(monitor, PERMISSION)
    assert permission.inputs["sourceArn"] == f"{outputs['execution_arn']}/*/GET/orders"
    # The deployment follows the body.
    assert re.fullmatch(r"[0-9a-f]{64}", only(monitor, DEPLOYMENT).inputs["triggers"]["redeployment"])
    assert only(monitor, STAGE).inputs["xrayTracingEnabled"] is True


def test_openapi_template_from_a_file(deploy, tmp_path):
    path = tmp_path / "orders.yaml.j2"
    path.write_text(TEMPLATE)
    monitor, _ = build_api(deploy, {**OPENAPI, "openapi": {**OPENAPI["openapi"], "template": None, "template_file": path}})
    assert "/orders/{id}" in json.loads(only(monitor, API).inputs["body"])["paths"]


def test_openapi_lambda_authorizer_scheme_and_permission(deploy):
    template = TEMPLATE.replace("users", "tok")
    monitor, outputs = build_api(deploy, {
        **OPENAPI, "openapi": {**OPENAPI["openapi"], "template": template},
        "authorizers": [{"name": "tok", "type": "TOKEN", "lambda_arn": AUTH_FN}],
    })
    scheme = json.loads(only(monitor, API).inputs["body"])["components"]["securitySchemes"]["tok"]
    assert scheme == {
        "type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "custom",
        "x-amazon-apigateway-authorizer": {
            "type": "token", "authorizerUri": INVOKE.replace(FN, AUTH_FN),
            "identitySource": "method.request.header.Authorization", "authorizerResultTtlInSeconds": 300,
        },
    }
    permission = named(monitor, PERMISSION, "orders-authorizer-tok-invoke")
    assert permission.inputs["function"] == AUTH_FN
    assert permission.inputs["sourceArn"] == f"{outputs['execution_arn']}/authorizers/*"
    assert monitor.of_type(AUTHORIZER) == []


def test_openapi_operations_must_be_authenticated():
    template = TEMPLATE.replace("security: [{sigv4: []}]", "security: []")
    with pytest.raises(ComponentArgsError, match=r"openapi\.template: GET /orders has no authorization"):
        RestApi("orders", {**BASE, **OPENAPI, "openapi": {**OPENAPI["openapi"], "template": template}})


def test_openapi_public_operation_with_reason(deploy):
    template = TEMPLATE.replace("security: [{sigv4: []}]", "security: []")
    monitor, _ = build_api(deploy, {
        **OPENAPI, "openapi": {**OPENAPI["openapi"], "template": template},
        "public_routes": [{"path": "/orders", "http_method": "GET", "reason": "public catalogue, read-only"}],
    })
    assert json.loads(only(monitor, API).inputs["body"])["paths"]["/orders"]["get"]["security"] == []


@pytest.mark.parametrize("template, message", [
    ("paths: {{ integration('missing') }}", "openapi.template"),
    ("paths: [", "openapi.template"),
    ("{% if %}", "openapi.template"),
    ("openapi: 3.0.1\npaths: {}", "openapi.template: the document defines no operations"),
    ("paths:\n  orders:\n    get: {x-amazon-apigateway-auth: {type: AWS_IAM}}", "openapi.template: path 'orders'"),
])
def test_openapi_template_errors_name_the_field(template, message):
    with pytest.raises(ComponentArgsError) as err:
        RestApi("orders", {**BASE, **OPENAPI, "openapi": {**OPENAPI["openapi"], "template": template}})
    assert message in str(err.value)


# --- bad args ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("overrides, field", [
    ({"kms_key_arn": "alias/aws/logs"}, "kms_key_arn"),
    ({"endpoint_type": "EDGE"}, "endpoint_type"),
    ({"endpoint_type": "GLOBAL"}, "endpoint_type"),
    ({"allow_edge_endpoint": {"reason": "global partners, CloudFront latency"}}, "allow_edge_endpoint"),
    ({"endpoint_type": "PRIVATE"}, "vpc_endpoint_ids"),
    ({"vpc_endpoint_ids": [VPCE]}, "vpc_endpoint_ids"),
    ({"endpoint_type": "PRIVATE", "vpc_endpoint_ids": [VPCE],
      "custom_domain": {"domain_name": "api.example.com", "certificate_arn": CERT}}, "custom_domain"),
    ({"keep_default_endpoint": {"reason": "internal clients migrate next quarter"}}, "keep_default_endpoint"),
    ({"custom_domain": {"domain_name": "API.example.com", "certificate_arn": CERT}}, "custom_domain.domain_name"),
    ({"custom_domain": {"domain_name": "api.example.com", "certificate_arn": "cert"}}, "custom_domain.certificate_arn"),
    ({"custom_domain": {"domain_name": "api.example.com", "certificate_arn": CERT, "base_path": "/v1"}}, "custom_domain.base_path"),
    ({"web_acl_arn": None}, "web_acl_arn"),
    ({"allow_without_waf": {"reason": "no WAF here, honestly"}}, "allow_without_waf"),
    ({"web_acl_arn": None, "allow_without_waf": {"reason": "short"}}, "allow_without_waf.reason"),
    ({"routes": []}, "routes"),
    ({"routes": [ROUTE, ROUTE]}, "routes.1"),
    ({"routes": [{**ROUTE, "path": "orders"}]}, "routes.0.path"),
    ({"routes": [{**ROUTE, "path": "/a/{p+}/b"}]}, "routes.0.path"),
    ({"routes": [{**ROUTE, "path": "/a/{id}/{id}"}]}, "routes.0.path"),
    ({"routes": [{**ROUTE, "http_method": "TRACE"}]}, "routes.0.http_method"),
    ({"routes": [{**ROUTE, "integration": {}}]}, "routes.0.integration"),
    ({"routes": [{**ROUTE, "integration": {"lambda_arn": FN, "https_url": "https://x.example.com"}}]}, "routes.0.integration"),
    ({"routes": [{**ROUTE, "integration": {"lambda_arn": "arn:aws:lambda:eu-west-1:1:function:x"}}]}, "routes.0.integration.lambda_arn"),
    ({"routes": [{**ROUTE, "integration": {"https_url": "ftp://x.example.com"}}]}, "routes.0.integration.https_url"),
    ({"routes": [{**ROUTE, "integration": {"lambda_arn": FN, "timeout_ms": 30000}}]}, "routes.0.integration.timeout_ms"),
    ({"routes": [{**ROUTE, "authorization": "COGNITO_USER_POOLS"}]}, "routes.0.authorizer"),
    ({"routes": [{**ROUTE, "authorization": "CUSTOM", "authorizer": "users"}],
      "authorizers": [{"name": "users", "type": "COGNITO_USER_POOLS", "provider_arns": [POOL]}]}, "routes.0.authorizer"),
    ({"routes": [{**ROUTE, "authorizer": "users"}],
      "authorizers": [{"name": "users", "type": "COGNITO_USER_POOLS", "provider_arns": [POOL]}]}, "routes.0.authorizer"),
    ({"routes": [{**ROUTE, "authorization_scopes": ["a/b"]}]}, "routes.0.authorization_scopes"),
    ({"routes": [{**ROUTE, "api_key_required": True}]}, "routes.0.api_key_required"),
    ({"public_routes": [{"path": "/orders", "http_method": "GET", "reason": "public catalogue"}]}, "public_routes.0"),
    ({"allow_plain_http_backend": {"reason": "legacy backend inside the VPC"}}, "allow_plain_http_backend"),
    ({"authorizers": [{"name": "users", "type": "COGNITO_USER_POOLS"}]}, "authorizers.0"),
    ({"authorizers": [{"name": "tok", "type": "TOKEN"}]}, "authorizers.0"),
    ({"authorizers": [{"name": "users", "type": "COGNITO_USER_POOLS", "provider_arns": ["pool"]}]}, "authorizers.0.provider_arns.0"),
    ({"authorizers": [{"name": "tok", "type": "TOKEN", "lambda_arn": AUTH_FN, "result_ttl_seconds": 3601}]}, "authorizers.0.result_ttl_seconds"),
    ({"authorizers": [{"name": "a", "type": "TOKEN", "lambda_arn": AUTH_FN}] * 2}, "authorizers"),
    ({"stage_name": "v1 beta"}, "stage_name"),
    ({"throttling": {"burst_limit": 0}}, "throttling.burst_limit"),
    ({"throttling": {"rate_limit": -1}}, "throttling.rate_limit"),
    ({"logging_level": "OFF"}, "logging_level"),
    ({"log_full_requests": {"reason": "why"}}, "log_full_requests.reason"),
    ({"caching": {"cluster_size": "2"}}, "caching.cluster_size"),
    ({"access_logs": {"retention_in_days": 0}}, "access_logs.retention_in_days"),
    ({"usage_plan": {"quota_limit": 0}}, "usage_plan.quota_limit"),
    ({"usage_plan": {"api_keys": ["a", "a"]}}, "usage_plan.api_keys"),
    ({"openapi": {"template": "x", "template_file": "/tmp/x"}, "routes": []}, "openapi"),
    ({"openapi": {"template": TEMPLATE}}, "routes"),
    ({"colour": "blue"}, "colour"),
])
def test_bad_args_name_the_field(overrides, field):
    with pytest.raises(ComponentArgsError) as err:
        RestApi("orders", {**BASE, **overrides})
    assert field in str(err.value)
    assert str(err.value).startswith("RestApi: invalid args:")


def test_kms_key_is_required():
    with pytest.raises(ComponentArgsError, match="kms_key_arn: Field required"):
        RestApi("orders", {"web_acl_arn": ACL, "routes": [ROUTE]})


def test_invalid_args_register_nothing(deploy):
    def build():
        with pytest.raises(ComponentArgsError):
            RestApi("orders", {**BASE, "endpoint_type": "EDGE"})

    monitor = deploy(build)
    assert [r.type for r in monitor.registrations if r.type != "pulumi:pulumi:Stack"] == []


# --- request validation, method throttling, cache keys, backend certificate --------------------------

def test_body_routes_validate_their_model_and_required_parameters(deploy):
    with pytest.raises(ComponentArgsError, match=r"routes\.0\.request_model: POST /orders takes a body"):
        RestApi("orders", {**BASE, "routes": [{**ROUTE, "http_method": "POST"}]})
    monitor, _ = build_api(deploy, {"routes": [{
        **ROUTE, "http_method": "POST", "request_model": ORDER_SCHEMA,
        "required_query_parameters": ["tenant"], "required_headers": ["Idempotency-Key"]}]})
    model = only(monitor, "aws:apigateway/model:Model")
    assert model.inputs["contentType"] == "application/json"
    assert json.loads(model.inputs["schema"]) == {"$schema": "http://json-schema.org/draft-04/schema#", **ORDER_SCHEMA}
    method = only(monitor, METHOD).inputs
    assert method["requestModels"] == {"application/json": model.inputs["name"]}
    assert method["requestParameters"] == {"method.request.querystring.tenant": True,
                                           "method.request.header.Idempotency-Key": True}
    assert method["requestValidatorId"]


def test_unvalidated_body_is_an_acknowledged_opt_out(deploy):
    monitor, _ = build_api(deploy, {"routes": [{
        **ROUTE, "http_method": "POST", "allow_unvalidated_body": {"reason": "the backend validates the signed payload"}}]})
    assert only(monitor, COMPONENT).inputs["stackguardAcknowledgements"] == [
        {"rule": "aws-apigateway-method-request-validation", "resource": "orders-POST/orders",
         "option": "routes.0.allow_unvalidated_body", "reason": "the backend validates the signed payload"}]


def test_method_throttling_overrides_the_stage_for_that_method(deploy):
    monitor, _ = build_api(deploy, {"routes": [{**ROUTE, "throttling": {"burst_limit": 5, "rate_limit": 2}}]})
    settings = {s.inputs["methodPath"]: s.inputs["settings"] for s in monitor.of_type(SETTINGS)}
    assert settings["*/*"]["throttlingBurstLimit"] == 100
    assert settings["orders/GET"] == {**settings["*/*"], "throttlingBurstLimit": 5, "throttlingRateLimit": 2}


def test_cache_is_keyed_by_the_caller_unless_shared_with_a_reason(deploy):
    monitor, _ = build_api(deploy, {"caching": {}, "routes": [{**ROUTE, "path": "/orders/{id}"}]})
    assert only(monitor, INTEGRATION).inputs["cacheKeyParameters"] == [
        "method.request.path.id", "method.request.header.Authorization"]
    assert only(monitor, METHOD).inputs["requestParameters"]["method.request.header.Authorization"] is False
    shared, _ = build_api(deploy, {"caching": {"allow_shared_cache": {"reason": "public price list, same for all"}},
                                   "routes": [{**ROUTE, "path": "/orders/{id}"}]})
    assert only(shared, INTEGRATION).inputs["cacheKeyParameters"] == ["method.request.path.id"]
    assert only(shared, COMPONENT).inputs["stackguardAcknowledgements"] == [
        {"rule": "aws-apigateway-integration-cache-keys", "resource": "orders-GET/orders/{id}",
         "option": "caching.allow_shared_cache", "reason": "public price list, same for all"}]


def test_http_backends_get_a_stage_client_certificate(deploy):
    # FSBP APIGateway.2: REST API stages use an SSL certificate for backend authentication.
    lambda_only, _ = build_api(deploy)
    assert lambda_only.of_type("aws:apigateway/clientCertificate:ClientCertificate") == []
    assert "clientCertificateId" not in only(lambda_only, STAGE).inputs
    monitor, _ = build_api(deploy, {"routes": [{**ROUTE, "integration": {"https_url": "https://backend.example.com/orders"}}]})
    certificate = only(monitor, "aws:apigateway/clientCertificate:ClientCertificate")
    assert only(monitor, STAGE).property_dependencies["clientCertificateId"] == [certificate.urn]


def test_mutual_tls_on_the_custom_domain(deploy):
    monitor, _ = build_api(deploy, {"custom_domain": {
        "domain_name": "api.example.com", "certificate_arn": CERT, "truststore_uri": "s3://example-truststore/ca.pem"}})
    assert only(monitor, DOMAIN).inputs["mutualTlsAuthentication"] == {"truststoreUri": "s3://example-truststore/ca.pem"}
    with pytest.raises(ComponentArgsError, match="custom_domain.truststore_uri"):
        RestApi("orders", {**BASE, "custom_domain": {"domain_name": "api.example.com", "certificate_arn": CERT,
                                                     "truststore_uri": "https://example.com/ca.pem"}})


# --- review 2026-12-04: B5, B7, B9, S2, S3, S6, S9 ---------------------------------------------------------------

EDGE = {"endpoint_type": "EDGE", "allow_edge_endpoint": {"reason": "global partners call through CloudFront's edge"}}
PRIVATE = {"endpoint_type": "PRIVATE", "vpc_endpoint_ids": [VPCE]}
# (template operation, error naming it, opt-out)
BODY_TEMPLATE = TEMPLATE.replace("""  /orders:
    get:""", """  /orders:
    post:""")


def test_a_private_openapi_api_merges_its_body_so_the_vpc_endpoints_stay(deploy):
    """B5. With a body, PutRestApi's default "overwrite" mode replaces the endpoint configuration with the document's
    and drops a PRIVATE API's VPC endpoint association; "merge" keeps it.
    https://docs.aws.amazon.com/apigateway/latest/api/API_PutRestApi.html"""
    monitor, _ = build_api(deploy, {**OPENAPI, **PRIVATE})
    assert only(monitor, API).inputs["putRestApiMode"] == "merge"
    assert only(monitor, API).inputs["endpointConfiguration"] == {"types": "PRIVATE", "vpcEndpointIds": [VPCE]}
    regional, _ = build_api(deploy, OPENAPI)
    assert "putRestApiMode" not in only(regional, API).inputs


def test_an_edge_certificate_from_an_output_is_checked_at_deploy_time(deploy):
    """B7. CloudFront only uses ACM certificates of us-east-1: a certificate created in the same program (an Output)
    in another region fails the deployment naming the field, instead of CreateDomainName failing.
    https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-edge-optimized-custom-domain-name.html"""
    def edge_api(certificate):
        return lambda: RestApi("orders", {**BASE, **EDGE, "custom_domain": {
            "domain_name": "api.example.com", "certificate_arn": pulumi.Output.from_input(certificate)}})

    with pytest.raises(Exception, match=r"RestApi: invalid args: custom_domain.certificate_arn: the domain is served by "
                                        r"CloudFront, which only uses ACM certificates of us-east-1 \(got eu-west-1\)"):
        deploy(edge_api(CERT))
    assert only(deploy(edge_api(EDGE_CERT)), DOMAIN).inputs["certificateArn"] == EDGE_CERT


class _CloudFrontTargets(AwsMocks):
    """AWS's answer for an EDGE domain name: the CloudFront distribution serving it (AwsMocks answers REGIONAL's)."""

    def new_resource(self, args):
        physical_id, outputs = super().new_resource(args)
        if args.typ == DOMAIN:
            outputs.update(cloudfrontDomainName="d111111abcdef8.cloudfront.net", cloudfrontZoneId="Z2FDTNDATAQYW2")
        return physical_id, outputs


@pytest.mark.parametrize(("edge", "expected"), [
    (False, {"target": "d-{digest}.execute-api.eu-west-1.amazonaws.com", "zone": "Z2FDTNDATAQYW2"}),
    (True, {"target": "d111111abcdef8.cloudfront.net", "zone": "Z2FDTNDATAQYW2"}),
])
def test_a_custom_domain_outputs_the_dns_alias_target(edge, expected):
    """B9. The execute-api endpoint is disabled with a custom domain, so callers need an alias record: the component
    outputs the regional domain name and zone (the CloudFront distribution's for EDGE).
    https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html
    https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-edge-optimized-custom-domain-name.html"""
    outputs = {}

    def build():
        api = RestApi("orders", {**BASE, **(EDGE if edge else {}), "custom_domain": {
            "domain_name": "api.example.com", "certificate_arn": EDGE_CERT if edge else CERT}})
        return pulumi.Output.all(api.domain_target_name, api.domain_hosted_zone_id).apply(
            lambda v: outputs.update(target=v[0], zone=v[1]))

    run_program(build, _CloudFrontTargets(), project="component-test", stack="prod")
    digest = re.fullmatch(r"d-([0-9a-f]{10})\.execute-api\.eu-west-1\.amazonaws\.com", outputs["target"] or "")
    assert outputs == {**expected, "target": expected["target"].format(digest=digest[1] if digest else "")}


def test_openapi_operations_need_a_body_schema_scopes_and_no_wildcard_origin(deploy):
    """S2. The template gets the typed routes' guarantees: a POST without a JSON schema for its body (API Gateway
    validates only declared models), a Cognito requirement without scopes (any ID token of the pool) and
    Access-Control-Allow-Origin '*' are refused, naming the operation; each has a per-operation opt-out, acknowledged.
    https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
    https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-enable-cognito-user-pool.html
    https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html"""
    reason = {"reason": "the backend validates the webhook signature itself", "owner": "orders-team"}
    body = {**OPENAPI, "openapi": {**OPENAPI["openapi"], "template": BODY_TEMPLATE}}
    with pytest.raises(ComponentArgsError, match=r"openapi.template: POST /orders takes a body without a JSON schema"):
        RestApi("orders", {**BASE, **body})
    scopeless = {**OPENAPI, "openapi": {**OPENAPI["openapi"], "template": TEMPLATE.replace('["orders/read"]', "[]")}}
    with pytest.raises(ComponentArgsError, match=r"openapi.template: GET /orders/\{id\} has a Cognito security "
                                                 r"requirement without scopes"):
        RestApi("orders", {**BASE, **scopeless})
    cors = {**OPENAPI, "openapi": {**OPENAPI["openapi"], "template": TEMPLATE.replace(
        "x-amazon-apigateway-integration: {type: mock}",
        "x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: '200', responseParameters: "
        "{method.response.header.Access-Control-Allow-Origin: \"'*'\"}}}}")}}
    with pytest.raises(ComponentArgsError, match=r"openapi.template: OPTIONS /orders/\{id\} sets "
                                                 r"Access-Control-Allow-Origin '\*'"):
        RestApi("orders", {**BASE, **cors})

    monitor, _ = build_api(deploy, {
        **cors, "allow_wildcard_cors": reason,
        "openapi": {**cors["openapi"], "template": cors["openapi"]["template"].replace('["orders/read"]', "[]").replace(
            "/orders:\n    get:", "/orders:\n    post:"),
            "unvalidated_bodies": [{"path": "/orders", "http_method": "POST", **reason}],
            "any_token_of_pool": [{"path": "/orders/{id}", "http_method": "GET", **reason}]}})
    assert only(monitor, COMPONENT).inputs["stackguardAcknowledgements"] == [
        {"rule": "aws-apigateway-cors-wildcard", "resource": "orders", "option": "allow_wildcard_cors", **reason},
        {"rule": "aws-apigateway-method-request-validation", "resource": "orders",
         "option": "openapi.unvalidated_bodies.0", **reason},
        {"rule": "aws-apigateway-method-cognito-scopes", "resource": "orders", "option": "openapi.any_token_of_pool.0",
         **reason},
    ]
    with pytest.raises(ComponentArgsError, match=r"openapi.unvalidated_bodies.0: POST /orders does not need the opt-out"):
        RestApi("orders", {**BASE, **OPENAPI, "openapi": {**OPENAPI["openapi"], "unvalidated_bodies": [
            {"path": "/orders", "http_method": "POST", **reason}]}})


def test_an_openapi_body_with_a_schema_passes():
    """S2. An OpenAPI 3 requestBody with an application/json schema is validated by API Gateway: no opt-out needed.
    https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-validation-set-up.html"""
    template = BODY_TEMPLATE.replace("      security: [{sigv4: []}]\n", "      security: [{sigv4: []}]\n"
                                     "      requestBody: {content: {application/json: {schema: {type: object}}}}\n", 1)
    RestApi("orders", {**BASE, **OPENAPI, "openapi": {**OPENAPI["openapi"], "template": template}})


def test_a_request_authorizer_cached_without_the_credential_needs_a_reason(deploy):
    """S3. API Gateway caches a Lambda authorizer's policy under its identity sources: a REQUEST authorizer keyed on
    X-Tenant for 300 s lets anyone who sends the same X-Tenant reuse another caller's Allow. It needs the
    Authorization header among its identity sources, a TTL of 0, or allow_shared_decision_cache (acknowledged).
    https://docs.aws.amazon.com/apigateway/latest/developerguide/configure-api-gateway-lambda-authorization.html"""
    tenant = {"name": "tenant", "type": "REQUEST", "lambda_arn": AUTH_FN, "identity_source": "method.request.header.X-Tenant"}
    route = {**ROUTE, "authorization": "CUSTOM", "authorizer": "tenant"}
    with pytest.raises(ComponentArgsError, match=r"authorizers.0: .*identity_source: a REQUEST authorizer caches its "
                                                 r"decision for 300 s under 'method.request.header.X-Tenant'"):
        RestApi("orders", {**BASE, "authorizers": [tenant], "routes": [route]})
    for safe in ({"result_ttl_seconds": 0},
                 {"identity_source": "method.request.header.X-Tenant,method.request.header.Authorization"}):
        RestApi("orders", {**BASE, "authorizers": [{**tenant, **safe}], "routes": [route]})
    accepted = {"reason": "the tenant header is signed by the edge proxy", "owner": "orders-team"}
    monitor, _ = build_api(deploy, {"authorizers": [{**tenant, "allow_shared_decision_cache": accepted}],
                                    "routes": [route]})
    assert only(monitor, COMPONENT).inputs["stackguardAcknowledgements"] == [
        {"rule": "aws-apigateway-authorizer-cache-keys", "resource": "orders-authorizer-tenant",
         "option": "authorizers.0.allow_shared_decision_cache", **accepted}]


def test_execution_logs_go_to_an_encrypted_group_created_before_logging_starts(deploy):
    """S6. With loggingLevel INFO API Gateway writes to API-Gateway-Execution-Logs_{rest-api-id}/{stage}, which it
    would create unencrypted and never expiring: the component creates it with the key and retention, and the
    MethodSettings that switch logging on wait for it.
    https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-execution-logging.html"""
    monitor, outputs = build_api(deploy, {"access_logs": {"retention_in_days": 90}})
    group = named(monitor, LOG_GROUP, "orders-execution-logs")
    assert group.inputs == {
        "name": f"API-Gateway-Execution-Logs_{outputs['rest_api_id']}/v1",
        "kmsKeyId": KMS, "retentionInDays": 90, "logGroupClass": "STANDARD", "tags": {},
    }
    assert group.urn in only(monitor, SETTINGS).dependencies


def test_access_logs_name_cognito_and_jwt_callers(deploy):
    """S9. $context.authorizer.principalId is set by Lambda authorizers only; a Cognito or JWT caller is named by its
    token's claims, client_id and sub.
    https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-variables-for-access-logging.html"""
    monitor, _ = build_api(deploy)
    fields = json.loads(only(monitor, STAGE).inputs["accessLogSettings"]["format"])
    assert fields["clientId"] == "$context.authorizer.claims.client_id"
    assert fields["subject"] == "$context.authorizer.claims.sub"
