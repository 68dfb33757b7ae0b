package aws.codebuild.project_privileged_mode_test

import data.aws.codebuild.project_privileged_mode as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

project(environment) := {
	"type": "aws:codebuild/project:Project",
	"urn": "urn:pulumi:prod::ci::aws:codebuild/project:Project::build",
	"name": "build",
	"properties": {
		"serviceRole": "arn:aws:iam::123456789012:role/codebuild",
		"artifacts": {"type": "NO_ARTIFACTS"},
		"source": {"type": "GITHUB", "location": "https://github.com/example/app.git"},
		"environment": object.union({"computeType": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/amazonlinux-x86_64-standard:5.0", "type": "LINUX_CONTAINER"}, environment),
	},
}

test_flags_privileged_mode if {
	count(rule.deny) == 1 with input as project({"privilegedMode": true})
}

test_passes_unprivileged_builds if {
	count(rule.deny) == 0 with input as project({})
	count(rule.deny) == 0 with input as project({"privilegedMode": false})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as project({"privilegedMode": unknown})
}
