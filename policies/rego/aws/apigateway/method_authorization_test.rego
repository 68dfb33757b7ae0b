package aws.apigateway.method_authorization_test

import data.aws.apigateway.method_authorization

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

method(props) := {
	"type": "aws:apigateway/method:Method",
	"urn": "urn:pulumi:prod::api::aws:apigateway/method:Method::orders-get",
	"name": "orders-get",
	"properties": object.union({"restApi": "a1b2c3d4e5", "resourceId": "r7x9k2"}, props),
}

test_flags_method_without_authorization if {
	count(method_authorization.deny) == 1 with input as method({"httpMethod": "GET", "authorization": "NONE"})
}

test_flags_absent_authorization if {
	count(method_authorization.deny) == 1 with input as method({"httpMethod": "POST"})
}

test_api_key_alone_is_not_authorization if {
	msgs := method_authorization.deny with input as method({"httpMethod": "GET", "authorization": "NONE", "apiKeyRequired": true})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "API key is not authentication")
}

test_passes_iam_authorization if {
	count(method_authorization.deny) == 0 with input as method({"httpMethod": "GET", "authorization": "AWS_IAM"})
}

test_passes_cognito_authorizer if {
	count(method_authorization.deny) == 0 with input as method({
		"httpMethod": "ANY",
		"authorization": "COGNITO_USER_POOLS",
		"authorizerId": "abc123",
		"authorizationScopes": ["orders/read"],
	})
}

test_passes_cors_preflight if {
	count(method_authorization.deny) == 0 with input as method({"httpMethod": "OPTIONS", "authorization": "NONE"})
}

test_unknown_authorization_is_not_reported if {
	count(method_authorization.deny) == 0 with input as method({"httpMethod": "GET", "authorization": unknown})
}

test_unknown_http_method_is_not_reported if {
	count(method_authorization.deny) == 0 with input as method({"httpMethod": unknown, "authorization": "NONE"})
}

test_ignores_other_types if {
	count(method_authorization.deny) == 0 with input as {"type": "aws:apigateway/methodSettings:MethodSettings", "name": "m", "properties": {}}
}
