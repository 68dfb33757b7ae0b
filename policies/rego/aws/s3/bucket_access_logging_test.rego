package aws.s3.bucket_access_logging_test

import data.aws.s3.bucket_access_logging as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

bucket_urn := "urn:pulumi:prod::site::aws:s3/bucket:Bucket::records"

logs_urn := "urn:pulumi:prod::site::aws:s3/bucket:Bucket::logs"

bucket(props) := {"type": "aws:s3/bucket:Bucket", "urn": bucket_urn, "name": "records", "properties": object.union({"bucket": "records-1234"}, props)}

log_bucket := {"type": "aws:s3/bucket:Bucket", "urn": logs_urn, "name": "logs", "properties": {"bucket": "logs-1234"}}

logging(props, deps) := {
	"type": "aws:s3/bucketLogging:BucketLogging",
	"urn": "urn:pulumi:prod::site::aws:s3/bucketLogging:BucketLogging::records",
	"name": "records",
	"properties": object.union({"targetPrefix": "records/"}, props),
	"propertyDependencies": deps,
}

test_flags_bucket_without_access_logs if {
	findings := rule.stack_deny with input as {"resources": [bucket({})]}
	count(findings) == 1
	some f in findings
	f.urn == bucket_urn
}

test_passes_logged_bucket_and_its_log_bucket if {
	l := logging({"bucket": unknown, "targetBucket": unknown}, {"bucket": [bucket_urn], "targetBucket": [logs_urn]})
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({}), log_bucket, l]}
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({}), log_bucket, logging({"bucket": "records-1234", "targetBucket": "logs-1234"}, {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({"logging": {"targetBucket": "logs-1234"}}), log_bucket]}
}

test_flags_log_bucket_when_nothing_logs_into_it if {
	count(rule.stack_deny) == 2 with input as {"resources": [bucket({}), log_bucket]}
}

test_unknown_target_is_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [bucket({}), logging({"bucket": unknown, "targetBucket": "logs-1234"}, {})]}
}
