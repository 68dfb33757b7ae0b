package aws.kinesis.stream_cmk_test

import data.aws.kinesis.stream_cmk

stream(props) := {
	"type": "aws:kinesis/stream:Stream",
	"urn": "urn:pulumi:prod::api::aws:kinesis/stream:Stream::events",
	"name": "events",
	"properties": props,
}

test_flags_aws_managed_alias if {
	count(stream_cmk.deny) == 1 with input as stream({"encryptionType": "KMS", "kmsKeyId": "alias/aws/kinesis"})
}

test_flags_missing_key if {
	count(stream_cmk.deny) == 1 with input as stream({"encryptionType": "KMS"})
}

test_passes_customer_managed_key if {
	count(stream_cmk.deny) == 0 with input as stream({"encryptionType": "KMS", "kmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
}

test_leaves_unencrypted_streams_to_stream_encryption if {
	count(stream_cmk.deny) == 0 with input as stream({"shardCount": 1})
}

test_profile_can_accept_aws_managed_key if {
	count(stream_cmk.deny) == 0 with input as object.union(
		stream({"encryptionType": "KMS", "kmsKeyId": "alias/aws/kinesis"}),
		{"config": {"aws-kinesis-stream-cmk": {"requireCustomerManagedKey": false}}},
	)
}

test_unknown_key_is_not_reported if {
	count(stream_cmk.deny) == 0 with input as stream({"encryptionType": "KMS", "kmsKeyId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
