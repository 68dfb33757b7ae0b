package aws.ecs.task_set_public_ip_test

import data.aws.ecs.task_set_public_ip as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:ecs/taskSet:TaskSet",
	"urn": "urn:pulumi:prod::app::aws:ecs/taskSet:TaskSet::main",
	"name": "main",
	"properties": object.union({"cluster": "main", "service": "web", "taskDefinition": "web:4", "launchType": "FARGATE"}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"networkConfiguration": {"subnets": ["subnet-0a1"], "assignPublicIp": true}})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({"networkConfiguration": {"subnets": ["subnet-0a1"], "assignPublicIp": false}})
	count(rule.deny) == 0 with input as resource({"networkConfiguration": {"subnets": ["subnet-0a1"]}})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"networkConfiguration": {"subnets": ["subnet-0a1"], "assignPublicIp": unknown}})
}
