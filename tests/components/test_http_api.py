"""HttpApi: explicit defaults on the API, routes, integrations, stage and log group; opt-outs; bad args."""
from __future__ import annotations

import json

import pulumi
import pytest

from stackguard.components._acknowledgements import PROPERTY
from stackguard.components._args import ComponentArgsError
from stackguard.components.http_api import HttpApi
from stackguard.mocks import AwsMocks
from stackguard.recording import run_program

KMS = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
FN = "arn:aws:lambda:eu-west-1:123456789012:function:catalog"
CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"

COMPONENT = "stackguard:index:HttpApi"
API = "aws:apigatewayv2/api:Api"
ROUTE_T = "aws:apigatewayv2/route:Route"
INTEGRATION = "aws:apigatewayv2/integration:Integration"
AUTHORIZER = "aws:apigatewayv2/authorizer:Authorizer"
STAGE = "aws:apigatewayv2/stage:Stage"
DOMAIN = "aws:apigatewayv2/domainName:DomainName"
MAPPING = "aws:apigatewayv2/apiMapping:ApiMapping"
LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup"
PERMISSION = "aws:lambda/permission:Permission"

ROUTE = {"path": "/items", "http_method": "GET", "integration": {"lambda_arn": FN}}
NO_WAF = {"reason": "HTTP APIs cannot use WAF; CloudFront with WAF fronts this one", "owner": "edge-team"}
NO_WAF_TAG = "HTTP APIs cannot use WAF_ CloudFront with WAF fronts this one"  # ";" is not allowed in AWS tag values
BASE = {"kms_key_arn": KMS, "routes": [ROUTE], "allow_without_waf": NO_WAF}
JWT = {"name": "users", "issuer": ISSUER, "audiences": ["client-id"]}
OUTPUTS = ("api_id", "api_endpoint", "execution_arn", "stage_arn", "invoke_url", "access_log_group_arn")


def only(monitor, token):
    found = monitor.of_type(token)
    assert len(found) == 1, f"expected one {token}, got {len(found)}"
    return found[0]


def build_api(deploy, overrides=None, name="catalog"):
    outputs = {}

    def build():
        api = HttpApi(name, {**BASE, **(overrides or {})})
        return pulumi.Output.all(**{k: getattr(api, k) for k in OUTPUTS}).apply(outputs.update)

    return deploy(build), outputs


def test_api_defaults(deploy):
    monitor, _ = build_api(deploy)
    assert only(monitor, API).inputs == {"protocolType": "HTTP", "disableExecuteApiEndpoint": False, "tags": {}}


def test_route_integration_and_permission_defaults(deploy):
    monitor, outputs = build_api(deploy)
    integration = only(monitor, INTEGRATION)
    assert integration.inputs == {
        "apiId": outputs["api_id"],
        "integrationType": "AWS_PROXY",
        "integrationUri": FN,
        "integrationMethod": "POST",
        "payloadFormatVersion": "2.0",
        "timeoutMilliseconds": 29000,
    }
    route = only(monitor, ROUTE_T)
    assert route.inputs == {
        "apiId": outputs["api_id"],
        "routeKey": "GET /items",
        "target": route.inputs["target"],
        "authorizationType": "AWS_IAM",
    }
    assert route.property_dependencies["target"] == [integration.urn]
    assert only(monitor, PERMISSION).inputs == {
        "action": "lambda:InvokeFunction",
        "function": FN,
        "principal": "apigateway.amazonaws.com",
        "sourceArn": f"{outputs['execution_arn']}/*/GET/items",
    }


def test_stage_and_log_group_defaults(deploy):
    monitor, _ = build_api(deploy)
    group = only(monitor, LOG_GROUP)
    assert group.inputs == {
        "name": "/aws/apigateway/prod/catalog/access",
        "kmsKeyId": KMS,
        "retentionInDays": 365,
        "logGroupClass": "STANDARD",
        "tags": {},
    }
    stage = only(monitor, STAGE)
    log_format = stage.inputs["accessLogSettings"].pop("format")
    assert stage.inputs == {
        "apiId": stage.inputs["apiId"],
        "name": "$default",
        "autoDeploy": True,
        "accessLogSettings": {"destinationArn": stage.inputs["accessLogSettings"]["destinationArn"]},
        "defaultRouteSettings": {"throttlingBurstLimit": 100, "throttlingRateLimit": 50, "detailedMetricsEnabled": True},
        "tags": {"stackguard:acknowledged:aws-apigatewayv2-stage-web-acl": NO_WAF_TAG},
    }
    assert stage.property_dependencies["accessLogSettings"] == [group.urn]
    assert only(monitor, ROUTE_T).urn in stage.dependencies
    fields = json.loads(log_format)
    assert fields["requestId"] == "$context.requestId"
    assert fields["routeKey"] == "$context.routeKey"
    assert fields["status"] == "$context.status"


def test_children_parented_and_outputs_resolve(deploy):
    monitor, outputs = build_api(deploy, {
        "jwt_authorizers": [JWT],
        "routes": [{**ROUTE, "authorization": "JWT", "authorizer": "users", "authorization_scopes": ["catalog/read"]}],
        "custom_domain": {"domain_name": "catalog.example.com", "certificate_arn": CERT},
    })
    component = only(monitor, COMPONENT)
    children = [r for r in monitor.registrations if r.type.startswith("aws:")]
    assert sorted(r.type for r in children) == sorted(
        [API, AUTHORIZER, INTEGRATION, ROUTE_T, PERMISSION, LOG_GROUP, STAGE, DOMAIN, MAPPING]
    )
    for child in children:
        assert child.parent == component.urn
        assert f"{COMPONENT}$aws:" in child.urn
    assert outputs["api_endpoint"] == f"https://{outputs['api_id']}.execute-api.eu-west-1.amazonaws.com"
    assert outputs["execution_arn"] == f"arn:aws:execute-api:eu-west-1:123456789012:{outputs['api_id']}"
    assert outputs["stage_arn"].startswith("arn:aws:apigateway:eu-west-1:")
    assert outputs["invoke_url"] == "https://catalog.example.com/"
    assert outputs["access_log_group_arn"].startswith("arn:aws:logs:eu-west-1:")


def test_invoke_url_without_custom_domain(deploy):
    _, outputs = build_api(deploy)
    assert outputs["invoke_url"] == outputs["api_endpoint"]
    _, outputs = build_api(deploy, {"stage_name": "v2"})
    assert outputs["invoke_url"] == outputs["api_endpoint"] + "/v2"


def test_jwt_authorizer_and_scopes(deploy):
    monitor, _ = build_api(deploy, {
        "jwt_authorizers": [JWT],
        "routes": [{**ROUTE, "authorization": "JWT", "authorizer": "users", "authorization_scopes": ["catalog/read"]}],
    })
    authorizer = only(monitor, AUTHORIZER)
    assert authorizer.inputs == {
        "apiId": authorizer.inputs["apiId"],
        "name": "users",
        "authorizerType": "JWT",
        "identitySources": ["$request.header.Authorization"],
        "jwtConfiguration": {"issuer": ISSUER, "audiences": ["client-id"]},
    }
    route = only(monitor, ROUTE_T)
    assert route.inputs["authorizationType"] == "JWT"
    assert route.inputs["authorizationScopes"] == ["catalog/read"]
    assert route.property_dependencies["authorizerId"] == [authorizer.urn]


def test_https_backend_is_http_proxy_without_permission(deploy):
    monitor, _ = build_api(deploy, {"routes": [
        {"path": "/items/{id}", "http_method": "PUT", "integration": {"https_url": "https://backend.example.com/{id}"}},
    ]})
    integration = only(monitor, INTEGRATION)
    assert integration.inputs["integrationType"] == "HTTP_PROXY"
    assert integration.inputs["integrationUri"] == "https://backend.example.com/{id}"
    assert integration.inputs["integrationMethod"] == "PUT"
    assert integration.inputs["payloadFormatVersion"] == "1.0"
    assert monitor.of_type(PERMISSION) == []


def test_plain_http_backend_only_with_reasoned_opt_out(deploy):
    route = {**ROUTE, "integration": {"https_url": "http://legacy.example.com/items"}}
    with pytest.raises(ComponentArgsError, match=r"routes\.0\.integration\.https_url"):
        HttpApi("catalog", {**BASE, "routes": [route]})
    monitor, _ = build_api(deploy, {"routes": [route], "allow_plain_http_backend": {"reason": "legacy backend, TLS in Q3"}})
    assert only(monitor, INTEGRATION).inputs["integrationUri"] == "http://legacy.example.com/items"


def test_none_only_for_options_or_listed_public_routes(deploy):
    with pytest.raises(ComponentArgsError, match=r"routes\.0\.authorization"):
        HttpApi("catalog", {**BASE, "routes": [{**ROUTE, "authorization": "NONE"}]})
    monitor, _ = build_api(deploy, {
        "routes": [{**ROUTE, "authorization": "NONE"}, {**ROUTE, "http_method": "OPTIONS", "authorization": "NONE"}],
        "public_routes": [{"path": "/items", "http_method": "GET", "reason": "public product catalogue"},
                          {"path": "/items", "http_method": "OPTIONS", "reason": "browser preflight of the catalogue"}],
    })
    assert {r.inputs["routeKey"]: r.inputs["authorizationType"] for r in monitor.of_type(ROUTE_T)} == {
        "GET /items": "NONE", "OPTIONS /items": "NONE",
    }


def test_cors_is_explicit(deploy):
    monitor, _ = build_api(deploy, {"cors": {
        "allow_origins": ["https://app.example.com"], "allow_methods": ["GET", "PUT"], "allow_credentials": True,
    }})
    assert only(monitor, API).inputs["corsConfiguration"] == {
        "allowOrigins": ["https://app.example.com"],
        "allowMethods": ["GET", "PUT"],
        "allowHeaders": ["authorization", "content-type"],
        "exposeHeaders": [],
        "allowCredentials": True,
        "maxAge": 300,
    }


def test_custom_domain_tls12_and_default_endpoint_disabled(deploy):
    monitor, outputs = build_api(deploy, {
        "custom_domain": {"domain_name": "catalog.example.com", "certificate_arn": CERT, "base_path": "v1"},
    })
    domain = only(monitor, DOMAIN)
    assert domain.inputs == {
        "domainName": "catalog.example.com",
        "domainNameConfiguration": {"certificateArn": CERT, "endpointType": "REGIONAL", "securityPolicy": "TLS_1_2"},
        "tags": {},
    }
    mapping = only(monitor, MAPPING)
    assert mapping.inputs == {
        "apiId": outputs["api_id"], "domainName": "catalog.example.com", "stage": "$default", "apiMappingKey": "v1",
    }
    assert mapping.property_dependencies["stage"] == [only(monitor, STAGE).urn]
    assert only(monitor, API).inputs["disableExecuteApiEndpoint"] is True
    assert outputs["invoke_url"] == "https://catalog.example.com/v1"


def test_keep_default_endpoint_opt_out(deploy):
    monitor, _ = build_api(deploy, {
        "custom_domain": {"domain_name": "catalog.example.com", "certificate_arn": CERT},
        "keep_default_endpoint": {"reason": "internal clients migrate to the domain next quarter"},
    })
    assert only(monitor, API).inputs["disableExecuteApiEndpoint"] is False
    assert only(monitor, API).inputs["tags"] == {
        "stackguard:acknowledged:aws-apigatewayv2-api-default-endpoint": "internal clients migrate to the domain next quarter"}


def test_no_waf_is_a_required_acknowledgement_on_the_stage(deploy):
    # HTTP APIs cannot be associated with AWS WAF: an HttpApi exists only with that risk acknowledged.
    # https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vs-rest.html
    with pytest.raises(ComponentArgsError, match="HttpApi: invalid args: .*allow_without_waf"):
        HttpApi("catalog", {k: v for k, v in BASE.items() if k != "allow_without_waf"})
    monitor, _ = build_api(deploy)
    assert only(monitor, STAGE).inputs["tags"] == {
        "stackguard:acknowledged:aws-apigatewayv2-stage-web-acl": NO_WAF_TAG}
    assert only(monitor, "stackguard:index:HttpApi").inputs["stackguardAcknowledgements"] == [
        {"rule": "aws-apigatewayv2-stage-web-acl", "resource": "catalog-stage", "option": "allow_without_waf",
         "reason": NO_WAF["reason"], "owner": "edge-team"}]


@pytest.mark.parametrize(("cors", "field"), [
    ({"allow_origins": ["*"], "allow_methods": ["GET"]}, "allow_wildcard_cors"),
    ({"allow_origins": ["https://app.example.com"], "allow_methods": ["*"]}, "allow_wildcard_cors"),
    ({"allow_origins": ["http://app.example.com"], "allow_methods": ["GET"]}, "allow_insecure_cors_origins"),
])
def test_weak_cors_needs_its_named_opt_out(deploy, cors, field):
    with pytest.raises(ComponentArgsError, match=f"HttpApi: invalid args: .*cors: .*{field}"):
        HttpApi("catalog", {**BASE, "cors": cors})
    monitor, _ = build_api(deploy, {"cors": cors, field: {"reason": "public read-only catalog for any site"}})
    acks = only(monitor, "stackguard:index:HttpApi").inputs["stackguardAcknowledgements"]
    assert {"rule": "aws-apigatewayv2-api-cors-wildcard", "resource": "catalog", "option": field,
            "reason": "public read-only catalog for any site"} in acks


def test_throttling_and_retention(deploy):
    monitor, _ = build_api(deploy, {
        "throttling": {"burst_limit": 500, "rate_limit": 1000}, "access_logs": {"retention_in_days": 90},
    })
    settings = only(monitor, STAGE).inputs["defaultRouteSettings"]
    assert settings == {"throttlingBurstLimit": 500, "throttlingRateLimit": 1000, "detailedMetricsEnabled": True}
    assert only(monitor, LOG_GROUP).inputs["retentionInDays"] == 90


def test_tags_reach_every_taggable_child(deploy):
    tags = {"team": "catalog"}
    monitor, _ = build_api(deploy, {
        "tags": tags, "custom_domain": {"domain_name": "catalog.example.com", "certificate_arn": CERT},
    })
    for token in (API, LOG_GROUP, DOMAIN):
        assert only(monitor, token).inputs["tags"] == tags
    assert only(monitor, STAGE).inputs["tags"] == {**tags, "stackguard:acknowledged:aws-apigatewayv2-stage-web-acl": NO_WAF_TAG}


@pytest.mark.parametrize("overrides, field", [
    ({"kms_key_arn": "key"}, "kms_key_arn"),
    ({"routes": []}, "routes"),
    ({"routes": [ROUTE, ROUTE]}, "routes.1"),
    ({"routes": [{**ROUTE, "path": "/x//y"}]}, "routes.0.path"),
    ({"routes": [{**ROUTE, "authorization": "CUSTOM"}]}, "routes.0.authorization"),
    ({"routes": [{**ROUTE, "authorization": "JWT"}]}, "routes.0.authorizer"),
    ({"routes": [{**ROUTE, "authorization": "JWT", "authorizer": "nope"}], "jwt_authorizers": [JWT]}, "routes.0.authorizer"),
    ({"routes": [{**ROUTE, "authorization_scopes": ["a/b"]}]}, "routes.0.authorizer"),
    ({"routes": [{**ROUTE, "integration": {"lambda_arn": FN, "timeout_ms": 10}}]}, "routes.0.integration.timeout_ms"),
    ({"jwt_authorizers": [{**JWT, "issuer": "http://issuer.example.com"}]}, "jwt_authorizers.0.issuer"),
    ({"jwt_authorizers": [{**JWT, "audiences": []}]}, "jwt_authorizers.0.audiences"),
    ({"jwt_authorizers": [JWT, JWT]}, "jwt_authorizers"),
    ({"public_routes": [{"path": "/items", "http_method": "GET", "reason": "public catalogue"}]}, "public_routes.0"),
    ({"public_routes": [{"path": "/items", "http_method": "GET"}]}, "public_routes.0.reason"),
    ({"allow_plain_http_backend": {"reason": "no reason at all"}}, "allow_plain_http_backend"),
    ({"cors": {"allow_origins": ["*"], "allow_methods": ["GET"], "allow_credentials": True}}, "allow_origins"),
    ({"cors": {"allow_origins": ["https://a.example.com"], "allow_methods": ["*"], "allow_credentials": True}}, "allow_methods"),
    ({"cors": {"allow_origins": ["https://a.example.com"], "allow_methods": ["GET"], "allow_headers": ["*"],
               "allow_credentials": True}}, "allow_headers"),
    ({"cors": {"allow_origins": ["https://a.example.com/path"], "allow_methods": ["GET"]}}, "cors.allow_origins"),
    ({"cors": {"allow_origins": [], "allow_methods": ["GET"]}}, "cors.allow_origins"),
    ({"cors": {"allow_origins": ["https://a.example.com"], "allow_methods": ["FETCH"]}}, "cors.allow_methods"),
    ({"cors": {"allow_origins": ["https://a.example.com"], "allow_methods": ["GET"], "max_age": 90000}}, "cors.max_age"),
    ({"stage_name": "$latest"}, "stage_name"),
    ({"throttling": {"burst_limit": 0}}, "throttling.burst_limit"),
    ({"throttling": {"rate_limit": 0}}, "throttling.rate_limit"),
    ({"keep_default_endpoint": {"reason": "no custom domain at all here"}}, "keep_default_endpoint"),
    ({"allow_wildcard_cors": {"reason": "no CORS policy at all here"}}, "allow_wildcard_cors"),
    ({"custom_domain": {"domain_name": "catalog.example.com"}}, "custom_domain.certificate_arn"),
    ({"access_logs": {"retention_in_days": 2}}, "access_logs.retention_in_days"),
    ({"colour": "blue"}, "colour"),
])
def test_bad_args_name_the_field(overrides, field):
    with pytest.raises(ComponentArgsError) as err:
        HttpApi("catalog", {**BASE, **overrides})
    assert field in str(err.value)
    assert str(err.value).startswith("HttpApi: invalid args:")


def test_invalid_args_register_nothing(deploy):
    def build():
        with pytest.raises(ComponentArgsError):
            HttpApi("catalog", {**BASE, "throttling": {"burst_limit": -1}})

    monitor = deploy(build)
    assert [r.type for r in monitor.registrations if r.type != "pulumi:pulumi:Stack"] == []


# --- review 2026-12-04: S5, B9 ---------------------------------------------------------------------------------

def test_a_jwt_route_without_scopes_needs_allow_any_token(deploy):
    """S5. "If you don't specify any scopes, API Gateway doesn't check the token's scopes": a JWT route without
    authorization_scopes accepts any token of the issuer for the audiences, ID tokens included. It needs
    allow_any_token with a reason, which is acknowledged on the route.
    https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html"""
    any_token = {**ROUTE, "authorization": "JWT", "authorizer": "users"}
    with pytest.raises(ComponentArgsError, match=r"routes\.0\.authorization_scopes: without scopes the route accepts any token"):
        HttpApi("catalog", {**BASE, "jwt_authorizers": [JWT], "routes": [any_token]})
    accepted = {"reason": "every token of this issuer is an M2M access token", "owner": "catalog-team"}
    monitor, _ = build_api(deploy, {"jwt_authorizers": [JWT], "routes": [{**any_token, "allow_any_token": accepted}]})
    assert {"rule": "aws-apigatewayv2-route-jwt-scopes", "resource": "catalog-GET/items",
            "option": "routes.0.allow_any_token", **accepted} in only(monitor, COMPONENT).inputs[PROPERTY]
    assert "authorizationScopes" not in only(monitor, ROUTE_T).inputs
    with pytest.raises(ComponentArgsError, match=r"routes\.0\.allow_any_token: the route requires scopes"):
        HttpApi("catalog", {**BASE, "jwt_authorizers": [JWT], "routes": [
            {**any_token, "authorization_scopes": ["catalog/read"], "allow_any_token": accepted}]})


class _DomainTargets(AwsMocks):
    """AWS's answer for an HTTP API domain: the regional target name and hosted zone of its configuration."""

    def new_resource(self, args):
        physical_id, outputs = super().new_resource(args)
        if args.typ == DOMAIN:
            outputs["domainNameConfiguration"] = {**outputs["domainNameConfiguration"],
                                                  "targetDomainName": "d-abc123.execute-api.eu-west-1.amazonaws.com",
                                                  "hostedZoneId": "ZLY8HYME6SFDD"}
        return physical_id, outputs


def test_a_custom_domain_outputs_the_dns_alias_target():
    """B9. With a custom domain the execute-api endpoint is disabled, so callers need an alias record for the domain:
    the component outputs the domain's target name and hosted zone id.
    https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html"""
    outputs = {}

    def build():
        api = HttpApi("catalog", {**BASE, "custom_domain": {"domain_name": "catalog.example.com", "certificate_arn": CERT}})
        return pulumi.Output.all(api.domain_target_name, api.domain_hosted_zone_id).apply(
            lambda v: outputs.update(target=v[0], zone=v[1]))

    run_program(build, _DomainTargets(), project="component-test", stack="prod")
    assert outputs == {"target": "d-abc123.execute-api.eu-west-1.amazonaws.com", "zone": "ZLY8HYME6SFDD"}
