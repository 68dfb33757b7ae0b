package aws.ecs.task_definition_pid_mode_test

import data.aws.ecs.task_definition_pid_mode as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:ecs/taskDefinition:TaskDefinition",
	"urn": "urn:pulumi:prod::app::aws:ecs/taskDefinition:TaskDefinition::main",
	"name": "main",
	"properties": object.union({"family": "agent", "requiresCompatibilities": ["EC2"]}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"pidMode": "host"})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({})
	count(rule.deny) == 0 with input as resource({"pidMode": "task"})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"pidMode": unknown})
}
