package aws.s3.bucket_public_access_block_missing_test

import data.aws.s3.bucket_public_access_block_missing as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

bucket_urn := "urn:pulumi:prod::site::aws:s3/bucket:Bucket::assets"

bucket := {"type": "aws:s3/bucket:Bucket", "urn": bucket_urn, "name": "assets", "properties": {"bucket": "assets-1234"}}

all_on := {"blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true}

block(props, deps) := {
	"type": "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
	"urn": "urn:pulumi:prod::site::aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::assets-block",
	"name": "assets-block",
	"properties": object.union(all_on, props),
	"propertyDependencies": deps,
}

account(props) := {
	"type": "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
	"urn": "urn:pulumi:prod::site::aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock::account",
	"name": "account",
	"properties": props,
}

test_flags_bucket_without_block if {
	findings := rule.stack_deny with input as {"resources": [bucket]}
	count(findings) == 1
	some f in findings
	f.urn == bucket_urn
	count(rule.stack_deny) == 1 with input as {"resources": [bucket, block({"bucket": "other-bucket"}, {})]}
}

test_flags_bucket_when_account_block_is_partial if {
	count(rule.stack_deny) == 1 with input as {"resources": [bucket, account({"blockPublicAcls": true})]}
}

test_passes_bucket_with_block if {
	count(rule.stack_deny) == 0 with input as {"resources": [bucket, block({"bucket": unknown}, {"bucket": [bucket_urn]})]}
	count(rule.stack_deny) == 0 with input as {"resources": [bucket, block({"bucket": "assets-1234"}, {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [object.union(bucket, {"type": "aws:s3/bucketV2:BucketV2"}), block({"bucket": "assets-1234"}, {})]}
}

test_passes_bucket_under_account_block if {
	count(rule.stack_deny) == 0 with input as {"resources": [bucket, account(all_on)]}
}

test_unknown_targets_are_not_reported if {
	count(rule.stack_deny) == 0 with input as {"resources": [bucket, block({"bucket": unknown}, {})]}
	count(rule.stack_deny) == 0 with input as {"resources": [bucket, account(object.union(all_on, {"blockPublicPolicy": unknown}))]}
}
