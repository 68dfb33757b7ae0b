package aws.iam.resource_policy_source_ip_only_test

import data.aws.iam.resource_policy_source_ip_only as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

bucket_policy(statement) := {
	"type": "aws:s3/bucketPolicy:BucketPolicy",
	"urn": "urn:pulumi:prod::site::aws:s3/bucketPolicy:BucketPolicy::assets",
	"name": "assets",
	"properties": {"bucket": "assets-1234", "policy": json.marshal({"Version": "2012-10-17", "Statement": [statement]})},
}

read(condition) := {"Sid": "OfficeRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::assets-1234/*", "Condition": condition}

test_flags_anonymous_access_by_source_ip if {
	count(rule.deny) == 1 with input as bucket_policy(read({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}))
	count(rule.deny) == 1 with input as object.union(bucket_policy(read({"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "198.51.100.7/32"]}})), {"type": "aws:sqs/queuePolicy:QueuePolicy"})
}

test_passes_source_ip_with_identity_condition if {
	count(rule.deny) == 0 with input as bucket_policy(read({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}, "StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}))
	count(rule.deny) == 0 with input as bucket_policy(object.union(read({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}), {"Principal": {"AWS": "arn:aws:iam::123456789012:role/reader"}}))
}

test_fully_public_statements_are_left_to_the_public_rules if {
	count(rule.deny) == 0 with input as bucket_policy(read({}))
}

test_unknown_policy_is_not_reported if {
	count(rule.deny) == 0 with input as object.union(bucket_policy(read({})), {"properties": {"policy": unknown}})
	count(rule.deny) == 0 with input as bucket_policy(read({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}, "StringEquals": {"aws:SourceVpce": unknown}}))
}
