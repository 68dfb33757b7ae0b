package aws.sns.topic_tls_only_test

import data.aws.sns.topic_tls_only

unknown := "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

topic(name, props) := {
	"type": "aws:sns/topic:Topic",
	"urn": sprintf("urn:pulumi:prod::events::aws:sns/topic:Topic::%s", [name]),
	"name": name,
	"properties": object.union({"name": sprintf("%s-5e6f7a8", [name]), "kmsMasterKeyId": "alias/aws/sns"}, props),
	"parent": "urn:pulumi:prod::events::pulumi:pulumi:Stack::events-prod",
	"dependencies": [],
	"propertyDependencies": {},
}

orders := topic("orders", {})

deny_insecure := {
	"Sid": "DenyInsecureTransport",
	"Effect": "Deny",
	"Principal": "*",
	"Action": "SNS:Publish",
	"Resource": "arn:aws:sns:eu-west-1:123456789012:orders-5e6f7a8",
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}

document(statements) := {"Version": "2012-10-17", "Statement": statements}

# A TopicPolicy as a preview sends it: arn is unknown, the dependency names the topic.
policy_for(target, policy) := {
	"type": "aws:sns/topicPolicy:TopicPolicy",
	"urn": sprintf("urn:pulumi:prod::events::aws:sns/topicPolicy:TopicPolicy::%s-policy", [target.name]),
	"name": sprintf("%s-policy", [target.name]),
	"properties": {"arn": unknown, "policy": policy},
	"parent": "urn:pulumi:prod::events::pulumi:pulumi:Stack::events-prod",
	"dependencies": [target.urn],
	"propertyDependencies": {"arn": [target.urn], "policy": [target.urn]},
}

test_flags_topic_without_policy if {
	findings := topic_tls_only.stack_deny with input as {"resources": [orders]}
	count(findings) == 1
	some f in findings
	f.urn == orders.urn
}

test_passes_topic_policy_as_json_text if {
	p := policy_for(orders, json.marshal(document([deny_insecure])))
	count(topic_tls_only.stack_deny) == 0 with input as {"resources": [orders, p]}
}

test_passes_inline_topic_policy_as_object if {
	t := topic("orders", {"policy": document([object.union(deny_insecure, {"Action": ["sns:*"], "Condition": {"BoolIfExists": {"aws:SecureTransport": false}}})])})
	count(topic_tls_only.stack_deny) == 0 with input as {"resources": [t]}
}

test_passes_topic_policy_linked_by_arn if {
	t := topic("orders", {"arn": "arn:aws:sns:eu-west-1:123456789012:orders-5e6f7a8"})
	p := {
		"type": "aws:sns/topicPolicy:TopicPolicy", "urn": "urn:p", "name": "p",
		"properties": {"arn": "arn:aws:sns:eu-west-1:123456789012:orders-5e6f7a8", "policy": document([deny_insecure])},
	}
	count(topic_tls_only.stack_deny) == 0 with input as {"resources": [t, p]}
}

test_policy_covers_only_its_topic if {
	alerts := topic("alerts", {})
	p := policy_for(orders, document([deny_insecure]))
	findings := topic_tls_only.stack_deny with input as {"resources": [orders, alerts, p]}
	{f.urn | some f in findings} == {alerts.urn}
}

test_flags_policy_denying_subscribe_only if {
	p := policy_for(orders, document([object.union(deny_insecure, {"Action": "sns:Subscribe"})]))
	count(topic_tls_only.stack_deny) == 1 with input as {"resources": [orders, p]}
}

test_flags_allow_only_policy if {
	allow := {"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sns:Publish", "Resource": "*"}
	p := policy_for(orders, json.marshal(document([allow])))
	count(topic_tls_only.stack_deny) == 1 with input as {"resources": [orders, p]}
}

test_unknown_topic_policy_is_not_reported if {
	p := policy_for(orders, unknown)
	count(topic_tls_only.stack_deny) == 0 with input as {"resources": [orders, p]}
}

test_unknown_inline_policy_is_not_reported if {
	count(topic_tls_only.stack_deny) == 0 with input as {"resources": [topic("orders", {"policy": unknown})]}
}
