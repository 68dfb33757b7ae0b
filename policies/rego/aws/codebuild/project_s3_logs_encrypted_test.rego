package aws.codebuild.project_s3_logs_encrypted_test

import data.aws.codebuild.project_s3_logs_encrypted as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

project(s3_logs) := {
	"type": "aws:codebuild/project:Project",
	"urn": "urn:pulumi:prod::ci::aws:codebuild/project:Project::build",
	"name": "build",
	"properties": {"serviceRole": "arn:aws:iam::123456789012:role/codebuild", "logsConfig": {"s3Logs": s3_logs}},
}

test_flags_unencrypted_s3_logs if {
	count(rule.deny) == 1 with input as project({"status": "ENABLED", "location": "build-logs/app", "encryptionDisabled": true})
}

test_passes_encrypted_or_disabled_s3_logs if {
	count(rule.deny) == 0 with input as project({"status": "ENABLED", "location": "build-logs/app"})
	count(rule.deny) == 0 with input as project({"status": "ENABLED", "location": "build-logs/app", "encryptionDisabled": false})
	count(rule.deny) == 0 with input as project({"status": "DISABLED", "encryptionDisabled": true})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as project({"status": "ENABLED", "location": "build-logs/app", "encryptionDisabled": unknown})
}
