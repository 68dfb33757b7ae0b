package aws.kinesis.firehose_delivery_stream_encryption_test

import data.aws.kinesis.firehose_delivery_stream_encryption as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

stream(props) := {
	"type": "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
	"urn": "urn:pulumi:prod::events::aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream::clicks",
	"name": "clicks",
	"properties": object.union({"name": "clicks", "destination": "extended_s3", "extendedS3Configuration": {"bucketArn": "arn:aws:s3:::clicks", "roleArn": "arn:aws:iam::123456789012:role/firehose"}}, props),
}

test_flags_direct_put_stream_without_encryption if {
	count(rule.deny) == 1 with input as stream({})
	count(rule.deny) == 1 with input as stream({"serverSideEncryption": {"enabled": false}})
}

test_passes_encrypted_stream if {
	count(rule.deny) == 0 with input as stream({"serverSideEncryption": {"enabled": true}})
	count(rule.deny) == 0 with input as stream({"serverSideEncryption": {"enabled": true, "keyType": "CUSTOMER_MANAGED_CMK", "keyArn": "arn:aws:kms:us-east-1:123456789012:key/abc"}})
}

test_stream_source_is_not_judged if {
	source := {"kinesisStreamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/clicks", "roleArn": "arn:aws:iam::123456789012:role/firehose"}
	count(rule.deny) == 0 with input as stream({"kinesisSourceConfiguration": source})
}

test_unknown_setting_is_not_reported if {
	count(rule.deny) == 0 with input as stream({"serverSideEncryption": unknown})
	count(rule.deny) == 0 with input as stream({"serverSideEncryption": {"enabled": unknown}})
}
