package aws.apigatewayv2.route_authorization_test

import data.aws.apigatewayv2.route_authorization

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

route(props) := {
	"type": "aws:apigatewayv2/route:Route",
	"urn": "urn:pulumi:prod::api::aws:apigatewayv2/route:Route::get-orders",
	"name": "get-orders",
	"properties": object.union({"apiId": "x9y8z7w6v5", "target": "integrations/abc123"}, props),
}

test_flags_route_with_authorization_none if {
	count(route_authorization.deny) == 1 with input as route({"routeKey": "GET /orders", "authorizationType": "NONE"})
}

test_flags_route_without_authorization_type if {
	count(route_authorization.deny) == 1 with input as route({"routeKey": "ANY /{proxy+}"})
}

test_flags_unauthenticated_websocket_connect if {
	count(route_authorization.deny) == 1 with input as route({"routeKey": "$connect", "authorizationType": "NONE"})
}

test_api_key_alone_is_not_authorization if {
	msgs := route_authorization.deny with input as route({"routeKey": "$connect", "authorizationType": "NONE", "apiKeyRequired": true})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "API key is not authentication")
}

test_passes_jwt_route if {
	count(route_authorization.deny) == 0 with input as route({
		"routeKey": "POST /orders",
		"authorizationType": "JWT",
		"authorizerId": "auth123",
		"authorizationScopes": ["orders/write"],
	})
}

test_passes_iam_route if {
	count(route_authorization.deny) == 0 with input as route({"routeKey": "GET /orders", "authorizationType": "AWS_IAM"})
}

test_passes_cors_preflight if {
	count(route_authorization.deny) == 0 with input as route({"routeKey": "OPTIONS /{proxy+}", "authorizationType": "NONE"})
}

test_passes_websocket_routes_that_cannot_be_authorized if {
	count(route_authorization.deny) == 0 with input as route({"routeKey": "$disconnect", "authorizationType": "NONE"})
	count(route_authorization.deny) == 0 with input as route({"routeKey": "sendMessage"})
}

test_default_route_is_not_judged if {
	count(route_authorization.deny) == 0 with input as route({"routeKey": "$default", "authorizationType": "NONE"})
}

test_unknown_authorization_type_is_not_reported if {
	count(route_authorization.deny) == 0 with input as route({"routeKey": "GET /orders", "authorizationType": unknown})
}

test_unknown_route_key_is_not_reported if {
	count(route_authorization.deny) == 0 with input as route({"routeKey": unknown, "authorizationType": "NONE"})
}

test_ignores_other_types if {
	count(route_authorization.deny) == 0 with input as {"type": "aws:apigateway/method:Method", "name": "m", "properties": {}}
}

quick_create(props) := {
	"type": "aws:apigatewayv2/api:Api",
	"urn": "urn:pulumi:prod::api::aws:apigatewayv2/api:Api::quick",
	"name": "quick",
	"properties": object.union({"protocolType": "HTTP"}, props),
}

test_flags_quick_create_api if {
	msgs := route_authorization.deny with input as quick_create({"target": "arn:aws:lambda:eu-west-1:123456789012:function:orders", "routeKey": "GET /orders"})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "GET /orders")
}

test_passes_api_without_quick_create if {
	count(route_authorization.deny) == 0 with input as quick_create({})
}
