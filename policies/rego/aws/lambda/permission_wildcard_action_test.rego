package aws.lambda.permission_wildcard_action_test

import data.aws.lambda.permission_wildcard_action as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

permission(action) := {
	"type": "aws:lambda/permission:Permission",
	"urn": "urn:pulumi:prod::api::aws:lambda/permission:Permission::events",
	"name": "events",
	"properties": {"action": action, "function": "handler", "principal": "events.amazonaws.com", "sourceArn": "arn:aws:events:us-east-1:123456789012:rule/nightly"},
}

test_flags_wildcard_actions if {
	count(rule.deny) == 1 with input as permission("lambda:*")
	count(rule.deny) == 1 with input as permission("*")
}

test_passes_invoke_only if {
	count(rule.deny) == 0 with input as permission("lambda:InvokeFunction")
	count(rule.deny) == 0 with input as permission("lambda:InvokeFunctionUrl")
}

test_unknown_action_is_not_reported if {
	count(rule.deny) == 0 with input as permission(unknown)
}
