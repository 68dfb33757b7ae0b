"""Models, checks and helpers shared by the API components (RestApi, HttpApi).

    from stackguard.components._api_common import IntegrationArgs, RiskAcceptance, check_route_opt_outs, route_invoke_permission

Routes are validated alike in both components: a path such as /orders/{id}, one backend (a Lambda function
or an HTTPS URL), http:// backends and anonymous routes only as named opt-outs with a reason
(RiskAcceptance, PublicRoute). A Lambda backend may be invoked by API Gateway only for its own route.
"""
from __future__ import annotations

import re
from typing import Annotated, Literal, Optional
from urllib.parse import urlparse

import pulumi
import pulumi_aws as aws
from pydantic import AfterValidator, Field, field_validator, model_validator

from stackguard.components._args import ComponentArgs, ComponentArgsError, StrInput, matches

HttpMethod = Literal["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"]

_LAMBDA_ARN = re.compile(r"^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$")
_ACM_ARN = re.compile(r"^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate/[A-Za-z0-9-]+$")
_HOSTNAME = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_SEGMENT = r"(?:[A-Za-z0-9._~-]+|\{[A-Za-z_][A-Za-z0-9_]*\+?\})"
_PATH = re.compile(rf"^(?:/|(?:/{_SEGMENT})+)$")
_BASE_PATH = re.compile(r"^[A-Za-z0-9._~-]+(?:/[A-Za-z0-9._~-]+)*$")
# A {param} or greedy {param+} of a route path: (name, "+" or "").
PATH_PARAM = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(\+?)\}")
# Names of authorizers, stages and API keys.
NAME = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
NAME_RULE = "1-128 letters, digits, '_' or '-'"

LambdaArn = Annotated[
    StrInput, matches(_LAMBDA_ARN, "a Lambda function ARN (arn:<partition>:lambda:<region>:<account>:function:<name>)")
]
CertificateArn = Annotated[StrInput, matches(_ACM_ARN, "an ACM certificate ARN")]
Hostname = Annotated[str, matches(_HOSTNAME, "a lower-case fully qualified domain name")]
# An authorizer or stage name.
Name = Annotated[str, matches(NAME, NAME_RULE)]


def check_path(path: str) -> str:
    """A resource path such as /orders/{id} or /files/{proxy+}; a greedy parameter only at the end."""
    if not _PATH.match(path):
        raise ValueError("must start with '/' and hold segments of letters, digits, '._~-' or {param} / {param+}")
    params = PATH_PARAM.findall(path)
    names = [n for n, _ in params]
    if len(set(names)) != len(names):
        raise ValueError("path parameter names must be unique")
    if any(greedy for _, greedy in params[:-1]) or (params and params[-1][1] and not path.endswith("+}")):
        raise ValueError("a greedy {param+} may only be the last segment")
    return path


RoutePath = Annotated[str, AfterValidator(check_path)]


class RiskAcceptance(ComponentArgs):
    """An accepted risk: the weaker setting applies and the reason is kept with the code that asked for it."""

    reason: str = Field(min_length=10, description="Why the weaker setting is acceptable here (at least 10 characters).")
    owner: Optional[str] = Field(
        None, min_length=1, max_length=128, description="Who accepted the risk (a team or person), shown in reports."
    )


class IntegrationArgs(ComponentArgs):
    """Backend of a route: a Lambda function (proxy integration) or an HTTPS endpoint (HTTP proxy)."""

    lambda_arn: Optional[LambdaArn] = Field(None, description="Function ARN, invoked with a Lambda proxy integration.")
    https_url: Optional[str] = Field(None, description="HTTPS URL the request is proxied to; may use the route's {params}.")
    timeout_ms: int = Field(29000, ge=50, le=29000, description="Integration timeout in milliseconds.")

    @field_validator("https_url")
    @classmethod
    def _url(cls, value: Optional[str]) -> Optional[str]:
        if value is not None:
            parsed = urlparse(value)
            if parsed.scheme not in ("https", "http") or not parsed.hostname:
                raise ValueError("must be an absolute https:// URL")
        return value

    @model_validator(mode="after")
    def _one_target(self) -> "IntegrationArgs":
        if (self.lambda_arn is None) == (self.https_url is None):
            raise ValueError("set exactly one of lambda_arn or https_url")
        return self

    @property
    def plain_http(self) -> bool:
        return self.https_url is not None and urlparse(self.https_url).scheme == "http"


class AcceptedOperation(ComponentArgs):
    """One operation (method and path) of an API for which a weaker setting is accepted, with the reason."""

    path: RoutePath = Field(description="Resource path of the operation.")
    http_method: HttpMethod = Field(description="HTTP method of the operation.")
    reason: str = Field(min_length=10, description="Why the weaker setting is acceptable for this operation.")
    owner: Optional[str] = Field(None, min_length=1, max_length=128, description="Who accepted the risk.")

    def acceptance(self) -> RiskAcceptance:
        return RiskAcceptance(reason=self.reason, owner=self.owner)


class PublicRoute(AcceptedOperation):
    """A route deliberately open to anonymous callers (authorization NONE)."""


def check_scopes_or_opt_out(field: str, takes_scopes: bool, scopes: list[str], acceptance: Optional[RiskAcceptance],
                            opt_out: str, accepts: str) -> None:
    """A route whose authorizer takes scopes names them (else it accepts `accepts`), or carries the opt-out; an opt-out
    on a route that names scopes is an error."""
    any_token = takes_scopes and not scopes
    if any_token and acceptance is None:
        raise ValueError(f"{field}.authorization_scopes: without scopes the route accepts {accepts}; name the scopes an "
                         f"access token must carry, or set {opt_out} with a reason")
    if acceptance is not None and not any_token:
        raise ValueError(f"{field}.{opt_out}: the route requires scopes; remove the opt-out")


def check_accepted_operations(field: str, needing: list[tuple[str, str]], accepted: list[AcceptedOperation],
                              problem: str, remedy: str) -> None:
    """Every (path, method) in `needing` must be listed in `accepted` (field), and only those."""
    listed = {(a.path, a.http_method) for a in accepted}
    for path, method in needing:
        if (path, method) not in listed:
            raise ValueError(f"openapi.template: {method} {path} {problem}; {remedy}, or list it in {field} with a reason")
    for index, operation in enumerate(accepted):
        if (operation.path, operation.http_method) not in needing:
            raise ValueError(f"{field}.{index}: {operation.http_method} {operation.path} does not need the opt-out; remove it")


def check_cloudfront_certificate(field: str, certificate_arn: object) -> None:
    """A certificate for a CloudFront-served domain (EDGE API, Cognito custom domain) must be in us-east-1.

    https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html
    https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-add-custom-domain.html
    """
    if isinstance(certificate_arn, str) and certificate_arn.count(":") >= 5 and certificate_arn.split(":")[3] != "us-east-1":
        raise ValueError(
            f"{field}: the domain is served by CloudFront, which only uses ACM certificates of us-east-1 "
            f"(got {certificate_arn.split(':')[3]})"
        )


def cloudfront_certificate(component: str, field: str, certificate_arn: StrInput) -> pulumi.Input[str]:
    """The certificate ARN for a CloudFront-served domain, checked at deploy time when it is an Output (a certificate
    created in the same program): a certificate outside us-east-1 fails the deployment with the field's name instead
    of failing at CreateDomainName."""
    if isinstance(certificate_arn, str):
        return certificate_arn

    def check(arn: str) -> str:
        try:
            check_cloudfront_certificate(field, arn)
        except ValueError as err:
            raise ComponentArgsError(f"{component}: invalid args: {err}") from None
        return arn
    return pulumi.Output.from_input(certificate_arn).apply(check)


class CustomDomainArgs(ComponentArgs):
    """A custom domain name (TLS 1.2 minimum) mapped to the stage."""

    domain_name: Hostname = Field(description="Fully qualified domain name, e.g. api.example.com.")
    certificate_arn: CertificateArn = Field(description="ACM certificate for the domain, in the API's region.")
    base_path: str = Field("", description="Path under the domain where the stage is mapped; empty for the root.")
    truststore_uri: Optional[str] = Field(
        None, pattern=r"^s3://[a-z0-9.-]{3,63}/.+$",
        description="Mutual TLS: s3:// URI of the PEM bundle of CAs whose client certificates may call (REGIONAL only).",
    )

    @field_validator("base_path")
    @classmethod
    def _base_path(cls, value: str) -> str:
        if value and not _BASE_PATH.match(value):
            raise ValueError("must be empty or path segments of letters, digits and '._~-' without leading '/'")
        return value


def check_keep_default_endpoint(
    keep_default_endpoint: Optional[RiskAcceptance], custom_domain: Optional[CustomDomainArgs]
) -> None:
    """The keep_default_endpoint opt-out only applies with a custom domain."""
    if keep_default_endpoint is not None and not custom_domain:
        raise ValueError("keep_default_endpoint: only applies with a custom_domain; remove the opt-out")


class ThrottlingArgs(ComponentArgs):
    """Token-bucket throttling: requests per second and the burst above it."""

    burst_limit: int = Field(100, gt=0, description="Maximum concurrent burst of requests.")
    rate_limit: float = Field(50, gt=0, description="Steady-state requests per second.")

    def route_settings(self) -> dict[str, float]:
        """The throttling keys of stage route (HTTP API) or method (REST API) settings."""
        return {"throttling_burst_limit": self.burst_limit, "throttling_rate_limit": self.rate_limit}


def check_backend_urls(urls: list[tuple[str, IntegrationArgs]], opt_out: Optional[RiskAcceptance]) -> None:
    """Plain-http backends need the allow_plain_http_backend opt-out; an opt-out nothing needs is an error."""
    plain = [field for field, integration in urls if integration.plain_http]
    if plain and opt_out is None:
        raise ValueError(
            f"{plain[0]}.https_url: plain http:// backend; use https:// or set allow_plain_http_backend with a reason"
        )
    if opt_out is not None and not plain:
        raise ValueError("allow_plain_http_backend: no integration uses http://; remove the opt-out")


def check_public_routes(
    operations: list[tuple[str, str, str, bool]], public_routes: list[PublicRoute]
) -> None:
    """operations: (field, path, method, authenticated). NONE only for listed public routes (OPTIONS included:
    a CORS preflight route proxied to a backend lets anyone reach that backend)."""
    allowed = {(p.path, p.http_method) for p in public_routes}
    anonymous = set()
    for field, path, method, authenticated in operations:
        if authenticated:
            continue
        if (path, method) not in allowed:
            raise ValueError(
                f"{field}: {method} {path} has no authorization; use an authorizer, or list it in public_routes with a reason"
            )
        anonymous.add((path, method))
    for index, route in enumerate(public_routes):
        if (route.path, route.http_method) not in anonymous:
            raise ValueError(f"public_routes.{index}: {route.http_method} {route.path} is not an unauthenticated route")


def route_operations(routes: list) -> list[tuple[str, str, str, bool]]:
    """The (field, path, method, authenticated) view of typed routes that check_public_routes takes."""
    return [(f"routes.{i}.authorization", r.path, r.http_method, r.authorization != "NONE") for i, r in enumerate(routes)]


def unique_routes(routes: list):
    """Yield (field, route) for each typed route, raising when a method and path come again (as they are reached)."""
    seen = set()
    for i, route in enumerate(routes):
        field = f"routes.{i}"
        if (route.path, route.http_method) in seen:
            raise ValueError(f"{field}: {route.http_method} {route.path} is defined twice")
        seen.add((route.path, route.http_method))
        yield field, route


def check_route_opt_outs(
    routes: list, allow_plain_http_backend: Optional[RiskAcceptance], public_routes: list[PublicRoute]
) -> None:
    """Typed routes: plain-http backends and routes without authorization need their opt-outs, and only they."""
    check_backend_urls([(f"routes.{i}.integration", r.integration) for i, r in enumerate(routes)], allow_plain_http_backend)
    check_public_routes(route_operations(routes), public_routes)


def source_arn_path(method: str, path: str) -> str:
    """The method/path part of an execute-api ARN: any stage (console test calls use their own), params as '*'."""
    resource = PATH_PARAM.sub("*", path).lstrip("/")
    return f"/*/{'*' if method == 'ANY' else method}/{resource}"


def invoke_permission(
    resource_name: str, function_arn: pulumi.Input[str], source_arn: pulumi.Input[str], parent: pulumi.Resource
) -> aws.lambda_.Permission:
    """Let API Gateway invoke the function, only for calls coming from `source_arn`."""
    return aws.lambda_.Permission(
        resource_name,
        action="lambda:InvokeFunction",
        function=function_arn,
        principal="apigateway.amazonaws.com",
        source_arn=source_arn,
        opts=pulumi.ResourceOptions(parent=parent),
    )


def route_invoke_permission(
    resource_name: str, function_arn: pulumi.Input[str], execution_arn: pulumi.Input[str], method: str, path: str,
    parent: pulumi.Resource,
) -> aws.lambda_.Permission:
    """Let API Gateway invoke the function for one route (method and path) of the API with this execution ARN."""
    return invoke_permission(
        resource_name, function_arn, pulumi.Output.concat(execution_arn, source_arn_path(method, path)), parent
    )
