package aws.ecs.service_public_ip_test

import data.aws.ecs.service_public_ip as rule

service(network) := {
	"type": "aws:ecs/service:Service",
	"urn": "urn:pulumi:prod::api::aws:ecs/service:Service::web",
	"name": "web",
	"properties": {"cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/prod", "launchType": "FARGATE", "desiredCount": 2, "networkConfiguration": network},
}

test_flags_public_ip if {
	count(rule.deny) == 1 with input as service({"subnets": ["subnet-0123456789abcdef0"], "assignPublicIp": true})
}

test_passes_private_tasks if {
	count(rule.deny) == 0 with input as service({"subnets": ["subnet-0123456789abcdef0"], "assignPublicIp": false})
	count(rule.deny) == 0 with input as service({"subnets": ["subnet-0123456789abcdef0"]})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as service({"subnets": ["subnet-0123456789abcdef0"], "assignPublicIp": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
