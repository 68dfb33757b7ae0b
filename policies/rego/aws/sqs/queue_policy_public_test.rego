package aws.sqs.queue_policy_public_test

import data.aws.sqs.queue_policy_public

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

queue_policy(policy) := {
	"type": "aws:sqs/queuePolicy:QueuePolicy",
	"urn": "urn:pulumi:prod::api::aws:sqs/queuePolicy:QueuePolicy::orders",
	"name": "orders",
	"properties": {"queueUrl": unknown, "policy": policy},
}

send(condition) := {"Version": "2012-10-17", "Statement": [object.union(
	{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:eu-west-1:111122223333:orders"},
	condition,
)]}

test_flags_public_send if {
	findings := queue_policy_public.deny with input as queue_policy(json.marshal(send({})))
	findings == {"SQS queue policy \"orders\" has a policy statement #1 (Principal \"*\") that lets any AWS identity act on the queue, with no condition narrowing the caller: name the principals (for example Service sns.amazonaws.com), or add an aws:SourceArn (the topic or bucket that sends), aws:SourceAccount or aws:PrincipalOrgID condition."}
}

test_flags_queue_policy_property if {
	queue := {"type": "aws:sqs/queue:Queue", "name": "orders", "properties": {"sqsManagedSseEnabled": true, "policy": send({})}}
	count(queue_policy_public.deny) == 1 with input as queue
}

test_flags_if_exists_condition if {
	count(queue_policy_public.deny) == 1 with input as queue_policy(send({"Condition": {"ArnEqualsIfExists": {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:orders"}}}))
}

test_passes_source_arn_condition if {
	count(queue_policy_public.deny) == 0 with input as queue_policy(send({"Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:orders"}}}))
}

test_passes_unknown_condition_value if {
	count(queue_policy_public.deny) == 0 with input as queue_policy(send({"Condition": {"ArnEquals": {"aws:SourceArn": unknown}}}))
}

test_unknown_policy_is_not_judged if {
	count(queue_policy_public.deny) == 0 with input as queue_policy(unknown)
}
