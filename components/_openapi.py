"""OpenAPI templates of RestApi: rendering, the operations they define, and what they must not contain.

Pure functions over the args model and plain dicts (no Pulumi resources), so they are unit-tested alone
(tests/components/test_openapi.py).

    from stackguard.components._openapi import render_openapi, openapi_operations, with_request_validation
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, NamedTuple, Optional

import jinja2
import yaml

from stackguard.components._api_common import IntegrationArgs, check_path

if TYPE_CHECKING:
    from stackguard.components.rest_api import AuthorizerArgs, RestApiArgs

_OPERATIONS = {"get", "put", "post", "delete", "options", "head", "patch", "x-amazon-apigateway-any-method"}
_AUTH_TYPES = {"awssigv4", "cognito_user_pools", "custom"}
_PLACEHOLDER = "stackguard-integration:"
_VALIDATOR = "stackguard-validate-all"


_BODY_METHODS = {"POST", "PUT", "PATCH", "ANY"}
_ALLOW_ORIGIN = "header.Access-Control-Allow-Origin"


class Operation(NamedTuple):
    """One operation of an OpenAPI template, as the component needs to know it."""

    path: str
    method: str
    authenticated: bool
    integration: Optional[str]  # name of the `integrations` entry it proxies to, if any
    unvalidated_body: bool = False  # takes a body (POST/PUT/PATCH/ANY) and declares no JSON schema for it
    any_token_of_pool: bool = False  # a Cognito security requirement without scopes: any ID token of the pool passes


def _declares_body_schema(operation: dict) -> bool:
    # OpenAPI 3: requestBody.content.<type>.schema; Swagger 2: a parameter "in: body" with a schema.
    content = (operation.get("requestBody") or {}).get("content") or {}
    if any(isinstance(media, dict) and media.get("schema") for media in content.values()):
        return True
    return any(isinstance(p, dict) and p.get("in") == "body" and p.get("schema") for p in operation.get("parameters", []))


def integration_object(integration: IntegrationArgs, uri: str, http_method: str) -> dict[str, Any]:
    if integration.lambda_arn is not None:
        return {"type": "aws_proxy", "httpMethod": "POST", "uri": uri, "timeoutInMillis": integration.timeout_ms}
    return {"type": "http_proxy", "httpMethod": http_method, "uri": uri, "timeoutInMillis": integration.timeout_ms,
            "tlsConfig": {"insecureSkipVerification": False}}


def security_scheme(authorizer: AuthorizerArgs, provider_arns: list[str], authorizer_uri: Optional[str]) -> dict[str, Any]:
    # API Gateway reads a TOKEN authorizer's header from the scheme's name; REQUEST authorizers use
    # identitySource only, and AWS documents "Unused" as the placeholder name.
    header = authorizer.identity_source.rsplit(".", 1)[-1] if authorizer.type != "REQUEST" else "Unused"
    if authorizer.type == "COGNITO_USER_POOLS":
        spec = {"type": "cognito_user_pools", "providerARNs": provider_arns}
        kind = "cognito_user_pools"
    else:
        spec = {"type": authorizer.type.lower(), "authorizerUri": authorizer_uri,
                "identitySource": authorizer.identity_source,
                "authorizerResultTtlInSeconds": authorizer.result_ttl_seconds}
        kind = "custom"
    return {"type": "apiKey", "name": header, "in": "header",
            "x-amazon-apigateway-authtype": kind, "x-amazon-apigateway-authorizer": spec}


def render_openapi(args: RestApiArgs, uris: dict[str, str], authorizers: dict[str, tuple[list[str], Optional[str]]]) -> dict:
    """Render the template with resolved integration URIs and authorizer settings, and parse it."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
    by_name = {a.name: a for a in args.authorizers}
    integrations = args.openapi.integrations

    def integration(name: str, http_method: str = "ANY", **extra: Any) -> str:
        # extra keys (e.g. requestParameters mapping path parameters) are added to the integration object.
        return json.dumps({**extra, **integration_object(integrations[name], uris[name], http_method)})

    def authorizer(name: str) -> str:
        return json.dumps(security_scheme(by_name[name], *authorizers[name]))

    def iam_auth() -> str:
        return json.dumps({"type": "apiKey", "name": "Authorization", "in": "header",
                           "x-amazon-apigateway-authtype": "awsSigv4"})

    template = env.from_string(args.openapi.source())
    text = template.render(
        integration=integration, authorizer=authorizer, iam_auth=iam_auth,
        integrations={n: {"uri": uris[n], "type": "aws_proxy" if i.lambda_arn is not None else "http_proxy"}
                      for n, i in integrations.items()},
        authorizers={n: {"provider_arns": authorizers[n][0], "authorizer_uri": authorizers[n][1]} for n in by_name},
    )
    document = yaml.safe_load(text)
    if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
        raise ValueError("openapi.template: the rendered template is not an OpenAPI document with paths")
    return document


def placeholder_render(args: RestApiArgs) -> dict:
    uris = {name: f"{_PLACEHOLDER}{name}" for name in args.openapi.integrations}
    authorizers = {a.name: (["arn:aws:cognito-idp:placeholder"], "placeholder") for a in args.authorizers}
    try:
        return render_openapi(args, uris, authorizers)
    except jinja2.TemplateError as err:
        raise ValueError(f"openapi.template: {err}") from None
    except KeyError as err:
        raise ValueError(f"openapi.template: unknown integration or authorizer {err}") from None
    except yaml.YAMLError as err:
        raise ValueError(f"openapi.template: the rendered document is not YAML/JSON ({err})") from None


def openapi_operations(args: RestApiArgs) -> list[Operation]:
    """Every operation of the template with whether it is authenticated and which named integration it uses."""
    document = placeholder_render(args)
    schemes = {**document.get("securityDefinitions", {}), **document.get("components", {}).get("securitySchemes", {})}
    authenticating = {name for name, scheme in schemes.items()
                      if str(scheme.get("x-amazon-apigateway-authtype", "")).lower() in _AUTH_TYPES}
    cognito = {name for name, scheme in schemes.items()
               if str(scheme.get("x-amazon-apigateway-authtype", "")).lower() == "cognito_user_pools"}
    operations = []
    for path, item in document["paths"].items():
        try:
            check_path(path)
        except ValueError as err:
            raise ValueError(f"openapi.template: path {path!r} {err}") from None
        for key, operation in (item or {}).items():
            if key not in _OPERATIONS:
                continue
            security = operation.get("security", document.get("security")) or []
            iam = str(operation.get("x-amazon-apigateway-auth", {}).get("type", "")).upper() == "AWS_IAM"
            authenticated = iam or (bool(security) and all(set(req) & authenticating for req in security))
            # A CORS preflight answered by API Gateway itself (a MOCK integration) reaches no backend.
            integration_type = str(operation.get("x-amazon-apigateway-integration", {}).get("type", "")).lower()
            authenticated = authenticated or (key == "options" and integration_type == "mock")
            uri = str(operation.get("x-amazon-apigateway-integration", {}).get("uri", ""))
            target = uri[len(_PLACEHOLDER):] if uri.startswith(_PLACEHOLDER) else None
            method = "ANY" if key == "x-amazon-apigateway-any-method" else key.upper()
            unvalidated = method in _BODY_METHODS and not _declares_body_schema(operation)
            any_token = any(not scopes for req in security for name, scopes in req.items() if name in cognito)
            operations.append(Operation(path, method, authenticated, target, unvalidated, any_token))
    if not operations:
        raise ValueError("openapi.template: the document defines no operations")
    return operations


def with_request_validation(document: dict) -> dict:
    # Every method validates its parameters and body against the document's models, whatever the template says.
    document = dict(document)
    document["x-amazon-apigateway-request-validators"] = {
        **document.get("x-amazon-apigateway-request-validators", {}),
        _VALIDATOR: {"validateRequestBody": True, "validateRequestParameters": True},
    }
    document["x-amazon-apigateway-request-validator"] = _VALIDATOR
    paths = {}
    for path, item in document["paths"].items():
        paths[path] = {key: ({k: v for k, v in op.items() if k != "x-amazon-apigateway-request-validator"}
                             if key in _OPERATIONS else op) for key, op in (item or {}).items()}
    document["paths"] = paths
    return document


def template_weaknesses(document: dict) -> list[tuple[str, str]]:
    """(kind, where) of what a rendered template must not hold, whatever the component's own settings:

    * "plain_http": an integration written in the template with an http:// uri (named integrations are
      checked on their args);
    * "skip_tls_verification": tlsConfig.insecureSkipVerification true (API Gateway would accept any
      certificate from the backend);
    * "resource_policy": an x-amazon-apigateway-policy (the component owns the API's resource policy);
    * "wildcard_cors": Access-Control-Allow-Origin '*' written in a gateway response or in a (MOCK)
      integration response, which lets any web site call the API from a browser.
    """
    found: list[tuple[str, str]] = []
    if "x-amazon-apigateway-policy" in document:
        found.append(("resource_policy", "x-amazon-apigateway-policy"))
    for response, spec in (document.get("x-amazon-apigateway-gateway-responses") or {}).items():
        if _allows_any_origin((spec or {}).get("responseParameters")):
            found.append(("wildcard_cors", f"x-amazon-apigateway-gateway-responses.{response}"))
    for path, item in document.get("paths", {}).items():
        for key, operation in (item or {}).items():
            if key not in _OPERATIONS or not isinstance(operation, dict):
                continue
            integration = operation.get("x-amazon-apigateway-integration") or {}
            where = f"{key.upper()} {path}"
            if str(integration.get("uri", "")).lower().startswith("http://"):
                found.append(("plain_http", where))
            if (integration.get("tlsConfig") or {}).get("insecureSkipVerification") is True:
                found.append(("skip_tls_verification", where))
            responses = (integration.get("responses") or {}).values()
            if any(_allows_any_origin((r or {}).get("responseParameters")) for r in responses):
                found.append(("wildcard_cors", where))
    return found


def _allows_any_origin(parameters: object) -> bool:
    """A responseParameters map that sets Access-Control-Allow-Origin to the literal '*'."""
    if not isinstance(parameters, dict):
        return False
    return any(str(k).endswith(_ALLOW_ORIGIN) and str(v).strip("'\" ") == "*" for k, v in parameters.items())
