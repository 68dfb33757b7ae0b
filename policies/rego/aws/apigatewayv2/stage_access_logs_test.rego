package aws.apigatewayv2.stage_access_logs_test

import data.aws.apigatewayv2.stage_access_logs

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

log_group := "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigateway/checkout-http"

json_format := `{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","routeKey":"$context.routeKey","status":"$context.status"}`

stage(props) := {
	"type": "aws:apigatewayv2/stage:Stage",
	"urn": "urn:pulumi:prod::api::aws:apigatewayv2/stage:Stage::checkout-default",
	"name": "checkout-default",
	"properties": object.union({"apiId": "x9y8z7w6v5", "name": "$default", "autoDeploy": true}, props),
}

test_flags_stage_without_access_logs if {
	count(stage_access_logs.deny) == 1 with input as stage({})
}

test_flags_missing_format if {
	msgs := stage_access_logs.deny with input as stage({"accessLogSettings": {"destinationArn": log_group}})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "without format")
}

test_flags_missing_destination if {
	msgs := stage_access_logs.deny with input as stage({"accessLogSettings": {"format": json_format, "destinationArn": null}})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "without destinationArn")
}

test_flags_empty_settings if {
	count(stage_access_logs.deny) == 2 with input as stage({"accessLogSettings": {"destinationArn": "", "format": ""}})
}

test_passes_stage_with_access_logs if {
	count(stage_access_logs.deny) == 0 with input as stage({"accessLogSettings": {"destinationArn": log_group, "format": json_format}})
}

test_unknown_destination_is_not_reported if {
	count(stage_access_logs.deny) == 0 with input as stage({"accessLogSettings": {"destinationArn": unknown, "format": json_format}})
}

test_unknown_settings_are_not_reported if {
	count(stage_access_logs.deny) == 0 with input as stage({"accessLogSettings": unknown})
}

test_ignores_rest_api_stages if {
	count(stage_access_logs.deny) == 0 with input as {"type": "aws:apigateway/stage:Stage", "name": "s", "properties": {}}
}
