package aws.s3.bucket_versioning_test

import data.aws.s3.bucket_versioning as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

bucket_urn := "urn:pulumi:prod::site::aws:s3/bucket:Bucket::records"

bucket(props) := {"type": "aws:s3/bucket:Bucket", "urn": bucket_urn, "name": "records", "properties": object.union({"bucket": "records-1234"}, props)}

versioning(status, props, deps) := {
	"type": "aws:s3/bucketVersioning:BucketVersioning",
	"urn": "urn:pulumi:prod::site::aws:s3/bucketVersioning:BucketVersioning::records",
	"name": "records",
	"properties": object.union({"versioningConfiguration": {"status": status}}, props),
	"propertyDependencies": deps,
}

test_flags_bucket_without_versioning if {
	findings := rule.stack_deny with input as {"resources": [bucket({})]}
	count(findings) == 1
	some f in findings
	f.urn == bucket_urn
}

test_flags_suspended_versioning if {
	count(rule.stack_deny) == 1 with input as {"resources": [bucket({}), versioning("Suspended", {"bucket": "records-1234"}, {})]}
	count(rule.stack_deny) == 1 with input as {"resources": [bucket({"versioning": {"enabled": false}})]}
}

test_passes_versioned_bucket if {
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({}), versioning("Enabled", {"bucket": unknown}, {"bucket": [bucket_urn]})]}
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({}), versioning("Enabled", {"bucket": "records-1234"}, {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({"versioning": {"enabled": true}})]}
}

test_unknown_targets_are_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({}), versioning("Enabled", {"bucket": unknown}, {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({}), versioning(unknown, {"bucket": "records-1234"}, {})]}
}
