package aws.apigatewayv2.stage_throttling_test

import data.aws.apigatewayv2.stage_throttling

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

stage(props) := {
	"type": "aws:apigatewayv2/stage:Stage",
	"urn": "urn:pulumi:prod::api::aws:apigatewayv2/stage:Stage::checkout-default",
	"name": "checkout-default",
	"properties": object.union({"apiId": "x9y8z7w6v5", "name": "$default", "autoDeploy": true}, props),
}

test_flags_stage_without_route_settings if {
	msgs := stage_throttling.deny with input as stage({})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "does not throttle")
}

test_flags_null_route_settings if {
	count(stage_throttling.deny) == 1 with input as stage({"defaultRouteSettings": null})
}

test_flags_route_settings_without_limits if {
	count(stage_throttling.deny) == 2 with input as stage({"defaultRouteSettings": {"detailedMetricsEnabled": true}})
}

test_flags_only_rate_limit_set if {
	msgs := stage_throttling.deny with input as stage({"defaultRouteSettings": {"throttlingRateLimit": 100}})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "defaultRouteSettings.throttlingBurstLimit is 0 or not set")
}

test_flags_zero_burst_limit if {
	msgs := stage_throttling.deny with input as stage({"defaultRouteSettings": {"throttlingBurstLimit": 0, "throttlingRateLimit": 100}})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "rejects every request")
}

test_flags_negative_limit if {
	count(stage_throttling.deny) == 1 with input as stage({"defaultRouteSettings": {"throttlingBurstLimit": -1, "throttlingRateLimit": 100}})
}

test_passes_throttled_stage if {
	count(stage_throttling.deny) == 0 with input as stage({"defaultRouteSettings": {"throttlingBurstLimit": 500, "throttlingRateLimit": 250.5}})
}

test_unknown_limits_are_not_reported if {
	count(stage_throttling.deny) == 0 with input as stage({"defaultRouteSettings": {"throttlingBurstLimit": unknown, "throttlingRateLimit": unknown}})
}

test_unknown_route_settings_are_not_reported if {
	count(stage_throttling.deny) == 0 with input as stage({"defaultRouteSettings": unknown})
}

test_ignores_rest_api_stages if {
	count(stage_throttling.deny) == 0 with input as {"type": "aws:apigateway/stage:Stage", "name": "s", "properties": {}}
}

v2_stage(props) := {
	"type": "aws:apigatewayv2/stage:Stage",
	"urn": "urn:pulumi:prod::api::aws:apigatewayv2/stage:Stage::catalog",
	"name": "catalog",
	"properties": object.union({"apiId": "a1b2c3d4e5", "name": "$default"}, props),
}

test_passes_stage_throttled_through_route_settings if {
	count(stage_throttling.deny) == 0 with input as v2_stage({"routeSettings": [
		{"routeKey": "GET /items", "throttlingBurstLimit": 50, "throttlingRateLimit": 20},
		{"routeKey": "POST /items", "throttlingBurstLimit": 10, "throttlingRateLimit": 5},
	]})
}

test_flags_route_settings_that_leave_a_route_unthrottled if {
	count(stage_throttling.deny) == 1 with input as v2_stage({"routeSettings": [
		{"routeKey": "GET /items", "throttlingBurstLimit": 50, "throttlingRateLimit": 20},
		{"routeKey": "POST /items", "detailedMetricsEnabled": true},
	]})
}
