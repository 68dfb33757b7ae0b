package aws.apigateway.method_cognito_scopes

import data.lib.openapi
import data.lib.pulumi

# METADATA
# title: API Gateway Cognito-authorized methods require OAuth scopes
# description: |
#   A REST API method with a COGNITO_USER_POOLS authorizer and no authorizationScopes accepts
#   any ID token of the user pool: every user and app client of the pool can call it, whatever
#   the API's resource server grants them. With scopes, API Gateway requires an access token
#   carrying one of them. An OpenAPI body's security requirements of a cognito_user_pools
#   scheme are judged alike (an empty scope list admits any ID token).
# scope: document
# custom:
#   id: aws-apigateway-method-cognito-scopes
#   severity: medium
#   concern: auth
#   remediation: Set authorizationScopes on the method (e.g. ["https://api.example.com/orders.read"]), the resource server scopes an access token must carry.
#   compliance:
#     nist-800-53: ["AC-3", "AC-6"]
#     owasp-api-top-10: ["API5:2023"]
deny contains msg if {
	pulumi.is_type(input, method_type)
	upper(object.get(input.properties, "authorization", "")) == "COGNITO_USER_POOLS"
	not pulumi.unknown(input.properties, "authorizationScopes")
	no_scopes(object.get(input.properties, "authorizationScopes", []))
	msg := sprintf("API Gateway method %q accepts any ID token of its Cognito user pool: set authorizationScopes so that callers need an access token with the API's scopes.", [input.name])
}

deny contains msg if {
	pulumi.is_type(input, rest_api_type)
	doc := openapi.document(input.properties)
	some entry in openapi.operations(doc)
	some requirement in openapi.security(doc, entry.operation)
	some name, scopes in requirement
	name in openapi.cognito(doc)
	no_scopes(scopes)
	msg := sprintf("API Gateway REST API %q accepts any ID token of the Cognito user pool for %s %s in its OpenAPI body: list the OAuth scopes in the security requirement.", [input.name, entry.method, entry.path])
}

resource_types := pulumi.with_aliases({method_type, rest_api_type})

method_type := "aws:apigateway/method:Method"

rest_api_type := "aws:apigateway/restApi:RestApi"

no_scopes(scopes) if scopes == null

no_scopes(scopes) if count(scopes) == 0
