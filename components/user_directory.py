"""UserDirectory: a Cognito user pool with mandatory TOTP MFA, strong passwords and threat protection, an
OAuth resource server with scopes, and one app client (client credentials or authorization code).

    from stackguard.components.user_directory import UserDirectory

    directory = UserDirectory("partners", {
        "resource_server": {"identifier": "https://api.example.com", "name": "orders-api",
                            "scopes": [{"name": "orders.read", "description": "Read orders"}]},
        "client": {"oauth_flow": "client_credentials"},
        "domain": {"prefix": "example-partners"},
        "tags": {"team": "payments"},
    })
    # REST: {"type": "COGNITO_USER_POOLS", "provider_arns": [directory.user_pool_arn]}
    # HTTP: {"issuer": directory.issuer_url, "audiences": [directory.client_id]}

The client secret stays in the provider's secret outputs (encrypted in the state); it is never an output here.
"""
import re
from typing import Literal, Optional
from urllib.parse import urlparse

import pulumi
import pulumi_aws as aws
from pydantic import Field, field_validator, model_validator

from stackguard.components import inputs
from stackguard.components._acknowledgements import Acknowledgements
from stackguard.components._api_common import (
    CertificateArn,
    Hostname,
    RiskAcceptance,
    check_cloudfront_certificate,
    cloudfront_certificate,
)
from stackguard.components._args import ComponentArgs, validate_args, with_former_type

_SERVER_ID = re.compile(r"^[\x21\x23-\x5B\x5D-\x7E]{1,256}$")
_SCOPE_NAME = re.compile(r"^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]{1,256}$")
_PREFIX = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_RESERVED_PREFIX_WORDS = ("aws", "amazon", "cognito")


class ScopeArgs(ComponentArgs):
    """One OAuth scope of the resource server."""

    name: str = Field(description="Scope name, e.g. orders.read (becomes <identifier>/<name>).")
    description: str = Field(min_length=1, max_length=256, description="What the scope grants.")

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _SCOPE_NAME.match(value):
            raise ValueError("must be 1-256 printable characters without spaces, '\"', '/' or '\\'")
        return value


class ResourceServerArgs(ComponentArgs):
    """The API as an OAuth resource server and the scopes clients can be granted."""

    identifier: str = Field(description="Resource server identifier, usually the API's URL.")
    name: str = Field(min_length=1, max_length=256, description="Display name.")
    scopes: list[ScopeArgs] = Field(min_length=1, max_length=100, description="Scopes of the API.")

    @field_validator("identifier")
    @classmethod
    def _identifier(cls, value: str) -> str:
        if not _SERVER_ID.match(value):
            raise ValueError("must be 1-256 printable characters without spaces, '\"' or '\\'")
        return value

    @field_validator("scopes")
    @classmethod
    def _unique(cls, values: list[ScopeArgs]) -> list[ScopeArgs]:
        names = [s.name for s in values]
        if len(set(names)) != len(names):
            raise ValueError("scope names must be unique")
        return values


class ClientArgs(ComponentArgs):
    """The app client: machine-to-machine (client_credentials) or a web app (authorization code)."""

    name: Optional[str] = Field(None, description="Client name; the component name when unset.")
    oauth_flow: Literal["client_credentials", "code"] = Field(
        "client_credentials", description="OAuth flow; the implicit flow is not offered (tokens leak through URLs)."
    )
    scopes: Optional[list[str]] = Field(None, description="Resource server scope names granted; all of them when unset.")
    oidc_scopes: list[Literal["openid", "email", "profile", "phone"]] = Field(
        default_factory=list, description="OpenID Connect scopes (code flow only)."
    )
    callback_urls: list[str] = Field(default_factory=list, description="https:// redirect URLs (code flow, required).")
    logout_urls: list[str] = Field(default_factory=list, description="https:// sign-out URLs (code flow).")
    access_token_validity_minutes: int = Field(60, ge=5, le=1440, description="Access token lifetime.")
    id_token_validity_minutes: int = Field(60, ge=5, le=1440, description="ID token lifetime.")
    refresh_token_validity_days: int = Field(30, ge=1, le=3650, description="Refresh token lifetime.")
    allow_public_client: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: a code-flow client without a secret (SPA/mobile, PKCE only)."
    )

    @field_validator("callback_urls", "logout_urls")
    @classmethod
    def _https(cls, values: list[str]) -> list[str]:
        for value in values:
            parsed = urlparse(value)
            if parsed.scheme != "https" or not parsed.hostname or parsed.fragment:
                raise ValueError(f"{value!r} must be an https:// URL without a fragment")
        return values

    @model_validator(mode="after")
    def _flow(self) -> "ClientArgs":
        if self.oauth_flow == "code" and not self.callback_urls:
            raise ValueError("callback_urls: the code flow needs at least one callback URL")
        if self.oauth_flow == "client_credentials":
            for field in ("oidc_scopes", "callback_urls", "logout_urls"):
                if getattr(self, field):
                    raise ValueError(f"{field}: only for the code flow")
            if self.allow_public_client is not None:
                raise ValueError("allow_public_client: client_credentials clients always have a secret")
        return self


class DomainArgs(ComponentArgs):
    """The hosted OAuth endpoints: a Cognito prefix domain or a custom domain with an us-east-1 certificate."""

    prefix: Optional[str] = Field(None, description="Prefix of <prefix>.auth.<region>.amazoncognito.com.")
    custom_domain: Optional[Hostname] = Field(None, description="Fully qualified custom domain, e.g. auth.example.com.")
    certificate_arn: Optional[CertificateArn] = Field(None, description="ACM certificate in us-east-1 (custom domain).")

    @field_validator("prefix")
    @classmethod
    def _prefix(cls, value: Optional[str]) -> Optional[str]:
        if value is not None:
            if not _PREFIX.match(value):
                raise ValueError("must be 1-63 lower-case letters, digits or '-', not starting or ending with '-'")
            if any(word in value for word in _RESERVED_PREFIX_WORDS):
                raise ValueError(f"must not contain {', '.join(_RESERVED_PREFIX_WORDS)}")
        return value

    @model_validator(mode="after")
    def _one(self) -> "DomainArgs":
        if (self.prefix is None) == (self.custom_domain is None):
            raise ValueError("set exactly one of prefix or custom_domain")
        if (self.custom_domain is None) != (self.certificate_arn is None):
            raise ValueError("certificate_arn: required with custom_domain, and only with it")
        # A custom domain is served by a CloudFront distribution that Cognito manages.
        check_cloudfront_certificate("certificate_arn", self.certificate_arn)
        return self


class UserDirectoryArgs(ComponentArgs):
    """Arguments of UserDirectory."""

    pool_name: Optional[str] = Field(None, description="User pool name; the component name when unset.")
    minimum_password_length: int = Field(14, ge=14, le=99, description="Minimum password length (never below 14).")
    resource_server: ResourceServerArgs = Field(description="The API's resource server and scopes.")
    client: ClientArgs = Field(default_factory=ClientArgs, description="The app client.")
    domain: DomainArgs = Field(
        description="Hosted OAuth domain: the client's OAuth flows get their tokens from its /oauth2/token endpoint."
    )
    allow_self_sign_up: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: anyone may create an account (otherwise admins only)."
    )
    allow_deletion: Optional[RiskAcceptance] = Field(
        None, description="Opt-out (dev stacks): turn deletion protection off."
    )
    tags: dict[str, str] = Field(default_factory=dict, description="Tags for every taggable child.")

    @model_validator(mode="after")
    def _scopes(self) -> "UserDirectoryArgs":
        known = [s.name for s in self.resource_server.scopes]
        for scope in self.client.scopes or []:
            if scope not in known:
                raise ValueError(f"client.scopes: {scope!r} is not a scope of resource_server ({', '.join(known)})")
        if self.client.scopes is not None and not self.client.scopes:
            raise ValueError("client.scopes: grant at least one scope, or leave unset for all")
        return self


def _issuer_url(arn: str, pool_id: str) -> str:
    _, partition, _, region, *_ = arn.split(":")
    suffix = "amazonaws.com.cn" if partition == "aws-cn" else "amazonaws.com"
    return f"https://cognito-idp.{region}.{suffix}/{pool_id}"


class UserDirectory(pulumi.ComponentResource):
    """A Cognito user directory whose defaults pass stackguard's prod rules."""

    user_pool_id: pulumi.Output[str]
    user_pool_arn: pulumi.Output[str]
    client_id: pulumi.Output[str]
    issuer_url: pulumi.Output[str]
    resource_server_identifier: pulumi.Output[str]
    domain_target_name: Optional[pulumi.Output[str]]

    def __init__(
        self,
        name: str,
        args: inputs.UserDirectoryArgs,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        args = validate_args("UserDirectory", UserDirectoryArgs, args)
        acks = Acknowledgements()
        acks.add("aws-cognito-user-pool-self-sign-up", name, "allow_self_sign_up", args.allow_self_sign_up)
        acks.add("aws-cognito-user-pool-deletion-protection", name, "allow_deletion", args.allow_deletion)
        if args.client.allow_public_client is not None:
            acks.add("aws-cognito-user-pool-client-public", f"{name}-client", "client.allow_public_client",
                     args.client.allow_public_client)
        super().__init__("stackguard:index:UserDirectory", name, acks.props(), with_former_type(opts, "stackguard:identity:UserDirectory"))
        child = pulumi.ResourceOptions(parent=self)

        self.user_pool = aws.cognito.UserPool(
            name,
            name=args.pool_name or name,
            mfa_configuration="ON",
            software_token_mfa_configuration={"enabled": True},
            password_policy={
                "minimum_length": args.minimum_password_length,
                "require_lowercase": True,
                "require_uppercase": True,
                "require_numbers": True,
                "require_symbols": True,
                "temporary_password_validity_days": 1,
            },
            # Threat protection (adaptive authentication, compromised-credential checks) needs the Plus tier.
            user_pool_tier="PLUS",
            user_pool_add_ons={"advanced_security_mode": "ENFORCED"},
            account_recovery_setting={"recovery_mechanisms": [{"name": "verified_email", "priority": 1}]},
            auto_verified_attributes=["email"],
            user_attribute_update_settings={"attributes_require_verification_before_updates": ["email"]},
            username_configuration={"case_sensitive": False},
            admin_create_user_config={"allow_admin_create_user_only": args.allow_self_sign_up is None},
            deletion_protection="INACTIVE" if args.allow_deletion is not None else "ACTIVE",
            tags={**args.tags, **acks.tags(name)},
            opts=child,
        )
        pool = self.user_pool

        server = args.resource_server
        self.resource_server = aws.cognito.ResourceServer(
            f"{name}-resource-server",
            user_pool_id=pool.id,
            identifier=server.identifier,
            name=server.name,
            scopes=[{"scope_name": s.name, "scope_description": s.description} for s in server.scopes],
            opts=child,
        )
        client = args.client
        granted = client.scopes if client.scopes is not None else [s.name for s in server.scopes]
        code_flow = client.oauth_flow == "code"
        self.client = aws.cognito.UserPoolClient(
            f"{name}-client",
            name=client.name or name,
            user_pool_id=pool.id,
            allowed_oauth_flows_user_pool_client=True,
            allowed_oauth_flows=[client.oauth_flow],
            # Built from the resource server's identifier so the client waits for the scopes to exist.
            allowed_oauth_scopes=[pulumi.Output.concat(self.resource_server.identifier, "/", s) for s in granted]
            + list(client.oidc_scopes),
            supported_identity_providers=["COGNITO"],
            callback_urls=client.callback_urls or None,
            logout_urls=client.logout_urls or None,
            generate_secret=not (code_flow and client.allow_public_client is not None),
            explicit_auth_flows=["ALLOW_REFRESH_TOKEN_AUTH"],
            prevent_user_existence_errors="ENABLED",
            enable_token_revocation=True,
            access_token_validity=client.access_token_validity_minutes,
            id_token_validity=client.id_token_validity_minutes,
            refresh_token_validity=client.refresh_token_validity_days,
            token_validity_units={"access_token": "minutes", "id_token": "minutes", "refresh_token": "days"},
            auth_session_validity=3,
            opts=child,
        )

        self.domain = aws.cognito.UserPoolDomain(
            f"{name}-domain",
            user_pool_id=pool.id,
            domain=args.domain.prefix or args.domain.custom_domain,
            certificate_arn=cloudfront_certificate("UserDirectory", "domain.certificate_arn", args.domain.certificate_arn)
            if args.domain.certificate_arn is not None else None,
            opts=child,
        )

        self.user_pool_id = pool.id
        self.user_pool_arn = pool.arn
        self.client_id = self.client.id
        self.issuer_url = pulumi.Output.all(pool.arn, pool.id).apply(lambda v: _issuer_url(*v))
        self.resource_server_identifier = self.resource_server.identifier
        # A custom domain is served by a CloudFront distribution: the alias target of its DNS record
        # (CloudFront's hosted zone is always Z2FDTNDATAQYW2).
        self.domain_target_name = self.domain.cloudfront_distribution if args.domain.custom_domain else None
        self.register_outputs({
            "user_pool_id": self.user_pool_id,
            "user_pool_arn": self.user_pool_arn,
            "client_id": self.client_id,
            "issuer_url": self.issuer_url,
            "resource_server_identifier": self.resource_server_identifier,
            "domain_target_name": self.domain_target_name,
        })
