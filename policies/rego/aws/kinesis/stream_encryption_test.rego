package aws.kinesis.stream_encryption_test

import data.aws.kinesis.stream_encryption

stream(props) := {
	"type": "aws:kinesis/stream:Stream",
	"urn": "urn:pulumi:prod::api::aws:kinesis/stream:Stream::events",
	"name": "events",
	"properties": object.union({"retentionPeriod": 24, "streamModeDetails": {"streamMode": "ON_DEMAND"}}, props),
}

test_flags_stream_without_encryption if {
	count(stream_encryption.deny) == 1 with input as stream({})
}

test_flags_encryption_none if {
	count(stream_encryption.deny) == 1 with input as stream({"encryptionType": "NONE"})
}

test_passes_kms if {
	count(stream_encryption.deny) == 0 with input as stream({"encryptionType": "KMS", "kmsKeyId": "alias/aws/kinesis"})
}

test_unknown_type_is_not_reported if {
	count(stream_encryption.deny) == 0 with input as stream({"encryptionType": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_ignores_other_types if {
	count(stream_encryption.deny) == 0 with input as {"type": "aws:kinesis/streamConsumer:StreamConsumer", "name": "c", "properties": {}}
}
