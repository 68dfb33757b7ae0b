package aws.apigateway.method_cognito_scopes_test

import data.aws.apigateway.method_cognito_scopes

method(props) := {
	"type": "aws:apigateway/method:Method",
	"urn": "urn:pulumi:prod::api::aws:apigateway/method:Method::orders-get",
	"name": "orders-get",
	"properties": object.union({"restApi": "a1b2c3d4e5", "resourceId": "r7x9k2", "httpMethod": "GET", "authorization": "COGNITO_USER_POOLS", "authorizerId": "abc123"}, props),
}

body_api(scopes) := {
	"type": "aws:apigateway/restApi:RestApi",
	"urn": "urn:pulumi:prod::api::aws:apigateway/restApi:RestApi::orders",
	"name": "orders",
	"properties": {"body": json.marshal({
		"openapi": "3.0.1",
		"components": {"securitySchemes": {"users": {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "cognito_user_pools"}}},
		"paths": {"/orders": {"get": {"security": [{"users": scopes}]}}},
	})},
}

test_flags_cognito_method_without_scopes if {
	count(method_cognito_scopes.deny) == 1 with input as method({})
	count(method_cognito_scopes.deny) == 1 with input as method({"authorizationScopes": []})
}

test_passes_cognito_method_with_scopes if {
	count(method_cognito_scopes.deny) == 0 with input as method({"authorizationScopes": ["https://api.example.com/orders.read"]})
}

test_ignores_other_authorization if {
	count(method_cognito_scopes.deny) == 0 with input as method({"authorization": "AWS_IAM"})
}

test_unknown_scopes_are_not_judged if {
	count(method_cognito_scopes.deny) == 0 with input as method({"authorizationScopes": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_body_requirement_without_scopes if {
	count(method_cognito_scopes.deny) == 1 with input as body_api([])
	count(method_cognito_scopes.deny) == 0 with input as body_api(["orders/read"])
}
