package aws.codebuild.project_source_credentials_test

import data.aws.codebuild.project_source_credentials as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

project(source, secondary) := {
	"type": "aws:codebuild/project:Project",
	"urn": "urn:pulumi:prod::ci::aws:codebuild/project:Project::build",
	"name": "build",
	"properties": {"serviceRole": "arn:aws:iam::123456789012:role/codebuild", "source": source, "secondarySources": secondary},
}

test_flags_credentials_in_the_source_url if {
	count(rule.deny) == 1 with input as project({"type": "BITBUCKET", "location": "https://builder:app-password-123@bitbucket.org/team/app.git"}, [])
	count(rule.deny) == 1 with input as project({"type": "GITHUB", "location": "https://github.com/team/app.git"}, [{"sourceIdentifier": "lib", "type": "BITBUCKET", "location": "https://x-token-auth:abc123@bitbucket.org/team/lib.git"}])
}

test_passes_urls_without_credentials if {
	count(rule.deny) == 0 with input as project({"type": "BITBUCKET", "location": "https://bitbucket.org/team/app.git"}, [])
	count(rule.deny) == 0 with input as project({"type": "CODECOMMIT", "location": "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app"}, [])
	count(rule.deny) == 0 with input as project({"type": "S3", "location": "artifacts-bucket/source.zip"}, [])
}

test_unknown_location_is_not_reported if {
	count(rule.deny) == 0 with input as project({"type": "BITBUCKET", "location": unknown}, [])
}
