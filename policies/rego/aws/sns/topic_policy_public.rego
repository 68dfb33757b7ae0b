package aws.sns.topic_policy_public

import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: SNS topic policies do not let anyone publish or subscribe
# description: |
#   A topic policy (aws.sns.Topic policy or TopicPolicy) must not Allow Principal "*",
#   {"AWS": "*"} or NotPrincipal without a condition narrowing the caller: anyone in any
#   AWS account could then publish to the topic, subscribe to it and read its messages,
#   or change it.
#   Deny statements and named principals are fine. Conditions that count as narrowing:
#   aws:SourceVpc, aws:SourceVpce, aws:SourceAccount, aws:SourceArn, aws:SourceOwner,
#   aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, kms:CallerAccount,
#   kms:ViaService and aws:SourceIp; negated, …IfExists, Null and ForAllValues:
#   operators do not, nor do wildcard values ("*", "1234*", 0.0.0.0/0) or policy variables:
#   only fixed values (or ARNs pinned to one account) narrow. The VPC-endpoint owner keys
#   aws:VpceAccount, aws:VpceOrgID, aws:VpceOrgPaths and aws:PrincipalOrgPaths narrow too.
#   An unknown policy is not judged.
# scope: document
# custom:
#   id: aws-sns-topic-policy-public
#   severity: critical
#   concern: iam
#   remediation: Name the principals (a Service principal for AWS services) or add an aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID condition to the statement.
#   compliance:
#     fsbp: ["SNS.4"]
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["7.2.1"]
deny contains msg if {
	some token, kind in kinds
	pulumi.is_type(input, token)
	some stmt in iam_policies.public_statements(input.properties.policy)
	msg := sprintf(
		"%s %q has a policy %s that lets any AWS identity act on the topic, with no condition narrowing the caller: name the principals (a Service principal for AWS services), or add an aws:SourceArn, aws:SourceAccount/aws:SourceOwner or aws:PrincipalOrgID condition.",
		[kind, input.name, stmt],
	)
}

resource_types := pulumi.with_aliases(object.keys(kinds))

# The resource types whose `policy` is this resource policy, with the words that name them.
kinds := {
	"aws:sns/topic:Topic": "SNS topic",
	"aws:sns/topicPolicy:TopicPolicy": "SNS topic policy",
}
