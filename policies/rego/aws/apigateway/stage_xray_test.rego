package aws.apigateway.stage_xray_test

import data.aws.apigateway.stage_xray

stage(props) := {
	"type": "aws:apigateway/stage:Stage",
	"urn": "urn:pulumi:prod::api::aws:apigateway/stage:Stage::orders-prod",
	"name": "orders-prod",
	"properties": object.union({"restApi": "a1b2c3d4e5", "deployment": "dep123", "stageName": "prod"}, props),
}

test_flags_stage_without_tracing if {
	count(stage_xray.deny) == 1 with input as stage({})
}

test_flags_tracing_turned_off if {
	count(stage_xray.deny) == 1 with input as stage({"xrayTracingEnabled": false})
}

test_passes_traced_stage if {
	count(stage_xray.deny) == 0 with input as stage({"xrayTracingEnabled": true})
}

test_unknown_tracing_is_not_reported if {
	count(stage_xray.deny) == 0 with input as stage({"xrayTracingEnabled": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_ignores_other_types if {
	count(stage_xray.deny) == 0 with input as {"type": "aws:apigatewayv2/stage:Stage", "name": "s", "properties": {}}
}
