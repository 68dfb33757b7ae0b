package aws.sqs.queue_policy_wildcard_action_test

import data.aws.sqs.queue_policy_wildcard_action as rule

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

queue_policy(statement) := {
	"type": "aws:sqs/queuePolicy:QueuePolicy",
	"urn": "urn:pulumi:prod::orders::aws:sqs/queuePolicy:QueuePolicy::orders",
	"name": "orders",
	"properties": {"queueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/orders", "policy": json.marshal({"Version": "2012-10-17", "Statement": [statement]})},
}

grant(principal, action) := {"Effect": "Allow", "Principal": principal, "Action": action, "Resource": "arn:aws:sqs:us-east-1:123456789012:orders", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:orders"}}}

test_flags_all_actions_to_a_service if {
	count(rule.deny) == 1 with input as queue_policy(grant({"Service": "sns.amazonaws.com"}, "sqs:*"))
	count(rule.deny) == 1 with input as queue_policy(grant({"AWS": "arn:aws:iam::123456789012:role/worker"}, ["*"]))
}

test_passes_single_actions_and_owner_default if {
	count(rule.deny) == 0 with input as queue_policy(grant({"Service": "sns.amazonaws.com"}, "sqs:SendMessage"))
	count(rule.deny) == 0 with input as queue_policy(grant({"AWS": "arn:aws:iam::123456789012:root"}, "SQS:*"))
}

test_unknown_policy_is_not_reported if {
	count(rule.deny) == 0 with input as object.union(queue_policy({}), {"properties": {"policy": unknown}})
}
