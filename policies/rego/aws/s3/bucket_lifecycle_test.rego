package aws.s3.bucket_lifecycle_test

import data.aws.s3.bucket_lifecycle as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

bucket_urn := "urn:pulumi:prod::site::aws:s3/bucket:Bucket::records"

bucket(props) := {"type": "aws:s3/bucket:Bucket", "urn": bucket_urn, "name": "records", "properties": object.union({"bucket": "records-1234"}, props)}

lifecycle(props, deps) := {
	"type": "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
	"urn": "urn:pulumi:prod::site::aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration::records",
	"name": "records",
	"properties": object.union({"rules": [{"id": "expire", "status": "Enabled", "expiration": {"days": 365}}]}, props),
	"propertyDependencies": deps,
}

test_flags_bucket_without_lifecycle if {
	findings := rule.stack_deny with input as {"resources": [bucket({})]}
	count(findings) == 1
	some f in findings
	f.urn == bucket_urn
}

test_passes_bucket_with_lifecycle if {
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({}), lifecycle({"bucket": unknown}, {"bucket": [bucket_urn]})]}
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({}), lifecycle({"bucket": "records-1234"}, {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({"lifecycleRules": [{"enabled": true, "expiration": {"days": 365}}]})]}
}

test_unknown_targets_are_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({}), lifecycle({"bucket": unknown}, {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({"lifecycleRules": unknown})]}
}
