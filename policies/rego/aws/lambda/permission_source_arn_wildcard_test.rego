package aws.lambda.permission_source_arn_wildcard_test

import data.aws.lambda.permission_source_arn_wildcard as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

permission(source) := {
	"type": "aws:lambda/permission:Permission",
	"urn": "urn:pulumi:prod::api::aws:lambda/permission:Permission::api",
	"name": "api",
	"properties": {"action": "lambda:InvokeFunction", "function": "handler", "principal": "apigateway.amazonaws.com", "sourceArn": source},
}

prefix := "arn:aws:execute-api:us-east-1:123456789012:"

test_flags_any_api if {
	count(rule.deny) == 1 with input as permission(concat("", [prefix, "*/*/GET/orders"]))
}

test_flags_any_stage_and_route if {
	count(rule.deny) == 1 with input as permission(concat("", [prefix, "a1b2c3d4e5/*/*"]))
	count(rule.deny) == 1 with input as permission(concat("", [prefix, "a1b2c3d4e5/*"]))
	count(rule.deny) == 1 with input as permission(concat("", [prefix, "a1b2c3d4e5/*/*/*"]))
}

test_passes_named_stage_or_route if {
	count(rule.deny) == 0 with input as permission(concat("", [prefix, "a1b2c3d4e5/prod/GET/orders"]))
	count(rule.deny) == 0 with input as permission(concat("", [prefix, "a1b2c3d4e5/prod/*"]))
	count(rule.deny) == 0 with input as permission(concat("", [prefix, "a1b2c3d4e5/*/POST/orders"]))
	count(rule.deny) == 0 with input as object.union(permission("arn:aws:events:us-east-1:123456789012:rule/nightly"), {"properties": {"principal": "events.amazonaws.com"}})
}

test_unknown_source_is_not_reported if {
	count(rule.deny) == 0 with input as permission(unknown)
}
