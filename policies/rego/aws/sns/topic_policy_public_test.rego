package aws.sns.topic_policy_public_test

import data.aws.sns.topic_policy_public

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

topic_policy(policy) := {
	"type": "aws:sns/topicPolicy:TopicPolicy",
	"urn": "urn:pulumi:prod::api::aws:sns/topicPolicy:TopicPolicy::alerts",
	"name": "alerts",
	"properties": {"arn": unknown, "policy": policy},
}

publish(condition) := {"Version": "2012-10-17", "Statement": [object.union(
	{"Sid": "Publish", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["SNS:Publish", "SNS:Subscribe"], "Resource": "arn:aws:sns:eu-west-1:111122223333:alerts"},
	condition,
)]}

test_flags_public_topic_policy if {
	findings := topic_policy_public.deny with input as topic_policy(json.marshal(publish({})))
	findings == {"SNS topic policy \"alerts\" has a policy statement \"Publish\" (Principal \"*\") that lets any AWS identity act on the topic, with no condition narrowing the caller: name the principals (a Service principal for AWS services), or add an aws:SourceArn, aws:SourceAccount/aws:SourceOwner or aws:PrincipalOrgID condition."}
}

test_flags_topic_policy_property if {
	topic := {"type": "aws:sns/topic:Topic", "name": "alerts", "properties": {"kmsMasterKeyId": "alias/aws/sns", "policy": publish({})}}
	count(topic_policy_public.deny) == 1 with input as topic
}

test_passes_default_source_owner_condition if {
	count(topic_policy_public.deny) == 0 with input as topic_policy(publish({"Condition": {"StringEquals": {"AWS:SourceOwner": "111122223333"}}}))
}

test_passes_service_principal if {
	doc := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sns:Publish", "Resource": "*"}]}
	count(topic_policy_public.deny) == 0 with input as topic_policy(doc)
}

test_unknown_policy_is_not_judged if {
	count(topic_policy_public.deny) == 0 with input as topic_policy(unknown)
}
