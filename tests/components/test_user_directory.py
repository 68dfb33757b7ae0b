"""UserDirectory: explicit defaults on the user pool, resource server and client; opt-ins, opt-outs, bad args."""
from __future__ import annotations

import re

import pulumi
import pytest

from stackguard.components._args import ComponentArgsError
from stackguard.components.user_directory import UserDirectory
from stackguard.mocks import AwsMocks
from stackguard.recording import run_program

CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
COMPONENT = "stackguard:index:UserDirectory"
POOL = "aws:cognito/userPool:UserPool"
SERVER = "aws:cognito/resourceServer:ResourceServer"
CLIENT = "aws:cognito/userPoolClient:UserPoolClient"
DOMAIN = "aws:cognito/userPoolDomain:UserPoolDomain"

SCOPES = [{"name": "orders.read", "description": "Read orders"}, {"name": "orders.write", "description": "Change orders"}]
BASE = {"resource_server": {"identifier": "https://api.example.com", "name": "orders-api", "scopes": SCOPES},
        "domain": {"prefix": "example-partners"}}
CODE = {"oauth_flow": "code", "callback_urls": ["https://app.example.com/callback"]}
OUTPUTS = ("user_pool_id", "user_pool_arn", "client_id", "issuer_url", "resource_server_identifier")


def only(monitor, token):
    found = monitor.of_type(token)
    assert len(found) == 1, f"expected one {token}, got {len(found)}"
    return found[0]


def build_directory(deploy, overrides=None, name="partners"):
    outputs = {}

    def build():
        directory = UserDirectory(name, {**BASE, **(overrides or {})})
        outputs["component"] = directory
        return pulumi.Output.all(**{k: getattr(directory, k) for k in OUTPUTS}).apply(outputs.update)

    return deploy(build), outputs


def test_user_pool_defaults(deploy):
    monitor, _ = build_directory(deploy)
    assert only(monitor, POOL).inputs == {
        "name": "partners",
        "mfaConfiguration": "ON",
        "softwareTokenMfaConfiguration": {"enabled": True},
        "passwordPolicy": {
            "minimumLength": 14,
            "requireLowercase": True,
            "requireUppercase": True,
            "requireNumbers": True,
            "requireSymbols": True,
            "temporaryPasswordValidityDays": 1,
        },
        "userPoolTier": "PLUS",
        "userPoolAddOns": {"advancedSecurityMode": "ENFORCED"},
        "accountRecoverySetting": {"recoveryMechanisms": [{"name": "verified_email", "priority": 1}]},
        "autoVerifiedAttributes": ["email"],
        "userAttributeUpdateSettings": {"attributesRequireVerificationBeforeUpdates": ["email"]},
        "usernameConfiguration": {"caseSensitive": False},
        "adminCreateUserConfig": {"allowAdminCreateUserOnly": True},
        "deletionProtection": "ACTIVE",
        "tags": {},
    }


def test_resource_server_and_client_defaults(deploy):
    monitor, outputs = build_directory(deploy)
    server = only(monitor, SERVER)
    assert server.inputs == {
        "userPoolId": outputs["user_pool_id"],
        "identifier": "https://api.example.com",
        "name": "orders-api",
        "scopes": [
            {"scopeName": "orders.read", "scopeDescription": "Read orders"},
            {"scopeName": "orders.write", "scopeDescription": "Change orders"},
        ],
    }
    client = only(monitor, CLIENT)
    assert client.inputs == {
        "name": "partners",
        "userPoolId": outputs["user_pool_id"],
        "allowedOauthFlowsUserPoolClient": True,
        "allowedOauthFlows": ["client_credentials"],
        "allowedOauthScopes": ["https://api.example.com/orders.read", "https://api.example.com/orders.write"],
        "supportedIdentityProviders": ["COGNITO"],
        "generateSecret": True,
        "explicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH"],
        "preventUserExistenceErrors": "ENABLED",
        "enableTokenRevocation": True,
        "accessTokenValidity": 60,
        "idTokenValidity": 60,
        "refreshTokenValidity": 30,
        "tokenValidityUnits": {"accessToken": "minutes", "idToken": "minutes", "refreshToken": "days"},
        "authSessionValidity": 3,
    }
    # The scopes come from the resource server, so the client is created after it.
    assert client.property_dependencies["allowedOauthScopes"] == [server.urn]
    assert "clientSecret" in client.options["additionalSecretOutputs"]
    # OAuth clients get their tokens from the domain's /oauth2/token endpoint: the domain is always there.
    assert only(monitor, DOMAIN).inputs["domain"] == "example-partners"


def test_children_parented_outputs_resolve_and_no_secret_output(deploy):
    monitor, outputs = build_directory(deploy, {"domain": {"prefix": "example-partners"}})
    component = only(monitor, COMPONENT)
    children = [r for r in monitor.registrations if r.type.startswith("aws:")]
    assert sorted(r.type for r in children) == sorted([POOL, SERVER, CLIENT, DOMAIN])
    for child in children:
        assert child.parent == component.urn
        assert f"{COMPONENT}$aws:" in child.urn
    pool_id = outputs["user_pool_id"]
    assert outputs["user_pool_arn"].lower().startswith("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/")
    assert outputs["issuer_url"] == f"https://cognito-idp.eu-west-1.amazonaws.com/{pool_id}"
    assert outputs["client_id"].startswith("partners-client-")
    assert outputs["resource_server_identifier"] == "https://api.example.com"
    assert not any("secret" in attribute for attribute in vars(outputs["component"]))


def test_code_flow_client(deploy):
    monitor, _ = build_directory(deploy, {"client": {
        **CODE, "scopes": ["orders.read"], "oidc_scopes": ["openid", "email"],
        "logout_urls": ["https://app.example.com/bye"], "access_token_validity_minutes": 15,
    }})
    client = only(monitor, CLIENT).inputs
    assert client["allowedOauthFlows"] == ["code"]
    assert client["allowedOauthScopes"] == ["https://api.example.com/orders.read", "openid", "email"]
    assert client["callbackUrls"] == ["https://app.example.com/callback"]
    assert client["logoutUrls"] == ["https://app.example.com/bye"]
    assert client["generateSecret"] is True
    assert client["accessTokenValidity"] == 15


def test_public_client_opt_out_drops_only_the_secret(deploy):
    default, _ = build_directory(deploy, {"client": CODE})
    monitor, _ = build_directory(deploy, {"client": {**CODE, "allow_public_client": {"reason": "SPA using PKCE, no backend"}}})
    before, after = only(default, CLIENT).inputs, only(monitor, CLIENT).inputs
    assert after == {**before, "generateSecret": False}


def test_allow_deletion_opt_out(deploy):
    default, _ = build_directory(deploy)
    monitor, _ = build_directory(deploy, {"allow_deletion": {"reason": "dev pool, recreated every sprint"}})
    assert only(monitor, POOL).inputs == {
        **only(default, POOL).inputs, "deletionProtection": "INACTIVE",
        "tags": {"stackguard:acknowledged:aws-cognito-user-pool-deletion-protection": "dev pool_ recreated every sprint"},
    }
    assert only(monitor, COMPONENT).inputs["stackguardAcknowledgements"] == [
        {"rule": "aws-cognito-user-pool-deletion-protection", "resource": "partners", "option": "allow_deletion",
         "reason": "dev pool, recreated every sprint"}]


def test_self_sign_up_opt_in(deploy):
    default, _ = build_directory(deploy)
    monitor, _ = build_directory(deploy, {"allow_self_sign_up": {"reason": "public partner portal sign-up"}})
    assert only(monitor, POOL).inputs == {
        **only(default, POOL).inputs, "adminCreateUserConfig": {"allowAdminCreateUserOnly": False},
        "tags": {"stackguard:acknowledged:aws-cognito-user-pool-self-sign-up": "public partner portal sign-up"},
    }


def test_longer_password_and_pool_name(deploy):
    monitor, _ = build_directory(deploy, {"minimum_password_length": 20, "pool_name": "partners-prod"})
    pool = only(monitor, POOL).inputs
    assert pool["passwordPolicy"]["minimumLength"] == 20
    assert pool["name"] == "partners-prod"


def test_prefix_and_custom_domains(deploy):
    monitor, outputs = build_directory(deploy, {"domain": {"prefix": "example-partners"}})
    assert only(monitor, DOMAIN).inputs == {"userPoolId": outputs["user_pool_id"], "domain": "example-partners"}
    monitor, _ = build_directory(deploy, {"domain": {"custom_domain": "auth.example.com", "certificate_arn": CERT}})
    domain = only(monitor, DOMAIN).inputs
    assert domain["domain"] == "auth.example.com"
    assert domain["certificateArn"] == CERT


def test_tags_reach_the_user_pool(deploy):
    monitor, _ = build_directory(deploy, {"tags": {"team": "payments"}})
    assert only(monitor, POOL).inputs["tags"] == {"team": "payments"}


@pytest.mark.parametrize("overrides, field", [
    ({"resource_server": None}, "resource_server"),
    ({"resource_server": {**BASE["resource_server"], "scopes": []}}, "resource_server.scopes"),
    ({"resource_server": {**BASE["resource_server"], "scopes": SCOPES + SCOPES[:1]}}, "resource_server.scopes"),
    ({"resource_server": {**BASE["resource_server"], "scopes": [{"name": "a/b", "description": "x"}]}},
     "resource_server.scopes.0.name"),
    ({"resource_server": {**BASE["resource_server"], "identifier": "has space"}}, "resource_server.identifier"),
    ({"client": {"oauth_flow": "implicit"}}, "client.oauth_flow"),
    ({"client": {"oauth_flow": "code"}}, "client: .*callback_urls"),
    ({"client": {**CODE, "callback_urls": ["http://app.example.com/cb"]}}, "client.callback_urls"),
    ({"client": {"oidc_scopes": ["openid"]}}, "client: .*oidc_scopes"),
    ({"client": {"allow_public_client": {"reason": "machine client without secret"}}}, "client: .*allow_public_client"),
    ({"client": {**CODE, "allow_public_client": {"reason": "spa"}}}, "client.allow_public_client.reason"),
    ({"client": {"scopes": ["orders.delete"]}}, "client.scopes"),
    ({"client": {"scopes": []}}, "client.scopes"),
    ({"client": {"access_token_validity_minutes": 2}}, "client.access_token_validity_minutes"),
    ({"client": {"id_token_validity_minutes": 1441}}, "client.id_token_validity_minutes"),
    ({"client": {"refresh_token_validity_days": 0}}, "client.refresh_token_validity_days"),
    ({"minimum_password_length": 12}, "minimum_password_length"),
    ({"domain": {"prefix": "my-cognito-login"}}, "domain.prefix"),
    ({"domain": {"prefix": "-bad"}}, "domain.prefix"),
    ({"domain": {}}, "domain"),
    ({"domain": {"custom_domain": "auth.example.com"}}, "domain: .*certificate_arn"),
    ({"domain": {"prefix": "example", "certificate_arn": CERT}}, "domain: .*certificate_arn"),
    ({"domain": None}, "domain"),
    ({"domain": {"custom_domain": "auth.example.com", "certificate_arn": CERT.replace("us-east-1", "eu-west-1")}},
     "domain: .*certificate_arn: .*us-east-1"),
    ({"allow_deletion": True}, "allow_deletion"),
    ({"allow_self_sign_up": {"reason": "short"}}, "allow_self_sign_up.reason"),
    ({"colour": "blue"}, "colour"),
])
def test_bad_args_name_the_field(overrides, field):
    with pytest.raises(ComponentArgsError) as err:
        UserDirectory("partners", {**BASE, **overrides})
    # A nested model's cross-field error reads "<model path>: Value error, <field>: ...".
    assert re.search(field, str(err.value))
    assert str(err.value).startswith("UserDirectory: invalid args:")


def test_invalid_args_register_nothing(deploy):
    def build():
        with pytest.raises(ComponentArgsError):
            UserDirectory("partners", {**BASE, "client": {"oauth_flow": "implicit"}})

    monitor = deploy(build)
    assert [r.type for r in monitor.registrations if r.type != "pulumi:pulumi:Stack"] == []


# --- review 2026-12-04: B7, B9 ---------------------------------------------------------------------------------

def test_a_custom_domain_certificate_from_an_output_is_checked_at_deploy_time(deploy):
    """B7. A Cognito custom domain is served by CloudFront, which only uses ACM certificates of us-east-1: a
    certificate created in the program (an Output) in another region fails the deployment naming the field.
    https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-add-custom-domain.html"""
    def directory(certificate):
        return lambda: UserDirectory("partners", {**BASE, "domain": {
            "custom_domain": "auth.example.com", "certificate_arn": pulumi.Output.from_input(certificate)}})

    with pytest.raises(Exception, match=r"UserDirectory: invalid args: domain.certificate_arn: the domain is served by "
                                        r"CloudFront, which only uses ACM certificates of us-east-1 \(got eu-west-1\)"):
        deploy(directory(CERT.replace("us-east-1", "eu-west-1")))
    assert deploy(directory(CERT)).of_type(DOMAIN)[0].inputs["certificateArn"] == CERT


class _CloudFrontDomain(AwsMocks):
    """AWS's answer for a Cognito custom domain: the CloudFront distribution that serves it."""

    def new_resource(self, args):
        physical_id, outputs = super().new_resource(args)
        if args.typ == DOMAIN:
            outputs["cloudfrontDistribution"] = "d2222222abcdef8.cloudfront.net"
        return physical_id, outputs


def test_a_custom_domain_outputs_its_cloudfront_target():
    """B9. The DNS record of a Cognito custom domain is an alias to the CloudFront distribution serving it.
    https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-add-custom-domain.html"""
    outputs = {}

    def build():
        directory = UserDirectory("partners", {**BASE, "domain": {"custom_domain": "auth.example.com",
                                                                  "certificate_arn": CERT}})
        return directory.domain_target_name.apply(lambda target: outputs.update(target=target))

    run_program(build, _CloudFrontDomain(), project="component-test", stack="prod")
    assert outputs == {"target": "d2222222abcdef8.cloudfront.net"}
