package aws.ecs.service_platform_version_test

import data.aws.ecs.service_platform_version as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

resource(props) := {
	"type": "aws:ecs/service:Service",
	"urn": "urn:pulumi:prod::app::aws:ecs/service:Service::main",
	"name": "main",
	"properties": object.union({"cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/main", "taskDefinition": "web:3", "desiredCount": 2, "launchType": "FARGATE"}, props),
}

test_flags_insecure_settings if {
	count(rule.deny) == 1 with input as resource({"platformVersion": "1.3.0"})
}

test_passes_secure_settings if {
	count(rule.deny) == 0 with input as resource({})
	count(rule.deny) == 0 with input as resource({"platformVersion": "LATEST"})
	count(rule.deny) == 0 with input as resource({"platformVersion": "1.4.0"})
}

test_unknown_settings_are_not_reported if {
	count(rule.deny) == 0 with input as resource({"platformVersion": unknown})
}
