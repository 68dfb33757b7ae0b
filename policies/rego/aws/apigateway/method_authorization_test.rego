package aws.apigateway.method_authorization_test

import data.aws.apigateway.method_authorization

# The messages of the findings for a stack holding only `resource`.
deny_of(resource) := {f.message | some f in fs} if {
	fs := method_authorization.stack_deny with input as {"resources": [resource]}
}

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

method(props) := {
	"type": "aws:apigateway/method:Method",
	"urn": "urn:pulumi:prod::api::aws:apigateway/method:Method::orders-get",
	"name": "orders-get",
	"properties": object.union({"restApi": "a1b2c3d4e5", "resourceId": "r7x9k2"}, props),
}

test_flags_method_without_authorization if {
	count(deny_of(method({"httpMethod": "GET", "authorization": "NONE"}))) == 1
}

test_flags_absent_authorization if {
	count(deny_of(method({"httpMethod": "POST"}))) == 1
}

test_api_key_alone_is_not_authorization if {
	msgs := deny_of(method({"httpMethod": "GET", "authorization": "NONE", "apiKeyRequired": true}))
	count(msgs) == 1
	some msg in msgs
	contains(msg, "API key is not authentication")
}

test_passes_iam_authorization if {
	count(deny_of(method({"httpMethod": "GET", "authorization": "AWS_IAM"}))) == 0
}

test_passes_cognito_authorizer if {
	count(deny_of(method({
		"httpMethod": "ANY",
		"authorization": "COGNITO_USER_POOLS",
		"authorizerId": "abc123",
		"authorizationScopes": ["orders/read"],
	}))) == 0
}

test_lone_anonymous_options_is_reported if {
	# No MOCK integration answers it: an anonymous OPTIONS method may reach a backend.
	count(deny_of(method({"httpMethod": "OPTIONS", "authorization": "NONE"}))) == 1
}

test_unknown_authorization_is_not_reported if {
	count(deny_of(method({"httpMethod": "GET", "authorization": unknown}))) == 0
}

test_unknown_http_method_is_not_reported if {
	count(deny_of(method({"httpMethod": unknown, "authorization": "NONE"}))) == 0
}

test_ignores_other_types if {
	count(deny_of({"type": "aws:apigateway/methodSettings:MethodSettings", "name": "m", "properties": {}})) == 0
}

rest_api(body) := {
	"type": "aws:apigateway/restApi:RestApi",
	"urn": "urn:pulumi:prod::api::aws:apigateway/restApi:RestApi::orders",
	"name": "orders",
	"properties": {"name": "orders", "body": body},
}

body(paths) := json.marshal({
	"openapi": "3.0.1",
	"components": {"securitySchemes": {
		"users": {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "cognito_user_pools"},
		"key": {"type": "apiKey", "name": "x-api-key", "in": "header"},
	}},
	"paths": paths,
})

test_flags_body_operation_without_security if {
	msgs := deny_of(rest_api(body({"/orders": {"get": {"x-amazon-apigateway-integration": {"type": "aws_proxy"}}}})))
	count(msgs) == 1
	some msg in msgs
	contains(msg, "GET /orders")
}

test_flags_body_operation_protected_by_api_key_only if {
	msgs := deny_of(rest_api(body({"/orders": {"post": {"security": [{"key": []}]}}})))
	some msg in msgs
	contains(msg, "an API key is not authentication")
}

test_passes_body_with_cognito_and_mock_preflight if {
	count(deny_of(rest_api(body({"/orders": {
		"get": {"security": [{"users": ["orders/read"]}]},
		"options": {"x-amazon-apigateway-integration": {"type": "mock"}},
	}})))) == 0
}

test_flags_body_options_proxied_to_a_backend if {
	count(deny_of(rest_api(body({"/orders": {"options": {"x-amazon-apigateway-integration": {"type": "http_proxy", "uri": "https://b.example.com"}}}})))) == 1
}

test_flags_yaml_body if {
	count(deny_of(rest_api("openapi: 3.0.1\npaths:\n  /orders:\n    get: {}\n"))) == 1
}

stack_input(resources) := {"resources": resources}

options_method := object.union(method({"httpMethod": "OPTIONS", "authorization": "NONE"}), {"urn": "urn:pulumi:prod::api::aws:apigateway/method:Method::orders-options"})

test_flags_options_proxied_to_a_backend if {
	integration := {
		"type": "aws:apigateway/integration:Integration", "name": "orders-options",
		"urn": "urn:pulumi:prod::api::aws:apigateway/integration:Integration::orders-options",
		"properties": {"restApi": "a1b2c3d4e5", "resourceId": "r7x9k2", "httpMethod": "OPTIONS", "type": "HTTP_PROXY", "uri": "https://b.example.com"},
	}
	count(method_authorization.stack_deny) == 1 with input as stack_input([options_method, integration])
}

test_passes_options_answered_by_mock if {
	integration := {
		"type": "aws:apigateway/integration:Integration", "name": "orders-options",
		"urn": "urn:pulumi:prod::api::aws:apigateway/integration:Integration::orders-options",
		"properties": {"restApi": "a1b2c3d4e5", "resourceId": "r7x9k2", "httpMethod": "OPTIONS", "type": "MOCK"},
	}
	count(method_authorization.stack_deny) == 0 with input as stack_input([options_method, integration])
}
