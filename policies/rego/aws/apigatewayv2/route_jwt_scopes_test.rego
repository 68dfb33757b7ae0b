package aws.apigatewayv2.route_jwt_scopes_test

import data.aws.apigatewayv2.route_jwt_scopes

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

# A route as in https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
route(props) := {
	"type": "aws:apigatewayv2/route:Route",
	"urn": "urn:pulumi:prod::api::aws:apigatewayv2/route:Route::get-orders",
	"name": "get-orders",
	"properties": object.union({"apiId": "x9y8z7w6v5", "routeKey": "GET /orders", "target": "integrations/abc123", "authorizerId": "auth123"}, props),
}

test_flags_jwt_route_without_scopes if {
	count(route_jwt_scopes.deny) == 1 with input as route({"authorizationType": "JWT"})
}

test_flags_jwt_route_with_empty_scopes if {
	count(route_jwt_scopes.deny) == 1 with input as route({"authorizationType": "JWT", "authorizationScopes": []})
	count(route_jwt_scopes.deny) == 1 with input as route({"authorizationType": "jwt", "authorizationScopes": [""]})
}

test_passes_jwt_route_with_scopes if {
	count(route_jwt_scopes.deny) == 0 with input as route({"authorizationType": "JWT", "authorizationScopes": ["orders/read"]})
}

test_passes_other_authorization_types if {
	count(route_jwt_scopes.deny) == 0 with input as route({"authorizationType": "AWS_IAM"})
	count(route_jwt_scopes.deny) == 0 with input as route({"authorizationType": "CUSTOM"})
}

test_unknown_values_are_not_reported if {
	count(route_jwt_scopes.deny) == 0 with input as route({"authorizationType": "JWT", "authorizationScopes": unknown})
	count(route_jwt_scopes.deny) == 0 with input as route({"authorizationType": unknown})
}

test_ignores_other_types if {
	count(route_jwt_scopes.deny) == 0 with input as {"type": "aws:apigateway/method:Method", "name": "m", "properties": {"authorizationType": "JWT"}}
}
