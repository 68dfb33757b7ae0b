package aws.apigateway.cors_wildcard

import data.lib.openapi
import data.lib.pulumi

# METADATA
# title: API Gateway REST APIs do not answer CORS with any origin
# description: |
#   A REST API enables CORS by returning Access-Control-Allow-Origin from its
#   integration responses (the MOCK integration of an OPTIONS preflight, or the
#   backend's) and from its gateway responses. The value '*' lets any website's
#   scripts call the API from its visitors' browsers (inside their network) and read
#   the responses. Reported where the header is set to '*': in an OpenAPI body of an
#   aws.apigateway.RestApi (x-amazon-apigateway-integration responses and
#   x-amazon-apigateway-gateway-responses), and on aws.apigateway.IntegrationResponse
#   and aws.apigateway.GatewayResponse resources.
# scope: document
# custom:
#   id: aws-apigateway-cors-wildcard
#   severity: medium
#   concern: auth
#   remediation: Set Access-Control-Allow-Origin to the exact trusted origin (for example 'https://app.example.com') instead of '*'.
#   compliance:
#     owasp-api-top-10: ["API8:2023"]
deny contains msg if {
	pulumi.is_type(input, rest_api_type)
	doc := openapi.document(input.properties)
	some place in any_origin_places(doc)
	msg := sprintf("API Gateway REST API %q answers %s with Access-Control-Allow-Origin '*' in its OpenAPI body, so any website can call it from a browser: name the trusted origin instead.", [input.name, place])
}

deny contains msg if {
	some token in response_types
	pulumi.is_type(input, token)
	any_origin(object.get(input.properties, "responseParameters", {}))
	msg := sprintf("API Gateway %q sets Access-Control-Allow-Origin '*', so any website can call the API from a browser: name the trusted origin instead.", [input.name])
}

resource_types := pulumi.with_aliases({rest_api_type} | response_types)

rest_api_type := "aws:apigateway/restApi:RestApi"

response_types := {"aws:apigateway/integrationResponse:IntegrationResponse", "aws:apigateway/gatewayResponse:GatewayResponse"}

any_origin_places(doc) := {place |
	some entry in openapi.operations(doc)
	some response in object.get(openapi.integration(entry.operation), "responses", {})
	is_object(response)
	any_origin(object.get(response, "responseParameters", {}))
	place := sprintf("%s %s", [entry.method, entry.path])
} | {place |
	some name, response in object.get(doc, "x-amazon-apigateway-gateway-responses", {})
	is_object(response)
	any_origin(object.get(response, "responseParameters", {}))
	place := sprintf("the gateway response %s", [name])
}

# any_origin(parameters) holds for a responseParameters map setting the header to the literal '*'.
any_origin(parameters) if {
	is_object(parameters)
	some key, value in parameters
	is_string(key)
	endswith(lower(key), ".access-control-allow-origin")
	is_string(value)
	trim(value, "'\" ") == "*"
}
