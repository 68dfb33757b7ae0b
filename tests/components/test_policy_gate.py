"""Components through the real gate (a proven private OPA): clean with defaults under the prod profile,
and every insecure opt-out reported by the rule that covers it."""
from __future__ import annotations

from pathlib import Path

import pytest

from stackguard.components import (
    ApiGatewayAccount, EncryptionKey, HttpApi, PrivateEndpoints, RestApi, SecretStore, SecureFunction, SecurityMonitoring,
    ServiceRole, UserDirectory, WebAcl,
)
from stackguard import exemptions, profiles
from stackguard.decision import Decider
from stackguard.gate import Stack, evaluate
from stackguard.preflight import resources_of

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
ACCOUNT = "123456789012"
KMS = f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
DLQ_KMS = f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/5678abcd-12ab-34cd-56ef-1234567890ab"
FN = f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:orders"
ACL = f"arn:aws:wafv2:eu-west-1:{ACCOUNT}:regional/webacl/edge/a1b2c3d4"
CERT = f"arn:aws:acm:eu-west-1:{ACCOUNT}:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
ROTATOR = f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:rotate"
ROTATOR_ROLE = f"arn:aws:iam::{ACCOUNT}:role/rotate-token"
POOL = f"arn:aws:cognito-idp:eu-west-1:{ACCOUNT}:userpool/eu-west-1_AbCdEf123"
ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"
DOMAIN = {"domain_name": "api.example.com", "certificate_arn": CERT}
REASON = "accepted by the platform team for this test"

REST = {"kms_key_arn": KMS, "web_acl_arn": ACL,
        "routes": [{"path": "/orders", "http_method": "GET", "integration": {"lambda_arn": FN}}]}
HTTP = {"kms_key_arn": KMS, "routes": [{"path": "/items", "http_method": "GET", "integration": {"lambda_arn": FN}}],
        "allow_without_waf": {"reason": REASON}}
DIRECTORY = {"resource_server": {"identifier": "https://api.example.com", "name": "orders-api",
                                 "scopes": [{"name": "orders.read", "description": "Read orders"}]},
             "domain": {"prefix": "orders-example"}}
EDGE_DOMAIN = {**DOMAIN, "certificate_arn": CERT.replace("eu-west-1", "us-east-1")}
PUBLIC = {"path": "/orders", "http_method": "GET", "reason": REASON}

DEFAULTS = {
    "EncryptionKey": lambda: EncryptionKey("key", {}),
    "SecretStore": lambda: SecretStore("secret", {"kms_key_arn": KMS, "rotation": {"rotation_lambda_arn": ROTATOR,
                                                                                   "rotation_role_arn": ROTATOR_ROLE}}),
    "ApiGatewayAccount": lambda: ApiGatewayAccount("apigateway"),
    "ServiceRole": lambda: ServiceRole("role", {"trusted_service": "lambda.amazonaws.com",
                                                "statements": [{"actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::orders/*"]}]}),
    "PrivateEndpoints": lambda: PrivateEndpoints("endpoints", {"vpc_id": "vpc-0abc123", "vpc_cidr": "10.20.0.0/16",
                                                               "subnet_ids": ["subnet-0a", "subnet-0b"], "route_table_ids": ["rtb-0a"]}),
    "SecurityMonitoring": lambda: SecurityMonitoring("monitoring", {"kms_key_arn": KMS, "dead_letter_kms_key_arn": DLQ_KMS,
                                                                    "api": RestApi("api", REST)}),
    "WebAcl": lambda: WebAcl("acl", {"kms_key_arn": KMS}),
    "RestApi": lambda: RestApi("api", REST),
    "UserDirectory": lambda: UserDirectory("users", DIRECTORY),
    "SecureFunction": lambda: SecureFunction("fn", {"role_arn": f"arn:aws:iam::{ACCOUNT}:role/fn", "kms_key_arn": KMS,
                                                    "code_path": ROOT / "stacks" / "functions" / "partner_proxy"}),
}

OPT_OUTS = [
    ("EncryptionKey deletion_window_in_days=7", lambda: EncryptionKey("key", {"deletion_window_in_days": 7}), "aws-kms-key-deletion-window"),
    ("SecretStore allow_no_rotation", lambda: SecretStore("secret", {"kms_key_arn": KMS, "allow_no_rotation": {"reason": REASON}}), "aws-secretsmanager-secret-rotation"),
    ("SecretStore recovery_window_in_days=7", lambda: SecretStore("secret", {"kms_key_arn": KMS, "recovery_window_in_days": 7, "rotation": {"rotation_lambda_arn": ROTATOR, "rotation_role_arn": ROTATOR_ROLE}}), "aws-secretsmanager-secret-recovery-window"),
    ("ServiceRole wildcard_reason", lambda: ServiceRole("role", {"trusted_service": "lambda.amazonaws.com", "statements": [{"actions": ["s3:*"], "resources": ["*"], "allow_wildcard": {"reason": REASON}}]}), "aws-iam-policy-wildcard-actions"),
    ("RestApi allow_edge_endpoint", lambda: RestApi("api", {**REST, "endpoint_type": "EDGE", "allow_edge_endpoint": {"reason": REASON}}), "aws-apigateway-rest-api-endpoint-type"),
    ("RestApi keep_default_endpoint", lambda: RestApi("api", {**REST, "custom_domain": DOMAIN, "keep_default_endpoint": {"reason": REASON}}), "aws-apigateway-rest-api-default-endpoint"),
    ("RestApi public_routes", lambda: RestApi("api", {**REST, "routes": [{**REST["routes"][0], "authorization": "NONE"}], "public_routes": [PUBLIC]}), "aws-apigateway-method-authorization"),
    ("RestApi allow_plain_http_backend", lambda: RestApi("api", {**REST, "routes": [{"path": "/orders", "http_method": "GET", "integration": {"https_url": "http://legacy.example.com/orders"}}], "allow_plain_http_backend": {"reason": REASON}}), "aws-apigateway-integration-https"),
    ("RestApi log_full_requests", lambda: RestApi("api", {**REST, "log_full_requests": {"reason": REASON}}), "aws-apigateway-method-settings-logging"),
    ("RestApi allow_without_waf", lambda: RestApi("api", {**{k: v for k, v in REST.items() if k != "web_acl_arn"}, "allow_without_waf": {"reason": REASON}}), "aws-apigateway-stage-web-acl"),
    ("HttpApi keep_default_endpoint", lambda: HttpApi("http", {**HTTP, "custom_domain": DOMAIN, "keep_default_endpoint": {"reason": REASON}}), "aws-apigatewayv2-api-default-endpoint"),
    ("HttpApi public_routes", lambda: HttpApi("http", {**HTTP, "routes": [{**HTTP["routes"][0], "authorization": "NONE"}], "public_routes": [{**PUBLIC, "path": "/items"}]}), "aws-apigatewayv2-route-authorization"),
    ("HttpApi allow_plain_http_backend", lambda: HttpApi("http", {**HTTP, "routes": [{"path": "/items", "http_method": "GET", "integration": {"https_url": "http://legacy.example.com/items"}}], "allow_plain_http_backend": {"reason": REASON}}), "aws-apigatewayv2-integration-https"),
    ("UserDirectory allow_deletion", lambda: UserDirectory("users", {**DIRECTORY, "allow_deletion": {"reason": REASON}}), "aws-cognito-user-pool-deletion-protection"),
    ("UserDirectory allow_self_sign_up", lambda: UserDirectory("users", {**DIRECTORY, "allow_self_sign_up": {"reason": REASON}}), "aws-cognito-user-pool-self-sign-up"),
    ("UserDirectory allow_public_client", lambda: UserDirectory("users", {**DIRECTORY, "client": {"oauth_flow": "code", "callback_urls": ["https://app.example.com/cb"], "allow_public_client": {"reason": REASON}}}), "aws-cognito-user-pool-client-public"),
    ("WebAcl excluded_rule_groups", lambda: WebAcl("acl", {"kms_key_arn": KMS, "excluded_rule_groups": [{"name": "AWSManagedRulesCommonRuleSet", "reason": REASON}]}), "aws-wafv2-web-acl-managed-rules"),
    ("HttpApi allow_without_waf", lambda: HttpApi("http", HTTP), "aws-apigatewayv2-stage-web-acl"),
    ("HttpApi allow_wildcard_cors", lambda: HttpApi("http", {**HTTP, "cors": {"allow_origins": ["*"], "allow_methods": ["GET"]}, "allow_wildcard_cors": {"reason": REASON}}), "aws-apigatewayv2-api-cors-wildcard"),
    ("HttpApi allow_insecure_cors_origins", lambda: HttpApi("http", {**HTTP, "cors": {"allow_origins": ["http://app.example.com"], "allow_methods": ["GET"]}, "allow_insecure_cors_origins": {"reason": REASON}}), "aws-apigatewayv2-api-cors-wildcard"),
    ("RestApi allow_any_token_of_pool", lambda: RestApi("api", {**REST, "authorizers": [{"name": "users", "type": "COGNITO_USER_POOLS", "provider_arns": [POOL]}], "routes": [{**REST["routes"][0], "authorization": "COGNITO_USER_POOLS", "authorizer": "users", "allow_any_token_of_pool": {"reason": REASON}}]}), "aws-apigateway-method-cognito-scopes"),
    ("RestApi allow_unvalidated_body", lambda: RestApi("api", {**REST, "routes": [{**REST["routes"][0], "http_method": "POST", "allow_unvalidated_body": {"reason": REASON}}]}), "aws-apigateway-method-request-validation"),
    ("RestApi OPTIONS public route", lambda: RestApi("api", {**REST, "routes": [{**REST["routes"][0], "http_method": "OPTIONS", "authorization": "NONE"}], "public_routes": [{**PUBLIC, "http_method": "OPTIONS"}]}), "aws-apigateway-method-authorization"),
    ("SecretStore allow_long_rotation_period", lambda: SecretStore("secret", {"kms_key_arn": KMS, "rotation": {"rotation_lambda_arn": ROTATOR, "rotation_role_arn": ROTATOR_ROLE, "automatically_after_days": 180}, "allow_long_rotation_period": {"reason": REASON}}), "aws-secretsmanager-secret-rotation"),
    ("WebAcl allow_weakened_managed_rules", lambda: WebAcl("acl", {"kms_key_arn": KMS, "rule_action_overrides": {"AWSManagedRulesCommonRuleSet": {"SizeRestrictions_BODY": "count"}}, "allow_weakened_managed_rules": {"reason": REASON}}), "aws-wafv2-web-acl-managed-rules"),
    ("RestApi caching.allow_shared_cache", lambda: RestApi("api", {**REST, "caching": {"allow_shared_cache": {"reason": REASON}}}), "aws-apigateway-integration-cache-keys"),
    ("WebAcl ip_allow", lambda: WebAcl("acl", {"kms_key_arn": KMS, "ip_allow": {"cidrs": ["203.0.113.0/24"], "reason": REASON}}), "aws-wafv2-web-acl-ip-allow-bypass"),
]


@pytest.fixture(scope="module")
def gate(engine, rules):
    prod = profiles.load("prod", rules)
    decider = Decider(rules, prod, exemptions.Exemptions([], "none"))

    def _run(monitor):
        resources = resources_of(monitor, ROOT, ROOT)
        return evaluate(engine, [Stack(name="prod", resources=resources)], decider, prod.rule_config())

    return _run


@pytest.mark.parametrize("component", sorted(DEFAULTS))
def test_defaults_pass_every_rule_under_prod(deploy, gate, component):
    report = gate(deploy(DEFAULTS[component]))
    assert report.summary.resources > 1
    assert report.findings == [], [(f.rule, f.name, f.message) for f in report.findings]


@pytest.mark.parametrize("label, build, rule", OPT_OUTS, ids=[o[0] for o in OPT_OUTS])
def test_opt_out_is_reported_by_its_rule(deploy, gate, label, build, rule, rules):
    assert rule in {r.id for r in rules}, f"{label}: no rule {rule}"
    report = gate(deploy(build))
    assert rule in {f.rule for f in report.findings}, f"{label}: expected {rule}, got {[f.rule for f in report.findings]}"
    # At prod's level for each rule: mandatory, or advisory where prod makes a choice stricter than any
    # AWS control visible without blocking (a 7-day key deletion window, an HTTP API without WAF).
    prod = profiles.load("prod", rules)
    assert all(f.enforcement == prod.effective_level(f.rule) for f in report.findings)
