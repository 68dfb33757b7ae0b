package aws.sqs.queue_encryption_test

import data.aws.sqs.queue_encryption

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

queue(props) := {
	"type": "aws:sqs/queue:Queue",
	"urn": "urn:pulumi:prod::api::aws:sqs/queue:Queue::orders",
	"name": "orders",
	"properties": object.union({"visibilityTimeoutSeconds": 60, "messageRetentionSeconds": 345600}, props),
}

test_passes_queue_without_encryption_settings if {
	# SQS encrypts a new queue with SSE-SQS by default (issue #23: flagged wrongly).
	count(queue_encryption.deny) == 0 with input as queue({})
}

test_flags_sqs_managed_sse_off if {
	findings := queue_encryption.deny with input as queue({"sqsManagedSseEnabled": false})
	count(findings) == 1
	some msg in findings
	contains(msg, "turns server-side encryption off")
}

test_passes_kms_key if {
	count(queue_encryption.deny) == 0 with input as queue({
		"kmsMasterKeyId": "arn:aws:kms:eu-west-1:123456789012:key/0b1f3c5e-8a51-4d6f-9c1a-2f4b6d8e0a12",
		"kmsDataKeyReusePeriodSeconds": 300,
	})
}

test_passes_kms_key_with_sqs_managed_false if {
	count(queue_encryption.deny) == 0 with input as queue({"kmsMasterKeyId": "alias/orders", "sqsManagedSseEnabled": false})
}

test_passes_sqs_managed_sse if {
	count(queue_encryption.deny) == 0 with input as queue({"sqsManagedSseEnabled": true})
}

test_unknown_key_is_not_reported if {
	count(queue_encryption.deny) == 0 with input as queue({"kmsMasterKeyId": unknown, "sqsManagedSseEnabled": false})
}

test_unknown_sqs_managed_is_not_reported if {
	count(queue_encryption.deny) == 0 with input as queue({"sqsManagedSseEnabled": unknown})
}

test_ignores_other_types if {
	count(queue_encryption.deny) == 0 with input as {"type": "aws:sqs/queuePolicy:QueuePolicy", "name": "p", "properties": {}}
}

test_flags_empty_key_with_sqs_managed_sse_off if {
	count(queue_encryption.deny) == 1 with input as queue({"kmsMasterKeyId": "", "sqsManagedSseEnabled": false})
}
