package aws.ecs.task_definition_logging_test

import data.aws.ecs.task_definition_logging as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

task(containers) := {
	"type": "aws:ecs/taskDefinition:TaskDefinition",
	"urn": "urn:pulumi:prod::api::aws:ecs/taskDefinition:TaskDefinition::api",
	"name": "api",
	"properties": {"family": "api", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": json.marshal(containers)},
}

awslogs := {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/api", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "api"}}

test_flags_container_without_log_configuration if {
	count(rule.deny) == 1 with input as task([{"name": "api", "image": "nginx:1.27"}])
	count(rule.deny) == 1 with input as task([{"name": "api", "image": "nginx:1.27", "logConfiguration": awslogs}, {"name": "sidecar", "image": "envoy"}])
}

test_passes_containers_with_log_driver if {
	count(rule.deny) == 0 with input as task([{"name": "api", "image": "nginx:1.27", "logConfiguration": awslogs}])
	count(rule.deny) == 0 with input as task([{"name": "api", "image": "nginx:1.27", "logConfiguration": {"logDriver": "awsfirelens"}}])
}

test_unknown_definitions_are_not_reported if {
	count(rule.deny) == 0 with input as object.union(task([]), {"properties": {"containerDefinitions": unknown}})
	count(rule.deny) == 0 with input as {"type": "aws:ecs/taskDefinition:TaskDefinition", "name": "api", "properties": {"containerDefinitions": [{"name": "api", "logConfiguration": unknown}]}}
}
