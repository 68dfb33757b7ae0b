package aws.sns.topic_tls_only

import data.lib.iam
import data.lib.pulumi
import data.lib.stack

# METADATA
# title: SNS topics refuse publishing without TLS
# description: |
#   Every SNS topic must have an access policy that denies publishing to every
#   principal when the request does not use TLS: a Deny statement for Principal "*",
#   Action "sns:Publish" (or "sns:*" or "*") and the condition Bool (or BoolIfExists)
#   aws:SecureTransport "false". The policy may be the topic's own policy or an
#   aws:sns/topicPolicy:TopicPolicy whose arn refers to the topic.
# scope: document
# custom:
#   id: aws-sns-topic-tls-only
#   severity: high
#   concern: https
#   remediation: Add to the topic policy a statement {Effect "Deny", Principal "*", Action "sns:Publish", Resource topic ARN, Condition {Bool {"aws:SecureTransport" "false"}}}.
#   compliance:
#     nist-800-53: ["SC-8"]
#     pci-dss: ["4.2.1"]
stack_deny contains {"urn": topic.urn, "message": msg} if {
	policies := stack.of_type("aws:sns/topicPolicy:TopicPolicy")
	enforced := stack.targets([p | some p in policies; denies_insecure_transport(p.properties.policy)], "arn")
	undecided := stack.targets([p | some p in policies; pulumi.unknown(p.properties, "policy")], "arn")
	some topic in stack.of_type("aws:sns/topic:Topic")
	not stack.referenced(topic, topic_names, enforced)
	not stack.referenced(topic, topic_names, undecided)
	not pulumi.unknown(topic.properties, "policy")
	not denies_insecure_transport(object.get(topic.properties, "policy", null))
	msg := sprintf("SNS topic %q does not refuse publishing without TLS: add a policy statement that denies \"sns:Publish\" to Principal \"*\" when \"aws:SecureTransport\" is \"false\".", [topic.name])
}

# The topic properties that a TopicPolicy's arn may hold (the topic id is its ARN).
topic_names := ["arn", "id"]

# denies_insecure_transport(policy) holds when the policy document (JSON text or object)
# has a Deny statement for every principal, covering sns:Publish, on non-TLS requests.
denies_insecure_transport(policy) if {
	some statement in iam.statements(policy)
	statement.Effect == "Deny"
	"*" in iam.principals(statement)
	some action in iam.actions(statement)
	action in {"*", "sns:*", "sns:publish"}
	insecure_transport_condition(statement)
}

insecure_transport_condition(statement) if {
	some operator, block in statement.Condition
	lower(operator) in {"bool", "boolifexists"}
	some key, value in block
	lower(key) == "aws:securetransport"
	some v in iam.as_list(value)
	false_value(v)
}

false_value(false)

false_value(v) if {
	is_string(v)
	lower(v) == "false"
}

# The types this rule's stack_deny reads (with its helpers'): the stack query carries only
# the resources of the types some stack rule declares.
stack_resource_types := pulumi.with_aliases({
	"aws:sns/topic:Topic",
	"aws:sns/topicPolicy:TopicPolicy",
})
