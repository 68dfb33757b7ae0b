package aws.sns.topic_cmk_test

import data.aws.sns.topic_cmk as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

topic(props) := {
	"type": "aws:sns/topic:Topic",
	"urn": "urn:pulumi:prod::alerts::aws:sns/topic:Topic::alerts",
	"name": "alerts",
	"properties": object.union({"name": "alerts"}, props),
}

test_flags_aws_managed_key if {
	count(rule.deny) == 1 with input as topic({"kmsMasterKeyId": "alias/aws/sns"})
	count(rule.deny) == 1 with input as topic({"kmsMasterKeyId": "arn:aws:kms:us-east-1:123456789012:alias/aws/sns"})
}

test_passes_customer_key if {
	count(rule.deny) == 0 with input as topic({"kmsMasterKeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
	count(rule.deny) == 0 with input as topic({"kmsMasterKeyId": "alias/alerts"})
}

test_unencrypted_topic_is_left_to_the_encryption_rule if {
	count(rule.deny) == 0 with input as topic({})
}

test_profile_can_accept_the_aws_managed_key if {
	count(rule.deny) == 0 with input as object.union(topic({"kmsMasterKeyId": "alias/aws/sns"}), {"config": {"aws-sns-topic-cmk": {"requireCustomerManagedKey": false}}})
}

test_unknown_key_is_not_reported if {
	count(rule.deny) == 0 with input as topic({"kmsMasterKeyId": unknown})
}
