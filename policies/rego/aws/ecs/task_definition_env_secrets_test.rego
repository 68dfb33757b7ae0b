package aws.ecs.task_definition_env_secrets_test

import data.aws.ecs.task_definition_env_secrets as rule

task(containers) := {
	"type": "aws:ecs/taskDefinition:TaskDefinition",
	"urn": "urn:pulumi:prod::api::aws:ecs/taskDefinition:TaskDefinition::web",
	"name": "web",
	"properties": {"family": "web", "networkMode": "awsvpc", "containerDefinitions": containers},
}

container(environment) := {"name": "app", "image": "public.ecr.aws/nginx/nginx:latest", "essential": true, "environment": environment}

test_flags_password_in_environment if {
	findings := rule.deny with input as task(json.marshal([container([{"name": "DB_PASSWORD", "value": "hunter2-example"}])]))
	count(findings) == 1
	some f in findings
	not contains(f, "hunter2")
}

test_flags_api_key_in_container_list if {
	count(rule.deny) == 1 with input as task([container([{"name": "stripeApiKey", "value": "sk_test_example"}])])
}

test_passes_secrets_and_plain_settings if {
	c := object.union(
		container([{"name": "LOG_LEVEL", "value": "info"}, {"name": "DB_SECRET_ARN", "value": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"}]),
		{"secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"}]},
	)
	count(rule.deny) == 0 with input as task(json.marshal([c]))
}

test_passes_settings_about_secrets if {
	count(rule.deny) == 0 with input as task(json.marshal([container([{"name": "TOKEN_TTL", "value": "3600"}, {"name": "AUTH_TOKEN_HEADER", "value": "X-Api-Token"}])]))
}

test_passes_empty_value if {
	count(rule.deny) == 0 with input as task(json.marshal([container([{"name": "API_TOKEN", "value": ""}])]))
}

test_unknown_definitions_are_not_reported if {
	count(rule.deny) == 0 with input as task("04da6b54-80e4-46f7-96ec-b56ff0331ba9")
}
