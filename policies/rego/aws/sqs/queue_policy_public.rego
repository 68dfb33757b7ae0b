package aws.sqs.queue_policy_public

import data.lib.iam_policies
import data.lib.pulumi

# METADATA
# title: SQS queue policies do not let anyone send or receive messages
# description: |
#   A queue policy (aws.sqs.Queue policy or QueuePolicy) must not Allow Principal "*",
#   {"AWS": "*"} or NotPrincipal without a condition narrowing the caller: anyone in any
#   AWS account could then send messages to the queue, or read and delete them.
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
#   id: aws-sqs-queue-policy-public
#   severity: critical
#   concern: iam
#   remediation: Name the principals or add an aws:SourceArn (the sending topic or bucket), aws:SourceAccount or aws:PrincipalOrgID condition to the statement.
#   compliance:
#     fsbp: ["SQS.3"]
#     nist-800-53: ["AC-3", "AC-6"]
#     pci-dss: ["7.2.1"]
deny contains msg if {
	some token, kind in kinds
	pulumi.is_type(input, token)
	some stmt in iam_policies.public_statements(input.properties.policy)
	msg := sprintf(
		"%s %q has a policy %s that lets any AWS identity act on the queue, with no condition narrowing the caller: name the principals (for example Service sns.amazonaws.com), or add an aws:SourceArn (the topic or bucket that sends), aws:SourceAccount or aws:PrincipalOrgID condition.",
		[kind, input.name, stmt],
	)
}

resource_types := pulumi.with_aliases(object.keys(kinds))

# The resource types whose `policy` is this resource policy, with the words that name them.
kinds := {
	"aws:sqs/queue:Queue": "SQS queue",
	"aws:sqs/queuePolicy:QueuePolicy": "SQS queue policy",
}
