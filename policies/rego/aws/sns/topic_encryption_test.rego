package aws.sns.topic_encryption_test

import data.aws.sns.topic_encryption

topic(props) := {
	"type": "aws:sns/topic:Topic",
	"urn": "urn:pulumi:prod::api::aws:sns/topic:Topic::alerts",
	"name": "alerts",
	"properties": props,
}

test_flags_unencrypted_topic if {
	count(topic_encryption.deny) == 1 with input as topic({"displayName": "Alerts"})
}

test_flags_null_key if {
	count(topic_encryption.deny) == 1 with input as topic({"kmsMasterKeyId": null})
}

test_passes_encrypted_topic if {
	count(topic_encryption.deny) == 0 with input as topic({
		"displayName": "Alerts",
		"kmsMasterKeyId": "arn:aws:kms:eu-west-1:123456789012:key/0b1f3c5e-8a51-4d6f-9c1a-2f4b6d8e0a12",
	})
}

test_unknown_key_is_not_reported if {
	count(topic_encryption.deny) == 0 with input as topic({"kmsMasterKeyId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})
}

test_ignores_other_types if {
	count(topic_encryption.deny) == 0 with input as {"type": "aws:sns/topicSubscription:TopicSubscription", "name": "s", "properties": {}}
}

test_flags_empty_key if {
	count(topic_encryption.deny) == 1 with input as topic({"kmsMasterKeyId": ""})
}
