"""RestApi: an API Gateway REST API that is authenticated, logged, traced, throttled and WAF-protected by default.

Routes are typed models (or an OpenAPI Jinja2 template); every method gets an authorizer (AWS_IAM unless
told otherwise) and a request validator; the stage writes JSON access logs to a KMS-encrypted log group.

    from stackguard.components.rest_api import RestApi

    api = RestApi("orders", {
        "kms_key_arn": logs_key.arn,
        "web_acl_arn": acl.web_acl_arn,                       # RestApi associates its own stage with the ACL
        "authorizers": [{"name": "users", "type": "COGNITO_USER_POOLS",
                         "provider_arns": [directory.user_pool_arn]}],
        "routes": [
            {"path": "/orders", "http_method": "GET", "integration": {"lambda_arn": list_fn.arn}},
            {"path": "/orders/{id}", "http_method": "GET", "integration": {"lambda_arn": get_fn.arn},
             "authorization": "COGNITO_USER_POOLS", "authorizer": "users", "authorization_scopes": ["orders/read"]},
        ],
        "custom_domain": {"domain_name": "api.example.com", "certificate_arn": cert.arn},
        "tags": {"team": "payments"},
    })
    pulumi.export("orders_url", api.invoke_url)

Needs, once per account and region, API Gateway's CloudWatch role (aws.apigateway.Account): without it the
stage's access logs and execution logging cannot be set and the Stage fails to create. This component does
not manage that account-wide singleton (two stacks would overwrite each other's); create it once per account
and region with ApiGatewayAccount (components/api_gateway_account.py).
https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html

Execution logs go to the group API Gateway writes to, API-Gateway-Execution-Logs_{rest-api-id}/{stage},
created here first, encrypted with `kms_key_arn` and kept `access_logs.retention_in_days`: left to API
Gateway it would be unencrypted and never expire, with authorizer data and parameter values in it.
https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-execution-logging.html

With a custom domain the execute-api endpoint is disabled, so callers need a DNS record for the domain:
`domain_target_name` and `domain_hosted_zone_id` are the alias target (the regional domain, or the CloudFront
distribution for EDGE). https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html
"""
import hashlib
import json
import re
from pathlib import Path
from typing import Annotated, Any, Literal, Optional

import pulumi
import pulumi_aws as aws
from pydantic import Field, field_validator, model_validator

from stackguard.components import inputs
from stackguard.components._acknowledgements import Acknowledgements
from stackguard.components._api_common import (
    NAME,
    AcceptedOperation,
    NAME_RULE,
    PATH_PARAM,
    CustomDomainArgs,
    HttpMethod,
    check_cloudfront_certificate,
    IntegrationArgs,
    LambdaArn,
    Name,
    PublicRoute,
    RiskAcceptance,
    RoutePath,
    ThrottlingArgs,
    check_accepted_operations,
    check_backend_urls,
    check_keep_default_endpoint,
    check_public_routes,
    check_route_opt_outs,
    check_scopes_or_opt_out,
    cloudfront_certificate,
    invoke_permission,
    route_invoke_permission,
    unique_routes,
)
from stackguard.components._api_logging import (
    REST_ACCESS_LOG_FORMAT,
    KmsKeyArn,
    LogGroupArgs,
    access_log_settings,
    api_access_log_group,
    encrypted_log_group,
)
from stackguard.components._args import ComponentArgs, StrInput, matches, validate_args, with_former_type
from stackguard.components._openapi import (
    openapi_operations,
    placeholder_render,
    render_openapi,
    template_weaknesses,
    with_request_validation,
)
from stackguard.components._policy_documents import policy_document, statement

_COGNITO_POOL_ARN = re.compile(r"^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool/[\w-]+$")

CognitoPoolArn = Annotated[StrInput, matches(_COGNITO_POOL_ARN, "a Cognito user pool ARN")]


# The header every authorizer reads the caller's credential from, by default.
CREDENTIAL_SOURCE = "method.request.header.Authorization"


def lambda_invoke_uri(function_arn: pulumi.Input[str]) -> pulumi.Output[str]:
    """The apigateway URI that invokes a function, in the function's own partition and region."""
    def uri(arn: str) -> str:
        _, partition, _, region, *_ = arn.split(":")
        return f"arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{arn}/invocations"
    return pulumi.Output.from_input(function_arn).apply(uri)


# --- RestApi arguments ----------------------------------------------------------------------------

class RouteArgs(ComponentArgs):
    """One method on one resource path, with its backend and who may call it."""

    path: RoutePath = Field(description="Resource path, e.g. /orders/{id}.")
    http_method: HttpMethod = Field(description="HTTP method, or ANY.")
    integration: IntegrationArgs = Field(description="Backend the request is proxied to.")
    authorization: Literal["AWS_IAM", "COGNITO_USER_POOLS", "CUSTOM", "NONE"] = Field(
        "AWS_IAM", description="SigV4 (default), a Cognito authorizer, a Lambda authorizer, or NONE (see public_routes)."
    )
    authorizer: Optional[str] = Field(None, description="Name of the entry in `authorizers` (Cognito or CUSTOM only).")
    authorization_scopes: list[str] = Field(default_factory=list, description="OAuth scopes a Cognito access token must carry.")
    allow_any_token_of_pool: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: a COGNITO_USER_POOLS route without scopes accepts any ID token of the pool."
    )
    api_key_required: bool = Field(False, description="Also require an API key of the usage plan.")
    required_query_parameters: list[str] = Field(default_factory=list, description="Query parameters API Gateway requires.")
    required_headers: list[str] = Field(default_factory=list, description="Headers API Gateway requires.")
    request_model: Optional[dict[str, Any]] = Field(
        None, description="JSON schema (draft 4) the application/json request body must match; API Gateway validates it."
    )
    allow_unvalidated_body: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: a POST/PUT/PATCH/ANY route whose body API Gateway does not validate (no request_model)."
    )
    throttling: Optional[ThrottlingArgs] = Field(None, description="Method-level throttling, below the stage's.")

    @field_validator("required_query_parameters", "required_headers")
    @classmethod
    def _parameter_names(cls, values: list[str]) -> list[str]:
        for value in values:
            if not re.match(r"^[A-Za-z0-9._-]{1,128}$", value):
                raise ValueError(f"{value!r} is not a parameter name")
        return values


class AuthorizerArgs(ComponentArgs):
    """A Cognito user pool authorizer or a Lambda (TOKEN or REQUEST) authorizer."""

    name: Name = Field(description="Name routes refer to.")
    type: Literal["COGNITO_USER_POOLS", "TOKEN", "REQUEST"] = Field(description="Kind of authorizer.")
    provider_arns: list[CognitoPoolArn] = Field(default_factory=list, description="User pool ARNs (COGNITO_USER_POOLS).")
    lambda_arn: Optional[LambdaArn] = Field(None, description="Authorizer function ARN (TOKEN, REQUEST).")
    identity_source: str = Field("method.request.header.Authorization", description="Where the caller's token is read.")
    result_ttl_seconds: int = Field(300, ge=0, le=3600, description="How long API Gateway caches a decision.")
    allow_shared_decision_cache: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: a REQUEST authorizer whose cached decision is keyed without the Authorization header."
    )

    @model_validator(mode="after")
    def _kind(self) -> "AuthorizerArgs":
        if self.type == "COGNITO_USER_POOLS" and (not self.provider_arns or self.lambda_arn is not None):
            raise ValueError("a COGNITO_USER_POOLS authorizer needs provider_arns and no lambda_arn")
        if self.type != "COGNITO_USER_POOLS" and (self.lambda_arn is None or self.provider_arns):
            raise ValueError(f"a {self.type} authorizer needs lambda_arn and no provider_arns")
        shared = self.caches_without_credential()
        if shared and self.allow_shared_decision_cache is None:
            raise ValueError(
                f"identity_source: a REQUEST authorizer caches its decision for {self.result_ttl_seconds} s under "
                f"{self.identity_source!r}, so a caller who sends the same values reuses another caller's Allow; "
                f"add {CREDENTIAL_SOURCE}, set result_ttl_seconds to 0, or set allow_shared_decision_cache with a reason"
            )
        if self.allow_shared_decision_cache is not None and not shared:
            raise ValueError("allow_shared_decision_cache: the decision cache is keyed by the credential; remove the opt-out")
        return self

    def caches_without_credential(self) -> bool:
        """A REQUEST authorizer caching decisions under identity sources that do not include the credential.

        API Gateway caches a Lambda authorizer's policy under the identity sources' values (a TOKEN authorizer's
        source is the token itself).
        https://docs.aws.amazon.com/apigateway/latest/developerguide/configure-api-gateway-lambda-authorization.html
        """
        sources = {source.strip().lower() for source in self.identity_source.split(",")}
        return self.type == "REQUEST" and self.result_ttl_seconds > 0 and CREDENTIAL_SOURCE.lower() not in sources


class CachingArgs(ComponentArgs):
    """Opt-in stage cache; cached responses are always encrypted and cache control needs authorization.

    Cached responses are keyed by the caller's Authorization header (besides the path parameters), so one
    caller's response is never served to another; `allow_shared_cache` keys them by path parameters only.
    """

    cluster_size: Literal["0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"] = Field(
        "0.5", description="Cache size in GB."
    )
    ttl_seconds: int = Field(300, ge=0, le=3600, description="Time to live of cached responses.")
    allow_shared_cache: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: responses cached per path only, served to every caller of that path."
    )


class UsagePlanArgs(ComponentArgs):
    """A usage plan for the stage, with throttle, quota and the API keys (values stay secret) it admits."""

    throttle: ThrottlingArgs = Field(default_factory=ThrottlingArgs, description="Per-key throttling.")
    quota_limit: int = Field(10000, gt=0, description="Requests each key may make per quota period.")
    quota_period: Literal["DAY", "WEEK", "MONTH"] = Field("DAY", description="Quota period.")
    api_keys: list[str] = Field(default_factory=list, description="Names of API keys to create; AWS generates the values.")

    @field_validator("api_keys")
    @classmethod
    def _keys(cls, values: list[str]) -> list[str]:
        for value in values:
            if not NAME.match(value):
                raise ValueError(f"{value!r}: key names are {NAME_RULE}")
        if len(set(values)) != len(values):
            raise ValueError("key names must be unique")
        return values


class OpenApiArgs(ComponentArgs):
    """An OpenAPI 3 / Swagger 2 document (YAML or JSON) as a Jinja2 template, replacing `routes`.

    The template sees `integration(name, http_method="ANY", **extra)` (the x-amazon-apigateway-integration
    object of `integrations[name]`, plus `extra` keys such as requestParameters),
    `authorizer(name)` (a securityScheme for an entry of `authorizers`), `iam_auth()` (the SigV4 securityScheme),
    and `integrations` / `authorizers` with their resolved `uri` / settings.
    """

    template: Optional[str] = Field(None, description="Template text.")
    template_file: Optional[Path] = Field(None, description="Path of a template file.")
    integrations: dict[str, IntegrationArgs] = Field(default_factory=dict, description="Named backends the template uses.")
    unvalidated_bodies: list[AcceptedOperation] = Field(
        default_factory=list,
        description="Opt-out: POST/PUT/PATCH/ANY operations of the template that declare no JSON schema for their body.",
    )
    any_token_of_pool: list[AcceptedOperation] = Field(
        default_factory=list,
        description="Opt-out: operations whose Cognito security requirement names no scopes (any ID token of the pool).",
    )

    @model_validator(mode="after")
    def _one_source(self) -> "OpenApiArgs":
        if (self.template is None) == (self.template_file is None):
            raise ValueError("set exactly one of template or template_file")
        if self.template_file is not None and not self.template_file.is_file():
            raise ValueError(f"template_file: {self.template_file} is not a file")
        return self

    def source(self) -> str:
        return self.template if self.template is not None else self.template_file.read_text()


class RestApiArgs(ComponentArgs):
    """Arguments of RestApi."""

    kms_key_arn: KmsKeyArn = Field(
        description="KMS key ARN encrypting the access-log group; its policy must allow CloudWatch Logs."
    )
    description: Optional[str] = Field(None, description="Description of the API.")
    endpoint_type: Literal["REGIONAL", "PRIVATE", "EDGE"] = Field("REGIONAL", description="Endpoint type of the API.")
    vpc_endpoint_ids: list[StrInput] = Field(
        default_factory=list, description="execute-api interface endpoints (PRIVATE only)."
    )
    allow_edge_endpoint: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: allow an EDGE (CloudFront-managed, outside your WAF/region) endpoint."
    )
    routes: list[RouteArgs] = Field(default_factory=list, description="The API's methods; exclusive with openapi.")
    openapi: Optional[OpenApiArgs] = Field(None, description="An OpenAPI template defining the API instead of routes.")
    authorizers: list[AuthorizerArgs] = Field(default_factory=list, description="Cognito and Lambda authorizers.")
    public_routes: list[PublicRoute] = Field(
        default_factory=list, description="Opt-out: routes without authorization, each with a reason."
    )
    allow_plain_http_backend: Optional[RiskAcceptance] = Field(None, description="Opt-out: allow http:// integration URLs.")
    allow_wildcard_cors: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: Access-Control-Allow-Origin '*' in the OpenAPI template's responses."
    )
    stage_name: Name = Field("v1", description="Name of the stage.")
    throttling: ThrottlingArgs = Field(default_factory=ThrottlingArgs, description="Stage-wide throttling of every method.")
    logging_level: Literal["INFO", "ERROR"] = Field("INFO", description="Execution logging level.")
    log_full_requests: Optional[RiskAcceptance] = Field(
        None, description="Opt-out (risk: request/response bodies, tokens and PII end up in logs): enable data trace logging."
    )
    caching: Optional[CachingArgs] = Field(None, description="Opt-in encrypted stage cache.")
    access_logs: LogGroupArgs = Field(default_factory=LogGroupArgs, description="Access-log group settings.")
    custom_domain: Optional[CustomDomainArgs] = Field(None, description="Custom domain name for the stage.")
    keep_default_endpoint: Optional[RiskAcceptance] = Field(
        None, description="Opt-out: keep the execute-api endpoint (bypassing the custom domain) when one is set."
    )
    web_acl_arn: Optional[StrInput] = Field(
        None, description="WAF web ACL to associate with the stage (required unless allow_without_waf)."
    )
    allow_without_waf: Optional[RiskAcceptance] = Field(None, description="Opt-out: no WAF web ACL on the stage.")
    usage_plan: Optional[UsagePlanArgs] = Field(None, description="Usage plan and API keys.")
    backend_client_certificate: bool = Field(
        True, description="Sign calls to HTTP backends with a stage client certificate (FSBP APIGateway.2)."
    )
    tags: dict[str, str] = Field(default_factory=dict, description="Tags for every taggable child.")

    @model_validator(mode="after")
    def _cross_fields(self) -> "RestApiArgs":
        if self.endpoint_type == "EDGE" and self.allow_edge_endpoint is None:
            raise ValueError("endpoint_type: EDGE needs allow_edge_endpoint with a reason; use REGIONAL or PRIVATE")
        if self.endpoint_type == "EDGE" and self.custom_domain:
            check_cloudfront_certificate("custom_domain.certificate_arn", self.custom_domain.certificate_arn)
        if self.allow_edge_endpoint is not None and self.endpoint_type != "EDGE":
            raise ValueError("allow_edge_endpoint: only applies to endpoint_type EDGE; remove the opt-out")
        if self.endpoint_type == "PRIVATE" and not self.vpc_endpoint_ids:
            raise ValueError("vpc_endpoint_ids: a PRIVATE API needs the VPC endpoints allowed to invoke it")
        if self.endpoint_type != "PRIVATE" and self.vpc_endpoint_ids:
            raise ValueError("vpc_endpoint_ids: only for endpoint_type PRIVATE")
        if self.custom_domain and self.custom_domain.truststore_uri and self.endpoint_type == "EDGE":
            raise ValueError("custom_domain.truststore_uri: mutual TLS needs a REGIONAL endpoint")
        if self.custom_domain and self.endpoint_type == "PRIVATE":
            raise ValueError("custom_domain: not supported for PRIVATE APIs")
        check_keep_default_endpoint(self.keep_default_endpoint, self.custom_domain)
        if self.web_acl_arn is None and self.allow_without_waf is None:
            raise ValueError("web_acl_arn: required; pass a WebAcl's web_acl_arn or set allow_without_waf with a reason")
        if self.web_acl_arn is not None and self.allow_without_waf is not None:
            raise ValueError("allow_without_waf: web_acl_arn is set; remove the opt-out")
        if bool(self.routes) == bool(self.openapi):
            raise ValueError("routes: set either routes or openapi (exactly one)")
        names = [a.name for a in self.authorizers]
        if len(set(names)) != len(names):
            raise ValueError("authorizers: names must be unique")
        if self.openapi:
            backends = [(f"openapi.integrations.{k}", v) for k, v in self.openapi.integrations.items()]
            weaknesses = template_weaknesses(placeholder_render(self))
            self._check_template(weaknesses)
            if not any(kind == "plain_http" for kind, _ in weaknesses):
                check_backend_urls(backends, self.allow_plain_http_backend)
            operations = openapi_operations(self)
            check_public_routes(
                [("openapi.template", op.path, op.method, op.authenticated) for op in operations], self.public_routes)
            check_accepted_operations(
                "openapi.unvalidated_bodies", [(op.path, op.method) for op in operations if op.unvalidated_body],
                self.openapi.unvalidated_bodies, "takes a body without a JSON schema, so nothing validates it",
                "declare requestBody.content.application/json.schema")
            check_accepted_operations(
                "openapi.any_token_of_pool", [(op.path, op.method) for op in operations if op.any_token_of_pool],
                self.openapi.any_token_of_pool, "has a Cognito security requirement without scopes, so any ID token "
                "of the pool passes", "name the scopes an access token must carry")
        else:
            if self.allow_wildcard_cors is not None:
                raise ValueError("allow_wildcard_cors: only for an OpenAPI template; remove the opt-out")
            self._check_routes()
            check_route_opt_outs(self.routes, self.allow_plain_http_backend, self.public_routes)
        return self

    def has_http_backend(self) -> bool:
        """True when a route or a named integration proxies to an HTTP(S) URL."""
        integrations = [r.integration for r in self.routes] + list(self.openapi.integrations.values() if self.openapi else [])
        return any(i.https_url is not None for i in integrations)

    def _check_template(self, weaknesses: list[tuple[str, str]]) -> None:
        for kind, where in weaknesses:
            if kind == "resource_policy":
                raise ValueError("openapi.template: x-amazon-apigateway-policy is not allowed; the component sets the "
                                 "API's resource policy (PRIVATE endpoints)")
            if kind == "skip_tls_verification":
                raise ValueError(f"openapi.template: {where} sets tlsConfig.insecureSkipVerification; give the backend "
                                 "a certificate API Gateway trusts")
            if kind == "plain_http" and self.allow_plain_http_backend is None:
                raise ValueError(f"openapi.template: {where} calls an http:// backend; use https:// (or a named "
                                 "integration) or set allow_plain_http_backend with a reason")
            if kind == "wildcard_cors" and self.allow_wildcard_cors is None:
                raise ValueError(f"openapi.template: {where} sets Access-Control-Allow-Origin '*', so any web site "
                                 "can call the API from a browser; name the origin or set allow_wildcard_cors with a reason")
        if self.allow_wildcard_cors is not None and not any(kind == "wildcard_cors" for kind, _ in weaknesses):
            raise ValueError("allow_wildcard_cors: the template allows no '*' origin; remove the opt-out")

    def _check_routes(self) -> None:
        kinds = {a.name: a.type for a in self.authorizers}
        for field, route in unique_routes(self.routes):
            if route.authorization in ("COGNITO_USER_POOLS", "CUSTOM"):
                wanted = ("COGNITO_USER_POOLS",) if route.authorization == "COGNITO_USER_POOLS" else ("TOKEN", "REQUEST")
                if kinds.get(route.authorizer) not in wanted:
                    raise ValueError(
                        f"{field}.authorizer: {route.authorization} needs the name of a {' or '.join(wanted)} authorizer"
                    )
            elif route.authorizer is not None:
                raise ValueError(f"{field}.authorizer: only for COGNITO_USER_POOLS or CUSTOM authorization")
            if route.authorization_scopes and route.authorization != "COGNITO_USER_POOLS":
                raise ValueError(f"{field}.authorization_scopes: only for COGNITO_USER_POOLS authorization")
            check_scopes_or_opt_out(field, route.authorization == "COGNITO_USER_POOLS", route.authorization_scopes,
                                    route.allow_any_token_of_pool, "allow_any_token_of_pool", "any ID token of the pool")
            body = route.http_method in ("POST", "PUT", "PATCH", "ANY")
            if body and route.request_model is None and route.allow_unvalidated_body is None:
                raise ValueError(
                    f"{field}.request_model: {route.http_method} {route.path} takes a body that nothing validates; "
                    "give a JSON schema, or set allow_unvalidated_body with a reason"
                )
            if route.allow_unvalidated_body is not None and not (body and route.request_model is None):
                raise ValueError(f"{field}.allow_unvalidated_body: the route's body is validated or absent; remove it")
            if route.api_key_required and self.usage_plan is None:
                raise ValueError(f"{field}.api_key_required: needs a usage_plan with API keys")


# --- the component --------------------------------------------------------------------------------

# Cached responses keyed by the caller's credentials, so one caller never gets another's response.
CALLER_CACHE_KEY = "method.request.header.Authorization"


def method_request_parameters(route: RouteArgs, path_params: list[str], per_caller_cache: bool) -> dict[str, bool]:
    """The method's declared request parameters (True: required, validated by API Gateway)."""
    parameters = {f"method.request.path.{p}": True for p in path_params}
    parameters.update({f"method.request.querystring.{q}": True for q in route.required_query_parameters})
    parameters.update({f"method.request.header.{h}": True for h in route.required_headers})
    if per_caller_cache:
        parameters.setdefault(CALLER_CACHE_KEY, False)
    return parameters


def rest_api_acknowledgements(name: str, args: RestApiArgs) -> Acknowledgements:
    """Every opt-out of a RestApi, on the child it weakens (children without tags get props only)."""
    acks = Acknowledgements()
    acks.add("aws-apigateway-rest-api-endpoint-type", name, "allow_edge_endpoint", args.allow_edge_endpoint)
    acks.add("aws-apigateway-rest-api-default-endpoint", name, "keep_default_endpoint", args.keep_default_endpoint)
    acks.add("aws-apigateway-stage-web-acl", f"{name}-stage", "allow_without_waf", args.allow_without_waf)
    acks.add("aws-apigateway-method-settings-logging", f"{name}-method-settings", "log_full_requests",
             args.log_full_requests)
    for i, route in enumerate(args.routes):
        key = f"{name}-{route.http_method}{route.path}"
        if route.integration.plain_http:
            acks.add("aws-apigateway-integration-https", key, "allow_plain_http_backend", args.allow_plain_http_backend)
        acks.add("aws-apigateway-method-cognito-scopes", key, f"routes.{i}.allow_any_token_of_pool",
                 route.allow_any_token_of_pool)
        acks.add("aws-apigateway-method-request-validation", key, f"routes.{i}.allow_unvalidated_body",
                 route.allow_unvalidated_body)
        if args.caching is not None and route.authorization != "NONE":
            # The integrations are cached without the caller among their keys.
            acks.add("aws-apigateway-integration-cache-keys", key, "caching.allow_shared_cache",
                     args.caching.allow_shared_cache)

    if args.openapi and (any(i.plain_http for i in args.openapi.integrations.values()) or any(
            kind == "plain_http" for kind, _ in template_weaknesses(placeholder_render(args)))):
        acks.add("aws-apigateway-integration-https", name, "allow_plain_http_backend", args.allow_plain_http_backend)
    if args.openapi:
        acks.add("aws-apigateway-cors-wildcard", name, "allow_wildcard_cors", args.allow_wildcard_cors)
        for i, operation in enumerate(args.openapi.unvalidated_bodies):
            acks.add("aws-apigateway-method-request-validation", name, f"openapi.unvalidated_bodies.{i}",
                     operation.acceptance())
        for i, operation in enumerate(args.openapi.any_token_of_pool):
            acks.add("aws-apigateway-method-cognito-scopes", name, f"openapi.any_token_of_pool.{i}", operation.acceptance())
    for i, auth in enumerate(args.authorizers):
        acks.add("aws-apigateway-authorizer-cache-keys", name if args.openapi else f"{name}-authorizer-{auth.name}",
                 f"authorizers.{i}.allow_shared_decision_cache", auth.allow_shared_decision_cache)
    for i, public in enumerate(args.public_routes):
        resource = name if args.openapi else f"{name}-{public.http_method}{public.path}"
        acks.add("aws-apigateway-method-authorization", resource, f"public_routes.{i}",
                 RiskAcceptance(reason=public.reason, owner=public.owner))
    return acks


class RestApi(pulumi.ComponentResource):
    """A REST API whose defaults pass stackguard's prod rules."""

    rest_api_id: pulumi.Output[str]
    api_name: pulumi.Output[str]
    stage_arn: pulumi.Output[str]
    stage_name: pulumi.Output[str]
    invoke_url: pulumi.Output[str]
    execution_arn: pulumi.Output[str]
    access_log_group_arn: pulumi.Output[str]
    access_log_group_name: pulumi.Output[str]
    domain_target_name: Optional[pulumi.Output[str]]
    domain_hosted_zone_id: Optional[pulumi.Output[str]]

    def __init__(
        self,
        name: str,
        args: inputs.RestApiArgs,
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        args = validate_args("RestApi", RestApiArgs, args)
        acks = rest_api_acknowledgements(name, args)
        super().__init__("stackguard:index:RestApi", name, acks.props(), with_former_type(opts, "stackguard:api:RestApi"))
        self._name = name
        self._args = args
        child = pulumi.ResourceOptions(parent=self)

        policy = self._private_policy() if args.endpoint_type == "PRIVATE" else None
        endpoint: dict[str, Any] = {"types": args.endpoint_type}
        if args.endpoint_type == "PRIVATE":
            endpoint["vpc_endpoint_ids"] = args.vpc_endpoint_ids
        authorizer_lambdas = {a.name: a for a in args.authorizers if a.lambda_arn is not None}
        body = self._openapi_body() if args.openapi else None
        self.rest_api = aws.apigateway.RestApi(
            name,
            description=args.description,
            endpoint_configuration=endpoint,
            disable_execute_api_endpoint=bool(args.custom_domain) and args.keep_default_endpoint is None,
            security_policy="TLS_1_2",
            api_key_source="HEADER",
            policy=policy,
            body=body,
            # With a body, the default "overwrite" mode replaces the API's endpoint configuration with the
            # document's and drops a PRIVATE API's VPC endpoint association; "merge" keeps it.
            put_rest_api_mode="merge" if body is not None and args.endpoint_type == "PRIVATE" else None,
            fail_on_warnings=True,
            tags={**args.tags, **acks.tags(name)},
            opts=child,
        )
        api = self.rest_api

        self.permissions = []
        self.methods = {}
        self.authorizers = {}
        self.request_validator = None
        deploy_after: list[pulumi.Resource] = []
        if args.openapi:
            self._openapi_permissions()
            for auth in authorizer_lambdas.values():
                self.permissions.append(invoke_permission(
                    f"{name}-authorizer-{auth.name}-invoke", auth.lambda_arn,
                    pulumi.Output.concat(api.execution_arn, "/authorizers/*"), self))
        else:
            deploy_after = self._routes()

        signature = pulumi.Output.from_input({
            "routes": [r.model_dump() for r in args.routes],
            "authorizers": [a.model_dump() for a in args.authorizers],
            "body": body,
            "policy": policy,
            "endpoint": endpoint,
        }).apply(lambda config: hashlib.sha256(json.dumps(config, sort_keys=True, default=str).encode()).hexdigest())
        self.deployment = aws.apigateway.Deployment(
            f"{name}-deployment",
            rest_api=api.id,
            description=f"stackguard deployment of {name}",
            triggers={"redeployment": signature},
            opts=pulumi.ResourceOptions(parent=self, depends_on=deploy_after),
        )

        self.access_log_group = api_access_log_group(
            name, parent=self, kms_key_arn=args.kms_key_arn, settings=args.access_logs, tags=args.tags
        )
        self.client_certificate = None
        if args.backend_client_certificate and args.has_http_backend():
            # HTTP backends can verify that calls come from this stage (FSBP APIGateway.2).
            self.client_certificate = aws.apigateway.ClientCertificate(
                f"{name}-client-certificate", description=f"Calls from the {name} stage to its HTTP backends",
                tags=args.tags, opts=child,
            )
        self.stage = aws.apigateway.Stage(
            f"{name}-stage",
            rest_api=api.id,
            deployment=self.deployment.id,
            client_certificate_id=self.client_certificate.id if self.client_certificate else None,
            stage_name=args.stage_name,
            access_log_settings=access_log_settings(self.access_log_group, REST_ACCESS_LOG_FORMAT),
            xray_tracing_enabled=True,
            cache_cluster_enabled=args.caching is not None,
            cache_cluster_size=args.caching.cluster_size if args.caching else None,
            tags={**args.tags, **acks.tags(f"{name}-stage")},
            opts=child,
        )
        # Created before logging is switched on, so API Gateway writes into an encrypted group that expires.
        self.execution_log_group = encrypted_log_group(
            f"{name}-execution-logs", parent=self, kms_key_arn=args.kms_key_arn,
            settings=args.access_logs.model_copy(update={"name": None}),
            default_name=pulumi.Output.concat("API-Gateway-Execution-Logs_", api.id, "/", args.stage_name),
            tags=args.tags,
        )
        self.method_settings = aws.apigateway.MethodSettings(
            f"{name}-method-settings",
            rest_api=api.id,
            stage_name=self.stage.stage_name,
            method_path="*/*",
            settings={**self.method_settings_values(), **args.throttling.route_settings()},
            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.execution_log_group]),
        )
        for route in args.routes:
            if route.throttling is not None:
                # A method's own settings replace the stage-wide ones for it, so they repeat logging and metrics.
                aws.apigateway.MethodSettings(
                    f"{name}-{route.http_method}{route.path}-settings", rest_api=api.id,
                    stage_name=self.stage.stage_name,
                    method_path=f"{route.path.lstrip('/')}/{'*' if route.http_method == 'ANY' else route.http_method}",
                    settings={**self.method_settings_values(), **route.throttling.route_settings()},
                    opts=pulumi.ResourceOptions(parent=self, depends_on=[self.method_settings]),
                )

        self.web_acl_association = None
        if args.web_acl_arn is not None:
            self.web_acl_association = aws.wafv2.WebAclAssociation(
                f"{name}-waf", resource_arn=self.stage.arn, web_acl_arn=args.web_acl_arn, opts=child
            )

        self.domain_name = None
        invoke_url: pulumi.Output[str] = self.stage.invoke_url
        self.domain_target_name = None
        self.domain_hosted_zone_id = None
        if args.custom_domain:
            invoke_url = self._custom_domain(args.custom_domain)

        self.usage_plan = None
        self.api_keys = {}
        if args.usage_plan:
            self._usage_plan(args.usage_plan)

        self.rest_api_id = api.id
        # API Gateway's ApiName metric dimension is the API's real (generated) name.
        self.api_name = api.name
        self.stage_arn = self.stage.arn
        self.stage_name = self.stage.stage_name
        self.invoke_url = invoke_url
        self.execution_arn = api.execution_arn
        self.access_log_group_arn = self.access_log_group.arn
        self.access_log_group_name = self.access_log_group.name
        self.register_outputs({
            "rest_api_id": self.rest_api_id,
            "api_name": self.api_name,
            "stage_arn": self.stage_arn,
            "stage_name": self.stage_name,
            "invoke_url": self.invoke_url,
            "execution_arn": self.execution_arn,
            "access_log_group_arn": self.access_log_group_arn,
            "access_log_group_name": self.access_log_group_name,
            "domain_target_name": self.domain_target_name,
            "domain_hosted_zone_id": self.domain_hosted_zone_id,
        })

    def _private_policy(self) -> pulumi.Output[str]:
        # Only calls arriving through the listed interface endpoints may invoke the API; the explicit Deny
        # keeps it so even if another policy statement is added later.
        ids = self._args.vpc_endpoint_ids
        invoke = ["execute-api:Invoke"]
        return policy_document([
            statement(sid="AllowInvokeThroughVpcEndpoints", principal="*", actions=invoke,
                      resources=["execute-api:/*"], conditions={"StringEquals": {"aws:SourceVpce": ids}}),
            statement(sid="DenyInvokeFromElsewhere", effect="Deny", principal="*", actions=invoke,
                      resources=["execute-api:/*"], conditions={"StringNotEquals": {"aws:SourceVpce": ids}}),
        ])

    def _openapi_body(self) -> pulumi.Output[str]:
        args = self._args
        integrations = args.openapi.integrations
        uris = {n: lambda_invoke_uri(i.lambda_arn) if i.lambda_arn is not None else i.https_url
                for n, i in integrations.items()}
        authorizers = {a.name: (a.provider_arns, lambda_invoke_uri(a.lambda_arn) if a.lambda_arn is not None else None)
                       for a in args.authorizers}
        return pulumi.Output.from_input({"uris": uris, "authorizers": authorizers}).apply(
            lambda resolved: json.dumps(with_request_validation(render_openapi(
                args, resolved["uris"], {k: (v[0], v[1]) for k, v in resolved["authorizers"].items()})), sort_keys=True)
        )

    def _openapi_permissions(self) -> None:
        integrations = self._args.openapi.integrations
        for op in openapi_operations(self._args):
            if op.integration is not None and integrations[op.integration].lambda_arn is not None:
                self.permissions.append(route_invoke_permission(
                    f"{self._name}-invoke-{op.method}{op.path}", integrations[op.integration].lambda_arn,
                    self.rest_api.execution_arn, op.method, op.path, self))

    def _routes(self) -> list[pulumi.Resource]:
        args, name, api = self._args, self._name, self.rest_api
        child = pulumi.ResourceOptions(parent=self)
        for auth in args.authorizers:
            authorizer = aws.apigateway.Authorizer(
                f"{name}-authorizer-{auth.name}",
                rest_api=api.id,
                name=auth.name,
                type=auth.type,
                provider_arns=auth.provider_arns or None,
                authorizer_uri=lambda_invoke_uri(auth.lambda_arn) if auth.lambda_arn is not None else None,
                identity_source=auth.identity_source,
                authorizer_result_ttl_in_seconds=auth.result_ttl_seconds,
                opts=child,
            )
            self.authorizers[auth.name] = authorizer
            if auth.lambda_arn is not None:
                self.permissions.append(invoke_permission(
                    f"{name}-authorizer-{auth.name}-invoke", auth.lambda_arn,
                    pulumi.Output.concat(api.execution_arn, "/authorizers/", authorizer.id), self))

        self.request_validator = aws.apigateway.RequestValidator(
            f"{name}-validator",
            rest_api=api.id,
            name=f"{name}-validate-all",
            validate_request_body=True,
            validate_request_parameters=True,
            opts=child,
        )
        resource_ids: dict[str, pulumi.Input[str]] = {"/": api.root_resource_id}

        def resource_id(path: str) -> pulumi.Input[str]:
            if path not in resource_ids:
                parent_path, _, part = path.rpartition("/")
                resource_ids[path] = aws.apigateway.Resource(
                    f"{name}{path}", rest_api=api.id, parent_id=resource_id(parent_path or "/"), path_part=part, opts=child
                ).id
            return resource_ids[path]

        created: list[pulumi.Resource] = []
        per_caller_cache = args.caching is not None and args.caching.allow_shared_cache is None
        for route in args.routes:
            key = f"{route.http_method}{route.path}"
            params = [p for p, _ in PATH_PARAM.findall(route.path)]
            method = aws.apigateway.Method(
                f"{name}-{key}",
                rest_api=api.id,
                resource_id=resource_id(route.path),
                http_method=route.http_method,
                authorization=route.authorization,
                authorizer_id=self.authorizers[route.authorizer].id if route.authorizer else None,
                authorization_scopes=route.authorization_scopes or None,
                api_key_required=route.api_key_required,
                request_validator_id=self.request_validator.id,
                request_parameters=method_request_parameters(route, params, per_caller_cache) or None,
                request_models={"application/json": self._request_model(key, route.request_model).name}
                if route.request_model is not None else None,
                opts=child,
            )
            self.methods[key] = method

            integration = route.integration
            if integration.lambda_arn is not None:
                target = {"type": "AWS_PROXY", "integration_http_method": "POST",
                          "uri": lambda_invoke_uri(integration.lambda_arn)}
                self.permissions.append(route_invoke_permission(
                    f"{name}-invoke-{key}", integration.lambda_arn, api.execution_arn, route.http_method, route.path, self))
            else:
                target = {"type": "HTTP_PROXY", "integration_http_method": route.http_method, "uri": integration.https_url,
                          "tls_config": {"insecure_skip_verification": False},
                          "request_parameters": {f"integration.request.path.{p}": f"method.request.path.{p}"
                                                 for p in params if f"{{{p}" in integration.https_url} or None}
            cache_keys = [k for k in method_request_parameters(route, params, per_caller_cache)
                          if k.startswith("method.request.path.") or k == CALLER_CACHE_KEY]
            created += [method, aws.apigateway.Integration(
                f"{name}-{key}",
                rest_api=api.id,
                resource_id=method.resource_id,
                http_method=method.http_method,
                timeout_milliseconds=integration.timeout_ms,
                cache_key_parameters=cache_keys if args.caching is not None and cache_keys else None,
                opts=child,
                **target,
            )]
        return created

    def method_settings_values(self) -> dict[str, Any]:
        """Logging, metrics and cache settings every method gets (throttling is added per stage or method)."""
        args, caching = self._args, self._args.caching
        return {
            "logging_level": args.logging_level,
            "metrics_enabled": True,
            "data_trace_enabled": args.log_full_requests is not None,
            "caching_enabled": caching is not None,
            "cache_data_encrypted": True,
            "cache_ttl_in_seconds": caching.ttl_seconds if caching else None,
            "require_authorization_for_cache_control": True if caching else None,
            "unauthorized_cache_control_header_strategy": "FAIL_WITH_403" if caching else None,
        }

    def _request_model(self, key: str, schema: dict[str, Any]) -> aws.apigateway.Model:
        return aws.apigateway.Model(
            f"{self._name}-{key}-model",
            rest_api=self.rest_api.id,
            name=re.sub(r"[^A-Za-z0-9]", "", key.title()) + "Request",
            content_type="application/json",
            schema=json.dumps({"$schema": "http://json-schema.org/draft-04/schema#", **schema}, sort_keys=True),
            opts=pulumi.ResourceOptions(parent=self),
        )

    def _custom_domain(self, domain: CustomDomainArgs) -> pulumi.Output[str]:
        child = pulumi.ResourceOptions(parent=self)
        edge = self._args.endpoint_type == "EDGE"
        self.domain_name = aws.apigateway.DomainName(
            f"{self._name}-domain",
            domain_name=domain.domain_name,
            endpoint_configuration={"types": "EDGE" if edge else "REGIONAL"},
            certificate_arn=cloudfront_certificate("RestApi", "custom_domain.certificate_arn", domain.certificate_arn)
            if edge else None,
            regional_certificate_arn=None if edge else domain.certificate_arn,
            security_policy="TLS_1_2",
            mutual_tls_authentication={"truststore_uri": domain.truststore_uri} if domain.truststore_uri else None,
            tags=self._args.tags,
            opts=child,
        )
        # The alias target of the domain's DNS record.
        self.domain_target_name = self.domain_name.cloudfront_domain_name if edge else self.domain_name.regional_domain_name
        self.domain_hosted_zone_id = self.domain_name.cloudfront_zone_id if edge else self.domain_name.regional_zone_id
        aws.apigateway.BasePathMapping(
            f"{self._name}-mapping",
            rest_api=self.rest_api.id,
            stage_name=self.stage.stage_name,
            domain_name=self.domain_name.domain_name,
            base_path=domain.base_path or None,
            opts=child,
        )
        return pulumi.Output.concat("https://", self.domain_name.domain_name, "/", domain.base_path)

    def _usage_plan(self, plan: UsagePlanArgs) -> None:
        child = pulumi.ResourceOptions(parent=self)
        self.usage_plan = aws.apigateway.UsagePlan(
            f"{self._name}-usage-plan",
            name=f"{self._name}-{self._args.stage_name}",
            api_stages=[{"api_id": self.rest_api.id, "stage": self.stage.stage_name}],
            throttle_settings={"burst_limit": plan.throttle.burst_limit, "rate_limit": plan.throttle.rate_limit},
            quota_settings={"limit": plan.quota_limit, "period": plan.quota_period},
            tags=self._args.tags,
            opts=child,
        )
        for key_name in plan.api_keys:
            # No value is passed: AWS generates it, and the provider keeps it as a secret output.
            key = aws.apigateway.ApiKey(
                f"{self._name}-key-{key_name}", name=key_name, enabled=True, tags=self._args.tags,
                opts=pulumi.ResourceOptions(parent=self, additional_secret_outputs=["value"]),
            )
            self.api_keys[key_name] = key
            aws.apigateway.UsagePlanKey(
                f"{self._name}-key-{key_name}", key_id=key.id, key_type="API_KEY",
                usage_plan_id=self.usage_plan.id, opts=child,
            )
