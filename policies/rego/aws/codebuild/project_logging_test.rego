package aws.codebuild.project_logging_test

import data.aws.codebuild.project_logging as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

project(logs) := {
	"type": "aws:codebuild/project:Project",
	"urn": "urn:pulumi:prod::ci::aws:codebuild/project:Project::build",
	"name": "build",
	"properties": {"serviceRole": "arn:aws:iam::123456789012:role/codebuild", "logsConfig": logs},
}

test_flags_project_without_any_logs if {
	count(rule.deny) == 1 with input as project({"cloudwatchLogs": {"status": "DISABLED"}})
	count(rule.deny) == 1 with input as project({"cloudwatchLogs": {"status": "DISABLED"}, "s3Logs": {"status": "DISABLED"}})
}

test_passes_project_with_logs if {
	count(rule.deny) == 0 with input as project({})
	count(rule.deny) == 0 with input as project({"cloudwatchLogs": {"status": "ENABLED", "groupName": "/ci/build"}})
	count(rule.deny) == 0 with input as project({"cloudwatchLogs": {"status": "DISABLED"}, "s3Logs": {"status": "ENABLED", "location": "build-logs/app"}})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as project({"cloudwatchLogs": {"status": unknown}})
	count(rule.deny) == 0 with input as project({"cloudwatchLogs": {"status": "DISABLED"}, "s3Logs": {"status": unknown}})
}
