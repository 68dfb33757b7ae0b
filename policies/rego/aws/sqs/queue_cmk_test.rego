package aws.sqs.queue_cmk_test

import data.aws.sqs.queue_cmk

queue(props) := {
	"type": "aws:sqs/queue:Queue",
	"urn": "urn:pulumi:prod::api::aws:sqs/queue:Queue::jobs",
	"name": "jobs",
	"properties": props,
}

test_flags_sqs_managed_keys if {
	count(queue_cmk.deny) == 1 with input as queue({"sqsManagedSseEnabled": true})
}

test_flags_aws_managed_alias if {
	count(queue_cmk.deny) == 1 with input as queue({"kmsMasterKeyId": "alias/aws/sqs"})
}

test_passes_customer_managed_key if {
	count(queue_cmk.deny) == 0 with input as queue({"kmsMasterKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
}

test_flags_the_default_sse_sqs_of_a_queue_without_settings if {
	count(queue_cmk.deny) == 1 with input as queue({})
}

test_leaves_encryption_turned_off_to_queue_encryption if {
	count(queue_cmk.deny) == 0 with input as queue({"sqsManagedSseEnabled": false})
}

test_profile_can_accept_aws_managed_keys if {
	count(queue_cmk.deny) == 0 with input as object.union(
		queue({"sqsManagedSseEnabled": true}),
		{"config": {"aws-sqs-queue-cmk": {"requireCustomerManagedKey": false}}},
	)
}

test_unknown_key_is_not_reported if {
	count(queue_cmk.deny) == 0 with input as queue({"kmsMasterKeyId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}
