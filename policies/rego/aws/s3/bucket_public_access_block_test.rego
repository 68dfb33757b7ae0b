package aws.s3.bucket_public_access_block_test

import data.aws.s3.bucket_public_access_block as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

block(props) := {
	"type": "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
	"urn": "urn:pulumi:prod::web::aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::web-bucket-block",
	"name": "web-bucket-block",
	"properties": object.union({"bucket": "assets-7f3a9c1", "blockPublicAcls": true, "ignorePublicAcls": true, "blockPublicPolicy": true, "restrictPublicBuckets": true}, props),
}

test_flags_setting_turned_off if {
	findings := rule.deny with input as block({"blockPublicPolicy": false, "restrictPublicBuckets": false})
	findings == {"S3 bucket public access block \"web-bucket-block\" turns off blockPublicPolicy, restrictPublicBuckets: set all four settings (blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets) to true."}
}

test_flags_settings_left_out if {
	findings := rule.deny with input as {"type": "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "name": "b", "properties": {"bucket": "assets-7f3a9c1", "blockPublicAcls": true}}
	count(findings) == 1
	some msg in findings
	contains(msg, "turns off blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets")
}

test_passes_all_four_on if {
	count(rule.deny) == 0 with input as block({})
}

test_unknown_settings_are_not_judged if {
	count(rule.deny) == 0 with input as block({"blockPublicAcls": unknown, "restrictPublicBuckets": unknown})
}
