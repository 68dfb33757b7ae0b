package aws.ecs.task_definition_secret_environment_test

import data.aws.ecs.task_definition_secret_environment as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

task(definitions) := {
	"type": "aws:ecs/taskDefinition:TaskDefinition",
	"urn": "urn:pulumi:prod::api::aws:ecs/taskDefinition:TaskDefinition::api",
	"name": "api",
	"properties": {"family": "api", "containerDefinitions": definitions},
}

test_flags_secret_container_definitions if {
	count(rule.deny) == 1 with input as task("[secret]")
}

test_flags_secret_environment_value if {
	count(rule.deny) == 1 with input as task([{"name": "api", "environment": [{"name": "DB_PASSWORD", "value": "[secret]"}]}])
}

test_passes_secrets_by_reference if {
	definitions := [{
		"name": "api", "image": "api:1",
		"environment": [{"name": "LOG_LEVEL", "value": "info"}],
		"secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"}],
	}]
	count(rule.deny) == 0 with input as task(json.marshal(definitions))
	count(rule.deny) == 0 with input as task(definitions)
}

test_unknown_definitions_are_not_reported if {
	count(rule.deny) == 0 with input as task(unknown)
}
