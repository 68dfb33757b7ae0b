package aws.apigateway.stage_access_logs_test

import data.aws.apigateway.stage_access_logs

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

log_group := "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigateway/orders-api"

json_format := `{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","httpMethod":"$context.httpMethod","resourcePath":"$context.resourcePath","status":"$context.status","responseLength":"$context.responseLength"}`

stage(props) := {
	"type": "aws:apigateway/stage:Stage",
	"urn": "urn:pulumi:prod::api::aws:apigateway/stage:Stage::orders-prod",
	"name": "orders-prod",
	"properties": object.union({"restApi": "a1b2c3d4e5", "deployment": "dep123", "stageName": "prod"}, props),
}

test_flags_stage_without_access_logs if {
	count(stage_access_logs.deny) == 1 with input as stage({})
}

test_flags_null_access_logs if {
	count(stage_access_logs.deny) == 1 with input as stage({"accessLogSettings": null})
}

test_passes_json_access_logs if {
	count(stage_access_logs.deny) == 0 with input as stage({"accessLogSettings": {"destinationArn": log_group, "format": json_format}})
}

test_passes_unquoted_numeric_variables if {
	format := `{"requestId":"$context.requestId","status":$context.status,"latency":$context.responseLatency}`
	count(stage_access_logs.deny) == 0 with input as stage({"accessLogSettings": {"destinationArn": log_group, "format": format}})
}

test_flags_clf_format if {
	clf := `$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId`
	msgs := stage_access_logs.deny with input as stage({"accessLogSettings": {"destinationArn": log_group, "format": clf}})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "JSON")
}

test_flags_xml_format if {
	xml := `<request id="$context.requestId"> <ip>$context.identity.sourceIp</ip> <status>$context.status</status> </request>`
	count(stage_access_logs.deny) == 1 with input as stage({"accessLogSettings": {"destinationArn": log_group, "format": xml}})
}

test_flags_single_variable_format if {
	# "$context.requestId" alone becomes a JSON number, not a structured record.
	count(stage_access_logs.deny) == 1 with input as stage({"accessLogSettings": {"destinationArn": log_group, "format": "$context.requestId"}})
}

test_flags_missing_destination if {
	msgs := stage_access_logs.deny with input as stage({"accessLogSettings": {"format": json_format}})
	count(msgs) == 1
	some msg in msgs
	contains(msg, "destinationArn")
}

test_flags_missing_destination_and_format if {
	count(stage_access_logs.deny) == 2 with input as stage({"accessLogSettings": {"destinationArn": null}})
}

test_unknown_destination_is_not_reported if {
	count(stage_access_logs.deny) == 0 with input as stage({"accessLogSettings": {"destinationArn": unknown, "format": json_format}})
}

test_unknown_format_is_not_reported if {
	count(stage_access_logs.deny) == 0 with input as stage({"accessLogSettings": {"destinationArn": log_group, "format": unknown}})
}

test_unknown_settings_are_not_reported if {
	count(stage_access_logs.deny) == 0 with input as stage({"accessLogSettings": unknown})
}

test_ignores_other_types if {
	count(stage_access_logs.deny) == 0 with input as {"type": "aws:apigatewayv2/stage:Stage", "name": "s", "properties": {}}
}
