package aws.lambda.function_tracing_test

import data.aws.lambda.function_tracing as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

function(props) := {
	"type": "aws:lambda/function:Function",
	"urn": "urn:pulumi:prod::api::aws:lambda/function:Function::handler",
	"name": "handler",
	"properties": object.union({"runtime": "python3.12", "handler": "app.handler", "role": "arn:aws:iam::123456789012:role/handler"}, props),
}

test_flags_function_without_active_tracing if {
	count(rule.deny) == 1 with input as function({})
	count(rule.deny) == 1 with input as function({"tracingConfig": {"mode": "PassThrough"}})
}

test_passes_active_tracing if {
	count(rule.deny) == 0 with input as function({"tracingConfig": {"mode": "Active"}})
}

test_unknown_mode_is_not_reported if {
	count(rule.deny) == 0 with input as function({"tracingConfig": {"mode": unknown}})
	count(rule.deny) == 0 with input as function({"tracingConfig": unknown})
}
