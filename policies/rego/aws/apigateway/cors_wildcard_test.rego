package aws.apigateway.cors_wildcard_test

import data.aws.apigateway.cors_wildcard

# The OPTIONS preflight of https://docs.aws.amazon.com/apigateway/latest/developerguide/enable-cors-for-resource-using-swagger-importer-tool.html
preflight(origin) := {"options": {"x-amazon-apigateway-integration": {
	"type": "mock",
	"requestTemplates": {"application/json": "{\"statusCode\": 200}"},
	"responses": {"default": {"statusCode": "200", "responseParameters": {
		"method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS'",
		"method.response.header.Access-Control-Allow-Origin": origin,
	}}},
}}}

rest_api(doc) := {
	"type": "aws:apigateway/restApi:RestApi",
	"urn": "urn:pulumi:prod::api::aws:apigateway/restApi:RestApi::orders",
	"name": "orders",
	"properties": {"body": json.marshal(doc)},
}

test_flags_openapi_preflight_with_any_origin if {
	msgs := cors_wildcard.deny with input as rest_api({"openapi": "3.0.1", "paths": {"/orders": preflight("'*'")}})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "OPTIONS /orders")
}

test_flags_openapi_gateway_response_with_any_origin if {
	count(cors_wildcard.deny) == 1 with input as rest_api({"openapi": "3.0.1", "paths": {}, "x-amazon-apigateway-gateway-responses": {"DEFAULT_4XX": {"responseParameters": {"gatewayresponse.header.Access-Control-Allow-Origin": "'*'"}}}})
}

test_passes_openapi_preflight_with_a_named_origin if {
	count(cors_wildcard.deny) == 0 with input as rest_api({"openapi": "3.0.1", "paths": {"/orders": preflight("'https://app.example.com'")}})
}

response(type, parameters) := {"type": type, "name": "cors", "properties": {"restApi": "a1b2c3d4e5", "responseParameters": parameters}}

test_flags_integration_and_gateway_responses_with_any_origin if {
	count(cors_wildcard.deny) == 1 with input as response("aws:apigateway/integrationResponse:IntegrationResponse", {"method.response.header.Access-Control-Allow-Origin": "'*'"})
	count(cors_wildcard.deny) == 1 with input as response("aws:apigateway/gatewayResponse:GatewayResponse", {"gatewayresponse.header.Access-Control-Allow-Origin": "'*'"})
}

test_passes_responses_with_a_named_origin if {
	count(cors_wildcard.deny) == 0 with input as response("aws:apigateway/integrationResponse:IntegrationResponse", {"method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'"})
}

# An OpenAPI body or response parameters unknown until deployment are judged at `pulumi up`, not here.
test_unknown_values_are_not_reported if {
	unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
	count(cors_wildcard.deny) == 0 with input as object.union(rest_api({}), {"properties": {"body": unknown}})
	count(cors_wildcard.deny) == 0 with input as response("aws:apigateway/gatewayResponse:GatewayResponse", unknown)
}
