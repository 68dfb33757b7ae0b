package aws.codebuild.project_env_credentials_test

import data.aws.codebuild.project_env_credentials as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

project(variables) := {
	"type": "aws:codebuild/project:Project",
	"urn": "urn:pulumi:prod::ci::aws:codebuild/project:Project::build",
	"name": "build",
	"properties": {"serviceRole": "arn:aws:iam::123456789012:role/codebuild", "environment": {"computeType": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0", "type": "LINUX_CONTAINER", "environmentVariables": variables}},
}

test_flags_plaintext_access_keys if {
	count(rule.deny) == 1 with input as project([{"name": "AWS_ACCESS_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE"}])
	count(rule.deny) == 2 with input as project([{"name": "AWS_ACCESS_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE", "type": "PLAINTEXT"}, {"name": "AWS_SECRET_ACCESS_KEY", "value": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}])
}

test_passes_referenced_secrets if {
	count(rule.deny) == 0 with input as project([{"name": "AWS_SECRET_ACCESS_KEY", "value": "ci/deploy-key", "type": "SECRETS_MANAGER"}])
	count(rule.deny) == 0 with input as project([{"name": "AWS_ACCESS_KEY_ID", "value": "/ci/access-key-id", "type": "PARAMETER_STORE"}])
	count(rule.deny) == 0 with input as project([{"name": "STAGE", "value": "prod"}])
}

test_unknown_value_is_not_reported if {
	count(rule.deny) == 0 with input as project([{"name": "AWS_ACCESS_KEY_ID", "value": unknown}])
}
