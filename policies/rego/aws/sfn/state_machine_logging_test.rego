package aws.sfn.state_machine_logging_test

import data.aws.sfn.state_machine_logging as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

machine(props) := {
	"type": "aws:sfn/stateMachine:StateMachine",
	"urn": "urn:pulumi:prod::orders::aws:sfn/stateMachine:StateMachine::checkout",
	"name": "checkout",
	"properties": object.union({"roleArn": "arn:aws:iam::123456789012:role/sfn", "definition": "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}"}, props),
}

destination := "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/checkout:*"

test_flags_state_machine_without_logging if {
	count(rule.deny) == 1 with input as machine({})
	count(rule.deny) == 1 with input as machine({"loggingConfiguration": {"level": "OFF"}})
	count(rule.deny) == 1 with input as machine({"loggingConfiguration": {"level": "ALL"}})
}

test_passes_logging_state_machine if {
	count(rule.deny) == 0 with input as machine({"loggingConfiguration": {"level": "ERROR", "logDestination": destination}})
	count(rule.deny) == 0 with input as machine({"loggingConfiguration": {"level": "ALL", "includeExecutionData": true, "logDestination": destination}})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as machine({"loggingConfiguration": unknown})
	count(rule.deny) == 0 with input as machine({"loggingConfiguration": {"level": unknown, "logDestination": destination}})
}
