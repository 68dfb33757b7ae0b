package aws.s3.bucket_policy_account_control_test

import data.aws.s3.bucket_policy_account_control as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

policy(statement) := {
	"type": "aws:s3/bucketPolicy:BucketPolicy",
	"urn": "urn:pulumi:prod::data::aws:s3/bucketPolicy:BucketPolicy::shared",
	"name": "shared",
	"properties": {"bucket": "shared-1234", "policy": json.marshal({"Version": "2012-10-17", "Statement": [statement]})},
}

grant(principal, action) := {"Effect": "Allow", "Principal": principal, "Action": action, "Resource": ["arn:aws:s3:::shared-1234", "arn:aws:s3:::shared-1234/*"]}

test_flags_control_actions_to_another_account if {
	count(rule.deny) == 1 with input as policy(grant({"AWS": "arn:aws:iam::444455556666:root"}, "s3:*"))
	count(rule.deny) == 1 with input as policy(grant({"AWS": ["444455556666"]}, ["s3:GetObject", "s3:PutBucketPolicy"]))
	count(rule.deny) == 1 with input as policy(grant({"AWS": "arn:aws:iam::444455556666:role/partner"}, "s3:Put*"))
}

test_passes_data_actions_and_service_principals if {
	count(rule.deny) == 0 with input as policy(grant({"AWS": "arn:aws:iam::444455556666:role/partner"}, ["s3:GetObject", "s3:PutObject"]))
	count(rule.deny) == 0 with input as policy(grant({"Service": "logging.s3.amazonaws.com"}, "s3:PutObject"))
}

test_unknown_policy_is_not_reported if {
	count(rule.deny) == 0 with input as object.union(policy({}), {"properties": {"policy": unknown}})
	count(rule.deny) == 0 with input as policy(grant({"AWS": unknown}, "s3:*"))
}
