package aws.s3.bucket_tls_only_test

import data.aws.s3.bucket_tls_only

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

bucket(type, name, props) := {
	"type": type,
	"urn": sprintf("urn:pulumi:prod::data::%s::%s", [type, name]),
	"name": name,
	"properties": props,
	"parent": "urn:pulumi:prod::data::pulumi:pulumi:Stack::data-prod",
	"dependencies": [],
	"propertyDependencies": {},
}

data_bucket := bucket("aws:s3/bucketV2:BucketV2", "data", {"bucket": "data-7f3a9c1", "forceDestroy": false})

deny_insecure := {
	"Sid": "DenyInsecureTransport",
	"Effect": "Deny",
	"Principal": "*",
	"Action": "s3:*",
	"Resource": ["arn:aws:s3:::data-7f3a9c1", "arn:aws:s3:::data-7f3a9c1/*"],
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}

document(statements) := {"Version": "2012-10-17", "Statement": statements}

# A BucketPolicy as a preview sends it: bucket is unknown, the dependency names the bucket.
policy_for(target, policy) := {
	"type": "aws:s3/bucketPolicy:BucketPolicy",
	"urn": sprintf("urn:pulumi:prod::data::aws:s3/bucketPolicy:BucketPolicy::%s-policy", [target.name]),
	"name": sprintf("%s-policy", [target.name]),
	"properties": {"bucket": unknown, "policy": policy},
	"parent": "urn:pulumi:prod::data::pulumi:pulumi:Stack::data-prod",
	"dependencies": [target.urn],
	"propertyDependencies": {"bucket": [target.urn], "policy": [target.urn]},
}

test_flags_bucket_without_policy if {
	findings := bucket_tls_only.stack_deny with input as {"resources": [data_bucket]}
	count(findings) == 1
	some f in findings
	f.urn == data_bucket.urn
}

test_passes_policy_as_json_text if {
	p := policy_for(data_bucket, json.marshal(document([deny_insecure])))
	count(bucket_tls_only.stack_deny) == 0 with input as {"resources": [data_bucket, p]}
}

test_passes_policy_as_object_with_bool_if_exists_and_boolean if {
	stmt := object.union(deny_insecure, {"Principal": {"AWS": "*"}, "Action": ["*"], "Condition": {"BoolIfExists": {"aws:SecureTransport": false}}})
	p := policy_for(data_bucket, document([stmt]))
	count(bucket_tls_only.stack_deny) == 0 with input as {"resources": [data_bucket, p]}
}

test_passes_policy_linked_by_bucket_name if {
	p := {
		"type": "aws:s3/bucketPolicy:BucketPolicy", "urn": "urn:p", "name": "p",
		"properties": {"bucket": "data-7f3a9c1", "policy": document([deny_insecure])},
	}
	count(bucket_tls_only.stack_deny) == 0 with input as {"resources": [data_bucket, p]}
}

test_policy_covers_only_its_bucket if {
	logs := bucket("aws:s3/bucket:Bucket", "logs", {"bucket": "logs-1d2e3f"})
	p := policy_for(data_bucket, document([deny_insecure]))
	findings := bucket_tls_only.stack_deny with input as {"resources": [data_bucket, logs, p]}
	{f.urn | some f in findings} == {logs.urn}
}

test_flags_policy_without_tls_statement if {
	allow_read := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data-7f3a9c1/*"}
	p := policy_for(data_bucket, document([allow_read]))
	count(bucket_tls_only.stack_deny) == 1 with input as {"resources": [data_bucket, p]}
}

test_flags_deny_with_true_condition if {
	stmt := object.union(deny_insecure, {"Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	p := policy_for(data_bucket, document([stmt]))
	count(bucket_tls_only.stack_deny) == 1 with input as {"resources": [data_bucket, p]}
}

test_flags_deny_for_one_principal_only if {
	stmt := object.union(deny_insecure, {"Principal": {"AWS": "arn:aws:iam::123456789012:root"}})
	p := policy_for(data_bucket, document([stmt]))
	count(bucket_tls_only.stack_deny) == 1 with input as {"resources": [data_bucket, p]}
}

test_flags_deny_for_some_actions_only if {
	stmt := object.union(deny_insecure, {"Action": ["s3:PutObject"]})
	p := policy_for(data_bucket, document([stmt]))
	count(bucket_tls_only.stack_deny) == 1 with input as {"resources": [data_bucket, p]}
}

test_passes_legacy_inline_policy if {
	b := bucket("aws:s3/bucket:Bucket", "legacy", {"bucket": "legacy-9a8b", "policy": json.marshal(document([deny_insecure]))})
	count(bucket_tls_only.stack_deny) == 0 with input as {"resources": [b]}
}

test_flags_invalid_inline_policy_text if {
	b := bucket("aws:s3/bucket:Bucket", "legacy", {"bucket": "legacy-9a8b", "policy": "not json"})
	count(bucket_tls_only.stack_deny) == 1 with input as {"resources": [b]}
}

test_unknown_policy_document_is_not_reported if {
	p := policy_for(data_bucket, unknown)
	count(bucket_tls_only.stack_deny) == 0 with input as {"resources": [data_bucket, p]}
}

test_unknown_inline_policy_is_not_reported if {
	b := bucket("aws:s3/bucket:Bucket", "legacy", {"bucket": "legacy-9a8b", "policy": unknown})
	count(bucket_tls_only.stack_deny) == 0 with input as {"resources": [b]}
}

# A BucketPolicy for a bucket created elsewhere, named by its name.
external_policy(policy) := {
	"type": "aws:s3/bucketPolicy:BucketPolicy",
	"urn": "urn:pulumi:prod::data::aws:s3/bucketPolicy:BucketPolicy::shared-logs-policy",
	"name": "shared-logs-policy",
	"properties": {"bucket": "shared-logs-111122223333", "policy": policy},
	"parent": "urn:pulumi:prod::data::pulumi:pulumi:Stack::data-prod",
	"dependencies": [],
	"propertyDependencies": {},
}

test_flags_policy_of_a_bucket_outside_the_stack if {
	read := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared-logs-111122223333/*"}
	p := external_policy(json.marshal(document([read])))
	findings := bucket_tls_only.stack_deny with input as {"resources": [p]}
	count(findings) == 1
	some f in findings
	f.urn == p.urn
	startswith(f.message, "S3 bucket policy \"shared-logs-policy\" replaces the policy of a bucket this stack does not deploy")
}

test_passes_policy_of_a_bucket_outside_the_stack_with_tls_statement if {
	count(bucket_tls_only.stack_deny) == 0 with input as {"resources": [external_policy(document([deny_insecure]))]}
}

test_policy_of_a_deployed_bucket_is_judged_through_the_bucket if {
	p := object.union(external_policy(document([])), {"properties": {"bucket": "data-7f3a9c1"}})
	findings := bucket_tls_only.stack_deny with input as {"resources": [data_bucket, p]}
	count(findings) == 1
	some f in findings
	f.urn == data_bucket.urn
}

test_unknown_policy_of_a_bucket_outside_the_stack_is_not_judged if {
	count(bucket_tls_only.stack_deny) == 0 with input as {"resources": [external_policy(unknown)]}
}
