package aws.s3.bucket_sse_kms_test

import data.aws.s3.bucket_sse_kms

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

key_arn := "arn:aws:kms:eu-west-1:123456789012:key/0b1f3c5e-8a51-4d6f-9c1a-2f4b6d8e0a12"

bucket := {
	"type": "aws:s3/bucket:Bucket",
	"urn": "urn:pulumi:prod::api::aws:s3/bucket:Bucket::assets",
	"name": "assets",
	"properties": {"bucket": "acme-prod-assets", "forceDestroy": false},
	"parent": "urn:pulumi:prod::api::pulumi:pulumi:Stack::api-prod",
	"dependencies": [],
	"propertyDependencies": {},
}

bucket_v2 := {
	"type": "aws:s3/bucketV2:BucketV2",
	"urn": "urn:pulumi:prod::api::aws:s3/bucketV2:BucketV2::logs",
	"name": "logs",
	"properties": {"bucket": "acme-prod-logs"},
	"propertyDependencies": {},
}

# An encryption configuration that refers to the bucket through propertyDependencies (preview).
sse_config(target, algorithm) := {
	"type": "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
	"urn": sprintf("%s-sse", [target.urn]),
	"name": sprintf("%s-sse", [target.name]),
	"properties": {
		"bucket": unknown,
		"rules": [{
			"applyServerSideEncryptionByDefault": {"sseAlgorithm": algorithm, "kmsMasterKeyId": key_arn},
			"bucketKeyEnabled": true,
		}],
	},
	"dependencies": [target.urn],
	"propertyDependencies": {"bucket": [target.urn]},
}

test_flags_bucket_without_configuration if {
	findings := bucket_sse_kms.stack_deny with input as {"resources": [bucket]}
	count(findings) == 1
	some f in findings
	f.urn == bucket.urn
	contains(f.message, "add a BucketServerSideEncryptionConfiguration")
}

test_passes_bucket_with_kms_configuration if {
	count(bucket_sse_kms.stack_deny) == 0 with input as {"resources": [bucket, sse_config(bucket, "aws:kms")]}
}

test_passes_dsse_kms if {
	count(bucket_sse_kms.stack_deny) == 0 with input as {"resources": [bucket, sse_config(bucket, "aws:kms:dsse")]}
}

test_flags_sse_s3_configuration if {
	findings := bucket_sse_kms.stack_deny with input as {"resources": [bucket, sse_config(bucket, "AES256")]}
	count(findings) == 1
	some f in findings
	contains(f.message, "does not use SSE-KMS")
}

test_configuration_of_another_bucket_does_not_count if {
	findings := bucket_sse_kms.stack_deny with input as {"resources": [bucket, bucket_v2, sse_config(bucket_v2, "aws:kms")]}
	{f.urn | some f in findings} == {bucket.urn}
}

test_reference_by_bucket_name_after_deployment if {
	config := {
		"type": "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
		"urn": "urn:c",
		"name": "c",
		"properties": {
			"bucket": "acme-prod-assets",
			"rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms"}}],
		},
	}
	count(bucket_sse_kms.stack_deny) == 0 with input as {"resources": [bucket, config]}
}

test_bucket_v2_alias_is_checked if {
	findings := bucket_sse_kms.stack_deny with input as {"resources": [bucket_v2]}
	{f.urn | some f in findings} == {bucket_v2.urn}
}

test_unknown_rules_are_not_reported if {
	config := json.patch(sse_config(bucket, "AES256"), [{"op": "replace", "path": "/properties/rules", "value": unknown}])
	count(bucket_sse_kms.stack_deny) == 0 with input as {"resources": [bucket, config]}
}

test_unknown_algorithm_is_not_reported if {
	count(bucket_sse_kms.stack_deny) == 0 with input as {"resources": [bucket, sse_config(bucket, unknown)]}
}

test_passes_legacy_inline_kms if {
	legacy := json.patch(bucket, [{"op": "add", "path": "/properties/serverSideEncryptionConfiguration", "value": {"rule": {
		"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": key_arn},
		"bucketKeyEnabled": true,
	}}}])
	count(bucket_sse_kms.stack_deny) == 0 with input as {"resources": [legacy]}
}

test_flags_legacy_inline_aes256 if {
	legacy := json.patch(bucket, [{"op": "add", "path": "/properties/serverSideEncryptionConfiguration", "value": {"rule": {"applyServerSideEncryptionByDefault": {"sseAlgorithm": "AES256"}}}}])
	findings := bucket_sse_kms.stack_deny with input as {"resources": [legacy]}
	count(findings) == 1
	some f in findings
	contains(f.message, "does not use SSE-KMS")
}

test_passes_bucket_v2_inline_kms_lists if {
	inline := json.patch(bucket_v2, [{"op": "add", "path": "/properties/serverSideEncryptionConfigurations", "value": [{"rules": [{"applyServerSideEncryptionByDefaults": [{"sseAlgorithm": "aws:kms"}]}]}]}])
	count(bucket_sse_kms.stack_deny) == 0 with input as {"resources": [inline]}
}

test_unknown_inline_configuration_is_not_reported if {
	legacy := json.patch(bucket, [{"op": "add", "path": "/properties/serverSideEncryptionConfiguration", "value": unknown}])
	count(bucket_sse_kms.stack_deny) == 0 with input as {"resources": [legacy]}
}

test_unknown_inline_algorithm_is_not_reported if {
	legacy := json.patch(bucket, [{"op": "add", "path": "/properties/serverSideEncryptionConfiguration", "value": {"rule": {"applyServerSideEncryptionByDefault": {"sseAlgorithm": unknown}}}}])
	count(bucket_sse_kms.stack_deny) == 0 with input as {"resources": [legacy]}
}

test_no_buckets_no_findings if {
	count(bucket_sse_kms.stack_deny) == 0 with input as {"resources": [sse_config(bucket, "AES256")]}
}
