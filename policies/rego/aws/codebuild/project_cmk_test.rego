package aws.codebuild.project_cmk_test

import data.aws.codebuild.project_cmk as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

project(props) := {
	"type": "aws:codebuild/project:Project",
	"urn": "urn:pulumi:prod::ci::aws:codebuild/project:Project::build",
	"name": "build",
	"properties": object.union({"serviceRole": "arn:aws:iam::123456789012:role/codebuild", "artifacts": {"type": "S3", "location": "artifacts-bucket"}}, props),
}

test_flags_project_without_customer_key if {
	count(rule.deny) == 1 with input as project({})
	count(rule.deny) == 1 with input as project({"encryptionKey": "arn:aws:kms:us-east-1:123456789012:alias/aws/s3"})
}

test_passes_customer_key if {
	count(rule.deny) == 0 with input as project({"encryptionKey": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
}

test_profile_can_accept_the_aws_managed_key if {
	count(rule.deny) == 0 with input as object.union(project({}), {"config": {"aws-codebuild-project-cmk": {"requireCustomerManagedKey": false}}})
}

test_unknown_key_is_not_reported if {
	count(rule.deny) == 0 with input as project({"encryptionKey": unknown})
}
