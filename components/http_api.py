"""HttpApi: an API Gateway HTTP API with JWT or IAM authorization on every route, encrypted JSON access logs
and stage throttling by default.

    from stackguard.components.http_api import HttpApi

    api = HttpApi("catalog", {
        "kms_key_arn": logs_key.arn,
        "jwt_authorizers": [{"name": "users", "issuer": directory.issuer_url, "audiences": [directory.client_id]}],
        "routes": [
            {"path": "/items", "http_method": "GET", "integration": {"lambda_arn": list_fn.arn},
             "authorization": "JWT", "authorizer": "users", "authorization_scopes": ["catalog/read"]},
            {"path": "/items/{id}", "http_method": "PUT", "integration": {"lambda_arn": put_fn.arn}},  # AWS_IAM
        ],
        "cors": {"allow_origins": ["https://app.example.com"], "allow_methods": ["GET", "PUT"]},
        "custom_domain": {"domain_name": "catalog.example.com", "certificate_arn": cert.arn},
    })
    pulumi.export("catalog_url", api.invoke_url)

HTTP APIs cannot be associated with AWS WAF; put a REST API (RestApi) in front when WAF is required.

A JWT route names the scopes an access token must carry: without them API Gateway accepts any token of the
issuer whose aud (or client_id) matches, ID tokens included. A route that really accepts any such token says
so with `allow_any_token`. https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html

With a custom domain, `domain_target_name` and `domain_hosted_zone_id` are the alias target of its DNS record.
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
    NAME,
    NAME_RULE,
    CustomDomainArgs,
    HttpMethod,
    IntegrationArgs,
    Name,
    PublicRoute,
    RiskAcceptance,
    RoutePath,
    ThrottlingArgs,
    check_keep_default_endpoint,
    check_route_opt_outs,
    check_scopes_or_opt_out,
    route_invoke_permission,
    unique_routes,
)
from stackguard.components._api_logging import (
    HTTP_ACCESS_LOG_FORMAT,
    KmsKeyArn,
    LogGroupArgs,
    access_log_settings,
    api_access_log_group,
)
from stackguard.components._args import ComponentArgs, StrInput, validate_args, with_former_type

_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$")
_CORS_METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*"}


class HttpRouteArgs(ComponentArgs):
    """One route (method + path) with its backend and who may call it."""

    path: RoutePath = Field(description="Route path, e.g. /items/{id}.")
    http_method: HttpMethod = Field(description="HTTP method, or ANY.")
    integration: IntegrationArgs = Field(description="Backend: Lambda (payload 2.0) or an HTTPS URL.")
    authorization: Literal["AWS_IAM", "JWT", "NONE"] = Field(
        "AWS_IAM", description="SigV4 (default), JWT, or NONE (see public_routes)."
    )
    authorizer: Optional[str] = Field(None, description="Name of the entry in `jwt_authorizers` (JWT only).")
    authorization_scopes: list[str] = Field(default_factory=list, description="Scopes the JWT must carry (JWT only).")
    allow_any_token: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: a JWT route without scopes accepts any token of the issuer for the audiences."
    )


class JwtAuthorizerArgs(ComponentArgs):
    """A JWT authorizer: tokens must be issued by `issuer` for one of `audiences`."""

    name: Name = Field(description="Name routes refer to.")
    issuer: StrInput = Field(description="https:// issuer URL, e.g. a UserDirectory's issuer_url.")
    audiences: list[StrInput] = Field(min_length=1, description="Accepted audiences (for Cognito: app client ids).")
    identity_source: str = Field("$request.header.Authorization", description="Where the token is read.")

    @field_validator("issuer")
    @classmethod
    def _issuer(cls, value: StrInput) -> StrInput:
        if isinstance(value, str) and (urlparse(value).scheme != "https" or not urlparse(value).hostname):
            raise ValueError("must be an https:// URL")
        return value


class CorsArgs(ComponentArgs):
    """An explicit CORS policy; wildcards are refused together with credentials."""

    allow_origins: list[str] = Field(min_length=1, description='Origins such as "https://app.example.com", or "*".')
    allow_methods: list[str] = Field(min_length=1, description="Allowed methods.")
    allow_headers: list[str] = Field(
        default_factory=lambda: ["authorization", "content-type"], description="Allowed request headers."
    )
    expose_headers: list[str] = Field(default_factory=list, description="Response headers exposed to the browser.")
    allow_credentials: bool = Field(False, description="Let browsers send cookies/authorization with requests.")
    max_age: int = Field(300, ge=0, le=86400, description="Seconds browsers may cache the preflight answer.")

    @field_validator("allow_origins")
    @classmethod
    def _origins(cls, values: list[str]) -> list[str]:
        for value in values:
            if value != "*" and not _ORIGIN.match(value):
                raise ValueError(f"{value!r} is not an origin (scheme://host[:port], no path) or '*'")
        return values

    @field_validator("allow_methods")
    @classmethod
    def _methods(cls, values: list[str]) -> list[str]:
        for value in values:
            if value not in _CORS_METHODS:
                raise ValueError(f"{value!r} is not one of {sorted(_CORS_METHODS)}")
        return values

    @model_validator(mode="after")
    def _no_wildcard_with_credentials(self) -> "CorsArgs":
        if self.allow_credentials:
            for field in ("allow_origins", "allow_methods", "allow_headers", "expose_headers"):
                if "*" in getattr(self, field):
                    raise ValueError(f"{field}: '*' is not allowed with allow_credentials; list the values explicitly")
        return self


class HttpApiArgs(ComponentArgs):
    """Arguments of HttpApi."""

    kms_key_arn: KmsKeyArn = Field(
        description="KMS key ARN encrypting the access-log group; its policy must allow CloudWatch Logs."
    )
    description: Optional[str] = Field(None, description="Description of the API.")
    routes: list[HttpRouteArgs] = Field(min_length=1, description="The API's routes.")
    jwt_authorizers: list[JwtAuthorizerArgs] = Field(default_factory=list, description="JWT authorizers routes can use.")
    public_routes: list[PublicRoute] = Field(
        default_factory=list, description="Opt-out: routes without authorization, each with a reason."
    )
    allow_plain_http_backend: Optional[RiskAcceptance] = Field(None, description="Opt-out: allow http:// integration URLs.")
    cors: Optional[CorsArgs] = Field(None, description="CORS policy; none unless given.")
    stage_name: str = Field("$default", description="Stage name; $default serves the API at its root.")
    throttling: ThrottlingArgs = Field(default_factory=ThrottlingArgs, description="Default route throttling.")
    access_logs: LogGroupArgs = Field(default_factory=LogGroupArgs, description="Access-log group settings.")
    custom_domain: Optional[CustomDomainArgs] = Field(
        None, description="Custom domain name (base_path becomes the API mapping key)."
    )
    keep_default_endpoint: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: keep the execute-api endpoint (bypassing the custom domain) when one is set."
    )
    allow_without_waf: Optional[RiskAcceptance] = Field(
        None, description="Required acknowledgement: HTTP APIs cannot be associated with AWS WAF (use RestApi for WAF)."
    )
    allow_wildcard_cors: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: '*' in cors.allow_origins or cors.allow_methods."
    )
    allow_insecure_cors_origins: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: http:// origins in cors.allow_origins."
    )
    tags: dict[str, str] = Field(default_factory=dict, description="Tags for every taggable child.")

    @field_validator("stage_name")
    @classmethod
    def _stage(cls, value: str) -> str:
        if value != "$default" and not NAME.match(value):
            raise ValueError(f"must be $default or {NAME_RULE}")
        return value

    @model_validator(mode="after")
    def _cross_fields(self) -> "HttpApiArgs":
        names = [a.name for a in self.jwt_authorizers]
        if len(set(names)) != len(names):
            raise ValueError("jwt_authorizers: names must be unique")
        check_keep_default_endpoint(self.keep_default_endpoint, self.custom_domain)
        for field, route in unique_routes(self.routes):
            if route.authorization == "JWT" and route.authorizer not in names:
                raise ValueError(f"{field}.authorizer: JWT authorization needs the name of one of jwt_authorizers")
            if route.authorization != "JWT" and (route.authorizer is not None or route.authorization_scopes):
                raise ValueError(f"{field}.authorizer: authorizer and authorization_scopes are only for JWT authorization")
            check_scopes_or_opt_out(field, route.authorization == "JWT", route.authorization_scopes, route.allow_any_token,
                                    "allow_any_token", "any token of the issuer, ID tokens included")
        check_route_opt_outs(self.routes, self.allow_plain_http_backend, self.public_routes)
        if self.allow_without_waf is None:
            raise ValueError(
                "allow_without_waf: HTTP APIs cannot be associated with AWS WAF; use RestApi behind a WebAcl, "
                "or acknowledge it with a reason (e.g. CloudFront with WAF in front)"
            )
        cors = self.cors
        wildcard = cors is not None and ("*" in cors.allow_origins or "*" in cors.allow_methods)
        insecure = [o for o in (cors.allow_origins if cors else []) if o.lower().startswith("http://")]
        for needed, acceptance, field, problem in (
            (wildcard, self.allow_wildcard_cors, "allow_wildcard_cors", "'*' origins or methods"),
            (bool(insecure), self.allow_insecure_cors_origins, "allow_insecure_cors_origins", "http:// origins"),
        ):
            if needed and acceptance is None:
                raise ValueError(f"cors: {problem} let any (or a plain-HTTP) site call the API from a browser; "
                                 f"list https:// origins and methods, or set {field} with a reason")
            if acceptance is not None and not needed:
                raise ValueError(f"{field}: the CORS policy has no {problem}; remove the opt-out")
        return self


def http_api_acknowledgements(name: str, args: HttpApiArgs) -> Acknowledgements:
    """Every opt-out of an HttpApi, on the child it weakens."""
    acks = Acknowledgements()
    acks.add("aws-apigatewayv2-stage-web-acl", f"{name}-stage", "allow_without_waf", args.allow_without_waf)
    acks.add("aws-apigatewayv2-api-default-endpoint", name, "keep_default_endpoint", args.keep_default_endpoint)
    acks.add("aws-apigatewayv2-api-cors-wildcard", name, "allow_wildcard_cors", args.allow_wildcard_cors)
    acks.add("aws-apigatewayv2-api-cors-wildcard", name, "allow_insecure_cors_origins", args.allow_insecure_cors_origins)
    for i, route in enumerate(args.routes):
        slug = f"{route.http_method}{route.path}"
        acks.add("aws-apigatewayv2-route-jwt-scopes", f"{name}-{slug}", f"routes.{i}.allow_any_token", route.allow_any_token)
        if route.integration.plain_http:
            acks.add("aws-apigatewayv2-integration-https", f"{name}-{slug}", "allow_plain_http_backend",
                     args.allow_plain_http_backend)
    for i, public in enumerate(args.public_routes):
        acks.add("aws-apigatewayv2-route-authorization", f"{name}-{public.http_method}{public.path}",
                 f"public_routes.{i}", RiskAcceptance(reason=public.reason, owner=public.owner))
    return acks


class HttpApi(pulumi.ComponentResource):
    """An HTTP API whose defaults pass stackguard's prod rules."""

    api_id: pulumi.Output[str]
    api_endpoint: pulumi.Output[str]
    execution_arn: pulumi.Output[str]
    stage_arn: pulumi.Output[str]
    stage_name: pulumi.Output[str]
    invoke_url: pulumi.Output[str]
    access_log_group_arn: pulumi.Output[str]
    access_log_group_name: pulumi.Output[str]
    domain_target_name: Optional[pulumi.Output[str]]
    domain_hosted_zone_id: Optional[pulumi.Output[str]]

    def __init__(
        self,
        name: str,
        args: inputs.HttpApiArgs,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        args = validate_args("HttpApi", HttpApiArgs, args)
        acks = http_api_acknowledgements(name, args)
        super().__init__("stackguard:index:HttpApi", name, acks.props(), with_former_type(opts, "stackguard:api:HttpApi"))
        child = pulumi.ResourceOptions(parent=self)

        cors = args.cors.model_dump() if args.cors else None
        self.api = aws.apigatewayv2.Api(
            name,
            protocol_type="HTTP",
            description=args.description,
            disable_execute_api_endpoint=bool(args.custom_domain) and args.keep_default_endpoint is None,
            cors_configuration=cors,
            tags={**args.tags, **acks.tags(name)},
            opts=child,
        )
        api = self.api

        self.authorizers = {
            auth.name: aws.apigatewayv2.Authorizer(
                f"{name}-authorizer-{auth.name}",
                api_id=api.id,
                name=auth.name,
                authorizer_type="JWT",
                identity_sources=[auth.identity_source],
                jwt_configuration={"issuer": auth.issuer, "audiences": auth.audiences},
                opts=child,
            )
            for auth in args.jwt_authorizers
        }
        self.routes = {}
        self.permissions = []
        for route in args.routes:
            key = f"{route.http_method} {route.path}"
            slug = f"{route.http_method}{route.path}"
            target = route.integration
            if target.lambda_arn is not None:
                backend = {"integration_type": "AWS_PROXY", "integration_uri": target.lambda_arn,
                           "integration_method": "POST", "payload_format_version": "2.0"}
                self.permissions.append(route_invoke_permission(
                    f"{name}-invoke-{slug}", target.lambda_arn, api.execution_arn, route.http_method, route.path, self))
            else:
                backend = {"integration_type": "HTTP_PROXY", "integration_uri": target.https_url,
                           "integration_method": route.http_method, "payload_format_version": "1.0"}
            integration = aws.apigatewayv2.Integration(
                f"{name}-{slug}", api_id=api.id, timeout_milliseconds=target.timeout_ms, opts=child, **backend
            )
            self.routes[key] = aws.apigatewayv2.Route(
                f"{name}-{slug}",
                api_id=api.id,
                route_key=key,
                target=pulumi.Output.concat("integrations/", integration.id),
                authorization_type=route.authorization,
                authorizer_id=self.authorizers[route.authorizer].id if route.authorizer else None,
                authorization_scopes=route.authorization_scopes or None,
                opts=child,
            )

        self.access_log_group = api_access_log_group(
            name, parent=self, kms_key_arn=args.kms_key_arn, settings=args.access_logs, tags=args.tags
        )
        self.stage = aws.apigatewayv2.Stage(
            f"{name}-stage",
            api_id=api.id,
            name=args.stage_name,
            auto_deploy=True,
            access_log_settings=access_log_settings(self.access_log_group, HTTP_ACCESS_LOG_FORMAT),
            default_route_settings={
                **args.throttling.route_settings(),
                "detailed_metrics_enabled": True,
            },
            tags={**args.tags, **acks.tags(f"{name}-stage")},
            # With auto_deploy the stage deploys the routes; creating it after them avoids an empty first deployment.
            opts=pulumi.ResourceOptions(parent=self, depends_on=list(self.routes.values())),
        )

        self.domain_name = None
        self.domain_target_name = None
        self.domain_hosted_zone_id = None
        stage_path = "" if args.stage_name == "$default" else f"/{args.stage_name}"
        invoke_url = pulumi.Output.concat(api.api_endpoint, stage_path)
        if args.custom_domain:
            domain = args.custom_domain
            self.domain_name = aws.apigatewayv2.DomainName(
                f"{name}-domain",
                domain_name=domain.domain_name,
                domain_name_configuration={
                    "certificate_arn": domain.certificate_arn,
                    "endpoint_type": "REGIONAL",
                    "security_policy": "TLS_1_2",
                },
                mutual_tls_authentication={"truststore_uri": domain.truststore_uri} if domain.truststore_uri else None,
                tags=args.tags,
                opts=child,
            )
            configuration = self.domain_name.domain_name_configuration
            self.domain_target_name = configuration.apply(lambda c: c.target_domain_name)
            self.domain_hosted_zone_id = configuration.apply(lambda c: c.hosted_zone_id)
            aws.apigatewayv2.ApiMapping(
                f"{name}-mapping",
                api_id=api.id,
                domain_name=self.domain_name.domain_name,
                stage=self.stage.name,
                api_mapping_key=domain.base_path or None,
                opts=child,
            )
            invoke_url = pulumi.Output.concat("https://", self.domain_name.domain_name, "/", domain.base_path)

        self.api_id = api.id
        self.api_endpoint = api.api_endpoint
        self.execution_arn = api.execution_arn
        self.stage_arn = self.stage.arn
        self.invoke_url = invoke_url
        self.access_log_group_arn = self.access_log_group.arn
        self.stage_name = self.stage.name
        self.access_log_group_name = self.access_log_group.name
        self.register_outputs({
            "api_id": self.api_id,
            "api_endpoint": self.api_endpoint,
            "execution_arn": self.execution_arn,
            "stage_arn": self.stage_arn,
            "stage_name": self.stage_name,
            "invoke_url": self.invoke_url,
            "access_log_group_arn": self.access_log_group_arn,
            "access_log_group_name": self.access_log_group_name,
            "domain_target_name": self.domain_target_name,
            "domain_hosted_zone_id": self.domain_hosted_zone_id,
        })
